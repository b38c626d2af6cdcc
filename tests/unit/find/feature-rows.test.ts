// Packed features (feature-rows.ts) must give back exactly the objects packed, and a ranking of
// packed rows must equal the ranking of the objects: same scores, same bits, same JSON.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReads, synthesize, type ReadStore, type VehicleFeatures } from '../../../kernel-lib/src';
import { FeatureRows } from '../../../kernel-lib/src/method/county-lines/feature-rows';
import { RankedCandidate } from '../../../kernel-lib/src/method/county-lines/candidate';
import { finderSetup } from '../../../kernel-lib/src/method/county-lines/setup';
import { storeFeatures } from '../../../kernel-lib/src/method/county-lines/store-features';
import { rankFeatures, rankRows } from '../../../kernel-lib/src/method/county-lines/rank';
import { fillLoopCrowd, loopCrowds } from '../../../kernel-lib/src/method/county-lines/loop-crowd';
import { linkPlateRelays } from '../../../kernel-lib/src/method/county-lines/relays';
import { suspectedLines } from '../../../kernel-lib/src/method/county-lines/suspected-lines';
import { scoreCountyLines } from '../../../kernel-lib/src/method/county-lines/score/logistic';
import { cleanup, tmp } from '../synth/helpers';

let store: ReadStore;
let setup: ReturnType<typeof finderSetup>;

beforeAll(async () => {
  const dir = tmp('feature-rows');
  const r = await synthesize({ scenario: 'merseyside', days: 14, seed: 'feature-rows', vehicles: 400, out: dir });
  ({ store } = await loadReads({ reads: r.files.reads, sites: r.files.sites }));
  setup = finderSetup({ hub: JSON.parse(readFileSync(r.files.hub, 'utf8')), markets: JSON.parse(readFileSync(r.files.markets, 'utf8')) });
}, 120_000);
afterAll(cleanup);

/** The store's features as plain objects (storeFeatures packs them as it goes: unpacked here). */
function featuresOf(): { features: VehicleFeatures[]; part: ReturnType<typeof storeFeatures> } {
  const part = storeFeatures(store, setup);
  return { features: Array.from({ length: part.rows.n }, (_, i) => part.rows.get(i)), part };
}

const ctxOf = (part: ReturnType<typeof storeFeatures>) => ({
  hub: setup.hub.name, markets: part.markets, params: setup.params, lookalikes: part.lookalikes, firstTime: part.firstTime, lastTime: part.lastTime,
  counts: { reads: part.reads, vehicles: part.vehicles, mergedPlates: part.mergedPlates }, t0: 0,
});

