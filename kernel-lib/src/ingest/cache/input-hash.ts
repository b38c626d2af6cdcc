/**
 * SHA-256 of input files for the cache key, remembered per file by its identity and stamps
 * (device, inode, size, modification and change time in ns), as git's index does: a file
 * whose stamps are unchanged is not read again. Any write to a file changes its change time
 * (ctime), which no user tool can set back, so a changed byte always means a fresh hash.
 * Hashing a file not seen before runs in a worker thread, beside the load it keys.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ensurePrivateDir } from './cache-dir';

/** A file's identity and stamps, as text. */
export function fileStamp(file: string): string {
  const st = statSync(file, { bigint: true });
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

const memoPath = (root: string, file: string) =>
  path.join(root, 'inputs', createHash('sha256').update(path.resolve(file)).digest('hex').slice(0, 32) + '.json');

/**
 * The remembered SHA-256 of `file` when its stamps are unchanged since it was hashed, else null.
 * @example knownSha256('/home/a/.cache/anpr', 'reads.csv.gz') // '9f…' or null
 */
export function knownSha256(root: string, file: string): string | null {
  try {
    const m = JSON.parse(readFileSync(memoPath(root, file), 'utf8')) as { stamp: string; sha256: string };
    return m.stamp === fileStamp(file) ? m.sha256 : null;
  } catch {
    return null;
  }
}

/**
 * Remember `sha256` for `file` at the stamps it had when hashing began (`stamp`); nothing is
 * remembered if the file changed meanwhile.
 * @example rememberSha256(root, 'reads.csv.gz', stamp, '9f…')
 */
export function rememberSha256(root: string, file: string, stamp: string, sha256: string): void {
  try {
    if (fileStamp(file) !== stamp) return;
    const p = memoPath(root, file);
    ensurePrivateDir(path.dirname(p));
    const tmp = `${p}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ file: path.resolve(file), stamp, sha256 }), { mode: 0o600 });
    renameSync(tmp, p);
  } catch { /* not remembered: hashed again next time */ }
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto'), fs = require('node:fs');
const h = crypto.createHash('sha256'), fd = fs.openSync(workerData, 'r'), b = Buffer.allocUnsafe(1 << 22);
for (let n; (n = fs.readSync(fd, b, 0, b.length, null)) > 0;) h.update(b.subarray(0, n));
fs.closeSync(fd);
parentPort.postMessage(h.digest('hex'));`;

/**
 * SHA-256 of a file, computed in a worker thread (the main thread stays free for the load).
 * @example await sha256InWorker('reads.csv.gz') // '9f…'
 */
export function sha256InWorker(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const w = new Worker(WORKER, { eval: true, workerData: path.resolve(file) });
    w.once('message', (m: string) => { resolve(m); void w.terminate(); });
    w.once('error', reject);
    w.once('exit', (code) => { if (code !== 0) reject(new Error(`hash worker exited with ${code}`)); });
  });
}

/**
 * SHA-256 of a file: remembered, else computed in a worker and remembered.
 * @example await inputSha256(root, 'reads.csv.gz') // '9f…'
 */
export async function inputSha256(root: string, file: string): Promise<string> {
  const known = knownSha256(root, file);
  if (known) return known;
  const stamp = fileStamp(file);
  const sha = await sha256InWorker(file);
  rememberSha256(root, file, stamp, sha);
  return sha;
}
