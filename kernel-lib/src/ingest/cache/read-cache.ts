/**
 * The reads cache: a load's store, summary and quarantine kept on local disk, so the same
 * load again (same input bytes, ingest rules and data-age options) takes the typed arrays
 * straight from disk instead of parsing the file.
 *
 *   key = SHA-256 of { INGEST_VERSION, format, SHA-256 of the reads file, SHA-256 of the
 *         sites file (or of the site table passed in), notAfter, now, authorisation }
 *   <root>/reads/<key>/  meta.json, vrms.txt, columns.bin, quarantine.csv   (store-file.ts)
 *   <root>/inputs/       remembered file hashes (input-hash.ts)
 *
 * Retention: an entry holding a read older than 365 days (Europe/London calendar days, as
 * the data-age rule counts them) before the wall clock is removed whenever the cache is
 * touched (a lookup of it, a save, `anpr cache clear|list`), and no such entry is written: the cache never
 * keeps reads the retention rule would have deleted. Entries are written to a temporary
 * folder and renamed into place, so a reader never sees half an entry.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { daysBefore, RETENTION_DAYS } from '../../privacy/data-age';
import type { ReadStore, SiteTable } from '../../reads/types';
import type { LoadSummary } from '../types';
import { cacheRoot, ensurePrivateDir } from './cache-dir';
import { readEntry, readMeta, writeEntry, type EntryMeta } from './store-file';

/** Cache settings of `loadReads` (`cache: true` means all defaults). */
export interface CacheOptions {
  /** Cache folder (default: `ANPR_CACHE_DIR`, else `$XDG_CACHE_HOME/anpr`, else `~/.cache/anpr`). */
  dir?: string;
  /** Reads files smaller than this many bytes are not cached (default 4 MiB: they load in well under a second). */
  minBytes?: number;
  /** The wall clock for the retention rule, epoch ms (default `Date.now()`; for tests). */
  clock?: number;
}

/** Default `minBytes`. */
export const CACHE_MIN_BYTES = 4 << 20;

/** What identifies a load, besides the files' bytes. */
export interface CacheKeyParts {
  ingestVersion: number;
  format: string;
  reads: string;
  sites: string | null;
  notAfter: number | null;
  now: number | null;
  authorisation: string | null;
}

/**
 * The cache key of a load.
 * @example cacheKey({ ingestVersion: 2, format: 'csv.gz', reads: '9f…', sites: '1c…', notAfter: null, now: null, authorisation: null }) // '4b7e…'
 */
export function cacheKey(p: CacheKeyParts): string {
  return createHash('sha256').update(JSON.stringify(p)).digest('hex');
}

/**
 * SHA-256 of a site table's content (for loads given a SiteTable rather than a file).
 * @example siteTableSha256(sites) // '77a0…'
 */
export function siteTableSha256(s: SiteTable): string {
  return createHash('sha256').update(JSON.stringify([s.id, s.name, Array.from(s.lat, String), Array.from(s.lon, String), s.road, s.direction])).digest('hex');
}

const entriesDir = (root: string) => path.join(root, 'reads');

/** Whether an entry holds reads past the retention limit at `clock`. */
function expired(meta: EntryMeta, clock: number): boolean {
  return meta.firstRead !== null && meta.firstRead < daysBefore(clock, RETENTION_DAYS);
}

/**
 * The cached store of `key`, or null. An expired, partial or unreadable entry is removed.
 * @example const hit = lookupEntry(root, key, Date.now()); if (hit) hit.store.n
 */
export function lookupEntry(root: string, key: string, clock: number): { store: ReadStore; meta: EntryMeta; dir: string } | null {
  const dir = path.join(entriesDir(root), key);
  if (!existsSync(dir)) return null;
  const meta = readMeta(dir);
  if (!meta || meta.key !== key || expired(meta, clock)) { rmSync(dir, { recursive: true, force: true }); return null; }
  const store = readEntry(dir, meta);
  if (!store) { rmSync(dir, { recursive: true, force: true }); return null; }
  return { store, meta, dir };
}

