/**
 * The relay step (binary-searched candidate range, styles cached per market, compact links) gives
 * exactly the links, confidences and chain figures of the straightforward all-pairs scan it
 * replaced (kept below, verbatim but for the unchanged styleOf, as the reference), on random market groups.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { styleOf } from '../../../kernel-lib/src/method/county-lines/relay-style';
import { defaultPlateRelayOptions as defaults, hopelessCount, linkPlateRelays, type PlateRelayOptions } from '../../../kernel-lib/src/method/county-lines/relays';
import type { Loop, VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

const ref_linkPlateRelays = (list: VehicleFeatures[], from: number, to: number, options: Partial<PlateRelayOptions> = {}) => ref_link(list, from, to, options);

/**
 * Mean distance (hours, circular) from each arrival of one plate to the closest arrival of the other.
 * @example ref_clockDistance([21, 22], [23]) // 1.25
 */
function ref_clockDistance(a: number[], b: number[]): number {
  if (!a.length || !b.length) return 12;
  const d = (x: number, y: number) => { const e = Math.abs(x - y) % 24; return Math.min(e, 24 - e); };
  const one = (xs: number[], ys: number[]) => xs.reduce((s, x) => s + Math.min(...ys.map((y) => d(x, y))), 0) / xs.length;
  return (one(a, b) + one(b, a)) / 2;
}

/**
 * How alike two plates run on one market, 0..1: arrival hours, stay length, night share,
 * base, and the hand-over gap (a quick hand-over is likelier the same runner).
 *
 * @example ref_relaySimilarity(a, b, 'Rhyl', 20) // 0.82
 */
function ref_relaySimilarity(a: VehicleFeatures, b: VehicleFeatures, market: string, gapHours: number, maxGapHours = defaults.maxGapHours): number {
  const sa = styleOf(a, market), sb = styleOf(b, market);
  // Each part is soft (a runner's own loops vary): it only rules out plates that clearly run otherwise.
  const clock = Math.exp(-((ref_clockDistance(sa.hours, sb.hours) / 4) ** 2));
  const stay = Number.isFinite(sa.logDwell) && Number.isFinite(sb.logDwell) ? Math.exp(-(((sa.logDwell - sb.logDwell) / 2) ** 2)) : 1;
  const nights = 1 - 0.5 * Math.abs(sa.overnight - sb.overnight);
  const night = 1 - 0.5 * Math.abs(sa.night - sb.night);
  const base = a.base === null || b.base === null || a.base === b.base ? 1 : 0.6;
  const gap = 1 - 0.5 * Math.min(1, Math.max(0, gapHours) / maxGapHours);
  return clock * stay * nights * night * base * gap;
}

/**
 * Find relay links among vehicles' features (in place: fills `features.relayPlates`,
 * `relayChainPlates` and `relayChainLoops`). `from`/`to` are the first and last read times of
 * the data (epoch ms).
 *
 * @example
 * linkPlateRelays(featuresList, store.time[0], lastTime);
 * featuresList[0].relayPlates // [{ vrm: 'YT10VJT', role: 'after', gapHours: 20.5, market: 'Rhyl', similarity: 0.8 }]
 */
