/**
 * Where a ReadStore came from, for the audit log: the files `loadReads` read (hashed once,
 * when first logged) and the data-age rule it applied. Kept beside the store (a WeakMap on
 * globalThis, so every copy of the library in the process shares it), not inside it, so the
 * store's shape and its JSON stay as they are.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileSha256 } from '../core/digest';
import type { AuditInput } from './audit';

/** The data-age rule a load applied (see `dataAgeLimits`), with how many reads it excluded. */
export interface DataAgeRecord {
  /** The "now" the ages were measured from, ISO 8601 UTC. */
  now: string;
  /** Authorisation reference for reads 90–365 days old, or null (then only the last 90 days). */
  authorisation: string | null;
  /** Reads before this instant were excluded (ISO 8601 UTC). */
  accessFrom: string;
  /** Reads older than 90 days excluded for want of an authorisation. */
  needsAuthorisation: number;
  /** Reads older than 365 days excluded by the retention rule. */
  beyondRetention: number;
}

interface Provenance { files: string[]; digests: Map<string, AuditInput>; dataAge: DataAgeRecord | null }

const KEY = Symbol.for('anpr.privacy.provenance');
const g = globalThis as unknown as { [KEY]?: WeakMap<object, Provenance> };
const table = (): WeakMap<object, Provenance> => (g[KEY] ??= new WeakMap());

/**
 * Remember the files a store was loaded from and the data-age rule applied (called by loadReads).
 * @example noteStoreSource(store, ['reads.csv.gz', 'sites.csv'], null)
 */
export function noteStoreSource(store: object, files: readonly string[], dataAge: DataAgeRecord | null,
  /** SHA-256 already known for some of the files (the reads cache hashes them), with their size:mtime stamps. */
  known: readonly { file: string; sha256: string; stamp: string }[] = []): void {
  const digests = new Map<string, AuditInput>();
  for (const k of known) { const file = path.resolve(k.file); digests.set(`${file}\0${k.stamp}`, { file, sha256: k.sha256 }); }
  table().set(store, { files: files.map((f) => path.resolve(f)), digests, dataAge });
}

/**
 * The size:mtime stamp `storeInputs` compares a file by.
 * @example auditStamp('reads.csv.gz') // '120825703:1764765480123.4'
 */
export function auditStamp(file: string): string {
  const st = statSync(file);
  return `${st.size}:${st.mtimeMs}`;
}

/**
 * The data-age record of a store (null when no rule was applied or the store was not loaded from files).
 * @example storeDataAge(store)?.needsAuthorisation // 120
 */
export function storeDataAge(store: object): DataAgeRecord | null {
  return table().get(store)?.dataAge ?? null;
}

/**
 * The input files of a store with their SHA-256, hashed on first use and again only when a
 * file's size or modification time changed ([] for a store not loaded from files).
 * @example storeInputs(store) // [{ file: '/data/reads.csv.gz', sha256: '9f…' }]
 */
export function storeInputs(store: object): AuditInput[] {
  const p = table().get(store);
  if (!p) return [];
  return p.files.map((file) => {
    let stamp = '';
    try { stamp = auditStamp(file); } catch { return { file, sha256: 'unreadable' }; }
    const key = `${file}\0${stamp}`;
    let d = p.digests.get(key);
    if (!d) { d = { file, sha256: fileSha256(file) }; p.digests.set(key, d); }
    return d;
  });
}
