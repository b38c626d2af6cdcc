/**
 * The reads cache as `loadReads` uses it: work out the key, return a cached load when there
 * is one, else save the fresh load under the key once it is done.
 *
 * Hashes of files seen before (same inode, size, mtime and ctime) are remembered; a file
 * not seen before is hashed in a worker thread while the load runs, so a first load costs
 * little more than without the cache (plus writing the entry).
 */
import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { IngestError } from '../ingest-error';
import * as msg from '../../messages';
import { INGEST_VERSION, type LoadSummary } from '../types';
import { auditStamp } from '../../privacy/provenance';
import type { ReadStore, SiteTable } from '../../reads/types';
import { cacheRoot } from './cache-dir';
import { fileSha256 } from '../../core/digest';
import { fileStamp, knownSha256, rememberSha256, sha256InWorker } from './input-hash';
import { attachEntry } from './derived';
import { CACHE_MIN_BYTES, cacheKey, lookupEntry, saveEntry, siteTableSha256, type CacheOptions } from './read-cache';

/** The inputs of a load, as far as the cache cares. */
export interface CachedLoadInputs {
  reads: string;
  sites: string | SiteTable | null;
  format: string;
  notAfter: number | null;
  now: number | null;
  authorisation: string | null;
  quarantine: string | null;
}

/** A file hashed for the key, with the stamp the audit log compares it by. */
export interface HashedInput { file: string; sha256: string; stamp: string }

/** A cache session for one load. */
export interface LoadCache {
  /** The cached load, when there is one (quarantine already copied when asked for). */
  hit: { store: ReadStore; summary: LoadSummary; inputs: HashedInput[] } | null;
  /** Save a fresh load (no-op on a hit or when caching was skipped); returns the hashed inputs. */
  save(store: ReadStore, summary: LoadSummary): Promise<HashedInput[]>;
}

const NONE: LoadCache = { hit: null, save: async () => [] };

/**
 * Open the cache for one load; `options` false/undefined-with-false means off.
 * @example
 * const c = await openLoadCache(true, { reads: 'r.csv.gz', sites: 's.csv', format: 'csv.gz', notAfter: null, now: null, authorisation: null, quarantine: null });
 * if (c.hit) return c.hit; … await c.save(store, summary);
 */
export async function openLoadCache(options: boolean | CacheOptions | undefined, inp: CachedLoadInputs): Promise<LoadCache> {
  if (options === false) return NONE;
  const o: CacheOptions = options === true || options === undefined ? {} : options;
  const size = statSync(inp.reads, { throwIfNoEntry: false })?.size;
  if (size === undefined || size < (o.minBytes ?? CACHE_MIN_BYTES)) return NONE; // a missing file fails in the load, as without the cache
  if (typeof inp.sites === 'string' && !statSync(inp.sites, { throwIfNoEntry: false })?.isFile()) return NONE;
  const root = cacheRoot(o.dir);
  const clock = o.clock ?? Date.now();
  const files = [inp.reads, ...(typeof inp.sites === 'string' ? [inp.sites] : [])];
  const stamps = files.map(fileStamp);
  const auditStamps = files.map(auditStamp);
  // Remembered hashes; a small file not seen before (the sites file) is hashed now.
  const known = files.map((f, i) => knownSha256(root, f) ?? (statSync(f).size <= SMALL ? remember(root, f, stamps[i], fileSha256(f)) : null));
  const keyOf = (shas: string[]) => cacheKey({
    ingestVersion: INGEST_VERSION, format: inp.format, reads: shas[0],
    sites: typeof inp.sites === 'string' ? shas[1] : inp.sites ? siteTableSha256(inp.sites) : null,
    notAfter: inp.notAfter, now: inp.now, authorisation: inp.authorisation,
  });
  const hashed = (shas: string[]): HashedInput[] => files.map((f, i) => ({ file: path.resolve(f), sha256: shas[i], stamp: auditStamps[i] }));
  if (known.every((x) => x !== null)) {
    const shas = known as string[];
    const key = keyOf(shas);
    const e = lookupEntry(root, key, clock);
    if (e && (!inp.quarantine || e.meta.quarantine)) {
      if (inp.quarantine) {
        try { copyFileSync(path.join(e.dir, 'quarantine.csv'), inp.quarantine); } catch (err) {
          throw new IngestError(msg.fileNotWritable(inp.quarantine, (err as Error).message), inp.quarantine, 0, 'quarantine');
        }
      }
      attachEntry(e.store, e.dir);
      const summary: LoadSummary = { ...e.meta.summary, file: inp.reads, quarantine: inp.quarantine, fromCache: true, elapsedMs: 0 };
      return { hit: { store: e.store, summary, inputs: hashed(shas) }, save: async () => hashed(shas) };
    }
    return session(root, clock, keyOf, hashed, Promise.resolve(shas), inp.quarantine);
  }
  // A large reads file not seen before: hashed in a worker beside the load (an entry made from
  // the same bytes under another path is not found; the load then replaces it).
  const pending = Promise.all(files.map(async (f, i) => {
    if (known[i]) return known[i] as string;
    const sha = await sha256InWorker(f);
    rememberSha256(root, f, stamps[i], sha);
    return sha;
  }));
  pending.catch(() => undefined); // observed in save; a failed load never awaits it
  return session(root, clock, keyOf, hashed, pending, inp.quarantine);
}

/** Files up to this size are hashed on the main thread before the lookup. */
const SMALL = 16 << 20;

function remember(root: string, file: string, stamp: string, sha: string): string {
  rememberSha256(root, file, stamp, sha);
  return sha;
}

function session(root: string, clock: number, keyOf: (s: string[]) => string, hashed: (s: string[]) => HashedInput[],
  shas: Promise<string[]>, quarantine: string | null): LoadCache {
  return {
    hit: null,
    async save(store, summary) {
      let s: string[];
      try { s = await shas; } catch { return []; } // hashing failed: the audit log hashes the files itself
      const inputs = hashed(s);
      try {
        const dir = saveEntry(root, keyOf(s), store, { ...summary, fromCache: false }, inputs.map(({ file, sha256 }) => ({ file, sha256 })), quarantine, clock);
        if (dir) attachEntry(store, dir);
      } catch { /* an unwritable cache folder does not fail the load */ }
      return inputs;
    },
  };
}
