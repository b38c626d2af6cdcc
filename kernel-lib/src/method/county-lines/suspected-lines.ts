/**
 * Suspected lines: plates believed to be one operation, grouped. Today a line is a relay
 * chain (plates swapped on one runner's loops to one market, see plate-relay.ts) of plates that
 * each score at least `minScore` (the finder's `params.lineMinScore`), with the look-alike
 * plates merged into any of them. A line is ranked by its best plate's score.
 */
import type { VehicleFeatures } from './features';
import { relayChains } from './relays';

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

/**
 * The suspected lines among scored vehicles (after relays are linked), best first.
 *
 * @example
 * suspectedLines(features, (vrm) => scoreOf.get(vrm)!)[0] // { id: 'L1', vrms: ['AB12CDE', 'YT10VJT'], markets: ['Rhyl'], loops: 9, ... }
 */
export function suspectedLines(list: readonly VehicleFeatures[], scoreOf: (vrm: string) => number, minScore = -Infinity): SuspectedLine[] {
  // A chain is cut at plates scoring under minScore: a relay of look-alike traffic is no line.
  const pieces: VehicleFeatures[][] = [];
  for (const chain of relayChains(list)) {
    let run: VehicleFeatures[] = [];
    for (const f of chain) {
      if (scoreOf(f.vrm) >= minScore) { run.push(f); continue; }
      if (run.length > 1) pieces.push(run);
      run = [];
    }
    if (run.length > 1) pieces.push(run);
  }
  const lines = pieces.map((chain) => {
    const byMarket = new Map<string, number>();
    for (const f of chain) for (const m of f.loopsByMarket) byMarket.set(m.market, (byMarket.get(m.market) ?? 0) + m.loops);
    const markets = [...byMarket.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
    return {
      id: '', vrms: chain.map((f) => f.vrm), markets, loops: chain.reduce((n, f) => n + f.loops, 0),
      score: Math.max(...chain.map((f) => scoreOf(f.vrm))),
      firstSeen: Math.min(...chain.map((f) => f.firstSeen)), lastSeen: Math.max(...chain.map((f) => f.lastSeen)),
      lookalikes: chain.flatMap((f) => f.mergedWith.map((m) => m.vrm)),
    };
  });
  lines.sort((a, b) => b.score - a.score || (a.vrms[0] < b.vrms[0] ? -1 : a.vrms[0] > b.vrms[0] ? 1 : 0));
  lines.forEach((l, i) => { l.id = `L${i + 1}`; });
  return lines;
}