describe('FeatureRows', () => {
  it('gives back every vehicle exactly as packed, key order included, across several appends', () => {
    const { features } = featuresOf();
    expect(features.length).toBeGreaterThan(50);
    expect(features.some((f) => f.od.length > 1)).toBe(true);
    // Merged look-alike plates (packed as columns): one, two, and none, in both halves.
    const half = features.length >> 1;
    features[1] = { ...features[1], mergedWith: [{ vrm: 'A812CDE', reads: 3 }] };
    features[half + 1] = { ...features[half + 1], mergedWith: [{ vrm: 'AB1ZCDE', reads: 2 }, { vrm: '4B12CDE', reads: 1 }] };
    const rows = new FeatureRows();
    rows.append(features.slice(0, half));
    rows.append([]);
    rows.append(features.slice(half));
    expect(rows.n).toBe(features.length);
    features.forEach((f, i) => {
      const back = rows.get(i);
      expect(back).toEqual(f);
      expect(JSON.stringify(back)).toBe(JSON.stringify(f)); // same keys, same order, same numbers
      expect(rows.vrm(i)).toBe(f.vrm);
      expect(rows.number(i, 'loops')).toBe(f.loops);
      // The relay step's view: exactly the fields it reads and fills, as in the whole object.
      const view = rows.relayView(i);
      expect(Object.keys(view).sort()).toEqual(['base', 'firstSeen', 'lastSeen', 'loopList', 'loopsByMarket', 'relayChainLoops', 'relayChainPlates', 'relayPlates', 'spanDays', 'topMarketLoops', 'vrm']);
      for (const [k, v] of Object.entries(view)) expect(v).toEqual(f[k as keyof VehicleFeatures]);
    });
    expect(Object.is(rows.get(0), rows.get(0))).toBe(false); // a new object each time: the rows stay as packed
  });

  it('unpacks plain data properties, no accessor (an accessor put every object in V8\'s slow dictionary mode)', () => {
    const { part } = featuresOf();
    const f = part.rows.get(0);
    const accessors = Object.entries(Object.getOwnPropertyDescriptors(f)).filter(([, d]) => d.get || d.set).map(([k]) => k);
    expect(accessors).toEqual([]);
    expect(Object.keys(f)).toContain('od');
    expect(Array.isArray(f.od)).toBe(true);
  });

  it('comes back from its bytes (kept beside a cached load) equal, row for row', () => {
    const { features } = featuresOf();
    features[2] = { ...features[2], mergedWith: [{ vrm: 'A812CDE', reads: 3 }, { vrm: 'AB1ZCDE', reads: 1 }] };
    const rows = new FeatureRows();
    rows.append(features.slice(0, 5));
    rows.append(features.slice(5));
    rows.setRelayPlates(4, [{ vrm: 'ZZ99ZZZ', role: 'after', gapHours: 5, market: 'Rhyl', similarity: 0.5 }]);
    const back = FeatureRows.fromBytes(rows.toBytes());
    expect(back).not.toBeNull();
    expect(back!.n).toBe(rows.n);
    for (let i = 0; i < rows.n; i++) expect(JSON.stringify(back!.get(i))).toBe(JSON.stringify(rows.get(i)));
    expect(back!.get(2).mergedWith).toEqual([{ vrm: 'A812CDE', reads: 3 }, { vrm: 'AB1ZCDE', reads: 1 }]);
    expect(FeatureRows.fromBytes(rows.toBytes().subarray(0, 100))).toBeNull(); // damaged
  });

  it('is written to by the ranking only through its setters', () => {
    const { features } = featuresOf();
    const rows = FeatureRows.of(features);
    rows.setNumber(3, 'loopCrowd', 2.5);
    rows.setRelayPlates(3, [{ vrm: 'ZZ99ZZZ', role: 'after', gapHours: 5, market: 'Rhyl', similarity: 0.5 }]);
    expect(rows.get(3).loopCrowd).toBe(2.5);
    expect(rows.get(3).relayPlates).toEqual([{ vrm: 'ZZ99ZZZ', role: 'after', gapHours: 5, market: 'Rhyl', similarity: 0.5 }]);
    rows.setRelayPlates(3, []);
    expect(rows.get(3).relayPlates).toEqual([]);
    expect(features[3].loopCrowd).toBe(0); // the objects packed are not touched
    expect(() => rows.get(rows.n)).toThrow(/Feature row \d+ does not exist/);
  });

  it('refuses feature objects with fields it does not know (they would be lost)', () => {
    const { features } = featuresOf();
    const odd = { ...features[0], myFigure: 1 } as unknown as VehicleFeatures;
    expect(() => FeatureRows.of([odd])).toThrow(/unknown field\(s\) myFigure/);
    const { od: _od, ...short } = features[0];
    expect(() => FeatureRows.of([short as VehicleFeatures])).toThrow(/missing field\(s\) od/);
  });

  it('ranks as the feature objects would: relays, loop crowd, scores, order, lines', () => {
    const { features, part } = featuresOf();
    const packed = rankRows(FeatureRows.of(features), ctxOf(part));
    // The reference: the ranking as it was before rows, on the objects themselves (relays and crowd
    // filled in place over all of them, each scored, sorted, lines over all of them).
    const objects = structuredClone(features);
    linkPlateRelays(objects, part.firstTime, part.lastTime, setup.params.relay);
    fillLoopCrowd(objects);
    const scored = objects.map((f) => ({ f, score: setup.params.scorer(f, setup.params).score }))
      .sort((a, b) => b.score - a.score || (a.f.vrm < b.f.vrm ? -1 : a.f.vrm > b.f.vrm ? 1 : 0));
    expect(packed.candidates.map((c) => [c.vrm, c.score])).toEqual(scored.map((x) => [x.f.vrm, x.score]));
    expect(packed.candidates.map((c) => c.features)).toEqual(scored.map((x) => x.f));
    const scoreOf = new Map(scored.map((x) => [x.f.vrm, x.score]));
    const lines = suspectedLines(objects, (v) => scoreOf.get(v)!, setup.params.lineMinScore, setup.params.lines, part.firstTime, part.lastTime);
    expect(lines.length).toBeGreaterThan(0);
    expect(packed.lines).toEqual(lines);
    // The public rankFeatures is the same ranking, and leaves its input as it was.
    const input = structuredClone(features);
    expect(rankFeatures(input, ctxOf(part)).candidates.map((c) => [c.vrm, c.score])).toEqual(packed.candidates.map((c) => [c.vrm, c.score]));
    expect(input).toEqual(features);
    expect(packed.candidates.some((c) => c.features.relayPlates.length > 0)).toBe(true);
  });

  it('the loop crowd of rows equals that of the objects', () => {
    const { features } = featuresOf();
    const objects = structuredClone(features);
    fillLoopCrowd(objects);
    expect(objects.some((f) => f.loopCrowd > 0)).toBe(true);
    expect(Array.from(loopCrowds(FeatureRows.of(features)))).toEqual(objects.map((f) => f.loopCrowd));
  });

  it('a candidate of a row unpacks its features once, on first access', () => {
    const { features } = featuresOf();
    const rows = FeatureRows.of(features);
    const c = new RankedCandidate({ rows, row: 1 }, 1.5, scoreCountyLines, setup.params);
    expect(c.vrm).toBe(features[1].vrm);
    expect(c.features).toEqual(features[1]);
    expect(c.features).toBe(c.features);
    expect(c.reasons).toEqual(scoreCountyLines(features[1], setup.params).reasons);
  });

  it('the scorer\'s result makes its parts and reasons once, on first access, and spreads and writes them as an object literal would', () => {
    const { features } = featuresOf();
    const f = features.reduce((best, x) => (x.loops > best.loops ? x : best));
    const s = scoreCountyLines(f, setup.params);
    expect(Object.keys(s)).toEqual(['score', 'parts', 'reasons']);
    expect(s.parts).toBe(s.parts);
    expect(s.reasons).toBe(s.reasons);
    expect(s.parts.reduce((sum, p) => sum + p.contribution, 0)).toBeCloseTo(s.score, 9);
    expect(s.reasons.length).toBeGreaterThan(1);
    // A notebook's scorer builds on the default by spreading it (README, "Try it in a notebook first").
    const mine = { ...s, score: s.score + 1 };
    expect(mine).toEqual({ score: s.score + 1, parts: s.parts, reasons: s.reasons });
    expect(JSON.stringify(s)).toBe(JSON.stringify({ score: s.score, parts: s.parts, reasons: s.reasons }));
  });
});
