/**
 * Suspected lines: plates believed to be one operation, grouped. A line runs one plate at a
 * time and swaps it every few days, so its plates follow one another on the same market: one
 * stops being seen, the next starts. Among the suspects (plates scoring at least `minScore`,
 * the finder's `params.lineMinScore`), every pair that could be such a hand-over (the later
 * plate starts after the earlier one, at most `maxGapHours` after its last read, both looping
 * to a shared market, both short-lived) is weighed by how alike the two run there
 * (`relaySimilarity`: hours, stay, nights, base, gap; and the cameras where their market stops
 * begin, since a line keeps its address in the market). The hand-overs are then chosen all at
 * once, the set with the largest total weight (each plate hands over to one and takes over
 * from one; weight = `linkBonus` + ln similarity, so a link is worth making unless the two run
 * very differently), and the chains of hand-overs are the lines. Unlike the scorer's relays
 * (plate-relay.ts), which must be cautious because they raise scores, lines are built only among
 * plates that are already suspects, so a hand-over need not be unambiguous among all traffic.
 */
import type { VehicleFeatures } from './features';
import { maxWeightMatching, type MatchEdge } from './line-matching';
import { relaySimilarity } from './relays';

/** One suspected line. */
export interface SuspectedLine {
  /** L1, L2, ... in rank order. */
  id: string;
  /** Its plates, in order of use. */
  vrms: string[];
  /** Markets its plates loop to, most loops first. */
  markets: string[];
  /** Loops hub → market → hub of all its plates. */
  loops: number;
  /** The best score among its plates. */
  score: number;
  /** First and last read of any of its plates (epoch ms). */
  firstSeen: number;
  lastSeen: number;
  /** Look-alike plates (misreads) merged into its plates. */
  lookalikes: string[];
}

/** How plates are chained into lines (see the module's comment). */
export interface LineOptions {
  /** Largest gap (hours) from one plate's last read to the next plate's first read. */
  maxGapHours: number;
  /** Largest overlap (hours) of the two plates' activity. */
  maxOverlapHours: number;
  /** A start/stop this close (hours) to the data's ends is not a real start/stop. */
  edgeHours: number;
  /** Each plate's activity (first to last read) must be at most this many days. */
  maxPlateSpanDays: number;
  /** Least similarity (0..1) for a hand-over. */
  minSimilarity: number;
  /** A hand-over's weight is this plus ln(similarity): larger links more plates, smaller only the most alike. */
  linkBonus: number;
  /** How much the stop cameras count (0..1): similarity × (1 − w × (1 − shared share of the two plates' stop cameras on the market)). */
  stopSiteWeight: number;
}

/** The defaults of {@link LineOptions} (chosen on the tuning variants of bench/methods/variants.json). */
export const defaultLineOptions: LineOptions = { maxGapHours: 168, maxOverlapHours: 12, edgeHours: 24, maxPlateSpanDays: 16, minSimilarity: 0.02, linkBonus: 5, stopSiteWeight: 0.3 };

const H = 3_600_000;

/**
 * The share of stop cameras two plates share on a market (Jaccard: shared over all), from the
 * site of the last read before each market stop.
 * @example stopSiteOverlap(a, b, 'Rhyl') // 0.5: a stopped after S0312 and S0318, b after S0312
 */
export function stopSiteOverlap(a: VehicleFeatures, b: VehicleFeatures, market: string): number {
  const sa = new Set(a.loopList.filter((l) => l.market === market).map((l) => l.stopSite));
  const sb = new Set(b.loopList.filter((l) => l.market === market).map((l) => l.stopSite));
  let shared = 0;
  for (const x of sa) if (sb.has(x)) shared++;
  const all = sa.size + sb.size - shared;
  return all ? shared / all : 0;
}