function ref_link(list: VehicleFeatures[], from: number, to: number, options: Partial<PlateRelayOptions> = {}): void {
  const o = { ...defaults, ...options };
  const H = 3_600_000;
  const byMarket = new Map<string, VehicleFeatures[]>();
  for (const f of list) {
    f.relayPlates = [];
    f.relayChainPlates = 1;
    f.relayChainLoops = f.topMarketLoops;
    if (f.topMarketLoops < o.minLoops || f.spanDays > o.maxPlateSpanDays) continue;
    // A plate joins the group of every market it loops to (a line may serve 2-3 markets).
    for (const { market: m, loops } of f.loopsByMarket) {
      if (loops < o.minLoops) continue;
      const g = byMarket.get(m); if (g) g.push(f); else byMarket.set(m, [f]);
    }
  }
  // Candidate links (earlier plate stops, later plate starts, same market, alike enough), then
  // a one-to-one matching, most alike first.
  const links: { a: VehicleFeatures; b: VehicleFeatures; gap: number; market: string; sim: number }[] = [];
  const pairIndex = new Map<VehicleFeatures, Map<VehicleFeatures, number>>(); // one link per pair of plates, on their most alike market
  for (const [market, g] of byMarket) {
    g.sort((a, b) => a.firstSeen - b.firstSeen || (a.vrm < b.vrm ? -1 : 1));
    for (let i = 0; i < g.length; i++) {
      const a = g[i];
      if (a.lastSeen > to - o.edgeHours * H) continue; // a must stop inside the window
      for (let j = 0; j < g.length; j++) {
        const b = g[j];
        if (b === a || b.firstSeen < from + o.edgeHours * H) continue; // b must start inside the window
        const gap = (b.firstSeen - a.lastSeen) / H;
        if (gap > o.maxGapHours || gap < -o.maxOverlapHours) continue;
        const sim = ref_relaySimilarity(a, b, market, gap, o.maxGapHours);
        if (sim < o.minSimilarity) continue;
        const seen = pairIndex.get(a)?.get(b);
        if (seen !== undefined) { const l = links[seen]; if (sim > l.sim || (sim === l.sim && market < l.market)) links[seen] = { a, b, gap, market, sim }; continue; }
        let m = pairIndex.get(a); if (!m) { m = new Map(); pairIndex.set(a, m); }
        m.set(b, links.length);
        links.push({ a, b, gap, market, sim });
      }
    }
  }
  // A link is only as good as it is unambiguous: on a busy market many one-off plates stop and
  // start each day, and any of them could "take over". Each link's confidence is its similarity
  // divided by the number of alike plates that could equally have handed over or taken over.
  const outs = new Map<VehicleFeatures, number>(), ins = new Map<VehicleFeatures, number>();
  for (const l of links) { outs.set(l.a, (outs.get(l.a) ?? 0) + 1); ins.set(l.b, (ins.get(l.b) ?? 0) + 1); }
  for (const l of links) l.sim = l.sim / Math.max(outs.get(l.a)!, ins.get(l.b)!);
  for (let i = links.length - 1; i >= 0; i--) if (links[i].sim < o.minConfidence) links.splice(i, 1);
  links.sort((x, y) => y.sim - x.sim || Math.abs(x.gap) - Math.abs(y.gap) || (x.a.vrm < y.a.vrm ? -1 : x.a.vrm > y.a.vrm ? 1 : 0) || (x.b.vrm < y.b.vrm ? -1 : x.b.vrm > y.b.vrm ? 1 : 0));
  const handedOver = new Set<VehicleFeatures>(), tookOver = new Set<VehicleFeatures>();
  const next = new Map<VehicleFeatures, VehicleFeatures>();
  for (const { a, b, gap, market, sim } of links) {
    if (handedOver.has(a) || tookOver.has(b)) continue;
    // No cycles: b must not already lead (through its successors) back to a.
    let c: VehicleFeatures | undefined = b, cycle = false;
    while (c) { if (c === a) { cycle = true; break; } c = next.get(c); }
    if (cycle) continue;
    handedOver.add(a); tookOver.add(b); next.set(a, b);
    const similarity = Math.round(sim * 1000) / 1000;
    a.relayPlates.push({ vrm: b.vrm, role: 'after', gapHours: gap, market, similarity });
    b.relayPlates.push({ vrm: a.vrm, role: 'before', gapHours: gap, market, similarity });
  }
  // Chains: every plate of a chain gets the chain's plates and its loops to the market.
  const prev = new Map<VehicleFeatures, VehicleFeatures>();
  next.forEach((b, a) => { prev.set(b, a); });
  for (const f of list) {
    if (prev.has(f) || !next.has(f)) continue; // chain heads only
    const chain: VehicleFeatures[] = [];
    for (let c: VehicleFeatures | undefined = f; c; c = next.get(c)) chain.push(c);
    const loops = chain.reduce((n, c) => n + c.topMarketLoops, 0);
    for (const c of chain) { c.relayChainPlates = chain.length; c.relayChainLoops = loops; }
  }
}


const H = 3_600_000;
const T0 = Date.UTC(2025, 0, 1);
const SPAN = 28 * 24 * H;
const MARKETS = ['Rhyl', 'Bangor', 'Wrexham'];

/** A random plate: active for a spell, looping to one or two markets at a few arrival hours. */
const plate = fc.record({
  start: fc.integer({ min: 0, max: 27 * 24 }), lengthH: fc.integer({ min: 0, max: 20 * 24 }),
  markets: fc.subarray(MARKETS, { minLength: 1, maxLength: 2 }), loops: fc.integer({ min: 1, max: 4 }),
  hour: fc.integer({ min: 0, max: 23 }), dwell: fc.integer({ min: 10, max: 300 }), overnight: fc.boolean(),
  base: fc.constantFrom('Liverpool', 'Birkenhead', null),
});

