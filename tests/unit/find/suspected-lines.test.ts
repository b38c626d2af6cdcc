import { describe, expect, it } from 'vitest';
import { maxWeightMatching } from '../../../kernel-lib/src/method/county-lines/line-matching';
import { defaultLineOptions, handOverCandidates, suspectedLines } from '../../../kernel-lib/src/method/county-lines/suspected-lines';
import { HANDOVER_TERMS, handOverLogOdds, handOverTerms, marketFocus, sameLastStop, stopSiteOverlap } from '../../../kernel-lib/src/method/county-lines/hand-over';
import type { Loop, VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1); // winter: London time is UTC
const loopsAt = (market: string, firstDay: number, hour: number, dwell: number, stopSite = 'S1'): Loop[] => [0, 1, 2].map((k) => {
  const arrive = T0 + (Math.ceil(firstDay) + k) * DAY + hour * 3_600_000;
  return { market, depart: arrive - 3_600_000, arrive, return: arrive + dwell * 60_000 + 3_600_000, dwellMinMinutes: dwell - 5, dwellMaxMinutes: dwell + 5, overnight: false, stopOvernight: false, stopSite };
});
/** Minimal features for the line step (only the fields it reads). */
const f = (vrm: string, firstDay: number, lastDay: number, market = 'Rhyl', hour = 21, dwell = 40, stopSite = 'S1') => ({
  vrm, firstSeen: T0 + firstDay * DAY, lastSeen: T0 + lastDay * DAY, spanDays: lastDay - firstDay,
  topMarketLoops: 3, loopsByMarket: [{ market, loops: 3 }], base: 'Liverpool', loopList: loopsAt(market, firstDay, hour, dwell, stopSite), loops: 3, mergedWith: [],
}) as unknown as VehicleFeatures;
const window = [T0, T0 + 28 * DAY] as const;

describe('maxWeightMatching', () => {
  it('takes the set of pairs with the largest total, not the best pair first', () => {
    const m = maxWeightMatching([{ a: 0, b: 0, weight: 2 }, { a: 0, b: 1, weight: 3 }, { a: 1, b: 1, weight: 3 }]);
    expect(m).toEqual([{ a: 0, b: 0, weight: 2 }, { a: 1, b: 1, weight: 3 }]);
  });
  it('matches each side at most once, per connected component, and ignores pairs worth nothing', () => {
    const m = maxWeightMatching([
      { a: 0, b: 0, weight: 1 }, { a: 1, b: 0, weight: 4 }, // component 1: a1-b0 wins
      { a: 5, b: 7, weight: 2 }, // component 2
      { a: 6, b: 8, weight: 0 }, // worth nothing: never matched
    ]);
    expect(m).toEqual([{ a: 1, b: 0, weight: 4 }, { a: 5, b: 7, weight: 2 }]);
  });
  it('falls back to heaviest-first on a component larger than maxExact', () => {
    const edges = [{ a: 0, b: 0, weight: 2 }, { a: 0, b: 1, weight: 3 }, { a: 1, b: 1, weight: 3 }];
    expect(maxWeightMatching(edges, 1)).toEqual([{ a: 0, b: 1, weight: 3 }]);
  });
});

