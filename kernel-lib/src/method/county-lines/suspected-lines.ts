/**
 * Suspected lines: plates believed to be one operation, grouped. A line runs one plate at a
 * time and swaps it every few days, so its plates follow one another on the same market: one
 * stops being seen, the next starts. Among the suspects (plates scoring at least `minScore`,
 * the finder's `params.lineMinScore`), every pair that could be such a hand-over (the later
 * plate starts after the earlier one, at most `maxGapHours` after its last read, both looping
 * to a shared market, both short-lived) gets the log-odds that it is one line's hand-over, from
 * a fitted model over named terms (hand-over.ts: how alike the two run, the gap, whether the
 * line's rhythm carries on, how runner-like each is). The hand-overs are then chosen all at
 * once, the set with the largest total weight (each plate hands over to one and takes over from
 * one; weight = log-odds + `linkBonus`), and the chains of hand-overs are the lines. Unlike the
 * scorer's relays (relays.ts), which must be cautious because they raise scores, lines are built
 * only among plates that are already suspects, so a hand-over need not be unambiguous among all traffic.
 */
import { firstAtLeast } from '../../core/sorted';
import type { VehicleFeatures } from './features';
import { handOverLogOdds, handOverReasons, handOverTerms, type HandOverModel } from './hand-over';
import { fittedHandOverModel } from './line-model';
import { styleOf, type Style } from './relay-style';
import { maxWeightMatching, type MatchEdge } from './line-matching';

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
  /** Each hand-over, in order (vrms[i] → vrms[i + 1]). */
  handOvers: HandOver[];
}

/** One hand-over of a line: the gap, the market, how likely the model finds it, and why. */
export interface HandOver {
  /** Hours from the earlier plate's last read to the later plate's first (negative: overlap). */
  gapHours: number;
  market: string;
  /** σ(log-odds) of the hand-over model (before the link bonus). */
  probability: number;
  /** Its weightiest terms in words, each with its contribution (hand-over.ts: handOverReasons). */
  reasons: string[];
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
  /** The hand-over model (log-odds over named terms; default: fitted by `npm run fit:lines`). */
  model: HandOverModel;
  /** Possible predecessors each plate keeps, the likeliest by the model (bounds the work on crowded data; the benchmark's plates have far fewer). */
  maxCandidates: number;
  /** Added to each hand-over's log-odds before the matching: larger links more plates (a hand-over is made when log-odds > −linkBonus). */
  linkBonus: number;
}

/**
 * The defaults of {@link LineOptions}: the fitted model, a bonus of 3 (of 2, 3, 4, 5 and 7, the
 * best mean pair F1 on the fit runs of the tuning variants), and window edges of 12 hours (of 6, 12,
 * 24 and 36 on the tuning variants, mean pair F1 0.851, 0.848, 0.844, 0.836 on the fit runs and
 * 0.838, 0.838, 0.809 at 6, 12, 24 on their benchmark seeds: 12, the more cautious of the best two).
 */
export const defaultLineOptions: LineOptions = { maxGapHours: 168, maxOverlapHours: 12, edgeHours: 12, maxPlateSpanDays: 16, maxCandidates: 16, model: fittedHandOverModel, linkBonus: 3 };

const H = 3_600_000;

/** One possible hand-over between two suspects (indices into `suspects`), with its terms. */
export interface HandOverCandidate { a: number; b: number; market: string; gapHours: number; terms: number[] }

/**
 * The suspects (sorted by VRM) and every possible hand-over among them, with its terms: the
 * inputs of the matching, and of the model's fit (scripts/fit-lines.mjs). The pair's market is the
 * shared one where the two loop most (ties by name). Each plate keeps its `maxCandidates` likeliest
 * predecessors by the model (ties by the earlier plate's order): on crowded data (a region's year,
 * or the scale benchmark's copied months) a market holds thousands of short-lived suspects, and
 * every pair within a week of each other was millions of hand-overs held at once.
 *
 * @example handOverCandidates(features, (vrm) => scoreOf.get(vrm)!, -2, defaultLineOptions, t0, t1).edges[0] // { a: 0, b: 3, market: 'Rhyl', gapHours: 20, terms: [...] }
 */