/**
 * The suspected lines among scored vehicles, best first. `from`/`to`: the data's first and last
 * read (epoch ms; by default the earliest and latest read of the list).
 *
 * @example
 * suspectedLines(features, (vrm) => scoreOf.get(vrm)!, -2)[0] // { id: 'L1', vrms: ['AB12CDE', 'YT10VJT'], markets: ['Rhyl'], loops: 9, ... }
 */
export function suspectedLines(list: readonly VehicleFeatures[], scoreOf: (vrm: string) => number, minScore = -Infinity,
  options: Partial<LineOptions> = {}, from?: number, to?: number): SuspectedLine[] {
  const o = { ...defaultLineOptions, ...options };
  const t0 = from ?? list.reduce((m, f) => Math.min(m, f.firstSeen), Infinity), t1 = to ?? list.reduce((m, f) => Math.max(m, f.lastSeen), -Infinity);
  const suspects = list.filter((f) => scoreOf(f.vrm) >= minScore && f.spanDays <= o.maxPlateSpanDays && f.topMarketLoops >= 1)
    .sort((a, b) => (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  const byMarket = new Map<string, number[]>();
  suspects.forEach((f, i) => {
    for (const { market, loops } of f.loopsByMarket) if (loops >= 1) { const g = byMarket.get(market); if (g) g.push(i); else byMarket.set(market, [i]); }
  });
  // Candidate hand-overs, one per ordered pair of plates (on their most alike shared market).
  const best = new Map<number, MatchEdge>();
  const n = suspects.length;
  for (const [market, g] of [...byMarket].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    for (const i of g) {
      const a = suspects[i];
      if (a.lastSeen > t1 - o.edgeHours * H) continue; // a must stop inside the window
      for (const j of g) {
        const b = suspects[j];
        if (i === j || b.firstSeen < t0 + o.edgeHours * H || b.firstSeen <= a.firstSeen) continue; // b must start inside, after a
        const gap = (b.firstSeen - a.lastSeen) / H;
        if (gap > o.maxGapHours || gap < -o.maxOverlapHours) continue;
        const sim = relaySimilarity(a, b, market, gap, o.maxGapHours) * (1 - o.stopSiteWeight * (1 - stopSiteOverlap(a, b, market)));
        if (sim < o.minSimilarity) continue;
        const weight = o.linkBonus + Math.log(sim);
        const k = i * n + j, seen = best.get(k);
        if (weight > 0 && (!seen || weight > seen.weight)) best.set(k, { a: i, b: j, weight });
      }
    }
  }
  const next = new Map<number, number>(), prev = new Set<number>();
  for (const e of maxWeightMatching([...best.values()])) { next.set(e.a, e.b); prev.add(e.b); }
  const chains: VehicleFeatures[][] = [];
  for (const i of [...next.keys()].sort((x, y) => x - y)) {
    if (prev.has(i)) continue; // chain heads only (b starts after a, so there are no cycles)
    const chain: VehicleFeatures[] = [];
    for (let c: number | undefined = i; c !== undefined; c = next.get(c)) chain.push(suspects[c]);
    chains.push(chain);
  }
  const lines = chains.map((chain) => {
    const loopsOf = new Map<string, number>();
    for (const f of chain) for (const m of f.loopsByMarket) loopsOf.set(m.market, (loopsOf.get(m.market) ?? 0) + m.loops);
    const markets = [...loopsOf.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
    return {
      id: '', vrms: chain.map((f) => f.vrm), markets, loops: chain.reduce((s, f) => s + f.loops, 0),
      score: Math.max(...chain.map((f) => scoreOf(f.vrm))),
      firstSeen: Math.min(...chain.map((f) => f.firstSeen)), lastSeen: Math.max(...chain.map((f) => f.lastSeen)),
      lookalikes: chain.flatMap((f) => f.mergedWith.map((m) => m.vrm)),
    };
  });
  lines.sort((a, b) => b.score - a.score || (a.vrms[0] < b.vrms[0] ? -1 : a.vrms[0] > b.vrms[0] ? 1 : 0));
  lines.forEach((l, i) => { l.id = `L${i + 1}`; });
  return lines;
}