describe('suspectedLines', () => {
  const score = (s: Record<string, number>) => (vrm: string) => s[vrm] ?? 0;
  it('chains plates that follow one another on a market, among suspects only', () => {
    // AAA (days 1-6) → BBB (7-12) → CCC (13-18) on Rhyl; QQQ is alike but scores low; DDD runs Chester.
    const list = [f('AAA', 1, 6), f('BBB', 7, 12), f('CCC', 13, 18), f('QQQ', 7.2, 12), f('DDD', 7, 12, 'Chester')];
    const lines = suspectedLines(list, score({ AAA: 5, BBB: 1, CCC: 3, QQQ: -9, DDD: 4 }), -2, {}, ...window);
    expect(lines.map((l) => l.vrms)).toEqual([['AAA', 'BBB', 'CCC']]);
    expect(lines[0]).toMatchObject({ id: 'L1', markets: ['Rhyl'], loops: 9, score: 5, firstSeen: T0 + DAY, lastSeen: T0 + 18 * DAY });
    // Two hand-overs, each with the model's probability and why, in words.
    expect(lines[0].handOvers.map((h) => [h.market, h.gapHours])).toEqual([['Rhyl', 24], ['Rhyl', 24]]);
    for (const h of lines[0].handOvers) {
      expect(h.probability).toBeGreaterThan(0.5);
      // (the fitted weight of the shared stop cameras, as the reason prints it)
      expect(h.reasons).toContain(`100% of their market stop cameras shared (+${defaultLineOptions.model.weights.stopShare.toFixed(1)})`);
    }
  });
  it('keeps two lines on one market apart by how they run, and needs a real hand-over', () => {
    // Two concurrent lines on Rhyl: evening 40-minute drops and morning 8-hour stays.
    const list = [f('EV1', 1, 8), f('MO1', 1.5, 9, 'Rhyl', 8, 480), f('EV2', 9, 16), f('MO2', 10, 17, 'Rhyl', 8, 480)];
    const lines = suspectedLines(list, () => 1, -2, {}, ...window);
    expect(lines.map((l) => l.vrms).sort()).toEqual([['EV1', 'EV2'], ['MO1', 'MO2']]);
    // A gap longer than maxGapHours (7 days), or a "stop" that is only the end of the data, is no hand-over.
    expect(suspectedLines([f('AAA', 1, 6), f('BBB', 14, 20)], () => 1, -2, {}, ...window)).toEqual([]);
    expect(suspectedLines([f('AAA', 1, 6), f('BBB', 12, 20)], () => 1, -2, {}, ...window).map((l) => l.vrms)).toEqual([['AAA', 'BBB']]);
    expect(suspectedLines([f('AAA', 14, 27.5), f('BBB', 27.6, 28)], () => 1, -2, { edgeHours: 48 }, ...window)).toEqual([]);
  });
  it('tells apart two alike lines by the cameras where their market stops begin', () => {
    // Two concurrent evening lines on Rhyl, one stopping by camera S1, the other by S2. By the clock
    // the lines cross (EV1 and X2 arrive at 21:00, X1 and EV2 at 22:00); the stop cameras keep them apart.
    const list = [f('EV1', 1, 8, 'Rhyl', 21, 40, 'S1'), f('X1', 1.2, 8.4, 'Rhyl', 22, 40, 'S2'), f('EV2', 9.6, 16, 'Rhyl', 22, 40, 'S1'), f('X2', 9.2, 16, 'Rhyl', 21, 40, 'S2')];
    expect(stopSiteOverlap(list[0], list[2], 'Rhyl')).toBe(1);
    expect(stopSiteOverlap(list[0], list[3], 'Rhyl')).toBe(0);
    expect(suspectedLines(list, () => 1, -2, {}, ...window).map((l) => l.vrms).sort()).toEqual([['EV1', 'EV2'], ['X1', 'X2']]);
    // Without the stop-camera term, the arrival hours decide.
    const blind = { ...defaultLineOptions.model, weights: { ...defaultLineOptions.model.weights, stopShare: 0 } };
    expect(suspectedLines(list, () => 1, -2, { model: blind }, ...window).map((l) => l.vrms).sort()).toEqual([['EV1', 'X2'], ['X1', 'EV2']].sort());
  });
  it('tells apart two lines by when they leave the hub, how much they are read in it and how far they range', () => {
    // Two concurrent lines on Rhyl, all arriving at 21:00. The EV line leaves the hub at 20:00, is read
    // in the hub for 30% of its reads and ranges 5 km; the X line leaves at 17:00, 80%, 20 km. At the
    // swap both lines moved their address: EV2 stops by the camera X1 used (S2), X2 by EV1's (S1), so
    // by the stop cameras the lines cross; how they run overall keeps them apart.
    const run = (vrm: string, first: number, last: number, departHour: number, hubReadShare: number, radiusOfGyrationKm: number, stopSite: string) => {
      const x = f(vrm, first, last, 'Rhyl', 21, 40, stopSite);
      const lead = (21 - departHour) * 3_600_000;
      return { ...x, hubReadShare, radiusOfGyrationKm, loopList: x.loopList.map((l) => ({ ...l, depart: l.arrive - lead })) } as VehicleFeatures;
    };
    const list = [run('EV1', 1, 8, 20, 0.3, 5, 'S1'), run('X1', 1.2, 8.4, 17, 0.8, 20, 'S2'), run('EV2', 9.6, 16, 20, 0.3, 5, 'S2'), run('X2', 9.2, 16, 17, 0.8, 20, 'S1')];
    const x = handOverTerms(list[0], list[3], 'Rhyl', 1.2 * 24, 1, 1);
    const term = (name: string) => x[HANDOVER_TERMS.indexOf(name as (typeof HANDOVER_TERMS)[number])];
    expect(term('departClock')).toBeCloseTo(3 / 4); // 20:00 against 17:00
    expect(term('hubShareDiff')).toBeCloseTo(0.5);
    expect(term('reachDiff')).toBeCloseTo(Math.log(4));
    expect(term('stopShare')).toBe(1);
    expect(suspectedLines(list, () => 1, -2, {}, ...window).map((l) => l.vrms).sort()).toEqual([['EV1', 'EV2'], ['X1', 'X2']]);
    // Without those three terms, the stop cameras decide.
    const blind = { ...defaultLineOptions.model, weights: { ...defaultLineOptions.model.weights, departClock: 0, hubShareDiff: 0, reachDiff: 0 } };
    expect(suspectedLines(list, () => 1, -2, { model: blind }, ...window).map((l) => l.vrms).sort()).toEqual([['EV1', 'X2'], ['X1', 'EV2']].sort());
  });
  it('measures how much of their running two plates give the market, and whether the next plate first stops where the last one stopped', () => {
    const a = f('AAA', 1, 6), b = { ...f('BBB', 7, 12), loops: 4, loopsByMarket: [{ market: 'Rhyl', loops: 3 }, { market: 'Chester', loops: 1 }] } as VehicleFeatures;
    expect(marketFocus(a, b, 'Rhyl')).toBeCloseTo(0.75);
    expect(marketFocus(a, b, 'Chester')).toBe(0);
    expect(sameLastStop(a, b, 'Rhyl')).toBe(1);
    const moved = { ...a, loopList: a.loopList.map((l, i) => (i === 2 ? { ...l, stopSite: 'S9' } : l)) } as VehicleFeatures;
    expect(sameLastStop(moved, b, 'Rhyl')).toBe(0); // a's last stop was by S9, b's first by S1
    expect(sameLastStop(b, moved, 'Rhyl')).toBe(1); // b's last (S1) against a's first (S1)
  });
  it('weighs a hand-over by the model: its named terms, and how runner-like each plate is', () => {
    const a = f('AAA', 1, 6), b = f('BBB', 7, 12, 'Rhyl', 23, 40, 'S2');
    const x = handOverTerms(a, b, 'Rhyl', 24, 5, -1);
    const term = (name: string) => x[HANDOVER_TERMS.indexOf(name as (typeof HANDOVER_TERMS)[number])];
    expect(x).toHaveLength(HANDOVER_TERMS.length);
    expect(term('gapDays')).toBeCloseTo(1);
    expect(term('gapFirstHalfDay')).toBeCloseTo(0.5); // the gap's first 12 hours, in days
    expect(handOverTerms(a, b, 'Rhyl', 6, 5, -1)[HANDOVER_TERMS.indexOf('gapFirstHalfDay')]).toBeCloseTo(0.25);
    expect(handOverTerms(a, b, 'Rhyl', -6, 5, -1)[HANDOVER_TERMS.indexOf('gapFirstHalfDay')]).toBe(0); // an overlap is the overlap term's
    expect(term('overlap')).toBe(0);
    expect(term('stopShare')).toBe(0); // S1 against S2
    expect(term('runnerA')).toBeCloseTo(-Math.log1p(Math.exp(-5)));
    expect(term('runnerB')).toBeCloseTo(-Math.log1p(Math.exp(1)));
    expect(term('rhythmBreak')).toBeCloseTo(Math.log(98 / 24)); // daily runs, then 4 days 2 hours from a's last run to b's first
    expect(term('departClock')).toBeCloseTo(2 / 4); // each leaves the hub an hour before it arrives
    expect(term('marketFocus')).toBe(1); // all their loops go to Rhyl
    expect(term('sameLastStop')).toBe(0); // a last stopped by S1, b first by S2
    expect(term('hubShareDiff')).toBe(0); // not known for these plates
    expect(term('reachDiff')).toBe(0);
    // A plate that barely passed the suspect bar must be more alike to take over than a strong one.
    const { edges } = handOverCandidates([a, b], () => 3, -2, defaultLineOptions, ...window);
    expect(edges.map((e) => [e.a, e.b, e.market])).toEqual([[0, 1, 'Rhyl']]);
    const strong = handOverLogOdds(defaultLineOptions.model, handOverTerms(a, b, 'Rhyl', 24, 5, 5));
    expect(handOverLogOdds(defaultLineOptions.model, x)).toBeLessThan(strong);
  });
  it('gives the same lines whatever the order of the features (deterministic)', () => {
    const list = [f('AAA', 1, 6), f('BBB', 7, 12), f('CCC', 13, 18), f('EV1', 1, 8, 'Rhyl', 8, 480, 'S2'), f('EV2', 9, 16, 'Rhyl', 8, 480, 'S2'), f('DDD', 7, 12, 'Chester')];
    const once = JSON.stringify(suspectedLines(list, () => 1, -2, {}, ...window));
    for (const order of [[5, 4, 3, 2, 1, 0], [2, 0, 4, 1, 5, 3], [3, 5, 0, 2, 4, 1]])
      expect(JSON.stringify(suspectedLines(order.map((i) => list[i]), () => 1, -2, {}, ...window))).toBe(once);
    expect(JSON.parse(once).length).toBeGreaterThan(1);
  });
});

