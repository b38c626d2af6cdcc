// The features of a large search shared with a worker thread (engines/parallel-features.ts): the
// ranking is the same, byte for byte, as packing every feature in this thread; with markets given
// and discovered, in a window, with look-alike plates merged; the packed rows appended from the
// worker equal the rows packed here.
import * as fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadReads, synthesize } from '../../../kernel-lib/src';
import { memoryEngine } from '../../../kernel-lib/src/engines/memory';
import { featureWorkerSettings, packInParallel } from '../../../kernel-lib/src/engines/parallel-features';
import { runCountyLinesSync } from '../../../kernel-lib/src/engines/runner';
import { FeatureRows } from '../../../kernel-lib/src/method/county-lines/feature-rows';
import { finderSetup } from '../../../kernel-lib/src/method/county-lines/setup';
import { storeFeatures } from '../../../kernel-lib/src/method/county-lines/store-features';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { cleanup, tmp } from '../synth/helpers';

let store: ReadStore;
let hub: unknown, markets: { type: 'FeatureCollection'; features: unknown[] };
const saved = { ...featureWorkerSettings };

beforeAll(async () => {
  const dir = tmp('parallel-features');
  const r = await synthesize({ scenario: 'merseyside', days: 14, seed: 'parallel-features', vehicles: 500, out: dir, misreadRate: 0.02 });
  hub = JSON.parse(fs.readFileSync(r.files.hub, 'utf8'));
  markets = JSON.parse(fs.readFileSync(r.files.markets, 'utf8'));
  ({ store } = await loadReads({ reads: r.files.reads, sites: r.files.sites, cache: false }));
}, 120_000);
afterEach(() => { Object.assign(featureWorkerSettings, saved); });
afterAll(cleanup);

const ranking = (r: ReturnType<typeof runCountyLinesSync>) => JSON.stringify({
  candidates: r.candidates.map((c) => ({ vrm: c.vrm, score: c.score, rank: c.rank, reasons: c.reasons, features: c.features })),
  lines: r.lines, markets: r.markets, lookalikes: r.lookalikes, counts: { ...r.counts, seconds: 0 },
});
const find = (worker: boolean, options: Record<string, unknown>) => {
  Object.assign(featureWorkerSettings, { enabled: worker, minReads: 0 });
  return runCountyLinesSync(memoryEngine({ ...store }), { hub: hub as never, ...options });
};

describe('features shared with a worker thread', () => {
  it('rank exactly as packing them all in this thread: markets given, discovered, in a window', () => {
    const from = new Date(store.time[0] + 3 * 86_400_000).toISOString(), to = new Date(store.time[store.n - 1] - 2 * 86_400_000).toISOString();
    for (const options of [{ markets }, {}, { markets, from, to }]) {
      const here = find(false, options), shared = find(true, options);
      expect(here.candidates.length).toBeGreaterThan(20);
      expect(ranking(shared)).toBe(ranking(here));
    }
    expect(find(true, { markets }).lookalikes.length).toBeGreaterThan(0); // look-alike plates were merged in both shares
  });
  it('the worker packs a share: its rows appended equal the rows packed here, and small plans stay here', () => {
    const setup = finderSetup({ hub: hub as never, markets: markets as never });
    featureWorkerSettings.minReads = 0;
    let used = false;
    const shared = storeFeatures({ ...store }, setup, undefined, new FeatureRows(), (...a) => { const k = packInParallel(...a); used = k !== null; return k; });
    expect(used).toBe(true);
    const here = storeFeatures({ ...store }, setup);
    expect(shared.rows.n).toBe(here.rows.n);
    for (let i = 0; i < here.rows.n; i++) expect(shared.rows.get(i)).toEqual(here.rows.get(i));
    featureWorkerSettings.minReads = store.n + 1;
    expect(packInParallel({ ...store }, { origin: Uint32Array.of(0, 1), keptReads: Uint32Array.of(5, 5) } as never, {} as never, () => null, new FeatureRows())).toBeNull();
  });
});
