// A search's features kept beside a cached load (engines/kept-features.ts): the next search on the
// load with the same feature parameters reads them back and ranks exactly as computing them would;
// the ranking's own parameters do not change the file; a feature parameter, a damaged file or a
// load without a cache entry mean computing them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReads, synthesize } from '../../../kernel-lib/src';
import { featuresFileName, keepFeatures, restoreFeatures } from '../../../kernel-lib/src/engines/kept-features';
import { memoryEngine } from '../../../kernel-lib/src/engines/memory';
import { runCountyLinesSync } from '../../../kernel-lib/src/engines/runner';
import { listCache } from '../../../kernel-lib/src/ingest/cache/read-cache';
import { FeatureRows } from '../../../kernel-lib/src/method/county-lines/feature-rows';
import { finderSetup } from '../../../kernel-lib/src/method/county-lines/setup';
import { storeFeatures } from '../../../kernel-lib/src/method/county-lines/store-features';
import { cleanup, tmp } from '../synth/helpers';

let reads = '', sites = '', cacheDir = '', clock = 0;
let hub: unknown, markets: { type: 'FeatureCollection'; features: unknown[] };

beforeAll(async () => {
  const dir = tmp('kept-features');
  const r = await synthesize({ scenario: 'london', days: 14, seed: 'kept-features', vehicles: 400, out: dir });
  ({ reads, sites } = r.files);
  hub = JSON.parse(fs.readFileSync(r.files.hub, 'utf8'));
  markets = JSON.parse(fs.readFileSync(r.files.markets, 'utf8'));
  cacheDir = path.join(dir, 'cache');
  const { store } = await loadReads({ reads, sites, cache: false });
  clock = store.time[store.n - 1] + 86_400_000;
}, 120_000);
afterAll(cleanup);

const load = async () => (await loadReads({ reads, sites, cache: { dir: cacheDir, minBytes: 0, clock } })).store;
const entry = () => path.join(cacheDir, 'reads', listCache(cacheDir, clock)[0].key);
const featureFiles = () => fs.readdirSync(entry()).filter((f) => f.startsWith('features-')).sort();
const ranking = (r: ReturnType<typeof runCountyLinesSync>) => JSON.stringify({ candidates: r.candidates, lines: r.lines, markets: r.markets, lookalikes: r.lookalikes, counts: { ...r.counts, seconds: 0 } });

describe('features kept beside a cached load', () => {
  it('the next search reads them back, not computing, and ranks exactly as computing them does', async () => {
    const first = await load();
    const computed = runCountyLinesSync(memoryEngine(first), { hub: hub as never, markets });
    expect(computed.candidates.length).toBeGreaterThan(20);
    expect(featureFiles()).toHaveLength(1);

    const second = await load(); // a cache hit: a new store, as in a new process
    const setup = finderSetup({ hub: hub as never, markets });
    const kept = restoreFeatures(second, setup);
    expect(kept?.rows.n).toBe(computed.candidates.length);
    const again = runCountyLinesSync(memoryEngine(second), { hub: hub as never, markets });
    expect(ranking(again)).toBe(ranking(computed));
    expect(again.candidates.some((c) => c.features.relayPlates.length > 0)).toBe(true); // relays filled by this ranking, not kept

    // The engine really uses the kept file: a figure changed in it shows in the next search.
    const marked = restoreFeatures(await load(), setup)!;
    marked.rows.setNumber(0, 'hubStays', 999);
    const third = await load();
    expect(keepFeatures(third, setup, marked)).toBe(true);
    const used = runCountyLinesSync(memoryEngine(third), { hub: hub as never, markets });
    expect(used.candidates.find((c) => c.vrm === marked.rows.vrm(0))?.features.hubStays).toBe(999);
    keepFeatures(third, setup, kept!); // as computed again

    // Only the ranking's parameters changed: the same features, another ranking.
    const other = runCountyLinesSync(memoryEngine(await load()), { hub: hub as never, markets, params: { lineMinScore: 1, relay: { enabled: false } } });
    expect(featureFiles()).toHaveLength(1);
    expect(other.candidates.every((c) => c.features.relayPlates.length === 0)).toBe(true);
    const reference = runCountyLinesSync(memoryEngine((await loadReads({ reads, sites, cache: false })).store), { hub: hub as never, markets, params: { lineMinScore: 1, relay: { enabled: false } } });
    expect(ranking(other)).toBe(ranking(reference));
  });

  it('a feature parameter names another file; a damaged file is computed again', async () => {
    const before = featureFiles();
    runCountyLinesSync(memoryEngine(await load()), { hub: hub as never, markets, params: { maxLoopHours: 20 } });
    expect(featureFiles()).toHaveLength(before.length + 1);
    const setup = finderSetup({ hub: hub as never, markets });
    expect(featuresFileName(setup)).toBe(featuresFileName(finderSetup({ hub: hub as never, markets, params: { weights: { loops: 9 } } })));
    expect(featuresFileName(setup)).not.toBe(featuresFileName(finderSetup({ hub: hub as never, markets, params: { nightStartHour: 20 } })));
    const file = path.join(entry(), featuresFileName(setup));
    fs.writeFileSync(file, Buffer.from('not features'));
    expect(restoreFeatures(await load(), setup)).toBeNull();
    const recomputed = runCountyLinesSync(memoryEngine(await load()), { hub: hub as never, markets });
    expect(ranking(recomputed)).toBe(ranking(runCountyLinesSync(memoryEngine((await loadReads({ reads, sites, cache: false })).store), { hub: hub as never, markets })));
    expect(FeatureRows.fromBytes(Buffer.from('x'))).toBeNull();
  });

  it('a store with no cache entry keeps nothing and is given nothing', async () => {
    const store = (await loadReads({ reads, sites, cache: false })).store;
    const setup = finderSetup({ hub: hub as never, markets });
    expect(keepFeatures(store, setup, storeFeatures(store, setup))).toBe(false);
    expect(restoreFeatures(store, setup)).toBeNull();
  });
});