export function handOverCandidates(list: readonly VehicleFeatures[], scoreOf: (vrm: string) => number, minScore: number,
  o: LineOptions, t0: number, t1: number): { suspects: VehicleFeatures[]; edges: HandOverCandidate[] } {
  const suspects = list.filter((f) => scoreOf(f.vrm) >= minScore && f.spanDays <= o.maxPlateSpanDays && f.topMarketLoops >= 1)
    .sort((a, b) => (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  // Each market's suspects, by last read (the earlier plate of a hand-over is found by binary search on it).
  const byMarket = new Map<string, number[]>();
  suspects.forEach((f, i) => {
    for (const { market, loops } of f.loopsByMarket) if (loops >= 1) { const g = byMarket.get(market); if (g) g.push(i); else byMarket.set(market, [i]); }
  });
  for (const g of byMarket.values()) g.sort((x, y) => suspects[x].lastSeen - suspects[y].lastSeen || x - y);
  const styles = new Map<string, Style[]>();
  const style = (i: number, m: string) => { let s = styles.get(m); if (!s) styles.set(m, s = []); return s[i] ??= styleOf(suspects[i], m); };
  const loopsOn = (f: VehicleFeatures, m: string) => f.loopsByMarket.find((x) => x.market === m)?.loops ?? 0;
  const score = suspects.map((f) => scoreOf(f.vrm));
  const edges: HandOverCandidate[] = [];
  for (let j = 0; j < suspects.length; j++) {
    const b = suspects[j];
    if (b.firstSeen < t0 + o.edgeHours * H) continue; // b must start inside the window
    // b's possible predecessors on every market it loops to, each on the shared market where the two loop most.
    const best = new Map<number, { market: string; loops: number }>();
    for (const { market, loops: bl } of b.loopsByMarket) {
      const g = bl >= 1 ? byMarket.get(market) : undefined;
      if (!g) continue;
      const lo = b.firstSeen - (o.maxGapHours + 1) * H, end = b.firstSeen + (o.maxOverlapHours + 1) * H; // widened by an hour: the exact test decides
      for (let k = firstAtLeast(g.length, (m) => suspects[g[m]].lastSeen, lo); k < g.length && suspects[g[k]].lastSeen <= end; k++) {
        const i = g[k], a = suspects[i];
        if (i === j || a.lastSeen > t1 - o.edgeHours * H || b.firstSeen <= a.firstSeen) continue; // a must stop inside the window, b start after a
        const gap = (b.firstSeen - a.lastSeen) / H;
        if (gap > o.maxGapHours || gap < -o.maxOverlapHours) continue;
        const loops = loopsOn(a, market) + bl, seen = best.get(i);
        if (!seen || loops > seen.loops || (loops === seen.loops && market < seen.market)) best.set(i, { market, loops });
      }
    }
    const mine = [...best].map(([a, { market }]) => {
      const gapHours = (b.firstSeen - suspects[a].lastSeen) / H;
      const terms = handOverTerms(suspects[a], b, market, gapHours, score[a], score[j], style(a, market), style(j, market));
      return { edge: { a, b: j, market, gapHours, terms }, z: handOverLogOdds(o.model, terms) };
    });
    if (mine.length > o.maxCandidates) mine.sort((x, y) => y.z - x.z || x.edge.a - y.edge.a).length = o.maxCandidates;
    for (const { edge } of mine) edges.push(edge);
  }
  edges.sort((x, y) => x.a - y.a || x.b - y.b);
  return { suspects, edges };
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
  const { suspects, edges } = handOverCandidates(list, scoreOf, minScore, o, t0, t1);
  const weighted: MatchEdge[] = edges.map((e) => ({ a: e.a, b: e.b, weight: handOverLogOdds(o.model, e.terms) + o.linkBonus }));
  const next = new Map<number, number>(), prev = new Set<number>(), chosen = new Map<number, number>();
  const n = suspects.length, edgeAt = new Map(edges.map((e, k) => [e.a * n + e.b, k]));
  for (const e of maxWeightMatching(weighted)) { next.set(e.a, e.b); prev.add(e.b); chosen.set(e.a, edgeAt.get(e.a * n + e.b) as number); }
  const chains: { chain: VehicleFeatures[]; links: HandOver[] }[] = [];
  for (const i of [...next.keys()].sort((x, y) => x - y)) {
    if (prev.has(i)) continue; // chain heads only (b starts after a, so there are no cycles)
    const chain: VehicleFeatures[] = [], links: HandOver[] = [];
    for (let c: number | undefined = i; c !== undefined; c = next.get(c)) {
      chain.push(suspects[c]);
      const k = chosen.get(c);
      if (k === undefined) continue;
      const e = edges[k], z = handOverLogOdds(o.model, e.terms);
      links.push({ gapHours: e.gapHours, market: e.market, probability: 1 / (1 + Math.exp(-z)), reasons: handOverReasons(o.model, e.terms) });
    }
    chains.push({ chain, links });
  }
  const lines = chains.map(({ chain, links }) => {
    const loopsOf = new Map<string, number>();
    for (const f of chain) for (const m of f.loopsByMarket) loopsOf.set(m.market, (loopsOf.get(m.market) ?? 0) + m.loops);
    const markets = [...loopsOf.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
    return {
      id: '', vrms: chain.map((f) => f.vrm), markets, loops: chain.reduce((s, f) => s + f.loops, 0),
      score: Math.max(...chain.map((f) => scoreOf(f.vrm))),
      firstSeen: Math.min(...chain.map((f) => f.firstSeen)), lastSeen: Math.max(...chain.map((f) => f.lastSeen)),
      lookalikes: chain.flatMap((f) => f.mergedWith.map((m) => m.vrm)), handOvers: links,
    };
  });
  lines.sort((a, b) => b.score - a.score || (a.vrms[0] < b.vrms[0] ? -1 : a.vrms[0] > b.vrms[0] ? 1 : 0));
  lines.forEach((l, i) => { l.id = `L${i + 1}`; });
  return lines;
}
