import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearCache, listCache } from '../../../kernel-lib/src/ingest/cache/read-cache';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import type { LoadSummary } from '../../../kernel-lib/src/ingest/types';
import { storeInputs } from '../../../kernel-lib/src/privacy/provenance';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { fileSha256 } from '../../../kernel-lib/src/core/digest';
import { main } from '../../../kernel-lib/src/cli/main';
import { SITES_CSV, tempDir, writeFile } from './helpers';

let dir: string, cacheDir: string, sites: string;
const DAY = 86_400_000;
// Reads dated from a fixed instant; the retention clock is passed in, so the test does not depend on today's date.
const T0 = Date.UTC(2025, 0, 6, 9);
const csv = (rows: number) => ['vrm,timestamp,site_id,confidence',
  ...Array.from({ length: rows }, (_, i) => `AB${10 + (i % 7)}CDE,${new Date(T0 + i * 60_000).toISOString()},S${1 + (i % 2)},${50 + (i % 50)}`),
  'XX,not a time,S1,90', 'AB10CDE,2025-01-06T09:00:00.000Z,S1,50'].join('\n') + '\n';

beforeAll(() => {
  dir = tempDir();
  cacheDir = path.join(dir, 'cache');
  sites = writeFile(dir, 'sites.csv', SITES_CSV);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cache = (clock = T0 + 10 * DAY) => ({ dir: cacheDir, minBytes: 0, clock });
const plain = (s: ReadStore) => ({
  n: s.n, vrms: s.vrms, vehicle: Array.from(s.vehicle), time: Array.from(s.time), site: Array.from(s.site),
  confidence: Array.from(s.confidence), vehicleStart: Array.from(s.vehicleStart),
  sites: { ...s.sites, lat: Array.from(s.sites.lat), lon: Array.from(s.sites.lon) },
});
const sameSummary = (s: LoadSummary) => { const { elapsedMs, fromCache, ...rest } = s; return rest; };
const entries = () => (fs.existsSync(path.join(cacheDir, 'reads')) ? fs.readdirSync(path.join(cacheDir, 'reads')) : []);

describe('reads cache', () => {
  it('gives the same store, summary and quarantine on the second load, from a private folder', async () => {
    const reads = writeFile(dir, 'a.csv.gz', csv(500));
    const q1 = path.join(dir, 'q1.csv'), q2 = path.join(dir, 'q2.csv');
    const first = await loadReads({ reads, sites, quarantine: q1, cache: cache() });
    expect(first.summary.fromCache).toBe(false);
    expect(first.summary).toMatchObject({ read: 502, accepted: 500, rejected: 1, duplicates: 1 });
    const second = await loadReads({ reads, sites, quarantine: q2, cache: cache() });
    expect(second.summary.fromCache).toBe(true);
    expect(plain(second.store)).toEqual(plain(first.store));
    expect(Object.keys(second.store).sort()).toEqual(Object.keys(first.store).sort()); // nothing of the cache file's own
    expect({ ...sameSummary(second.summary), quarantine: q1 }).toEqual(sameSummary(first.summary));
    expect(fs.readFileSync(q2, 'utf8')).toBe(fs.readFileSync(q1, 'utf8'));
    expect(fs.statSync(cacheDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(cacheDir, 'reads')).mode & 0o777).toBe(0o700);
    for (const e of entries()) for (const f of fs.readdirSync(path.join(cacheDir, 'reads', e)))
      expect(fs.statSync(path.join(cacheDir, 'reads', e, f)).mode & 0o777).toBe(0o600);
    // the audit log still gets the inputs' SHA-256
    expect(storeInputs(second.store)).toEqual([
      { file: path.resolve(reads), sha256: fileSha256(reads) }, { file: path.resolve(sites), sha256: fileSha256(sites) },
    ]);
  });

  it('reads a cached store\'s columns and VRMs on first use, from the file the lookup checked, even once the entry is cleared', async () => {
    const reads = writeFile(dir, 'lazy.csv.gz', csv(400));
    const first = await loadReads({ reads, sites, cache: cache() });
    const second = await loadReads({ reads, sites, cache: cache() });
    expect(second.summary.fromCache).toBe(true);
    // Nothing of the columns is held yet: the store's own fields are accessors until first use.
    expect(Object.getOwnPropertyDescriptor(second.store, 'time')?.get).toBeTypeOf('function');
    expect(second.store.vehicleStart.length - 1).toBe(first.store.vrms.length);
    clearCache(cacheDir);
    expect(entries()).toEqual([]);
    expect(plain(second.store)).toEqual(plain(first.store)); // the open file still holds the checked bytes
    expect(second.store.time).toBe(second.store.time); // read once, then the same arrays
    expect(second.store.vrms).toBe(second.store.vrms);
  });

  it('says which cache file failed when a cached store\'s columns cannot be read at first use, and says it again after', async () => {
    const reads = writeFile(dir, 'damaged.csv.gz', csv(200));
    await loadReads({ reads, sites, cache: cache() });
    const { store, summary } = await loadReads({ reads, sites, cache: cache() });
    expect(summary.fromCache).toBe(true);
    // Damaged in place after the lookup (the cache itself never writes an entry in place).
    const mine = entries().filter((e) => fs.readFileSync(path.join(cacheDir, 'reads', e, 'meta.json'), 'utf8').includes('damaged.csv.gz'));
    expect(mine).toHaveLength(1);
    fs.truncateSync(path.join(cacheDir, 'reads', mine[0], 'columns.bin'), 16);
    const said = /the reads cache file .*columns\.bin could not be read .*--no-cache/;
    expect(() => store.time).toThrow(said);
    expect(() => store.site).toThrow(said); // the same error, not a read of a closed file
  });

  it('loads afresh when one byte of the reads or the sites file changes', async () => {
    const reads = writeFile(dir, 'b.csv', csv(300));
    await loadReads({ reads, sites, cache: cache() });
    expect((await loadReads({ reads, sites, cache: cache() })).summary.fromCache).toBe(true);
    const text = fs.readFileSync(reads, 'utf8');
    fs.writeFileSync(reads, text.replace('S1,50', 'S1,51')); // same size, one byte
    const changed = await loadReads({ reads, sites, cache: cache() });
    expect(changed.summary.fromCache).toBe(false);
    expect(changed.store.confidence).toContain(51);
    const sitesCopy = writeFile(dir, 'sites2.csv', SITES_CSV);
    expect((await loadReads({ reads, sites: sitesCopy, cache: cache() })).summary.fromCache).toBe(true); // same bytes, other path
    fs.writeFileSync(sitesCopy, SITES_CSV.replace('53.40', '53.41'));
    const moved = await loadReads({ reads, sites: sitesCopy, cache: cache() });
    expect(moved.summary.fromCache).toBe(false);
    expect(moved.store.sites.lat[0]).toBe(53.41);
  });

  it('keys on the data-age options, and is bypassed with cache: false', async () => {
    const reads = writeFile(dir, 'c.csv', csv(200));
    const before = entries().length;
    expect((await loadReads({ reads, sites, cache: false })).summary.fromCache).toBe(false);
    expect((await loadReads({ reads, sites, cache: false })).summary.fromCache).toBe(false);
    expect(entries().length).toBe(before);
    const now = new Date(T0 + 100 * DAY).toISOString();
    const a = await loadReads({ reads, sites, now, cache: cache() });
    expect(a.summary.fromCache).toBe(false);
    expect(a.summary.reasons.needs_authorisation).toBe(201); // the duplicate too: rules apply before de-duplication
    const b = await loadReads({ reads, sites, now, authorisation: 'AUTH-1', cache: cache() });
    expect(b.summary.fromCache).toBe(false);
    expect(b.store.n).toBe(200);
    expect((await loadReads({ reads, sites, now, authorisation: 'AUTH-1', cache: cache() })).summary.fromCache).toBe(true);
    expect((await loadReads({ reads, sites, cache: cache() })).summary.fromCache).toBe(false);
  });

  it('removes an entry whose reads passed the 365-day limit when touched, and never writes one', async () => {
    const reads = writeFile(dir, 'd.csv', csv(100));
    await loadReads({ reads, sites, cache: cache(T0 + 300 * DAY) });
    const n = entries().length;
    expect((await loadReads({ reads, sites, cache: cache(T0 + 364 * DAY) })).summary.fromCache).toBe(true);
    const late = await loadReads({ reads, sites, cache: cache(T0 + 366 * DAY) });
    expect(late.summary.fromCache).toBe(false);
    expect(late.store.n).toBe(100);
    expect(entries().length).toBeLessThan(n); // this entry and every other expired one are gone, none written
    expect(listCache(cacheDir, T0 + 366 * DAY).filter((e) => e.reads > 0)).toEqual([]); // only empty loads remain
  });

  it('a cache folder that cannot be made does not fail the load', async () => {
    const reads = writeFile(dir, 'f.csv', csv(20));
    const dirIsAFile = path.join(reads, 'cache'); // under a file: ENOTDIR
    const a = await loadReads({ reads, sites, cache: { dir: dirIsAFile, minBytes: 0, clock: T0 + 10 * DAY } });
    const b = await loadReads({ reads, sites, cache: { dir: dirIsAFile, minBytes: 0, clock: T0 + 10 * DAY } });
    expect([a.summary.fromCache, b.summary.fromCache, b.store.n]).toEqual([false, false, 20]);
  });

  it('anpr cache list and clear', async () => {
    const reads = writeFile(dir, 'e.csv', csv(50));
    await loadReads({ reads, sites, cache: cache() });
    const listed = listCache(cacheDir, T0 + 10 * DAY);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((e) => e.inputs.some((x) => x.file === path.resolve(reads) && x.sha256 === fileSha256(reads)))).toBe(true);
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => { out.push(String(s)); return true; }) as typeof process.stdout.write;
    try {
      expect(await main(['cache', 'clear', '--dir', cacheDir])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toContain(`removed ${listed.length} cache entr`);
    expect(entries()).toEqual([]);
    expect(clearCache(cacheDir)).toBe(0);
    expect(await main(['cache', 'nonsense'])).toBe(2);
  });
});
