/**
 * Candidate relay pairs of one market group, found without looking at every pair: the group is
 * sorted by first read, and a plate `a` can only hand over to a plate `b` whose first read lies in
 * [a.lastSeen − maxOverlapHours, a.lastSeen + maxGapHours], so that range is found by binary search.
 * On copied or region-wide data a market group holds tens of thousands of short-lived plates and
 * the all-pairs scan was quadratic (35,820 plates: 68 s). Each plate's running style on the market
 * is computed once per group, not once per pair. The pairs come out in the order of the all-pairs
 * scan (a by group order, then b by group order), so the matching is unchanged.
 */
import { firstAtLeast } from '../../core/sorted';
import type { VehicleFeatures } from './features';
import { styleOf, styleSimilarity, type Style } from './relay-style';

/** What the relay step reads of a vehicle's features, and fills (relays.ts): the packed rows give just these (feature-rows.ts relayView). */
export type RelayFeatures = Pick<VehicleFeatures, 'vrm' | 'firstSeen' | 'lastSeen' | 'spanDays' | 'topMarketLoops' | 'loopsByMarket' | 'loopList' | 'base'
  | 'relayPlates' | 'relayChainPlates' | 'relayChainLoops'>;

const H = 3_600_000;

/** Called with each candidate pair; returning true ends the scan of the plate being scanned for. */
export type Visit = (a: RelayFeatures, b: RelayFeatures, gapHours: number, sim: number) => boolean | void;

/** The relay options a candidate pair is judged by (relays.ts's PlateRelayOptions; named here, as relays.ts uses this file). */
export interface CandidateOptions { maxGapHours: number; maxOverlapHours: number; edgeHours: number; minSimilarity: number }

/**
 * The first index of `g` (sorted by firstSeen) whose firstSeen is at least `t`.
 * @example firstFrom(group, Date.UTC(2025, 0, 3)) // 17
 */
export function firstFrom(g: readonly RelayFeatures[], t: number): number {
  return firstAtLeast(g.length, (k) => g[k].firstSeen, t);
}

/**
 * Visit one market group's candidate pairs (b starts within the gap of a's stop, both inside the
 * window, alike enough): `visit(a, b, gapHours, similarity)`, in the order of the all-pairs scan,
 * for the plates `a` that `want` accepts (all by default); `visit` returning true ends a's scan.
 * `g` must be sorted by firstSeen, then VRM.
 *
 * @example forEachCandidate(group, 'Rhyl', from, to, defaultPlateRelayOptions, (a, b, gap, sim) => links.push({ a, b, gap, sim }))
 */
export function forEachCandidate(
  g: readonly RelayFeatures[], market: string, from: number, to: number, o: CandidateOptions,
  visit: Visit, want?: (a: RelayFeatures) => boolean,
): void {
  const pair = pairJudge(g, market, from, to, o, visit);
  for (let i = 0; i < g.length; i++) {
    const a = g[i];
    if (a.lastSeen > to - o.edgeHours * H) continue; // a must stop inside the window
    if (want && !want(a)) continue;
    // The range is widened by an hour either side; the exact gap test decides, as before.
    const end = a.lastSeen + (o.maxGapHours + 1) * H;
    for (let j = firstFrom(g, a.lastSeen - (o.maxOverlapHours + 1) * H); j < g.length && g[j].firstSeen <= end; j++) if (pair(i, j)) break;
  }
}

/**
 * The same pairs as {@link forEachCandidate}, seen from the later plate: for each `b` (in group
 * order, those `want` accepts), the plates `a` that could have handed over to it, by last read
 * (found by binary search over the group sorted by last read). `visit` returning true ends b's scan.
 * The relays count each plate's alike predecessors with it, and stop counting once the count
 * alone makes every link of the plate hopeless.
 *
 * @example forEachCandidateBefore(group, 'Rhyl', from, to, defaultPlateRelayOptions, (a, b) => ++ins[idx(b)] >= 11)
 */
export function forEachCandidateBefore(
  g: readonly RelayFeatures[], market: string, from: number, to: number, o: CandidateOptions,
  visit: Visit, want?: (b: RelayFeatures) => boolean,
): void {
  const pair = pairJudge(g, market, from, to, o, visit);
  const byLast = Int32Array.from(g.keys()).sort((x, y) => g[x].lastSeen - g[y].lastSeen || x - y);
  for (let j = 0; j < g.length; j++) {
    const b = g[j];
    if (b.firstSeen < from + o.edgeHours * H) continue; // b must start inside the window
    if (want && !want(b)) continue;
    // a's last read lies in [b.firstSeen − maxGapHours, b.firstSeen + maxOverlapHours]; widened by an hour, the exact test decides.
    const lo = b.firstSeen - (o.maxGapHours + 1) * H, end = b.firstSeen + (o.maxOverlapHours + 1) * H;
    for (let k = firstAtLeast(byLast.length, (m) => g[byLast[m]].lastSeen, lo); k < byLast.length && g[byLast[k]].lastSeen <= end; k++) if (pair(byLast[k], j)) break;
  }
}

/**
 * The test of one pair of a group, g[i] earlier and g[j] later (the same for both scans): a stops
 * and b starts inside the window, within the gap, alike enough; then `visit`. True: end the scan.
 * Each plate's style on the market is computed once per group.
 */
function pairJudge(g: readonly RelayFeatures[], market: string, from: number, to: number, o: CandidateOptions, visit: Visit): (i: number, j: number) => boolean {
  const styles: (Style | undefined)[] = new Array(g.length);
  const style = (k: number) => styles[k] ??= styleOf(g[k], market);
  return (i, j) => {
    const a = g[i], b = g[j];
    if (i === j || a.lastSeen > to - o.edgeHours * H || b.firstSeen < from + o.edgeHours * H) return false;
    const gap = (b.firstSeen - a.lastSeen) / H;
    if (gap > o.maxGapHours || gap < -o.maxOverlapHours) return false;
    const sim = styleSimilarity(style(i), style(j), a.base, b.base, gap, o.maxGapHours);
    return sim >= o.minSimilarity && visit(a, b, gap, sim) === true;
  };
}
