/**
 * Derived data kept beside a cached load: small files in its entry folder, for later stages to
 * keep what they compute from a store and would otherwise compute again in every new process
 * (the look-alike groups: engines/kept-lookalikes.ts). Only a store the reads cache served or
 * saved has a folder; derived files go when the entry goes (retention, `anpr cache clear`).
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { ReadStore } from '../../reads/types';

const entryOf = new WeakMap<ReadStore, string>();

/** Name the entry folder `dir` as where `store`'s derived data lives (the cache does this). */
export function attachEntry(store: ReadStore, dir: string): void {
  entryOf.set(store, dir);
}

/**
 * Whether `store` has a cache entry to keep derived files in.
 * @example hasDerived(store) // false for a store loaded with { cache: false }
 */
export function hasDerived(store: ReadStore): boolean {
  return entryOf.has(store);
}

const safe = (name: string) => /^[A-Za-z0-9._-]+$/.test(name) && !name.startsWith('.');

/**
 * The bytes of derived file `name` of `store`'s cache entry, or null (no entry, no such file).
 * @example readDerived(store, 'lookalikes-1-ab12.bin') // Uint8Array, or null on the first run
 */
export function readDerived(store: ReadStore, name: string): Uint8Array | null {
  const dir = entryOf.get(store);
  if (!dir || !safe(name)) return null;
  try { return readFileSync(path.join(dir, name)); } catch { return null; }
}

/**
 * Keep `bytes` as derived file `name` of `store`'s cache entry (written whole, mode 0600);
 * false when the store has no entry or the folder is gone or unwritable (nothing else fails).
 * @example writeDerived(store, 'lookalikes-1-ab12.bin', bytes)
 */
export function writeDerived(store: ReadStore, name: string, bytes: Uint8Array): boolean {
  const dir = entryOf.get(store);
  if (!dir || !safe(name)) return false;
  const tmp = path.join(dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(tmp, bytes, { mode: 0o600 });
    renameSync(tmp, path.join(dir, name));
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}
