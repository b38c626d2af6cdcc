/**
 * Plate relays: runners swap plates every few days or weeks, so one runner shows up as a chain
 * of plates, each active for a short spell. Two plates form a relay when one stops being seen
 * and the other starts (within `maxGapHours`, overlapping at most `maxOverlapHours`), both are
 * short-lived (active at most `maxPlateSpanDays`), both loop from the hub to the same market,
 * and they run alike: the same hours of arrival, the same length of stay, the same base. The
 * time gap alone is not enough on a busy market (several lines, one-off visitors), so each
 * candidate link gets a similarity (0..1) and the matching takes the most similar first, one
 * plate handing over to one and taking over from one. Plates active through the whole window
 * (ordinary traffic) cannot form relays: a relay needs a real start or stop inside the window
 * (more than `edgeHours` from its ends). And a link is only as strong as it is unambiguous:
 * its confidence is the similarity divided by the number of alike plates that could equally
 * have handed over or taken over (on a busy market, one-off visitors stop and start every day).
 */
import type { VehicleFeatures } from './features';
import { forEachCandidate, forEachCandidateBefore, type RelayFeatures } from './relay-candidates';
import { styleOf, styleSimilarity } from './relay-style';

export type { RelayFeatures };

/** Options of {@link linkPlateRelays}. */
export interface PlateRelayOptions {
  /** Largest gap (hours) between the last read of one plate and the first read of the next. */
  maxGapHours: number;
  /** Largest overlap (hours) of the two plates' activity. */
  maxOverlapHours: number;
  /** A start/stop this close (hours) to the window's ends is not a real start/stop. */
  edgeHours: number;
  /** Loops to the shared market each plate needs. */
  minLoops: number;
  /** Each plate's activity (first to last read) must be at most this many days: a swapped plate is short-lived. */
  maxPlateSpanDays: number;
  /** Least similarity (0..1: timing, stay, base, hand-over gap) for a candidate link. */
  minSimilarity: number;
  /** Least confidence (similarity over the number of alike plates that could equally have handed or taken over) for a link. */
  minConfidence: number;
}

/** The defaults of {@link PlateRelayOptions}. */
export const defaultPlateRelayOptions: PlateRelayOptions = { maxGapHours: 96, maxOverlapHours: 12, edgeHours: 24, minLoops: 1, maxPlateSpanDays: 16, minSimilarity: 0.2, minConfidence: 0.1 };

/** One relay link of a plate. */
export interface PlateRelay {
  vrm: string;
  /** 'before': the other plate was used before this one; 'after': after it. */
  role: 'before' | 'after';
  /** Hours from the earlier plate's last read to the later plate's first read (negative = overlap). */
  gapHours: number;
  market: string;
  /** Confidence in the link (0..1): how alike the two plates run, over the number of alike plates that could equally have taken over. */
  similarity?: number;
}

/**
 * How alike two plates run on one market, 0..1: arrival hours, stay length, night share,
 * base, and the hand-over gap (a quick hand-over is likelier the same runner).
 *
 * @example relaySimilarity(a, b, 'Rhyl', 20) // 0.82
 */
export function relaySimilarity(a: RelayFeatures, b: RelayFeatures, market: string, gapHours: number, maxGapHours = defaultPlateRelayOptions.maxGapHours): number {
  return styleSimilarity(styleOf(a, market), styleOf(b, market), a.base, b.base, gapHours, maxGapHours);
}

/**
 * Whether a plate can be in a relay at all (short-lived, looping to a market): only these are
 * compared, so the ranking need not unpack the others' features (rank.ts).
 * @example takesPartInRelays({ topMarketLoops: 3, spanDays: 6 }, defaultPlateRelayOptions) // true
 */
export function takesPartInRelays(f: Pick<VehicleFeatures, 'topMarketLoops' | 'spanDays'>, o: PlateRelayOptions): boolean {
  return f.topMarketLoops >= o.minLoops && f.spanDays <= o.maxPlateSpanDays;
}

/**
 * A plate's relay fields with no relay: no relay plates, a chain of itself and its own loops to its market.
 * @example noRelay({ topMarketLoops: 3 }) // { relayPlates: [], relayChainPlates: 1, relayChainLoops: 3 }
 */
