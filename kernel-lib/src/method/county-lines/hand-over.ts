/**
 * A hand-over: one plate of a line stops being used and the next one starts. How likely a pair of
 * suspect plates is one line's hand-over is a logistic model over named terms, each a plain
 * difference in how the two run on their shared market (the hours they leave the hub, stay,
 * nights, base, the cameras where their market stops begin, how much of their running goes to
 * that market), in how they run overall (share of reads in the hub, how far they range), in the
 * hand-over itself (gap, overlap, whether the line's rhythm of runs carries on across it, whether
 * the next plate first stops where the last one stopped) and in how runner-like each plate is (its score).
 * The weights are fitted on the tuning variants only (`npm run fit:lines`, written to
 * line-model.ts); analysts can pass their own (`params.lines.model`).
 */
import * as msg from '../../messages';
import type { VehicleFeatures } from './features';
import { clockDistance, styleOf, type Style } from './relay-style';

/** The terms of a hand-over from plate a (earlier) to plate b (later), in this order. */
export const HANDOVER_TERMS = [
  'stayDiff', 'overnightDiff', 'nightDiff', 'otherBase', 'gapDays', 'overlap', 'stopShare', 'runnerA', 'runnerB', 'rhythmBreak',
  'departClock', 'hubShareDiff', 'marketFocus', 'sameLastStop', 'reachDiff', 'gapFirstHalfDay',
] as const;
export type HandOverTerm = (typeof HANDOVER_TERMS)[number];

/** What each term measures, for reasons and for the notebook. */
export const HANDOVER_TERM_TEXT: Record<HandOverTerm, string> = {
  stayDiff: 'difference of their typical stay (|Δ ln minutes|, at most 4)',
  overnightDiff: 'difference of their shares of nights spent in the market',
  nightDiff: 'difference of their shares of night arrivals',
  otherBase: '1 when both have a base and the bases differ',
  gapDays: 'days from the first plate\'s last read to the second\'s first read (0 if they overlap)',
  overlap: 'overlap of the two plates\' activity, in 12-hour units',
  stopShare: 'share of the cameras where their market stops begin that both use (Jaccard)',
  runnerA: 'ln σ(score) of the first plate: the log-probability it is a runner',
  runnerB: 'ln σ(score) of the second plate',
  rhythmBreak: '|ln(time from the first plate\'s last arrival to the second\'s first, over their usual time between runs)|, at most 3',
  departClock: 'mean distance of the clock hours they leave the hub for the market, in 4-hour units',
  hubShareDiff: 'difference of their shares of reads in the hub',
  marketFocus: 'the smaller of their shares of loops that go to this market',
  sameLastStop: '1 when the first plate\'s last market stop and the second\'s first begin at the same camera',
  reachDiff: 'difference of how far they range (|Δ ln radius of gyration|, at most 3)',
  gapFirstHalfDay: 'the gap\'s first 12 hours, in days (at most 0.5): with gapDays, the gap weighed in two pieces, so a next plate starting within hours of the last one\'s final read (a line running twice in one evening) can weigh otherwise than a day or more later',
};

/** A logistic model of P(hand-over): log-odds = intercept + Σ weight × term. */
export interface HandOverModel {
  intercept: number;
  weights: Record<HandOverTerm, number>;
}

const H = 3_600_000;

/** ln σ(x) = −ln(1 + e^−x), without overflow. */
const logSigmoid = (x: number) => (x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x)));

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
 * Whether the earlier plate's last stop on a market and the later plate's first begin at the same
 * camera (a line keeps its address across a swap): 1 or 0.
 * @example sameLastStop(a, b, 'Rhyl') // 1: a's last stop and b's first both after S0312
 */
export function sameLastStop(a: VehicleFeatures, b: VehicleFeatures, market: string): number {
  let last: string | undefined, first: string | undefined;
  for (const l of a.loopList) if (l.market === market) last = l.stopSite;
  for (const l of b.loopList) if (l.market === market) { first = l.stopSite; break; }
  return last !== undefined && last === first ? 1 : 0;
}

/**
 * The smaller of two plates' shares of loops that go to `market` (a line serves its market; a
 * plate that mostly goes elsewhere is less likely its next plate).
 * @example marketFocus(a, b, 'Rhyl') // 0.75: all of a's loops, 3 of b's 4, go to Rhyl
 */