describe('handOverCandidates', () => {
  // Plates on two markets, starting and stopping over four weeks: many possible hand-overs each.
  const crowd = Array.from({ length: 60 }, (_, i) => f(`P${String(i).padStart(2, '0')}`, (i * 7) % 24 + (i % 3) * 0.3, (i * 7) % 24 + 2 + (i % 4), i % 3 ? 'Rhyl' : 'Bangor', 18 + (i % 6), 20 + (i * 13) % 300, `S${i % 4}`));
  const scores = (vrm: string) => (Number(vrm.slice(1)) % 5) - 1;
  /** Every pair the straightforward scan finds: b starts after a, within the gap, on a shared market. */
  const allPairs = (o = defaultLineOptions) => {
    const t0 = window[0], t1 = window[1], H = 3_600_000, out: string[] = [];
    const s = crowd.filter((x) => scores(x.vrm) >= -2 && x.spanDays <= o.maxPlateSpanDays).sort((x, y) => (x.vrm < y.vrm ? -1 : 1));
    for (const a of s) for (const b of s) {
      const gap = (b.firstSeen - a.lastSeen) / H;
      if (a === b || a.lastSeen > t1 - o.edgeHours * H || b.firstSeen < t0 + o.edgeHours * H || b.firstSeen <= a.firstSeen || gap > o.maxGapHours || gap < -o.maxOverlapHours) continue;
      if (a.loopsByMarket.some((m) => b.loopsByMarket.some((n) => n.market === m.market))) out.push(`${a.vrm}>${b.vrm}`);
    }
    return out.sort();
  };
  it('finds every possible hand-over when each plate may keep them all, with the terms of the pair', () => {
    const o = { ...defaultLineOptions, maxCandidates: Infinity };
    const { suspects, edges } = handOverCandidates(crowd, scores, -2, o, ...window);
    expect(edges.map((e) => `${suspects[e.a].vrm}>${suspects[e.b].vrm}`).sort()).toEqual(allPairs());
    expect(edges.length).toBeGreaterThan(100);
    for (const e of edges.slice(0, 20)) expect(e.terms).toEqual(handOverTerms(suspects[e.a], suspects[e.b], e.market, e.gapHours, scores(suspects[e.a].vrm), scores(suspects[e.b].vrm)));
    // In the order of (a, b).
    expect(edges.every((e, k) => k === 0 || edges[k - 1].a < e.a || (edges[k - 1].a === e.a && edges[k - 1].b < e.b))).toBe(true);
  });
  it('keeps each plate\'s likeliest predecessors only, at most maxCandidates', () => {
    const all = handOverCandidates(crowd, scores, -2, { ...defaultLineOptions, maxCandidates: Infinity }, ...window);
    const few = handOverCandidates(crowd, scores, -2, { ...defaultLineOptions, maxCandidates: 3 }, ...window);
    const z = (e: { terms: number[] }) => handOverLogOdds(defaultLineOptions.model, e.terms);
    for (let b = 0; b < all.suspects.length; b++) {
      const mine = few.edges.filter((e) => e.b === b), theirs = all.edges.filter((e) => e.b === b);
      expect(mine.length).toBe(Math.min(3, theirs.length));
      const cut = theirs.map(z).sort((x, y) => y - x)[mine.length - 1];
      for (const e of mine) expect(z(e)).toBeGreaterThanOrEqual(cut);
    }
    expect(few.edges.length).toBeLessThan(all.edges.length);
  });
});