export function noRelay(f: Pick<VehicleFeatures, 'topMarketLoops'>): Pick<VehicleFeatures, 'relayPlates' | 'relayChainPlates' | 'relayChainLoops'> {
  return { relayPlates: [], relayChainPlates: 1, relayChainLoops: f.topMarketLoops };
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
export function linkPlateRelays(list: RelayFeatures[], from: number, to: number, options: Partial<PlateRelayOptions> = {}): void {
  const o = { ...defaultPlateRelayOptions, ...options };
  const n = list.length;
  const index = new Map<RelayFeatures, number>();
  const byMarket = new Map<string, RelayFeatures[]>();
  list.forEach((f, i) => {
    index.set(f, i);
    Object.assign(f, noRelay(f));
    if (!takesPartInRelays(f, o)) return;
    // A plate joins the group of every market it loops to (a line may serve 2-3 markets).
    for (const { market: m, loops } of f.loopsByMarket) {
      if (loops < o.minLoops) continue;
      const g = byMarket.get(m); if (g) g.push(f); else byMarket.set(m, [f]);
    }
  });
  // Candidate links (earlier plate stops, later plate starts, same market, alike enough), then
  // a one-to-one matching, most alike first. One link per pair of plates, on their most alike
  // market; only plates in several market groups can meet twice, so only they are tracked.
  const groups = new Int32Array(n);
  byMarket.forEach((g) => { for (const f of g) groups[index.get(f)!]++; });
  const markets = [...byMarket].map(([market, g]) => { g.sort((a, b) => a.firstSeen - b.firstSeen || (a.vrm < b.vrm ? -1 : 1)); return { market, g }; });
  // A link is only as good as it is unambiguous: on a busy market many one-off plates stop and
  // start each day, and any of them could "take over". Each link's confidence is its similarity
  // divided by the number of alike plates that could equally have handed over or taken over.
  // First count them, each plate's successors (outs) and predecessors (ins), each scan stopping
  // once the count alone makes all the plate's links hopeless (`limit` alike plates: on copied or
  // region-wide data a crowded market holds thousands, and counting them all was quadratic);
  // then keep only links that can reach minConfidence (similarity is at most 1).
  const limit = hopelessCount(o.minConfidence);
  const outs = new Int32Array(n), ins = new Int32Array(n);
  // Plates in several market groups can meet on more than one market: such pairs are noted (in
  // the counting scans, to count them once; in the keeping pass, with their link, to keep the most alike market's).
  const twice = (ia: number, ib: number) => groups[ia] > 1 && groups[ib] > 1;
  const metOut = new PairTable(), metIn = new PairTable();
  const once = (met: PairTable, ia: number, ib: number) => {
    if (!twice(ia, ib)) return true;
    if (met.get(ia, ib) !== undefined) return false;
    met.set(ia, ib, 0);
    return true;
  };
  for (const { market, g } of markets) {
    forEachCandidate(g, market, from, to, o, (a, b) => {
      const ia = index.get(a)!, ib = index.get(b)!;
      return once(metOut, ia, ib) && ++outs[ia] >= limit;
    }, (a) => outs[index.get(a)!] < limit);
    forEachCandidateBefore(g, market, from, to, o, (a, b) => {
      const ia = index.get(a)!, ib = index.get(b)!;
      return once(metIn, ia, ib) && ++ins[ib] >= limit;
    }, (b) => ins[index.get(b)!] < limit);
  }
  const hopeless = (ia: number, ib: number) => 1 / Math.max(outs[ia], ins[ib]) < o.minConfidence;
  const c = { a: [] as number[], b: [] as number[], gap: [] as number[], market: [] as string[], sim: [] as number[] };
  const linked = new PairTable();
  // Only plates with an alike successor and fewer than `limit` of them can have a link that is not hopeless.
  const mayLink = (a: RelayFeatures) => { const k = outs[index.get(a)!]; return k > 0 && k < limit; };
  for (const { market, g } of markets) forEachCandidate(g, market, from, to, o, (a, b, gap, sim) => {
    const ia = index.get(a)!, ib = index.get(b)!;
    if (hopeless(ia, ib)) return;
    if (twice(ia, ib)) {
      const seen = linked.get(ia, ib);
      if (seen !== undefined) {
        if (sim > c.sim[seen] || (sim === c.sim[seen] && market < c.market[seen])) { c.gap[seen] = gap; c.market[seen] = market; c.sim[seen] = sim; }
        return;
      }
      linked.set(ia, ib, c.a.length);
    }
    c.a.push(ia); c.b.push(ib); c.gap.push(gap); c.market.push(market); c.sim.push(sim);
  }, mayLink);
  const order: number[] = [];
  for (let k = 0; k < c.a.length; k++) {
    c.sim[k] = c.sim[k] / Math.max(outs[c.a[k]], ins[c.b[k]]);
    if (c.sim[k] >= o.minConfidence) order.push(k);
  }
  const vrm = (i: number) => list[i].vrm;
  order.sort((x, y) => c.sim[y] - c.sim[x] || Math.abs(c.gap[x]) - Math.abs(c.gap[y])
    || (vrm(c.a[x]) < vrm(c.a[y]) ? -1 : vrm(c.a[x]) > vrm(c.a[y]) ? 1 : 0) || (vrm(c.b[x]) < vrm(c.b[y]) ? -1 : vrm(c.b[x]) > vrm(c.b[y]) ? 1 : 0));
  const handedOver = new Uint8Array(n), tookOver = new Uint8Array(n);
  const next = new Int32Array(n).fill(-1), prev = new Int32Array(n).fill(-1);
  for (const k of order) {
    const a = c.a[k], b = c.b[k];
    if (handedOver[a] || tookOver[b]) continue;
    // No cycles: b must not already lead (through its successors) back to a.
    let x = b, cycle = false;
    while (x >= 0) { if (x === a) { cycle = true; break; } x = next[x]; }
    if (cycle) continue;
    handedOver[a] = 1; tookOver[b] = 1; next[a] = b; prev[b] = a;
    const similarity = Math.round(c.sim[k] * 1000) / 1000, gapHours = c.gap[k], market = c.market[k];
    list[a].relayPlates.push({ vrm: list[b].vrm, role: 'after', gapHours, market, similarity });
    list[b].relayPlates.push({ vrm: list[a].vrm, role: 'before', gapHours, market, similarity });
  }
  // Chains: every plate of a chain gets the chain's plates and its loops to the market.
  for (let h = 0; h < n; h++) {
    if (prev[h] >= 0 || next[h] < 0) continue; // chain heads only
    let plates = 0, loops = 0;
    for (let x = h; x >= 0; x = next[x]) { plates++; loops += list[x].topMarketLoops; }
    for (let x = h; x >= 0; x = next[x]) { list[x].relayChainPlates = plates; list[x].relayChainLoops = loops; }
  }
}

/**
 * The relay chains among features (after {@link linkPlateRelays}), each in order of use.
 * @example relayChains(features).map((c) => c.map((f) => f.vrm)) // [['AB12CDE', 'YT10VJT']]
 */
export function relayChains<T extends RelayFeatures>(list: readonly T[]): T[][] {
  const byVrm = new Map(list.map((f) => [f.vrm, f]));
  const chains: T[][] = [];
  for (const f of list) {
    if (f.relayPlates.some((r) => r.role === 'before') || !f.relayPlates.some((r) => r.role === 'after')) continue;
    const chain: T[] = [];
    for (let c: T | undefined = f; c; ) {
      chain.push(c);
      const after: PlateRelay | undefined = c.relayPlates.find((r) => r.role === 'after');
      c = after ? byVrm.get(after.vrm) : undefined;
    }
    chains.push(chain);
  }
  return chains;
}

/**
 * The least number of alike plates that makes a link hopeless (1 / count < minConfidence):
 * counting can stop there. Infinity when no count does (minConfidence ≤ 0).
 * @example hopelessCount(0.1) // 11: one of 10 alike plates still has confidence 0.1
 */
export function hopelessCount(minConfidence: number): number {
  if (!(minConfidence > 0)) return Infinity;
  let k = Math.max(1, Math.floor(1 / minConfidence));
  while (k > 1 && 1 / (k - 1) < minConfidence) k--;
  while (!(1 / k < minConfidence)) k++;
  return k;
}

/** A number per pair of plates (by index), for the few pairs that can meet on several markets. */
class PairTable {
  #rows = new Map<number, Map<number, number>>();
  get(a: number, b: number): number | undefined { return this.#rows.get(a)?.get(b); }
  set(a: number, b: number, value: number): void {
    let row = this.#rows.get(a);
    if (!row) this.#rows.set(a, row = new Map());
    row.set(b, value);
  }
}