export function marketFocus(a: VehicleFeatures, b: VehicleFeatures, market: string): number {
  const share = (f: VehicleFeatures) => (f.loopsByMarket.find((x) => x.market === market)?.loops ?? 0) / Math.max(1, f.loops);
  return Math.min(share(a), share(b));
}

/** |x − y| of two shares, 0 when either is missing. */
const shareDiff = (x: number, y: number) => (Number.isFinite(x) && Number.isFinite(y) ? Math.abs(x - y) : 0);
/** |ln(x / y)| at most 3, 0 when either is missing or not positive. */
const logRatio = (x: number, y: number) => (x > 0 && y > 0 ? Math.min(3, Math.abs(Math.log(x / y))) : 0);

/**
 * The terms (in {@link HANDOVER_TERMS} order) of a hand-over from `a` to `b` on `market`, `gapHours`
 * from a's last read to b's first (negative: overlap), with the plates' scores (and their running
 * styles on the market when the caller already has them: relay-style.ts styleOf).
 *
 * @example handOverTerms(a, b, 'Rhyl', 20, 4.1, 2.3) // [0.3, 0, 0, 0, 0.83, 0, 1, -0.02, -0.1, 0.2, 0.1, 0.05, 0.9, 1, 0.2, 0.5]
 */
export function handOverTerms(a: VehicleFeatures, b: VehicleFeatures, market: string, gapHours: number, scoreA: number, scoreB: number,
  sa: Style = styleOf(a, market), sb: Style = styleOf(b, market)): number[] {
  const stay = Number.isFinite(sa.logDwell) && Number.isFinite(sb.logDwell) ? Math.min(4, Math.abs(sa.logDwell - sb.logDwell)) : 0;
  // The line's rhythm: its usual time between runs (median over both plates), against the time across the hand-over.
  const between: number[] = [];
  for (const s of [sa, sb]) for (let i = 1; i < s.arrivals.length; i++) between.push(s.arrivals[i] - s.arrivals[i - 1]);
  between.sort((x, y) => x - y);
  const across = sa.arrivals.length && sb.arrivals.length ? sb.arrivals[0] - sa.arrivals[sa.arrivals.length - 1] : NaN;
  const gapDays = Math.max(0, gapHours) / 24; // the gapDays term, and its first half day
  const rhythm = between.length && Number.isFinite(across) ? Math.min(3, Math.abs(Math.log(Math.max(across, H) / Math.max(between[between.length >> 1], H)))) : 1;
  return [
    stay, Math.abs(sa.overnight - sb.overnight), Math.abs(sa.night - sb.night),
    a.base !== null && b.base !== null && a.base !== b.base ? 1 : 0, gapDays, Math.max(0, -gapHours) / 12,
    stopSiteOverlap(a, b, market), logSigmoid(scoreA), logSigmoid(scoreB), rhythm,
    clockDistance(sa.departHours, sb.departHours) / 4, shareDiff(a.hubReadShare, b.hubReadShare), marketFocus(a, b, market),
    sameLastStop(a, b, market), logRatio(a.radiusOfGyrationKm, b.radiusOfGyrationKm), Math.min(0.5, gapDays),
  ];
}

/**
 * The model's log-odds for a row of terms.
 * @example handOverLogOdds(fittedHandOverModel, handOverTerms(a, b, 'Rhyl', 20, 4.1, 2.3)) // 2.7
 */
export function handOverLogOdds(model: HandOverModel, terms: readonly number[]): number {
  let z = model.intercept;
  HANDOVER_TERMS.forEach((name, i) => { z += (model.weights[name] ?? 0) * terms[i]; });
  return z;
}

/**
 * Why the model weighs a hand-over as it does: its `count` weightiest terms (by |weight × value|;
 * the plates' own scores left out, as those are the candidates' reasons), in words, each with its
 * contribution to the log-odds.
 *
 * @example handOverReasons(fittedHandOverModel, terms) // ['52% of their market stop cameras shared (+1.0)', 'they leave the hub 0.5 h apart on the clock (−0.2)', ...]
 */
export function handOverReasons(model: HandOverModel, terms: readonly number[], count = 3): string[] {
  return HANDOVER_TERMS.map((name, i) => ({ name, value: terms[i], c: (model.weights[name] ?? 0) * terms[i] }))
    .filter((t) => t.name !== 'runnerA' && t.name !== 'runnerB' && t.c !== 0)
    .sort((a, b) => Math.abs(b.c) - Math.abs(a.c) || (a.name < b.name ? -1 : 1))
    .slice(0, count).map((t) => msg.handOverReason(t.name, t.value, t.c));
}