/**
 * Write an entry for `key` (replacing one that lacks the quarantine when this load wrote one);
 * returns its folder. Returns null, writing nothing, when the store holds reads already past retention.
 * Expired entries and stale temporary folders are removed on the way.
 * @example saveEntry(root, key, store, summary, [{ file, sha256 }], null, Date.now())
 */
export function saveEntry(root: string, key: string, store: ReadStore, summary: LoadSummary,
  inputs: { file: string; sha256: string }[], quarantineFile: string | null, clock: number): string | null {
  let first = Infinity;
  for (let i = 0; i < store.n; i++) if (store.time[i] < first) first = store.time[i];
  const meta = { key, created: new Date().toISOString(), firstRead: store.n ? first : null, inputs, summary };
  pruneCache(root, clock);
  if (meta.firstRead !== null && meta.firstRead < daysBefore(clock, RETENTION_DAYS)) return null;
  const top = ensurePrivateDir(entriesDir(ensurePrivateDir(root)));
  const tmp = path.join(top, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(tmp, { mode: 0o700 });
  try {
    writeEntry(tmp, store, meta, quarantineFile);
    const dir = path.join(top, key);
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    return dir;
  } catch {
    // Disk full, a read-only folder, or another process saving the same key at the same moment:
    // the load itself is fine, only this copy is not kept.
    rmSync(tmp, { recursive: true, force: true });
    return null;
  }
}

/** One entry as `listCache` reports it. */
export interface CacheEntryInfo { key: string; created: string; firstRead: string | null; reads: number; bytes: number; inputs: { file: string; sha256: string }[] }

/**
 * Remove expired entries and temporary folders older than an hour (left by a killed process); returns how many entries were removed.
 * @example pruneCache(cacheRoot(), Date.now()) // 0
 */
export function pruneCache(root: string, clock: number): number {
  const top = entriesDir(root);
  if (!existsSync(top)) return 0;
  let removed = 0;
  for (const name of readdirSync(top)) {
    const dir = path.join(top, name);
    if (name.startsWith('.tmp-')) {
      try { if (statSync(dir).mtimeMs < Date.now() - 3600_000) rmSync(dir, { recursive: true, force: true }); } catch { /* gone */ }
      continue;
    }
    const meta = readMeta(dir);
    if (!meta || expired(meta, clock)) { rmSync(dir, { recursive: true, force: true }); removed++; }
  }
  return removed;
}

/**
 * The cache's entries (after pruning expired ones).
 * @example listCache() // [{ key: '4b7e…', reads: 10012345, bytes: 171000000, … }]
 */
export function listCache(dir?: string, clock = Date.now()): CacheEntryInfo[] {
  const root = cacheRoot(dir);
  pruneCache(root, clock);
  const top = entriesDir(root);
  if (!existsSync(top)) return [];
  const out: CacheEntryInfo[] = [];
  for (const name of readdirSync(top)) {
    if (name.startsWith('.tmp-')) continue;
    const d = path.join(top, name), meta = readMeta(d);
    if (!meta) continue;
    let bytes = 0;
    for (const f of readdirSync(d)) bytes += statSync(path.join(d, f)).size;
    out.push({ key: name, created: meta.created, firstRead: meta.firstRead === null ? null : new Date(meta.firstRead).toISOString(), reads: meta.n, bytes, inputs: meta.inputs });
  }
  return out;
}

/**
 * Remove every entry and remembered hash; returns the number of entries removed.
 * @example clearCache() // 3
 */
export function clearCache(dir?: string): number {
  const root = cacheRoot(dir);
  const top = entriesDir(root);
  const n = existsSync(top) ? readdirSync(top).filter((x) => !x.startsWith('.tmp-')).length : 0;
  rmSync(top, { recursive: true, force: true });
  rmSync(path.join(root, 'inputs'), { recursive: true, force: true });
  return n;
}
