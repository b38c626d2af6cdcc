import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keepLookalikes, restoreLookalikes } from '../../../kernel-lib/src/engines/kept-lookalikes';
import { memoryEngine } from '../../../kernel-lib/src/engines/memory';
import { runCountyLinesSync } from '../../../kernel-lib/src/engines/runner';
import { listCache } from '../../../kernel-lib/src/ingest/cache/read-cache';
import { loadReads } from '../../../kernel-lib/src/ingest/load-reads';
import {
  codeGroupsFramed, decodeCodeGroups, encodeCodeGroups, giveLookalikeCodeGroups, hasLookalikeCodeGroups, lookalikeCodeGroups, lookalikeOptionsKey,
} from '../../../kernel-lib/src/reads/lookalikes';
import { countyLinesParams } from '../../../kernel-lib/src/method/county-lines/params';
import { SITES_CSV, tempDir, writeFile } from '../ingest/helpers';

const T0 = Date.UTC(2025, 0, 6, 9), DAY = 86_400_000;
// AB12CDE read 40 times at S1, once misread as A812CDE in between (a look-alike), and other plates.
const csv = ['vrm,timestamp,site_id',
  ...Array.from({ length: 40 }, (_, i) => `AB12CDE,${new Date(T0 + i * 600_000).toISOString()},S1`),
  `A812CDE,${new Date(T0 + 5 * 600_000 + 60_000).toISOString()},S1`,
  ...Array.from({ length: 30 }, (_, i) => `XY${10 + (i % 9)}ZZZ,${new Date(T0 + i * 900_000).toISOString()},S${1 + (i % 2)}`),
].join('\n') + '\n';

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const cacheDir = path.join(dir, 'cache');
const sites = writeFile(dir, 'sites.csv', SITES_CSV);
const reads = writeFile(dir, 'reads.csv', csv);
const load = () => loadReads({ reads, sites, cache: { dir: cacheDir, minBytes: 0, clock: T0 + 10 * DAY } });
const look = countyLinesParams().lookalikes;
const keptFiles = () => fs.readdirSync(path.join(cacheDir, 'reads', listCache(cacheDir, T0 + 10 * DAY)[0].key)).filter((f) => f.startsWith('lookalikes-'));
const hub = { type: 'Feature', properties: { name: 'Hub' }, geometry: { type: 'Polygon', coordinates: [[[-2.25, 53.35], [-2.15, 53.35], [-2.15, 53.45], [-2.25, 53.45], [-2.25, 53.35]]] } };

describe('look-alike groups kept beside a cached load', () => {
  it('the @examples work: groups as bytes and back, given to a store, keyed by options', () => {
    expect(decodeCodeGroups(encodeCodeGroups([[0, 5]]), 6)).toEqual([[0, 5]]);
    expect(lookalikeOptionsKey({})).toBe('{"maxSpeedKmh":200,"speedToleranceSeconds":30,"maxMinorRatio":0.5}');
  });
  it('refuses bytes that are not groups of the store', () => {
    const bytes = encodeCodeGroups([[0, 5], [2, 3, 4]]);
    expect(decodeCodeGroups(bytes, 6)).toEqual([[0, 5], [2, 3, 4]]);
    expect(decodeCodeGroups(bytes, 5)).toBeNull(); // code 5 past the store's plates
    expect(decodeCodeGroups(bytes.subarray(0, bytes.length - 4), 6)).toBeNull(); // cut short
    expect(decodeCodeGroups(new Uint8Array(3), 6)).toBeNull();
  });
  it('a search on a cached load keeps them; the next process on the load is given them, not computing', async () => {
    const first = (await load()).store;
    const result1 = runCountyLinesSync(memoryEngine(first), { hub });
    const groups = lookalikeCodeGroups(first, look);
    expect(groups.map((g) => g.map((v) => first.vrms[v]))).toEqual([['AB12CDE', 'A812CDE']]);
    expect(keptFiles()).toHaveLength(1); // written by the engine after the search

    const second = (await load()).store; // a cache hit: a new store object, no groups yet
    expect(hasLookalikeCodeGroups(second, look)).toBe(false);
    const result2 = runCountyLinesSync(memoryEngine(second), { hub });
    expect(hasLookalikeCodeGroups(second, look)).toBe(true);
    expect(lookalikeCodeGroups(second, look)).toEqual(groups);
    expect(result2.counts).toEqual({ ...result1.counts, seconds: result2.counts.seconds });

    // The engine gives the search the kept file's groups as they are (here, none).
    const third = (await load()).store;
    const file = path.join(cacheDir, 'reads', listCache(cacheDir, T0 + 10 * DAY)[0].key, keptFiles()[0]);
    fs.writeFileSync(file, encodeCodeGroups([]));
    runCountyLinesSync(memoryEngine(third), { hub });
    expect(lookalikeCodeGroups(third, look)).toEqual([]);
    // A damaged file is not used: the groups are computed again.
    const fourth = (await load()).store;
    fs.writeFileSync(file, Buffer.from('not groups'));
    expect(restoreLookalikes(fourth, look)).toBe(false);
    expect(lookalikeCodeGroups(fourth, look)).toEqual(groups);
    // Framed as groups but with codes past the store's plates: computed when asked for, and kept again.
    const fifth = (await load()).store;
    fs.writeFileSync(file, encodeCodeGroups([[0, 999]]));
    expect(restoreLookalikes(fifth, look)).toBe(true);
    expect(lookalikeCodeGroups(fifth, look)).toEqual(groups);
    expect(keepLookalikes(fifth, look)).toBe(true);
    expect(decodeCodeGroups(fs.readFileSync(file), fifth.vrms.length)).toEqual(groups);
  });
  it('groups given as a loader are read when first asked for, once; a loader giving null means computing them', async () => {
    expect(codeGroupsFramed(encodeCodeGroups([[0, 5]]))).toBe(true);
    expect(codeGroupsFramed(encodeCodeGroups([[0, 5]]).subarray(0, 12))).toBe(false);
    const store = (await load()).store;
    let calls = 0;
    giveLookalikeCodeGroups(store, look, () => { calls++; return [[0, 1]]; });
    expect(hasLookalikeCodeGroups(store, look)).toBe(true);
    expect(calls).toBe(0);
    expect(lookalikeCodeGroups(store, look)).toEqual([[0, 1]]);
    expect(lookalikeCodeGroups(store, look)).toEqual([[0, 1]]);
    expect(calls).toBe(1);
    const other = (await load()).store;
    giveLookalikeCodeGroups(other, look, () => null);
    expect(lookalikeCodeGroups(other, look).map((g) => g.map((v) => other.vrms[v]))).toEqual([['AB12CDE', 'A812CDE']]);
  });
  it('a store with no cache entry keeps nothing', () => {
    const store = { n: 0, vehicle: new Uint32Array(0), time: new Float64Array(0), site: new Uint32Array(0), confidence: new Uint8Array(0), vrms: [], vehicleStart: Uint32Array.of(0), sites: { id: [], name: [], lat: new Float64Array(0), lon: new Float64Array(0), road: [], direction: [] } };
    giveLookalikeCodeGroups(store, look, []);
    expect(keepLookalikes(store, look)).toBe(false);
    expect(restoreLookalikes(store, look)).toBe(false);
  });
});
