// The finder's speed measures must not change its answers: the coarse loop prefilter drops no
// vehicle with a loop, the chunked per-vehicle stages equal the whole-store ones, and the lazily
// explained candidates give the scorer's own parts and reasons.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findCountyLines, loadReads, scoreCountyLines, defaultCountyLinesParams, siteAreas, area, areasFromGeoJson,
  synthesize, type ReadStore,
} from '../../../kernel-lib/src';
import { candidatePlan, candidateSubstore, gatherReads, newReadBuffer } from '../../../kernel-lib/src/method/county-lines/plan';
import { lookalikeCodeGroups } from '../../../kernel-lib/src/reads/lookalikes';
import { cleanup, tmp } from '../synth/helpers';

let store: ReadStore;
let hub: unknown, markets: { type: 'FeatureCollection'; features: unknown[] };

beforeAll(async () => {
  const dir = tmp('prefilter');
  const r = await synthesize({ scenario: 'merseyside', days: 14, seed: 'prefilter', vehicles: 400, out: dir });
  ({ store } = await loadReads({ reads: r.files.reads, sites: r.files.sites }));
  hub = JSON.parse(readFileSync(r.files.hub, 'utf8'));
  markets = JSON.parse(readFileSync(r.files.markets, 'utf8'));
}, 120_000);
afterAll(cleanup);

describe('county-lines prefilter and chunks', () => {
  it('scores exactly the vehicles with at least minLoops loops, as scoring everyone and filtering would', () => {
    const all = findCountyLines(store, { hub: hub as never, markets, params: { minLoops: 0 } });
    const fast = findCountyLines(store, { hub: hub as never, markets, params: { minLoops: 1 } });
    const slow = all.candidates.filter((c) => c.features.loops >= 1);
    expect(fast.candidates.length).toBeGreaterThan(0);
    expect(fast.candidates.map((c) => [c.vrm, c.score])).toEqual(slow.map((c) => [c.vrm, c.score]));
    // Above the relay rule's own minimum (1 loop), minLoops also removes relay partners, so
    // scores may change; the vehicles scored are still exactly those with enough loops.
    const two = findCountyLines(store, { hub: hub as never, markets, params: { minLoops: 2 } });
    expect(two.candidates.map((c) => c.vrm).sort()).toEqual(all.candidates.filter((c) => c.features.loops >= 2).map((c) => c.vrm).sort());
    // Some vehicles read in the hub and a market never loop: the prefilter has work to do.
    expect(all.candidates.some((c) => c.features.loops === 0)).toBe(true);
  });

  it('gathers any run of kept vehicles exactly as the whole sub-store holds them', () => {
    const p = defaultCountyLinesParams;
    const areaOf = siteAreas(store.sites, [area(hub as never), ...areasFromGeoJson(markets)], { bufferKm: p.areaBufferKm });
    const mask = Uint8Array.from(areaOf, (a) => (a === 0 ? 1 : a > 0 ? 2 : 0));
    const groups = lookalikeCodeGroups(store);
    const whole = candidateSubstore(store, groups, mask, 3).store;
    const plan = candidatePlan(store, groups, mask, 3);
    const buf = newReadBuffer(16); // too small at first: gatherReads must grow it
    for (let k0 = 0; k0 < plan.origin.length; k0 += 7) {
      const k1 = Math.min(plan.origin.length, k0 + 7);
      const { store: part } = gatherReads(store, plan, k0, k1, buf);
      const a = whole.vehicleStart[k0], b = whole.vehicleStart[k1];
      expect(part.vrms).toEqual(whole.vrms.slice(k0, k1));
      expect(Array.from(part.time)).toEqual(Array.from(whole.time.subarray(a, b)));
      expect(Array.from(part.site)).toEqual(Array.from(whole.site.subarray(a, b)));
      expect(Array.from(part.vehicleStart)).toEqual(Array.from(whole.vehicleStart.subarray(k0, k1 + 1), (x) => x - a));
    }
  });

  it('explains each candidate with the scorer\'s own parts and reasons, and writes them to JSON', () => {
    const res = findCountyLines(store, { hub: hub as never, markets });
    const top = res.candidates[0];
    const direct = scoreCountyLines(top.features, res.params);
    expect(top.score).toBe(direct.score);
    expect(top.parts).toEqual(direct.parts);
    expect(top.reasons).toEqual(direct.reasons);
    const json = JSON.parse(JSON.stringify(top));
    expect(Object.keys(json)).toEqual(['rank', 'vrm', 'score', 'parts', 'reasons', 'features']);
    expect(json.reasons).toEqual(direct.reasons);
  });
});
