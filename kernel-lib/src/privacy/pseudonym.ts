import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the pseudonymisation key lives: `ANPR_PSEUDONYM_KEY` (hex or text) if set, else the
 * file `ANPR_KEY_FILE`, else `~/.local/share/anpr/pseudonym.key` (created with 32 random
 * bytes, mode 600, on first use). Never inside the repository or a notebook.
 */
export function keyFilePath(): string {
  return process.env.ANPR_KEY_FILE || path.join(process.env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'anpr', 'pseudonym.key');
}

let cachedKey: Buffer | null = null;

function key(): Buffer {
  if (process.env.ANPR_PSEUDONYM_KEY) return Buffer.from(process.env.ANPR_PSEUDONYM_KEY, 'utf8');
  if (cachedKey) return cachedKey;
  const file = keyFilePath();
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  cachedKey = Buffer.from(readFileSync(file, 'utf8').trim(), 'utf8');
  return cachedKey;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A stable pseudonym for a VRM: keyed HMAC-SHA256, 10 symbols, prefixed `V-`.
 * The same key gives the same pseudonym in every run, so results stay comparable.
 * @example pseudonym('AB12CDE') // e.g. 'V-K7Q2M9XW3R'
 */
export function pseudonym(vrm: string): string {
  const k = key();
  if (k !== memoKey && !(memoKey && k.equals(memoKey))) { memo.clear(); memoKey = k; }
  let out = memo.get(vrm);
  if (out !== undefined) return out;
  const mac = createHmac('sha256', k).update(vrm).digest();
  out = 'V-';
  for (let i = 0; i < 10; i++) out += ALPHABET[mac[i] & 31];
  if (memo.size >= 1 << 20) memo.clear();
  memo.set(vrm, out);
  return out;
}

// Pseudonyms already made with the current key (a ranking names the same plates many times:
// rows, reasons, look-alikes, relays); cleared when the key changes.
const memo = new Map<string, string>();
let memoKey: Buffer | null = null;