function features(ps: fc.infer<typeof plate>[]): VehicleFeatures[] {
  return ps.map((p, i) => {
    const firstSeen = T0 + p.start * H, lastSeen = Math.min(T0 + SPAN, firstSeen + p.lengthH * H);
    const loopList: Loop[] = [];
    const loopsByMarket = p.markets.map((market, m) => ({ market, loops: Math.max(1, p.loops - m) }));
    for (const { market, loops } of loopsByMarket) for (let k = 0; k < loops; k++) {
      const arrive = firstSeen + ((k * 7 + p.hour) % Math.max(1, p.lengthH + 1)) * H + (p.hour % 3) * H;
      loopList.push({ market, depart: arrive - H, arrive, return: arrive + p.dwell * 60_000 + H, dwellMinMinutes: p.dwell - 5, dwellMaxMinutes: p.dwell + 5, overnight: p.overnight, stopOvernight: p.overnight && k % 2 === 0 });
    }
    return {
      vrm: `P${String(i).padStart(3, '0')}`, firstSeen, lastSeen, spanDays: (lastSeen - firstSeen) / (24 * H),
      topMarketLoops: loopsByMarket[0].loops, loopsByMarket, base: p.base, relayPlates: [], loopList, loops: loopList.length,
    } as unknown as VehicleFeatures;
  });
}

const outcome = (list: VehicleFeatures[]) => list.map((f) => ({ vrm: f.vrm, relays: f.relayPlates, plates: f.relayChainPlates, loops: f.relayChainLoops }));

describe('linkPlateRelays against the all-pairs reference', () => {
  it('gives the same links, confidences and chains on random groups', () => {
    fc.assert(fc.property(fc.array(plate, { minLength: 0, maxLength: 60 }), fc.constantFrom({}, { minSimilarity: 0, minConfidence: 0 }, { maxGapHours: 24, maxOverlapHours: 0 }, { edgeHours: 0 }, { minConfidence: 0.34 }, { minConfidence: 0.5, minSimilarity: 0 }), (ps, options) => {
      const mine = features(ps), theirs = features(ps);
      linkPlateRelays(mine, T0, T0 + SPAN, options);
      ref_linkPlateRelays(theirs, T0, T0 + SPAN, options);
      expect(outcome(mine)).toEqual(outcome(theirs));
    }), { numRuns: 300, seed: 15 });
  });
  it('gives the same result on a busy group with many hand-overs', () => {
    const ps = Array.from({ length: 400 }, (_, i) => ({ start: (i * 37) % (27 * 24), lengthH: 24 + (i * 53) % (10 * 24), markets: [MARKETS[i % 3]], loops: 1 + (i % 4), hour: (i * 5) % 24, dwell: 20 + (i * 11) % 200, overnight: i % 7 === 0, base: i % 5 ? 'Liverpool' : null }));
    const mine = features(ps), theirs = features(ps);
    linkPlateRelays(mine, T0, T0 + SPAN);
    ref_linkPlateRelays(theirs, T0, T0 + SPAN);
    expect(outcome(mine)).toEqual(outcome(theirs));
    expect(mine.some((f) => f.relayPlates.length)).toBe(true);
  });
  it('gives the same result on copied data, where the counts stop early (every plate has 12 identical copies)', () => {
    // As the scale benchmark's copies: each plate 12 times, so most plates have more alike
    // neighbours than a link can bear and their counting scans stop at hopelessCount.
    const base = Array.from({ length: 40 }, (_, i) => ({ start: (i * 61) % (27 * 24), lengthH: 24 + (i * 29) % (6 * 24), markets: [MARKETS[i % 2]], loops: 1 + (i % 3), hour: (i * 7) % 24, dwell: 30 + (i * 13) % 150, overnight: i % 4 === 0, base: 'Liverpool' }));
    const ps = base.flatMap((p) => Array.from({ length: 12 }, () => p));
    for (const options of [{}, { minConfidence: 0.05 }, { minConfidence: 0.3 }]) {
      const mine = features(ps), theirs = features(ps);
      linkPlateRelays(mine, T0, T0 + SPAN, options);
      ref_linkPlateRelays(theirs, T0, T0 + SPAN, options);
      expect(outcome(mine)).toEqual(outcome(theirs));
    }
    const sparse = features(base), ref = features(base);
    linkPlateRelays(sparse, T0, T0 + SPAN);
    ref_linkPlateRelays(ref, T0, T0 + SPAN);
    expect(outcome(sparse)).toEqual(outcome(ref));
    expect(sparse.some((f) => f.relayPlates.length)).toBe(true); // uncopied, some links are made
  });
  it('hopelessCount is the least count whose confidence falls below the minimum', () => {
    for (const c of [0.1, 0.05, 0.3, 1 / 3, 0.5, 1, 0.999, 0.0137]) {
      const k = hopelessCount(c);
      expect(1 / k < c).toBe(true);
      if (k > 1) expect(1 / (k - 1) < c).toBe(false);
    }
    expect(hopelessCount(0.1)).toBe(11);
    expect(hopelessCount(0)).toBe(Infinity);
  });
});
