/**
 * The hand-weighted county-lines scorer of the first releases, kept for comparison and as an
 * example of a scorer of your own (the default is the fitted logistic scorer,
 * county-lines-logistic.ts): a transparent, additive score over vehicle features.
 *
 *   score = Σ weight_k × value_k,   value_k ∈ [0, 1]
 *
 * Every part is a behavioural hypothesis (none has public validation, see DOMAIN.md), so
 * each is named, its weight is in `CountyLinesWeights`, and its contribution is reported.
 * Positive parts describe a hub runner: repeated returns hub → one market → hub (counted per
 * week of activity, so a plate swapped after a week still scores), a plate relay (another
 * short-lived plate doing the same loops takes over), short stops, night arrivals, based in
 * the hub. Negative parts describe the look-alikes: commuters (arrivals in the same 2-hour
 * window, long daytime stops), delivery rounds (many stops per tour, many markets), leisure
 * (weekend loops), market residents (based in the market, nights spent there) and hub taxis
 * (many trips inside the hub). With `loopsIncludeChain`, a plate in a relay chain counts the
 * chain's loops to its market as its own in the `loops` part (a line runs on whichever plate it
 * has that week), so a plate used for one or two loops before a swap is not ranked as one-off traffic. Per-loop parts are scaled by loop evidence (min(1, loops/3)),
 * so one odd trip cannot make a pattern.
 */
import * as msg from '../../../messages';
import type { VehicleFeatures } from '../features';
import type { ScorerModel } from './types';

/** Weights of the score parts (sign = direction). */
export interface CountyLinesWeights {
  /** Repeated loops hub → market → hub to the same market (the core of the hypothesis: a line serves one market). */
  loops: number;
  /** Loops to that market per week of activity: a swapped plate seen one week still counts. */
  loopRate: number;
  /** Another plate with the same loops takes over when this one stops (or vice versa): a plate swap. */
  plateRelay: number;
  /** Based in the hub (overnights, first/last reads of the day). */
  hubBase: number;
  /** Based in a market town: a resident who visits the hub. */
  marketBase: number;
  /** Short stops at the market (deliver and leave). Scaled by loop evidence. */
  shortStops: number;
  /** Long daytime stops at the market (a work shift). Night stays are `nightsInMarket`. */
  longDayStops: number;
  /** Most market stops span the night: the vehicle sleeps there (lives there, or a visitor). */
  nightsInMarket: number;
  /** Arrivals at the market at night. Scaled by loop evidence. */
  night: number;
  /** Arrivals at the market at the same clock time, loop after loop (a commuter). */
  regularTiming: number;
  /** Loops mostly at weekends (leisure). Scaled by loop evidence. */
  weekendOnly: number;
  /** Several stops per tour (a delivery round). */
  multiStopTours: number;
  /** Many different market towns (a delivery or sales round). */
  manyMarkets: number;
  /** Many short trips inside the hub (a taxi). */
  hubTaxi: number;
}

/** Shape constants of the score parts (where each part starts and saturates). */
export interface CountyLinesShape {
  /** Loops at which the `loops` part reaches 1 (it is 0 at one loop: one trip is no pattern). */
  loopsSaturation: number;
  /** Loops per week at which `loopRate` reaches 1. */
  loopsPerWeekSaturation: number;
  /** Loops for full evidence: per-loop parts (short stops, night, weekend) are scaled by min(1, loops / this). */
  loopsForEvidence: number;
  /** A loop's stop (dwell midpoint) counts fully short up to this many minutes... */
  shortStopFullMinutes: number;
  /** ...and not at all from this many minutes (linear between). */
  shortStopMaxMinutes: number;
  /** A daytime stop is "long" when its dwell lower bound is at least this (minutes). */
  longStopMinutes: number;
  /** Share of loops whose market stop spans the night from which `nightsInMarket` starts (full at +0.4). */
  nightsInMarketFrom: number;
  /** Share of market arrivals within a 2-hour clock window (`arrivalWindowShare`) from which timing starts to count as regular... */
  regularShareFrom: number;
  /** ...and at which it is fully regular (a commuter). */
  regularShareFull: number;
  /** Loops needed before timing regularity is judged. */
  regularMinLoops: number;
  /**
   * A market base counts against a vehicle only beyond this share of base evidence, rising
   * linearly to full at a 0.9 share: a runner who often sleeps over in the market has a split
   * base, a resident a clear one.
   */
  marketBaseShareFrom: number;
  /** Stops per hub tour allowed before the delivery part starts (reaches 1 at +3). */
  stopsPerTourFree: number;
  /** Distinct markets allowed before the round part starts (reaches 1 at +3). */
  marketsFree: number;
  /** Trips per active day allowed before the taxi part starts (reaches 1 at +4). */
  taxiTripsPerDayFree: number;
  /** The relay part counts from this many loops of the whole relay chain to its market... */
  relayChainLoopsFrom: number;
  /** ...and fully at this many (a chain of one-off visitors is no line). */
  relayChainLoopsFull: number;
  /** Loops of the whole relay chain count as the plate's own in the `loops` part (a line runs on whichever plate it has). */
  loopsIncludeChain: boolean;
}

/** One named, weighted part of a score. */
export interface ScorePart {
  name: string;
  value: number;
  weight: number;
  contribution: number;
}

/** A scorer's answer for one vehicle. */
export interface Scored {
  score: number;
  parts: ScorePart[];
  reasons: string[];
}

/** A scorer: features and params in, score with parts and reasons out. Replaceable. */
export type CountyLinesScorer = (features: VehicleFeatures, params: CountyLinesScoreParams) => Scored;

/** The scoring part of the finder's params. */
export interface CountyLinesScoreParams {
  weights: CountyLinesWeights;
  shape: CountyLinesShape;
  /** Night window used in reason text (local hours). */
  nightStartHour: number;
  /** Weights of the logistic scorer's terms (the default scorer; see county-lines-logistic.ts). */
  model: ScorerModel;
}

/** Default weights: positive = runner-like, negative = decoy-like. */
export const defaultCountyLinesWeights: CountyLinesWeights = {
  loops: 3,
  loopRate: 2,
  plateRelay: 1.5,
  hubBase: 1,
  marketBase: -3,
  shortStops: 1.5,
  longDayStops: -2,
  nightsInMarket: -2,
  night: 1.5,
  regularTiming: -1.5,
  weekendOnly: -1.5,
  multiStopTours: -1.5,
  manyMarkets: -2,
  hubTaxi: -1.5,
};

/** Default shape constants. */
export const defaultCountyLinesShape: CountyLinesShape = {
  loopsSaturation: 6,
  loopsPerWeekSaturation: 3,
  loopsForEvidence: 3,
  shortStopFullMinutes: 60,
  shortStopMaxMinutes: 180,
  longStopMinutes: 300,
  nightsInMarketFrom: 0.4,
  regularShareFrom: 0.5,
  regularShareFull: 0.8,
  regularMinLoops: 4,
  marketBaseShareFrom: 0.5,
  stopsPerTourFree: 2,
  marketsFree: 2,
  taxiTripsPerDayFree: 2,
  relayChainLoopsFrom: 0,
  relayChainLoopsFull: 0,
  loopsIncludeChain: true,
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function fmtMin(m: number): string {
  if (!Number.isFinite(m)) return '?';
  return m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`;
}

/**
 * Score one vehicle's features with the hand-set weights. Returns the total, every part
 * (value 0..1, weight, contribution) and plain-English reasons.
 *
 * @example
 * const s = scoreCountyLinesAdditive(features, defaultCountyLinesParams);
 * s.score          // 6.8
 * s.reasons[0]     // '7 returns Liverpool→Rhyl in 21 days, median dwell 30–48 min'
 */
export function scoreCountyLinesAdditive(f: VehicleFeatures, params: CountyLinesScoreParams): Scored {
  const w = params.weights, sh = params.shape;
  const L = f.loops;
  const evidence = clamp01(L / sh.loopsForEvidence);
  let shortness = 0, longDay = 0, nights = 0;
  for (const l of f.loopList) {
    const mid = (l.dwellMinMinutes + l.dwellMaxMinutes) / 2;
    shortness += mid <= sh.shortStopFullMinutes ? 1 : clamp01((sh.shortStopMaxMinutes - mid) / (sh.shortStopMaxMinutes - sh.shortStopFullMinutes));
    if (!l.stopOvernight && l.dwellMinMinutes >= sh.longStopMinutes) longDay++;
    if (l.stopOvernight) nights++;
  }
  const baseW = Number.isFinite(f.baseShare) ? f.baseShare : 0;
  const values: Record<keyof CountyLinesWeights, number> = {
    loops: clamp01(((sh.loopsIncludeChain ? Math.max(f.topMarketLoops, f.relayChainLoops) : f.topMarketLoops) - 1) / (sh.loopsSaturation - 1)),
    loopRate: clamp01(f.topMarketLoopsPerWeek / sh.loopsPerWeekSaturation),
    plateRelay: f.relayPlates.length === 0 ? 0
      : sh.relayChainLoopsFull > sh.relayChainLoopsFrom ? clamp01((f.relayChainLoops - sh.relayChainLoopsFrom) / (sh.relayChainLoopsFull - sh.relayChainLoopsFrom)) : 1,
    hubBase: f.baseKind === 'hub' ? clamp01(baseW) : 0,
    marketBase: f.baseKind === 'market' ? clamp01((baseW - sh.marketBaseShareFrom) / (0.9 - sh.marketBaseShareFrom)) : 0,
    shortStops: L ? evidence * shortness / L : 0,
    longDayStops: L ? longDay / L : 0,
    nightsInMarket: L ? evidence * clamp01((nights / L - sh.nightsInMarketFrom) / 0.4) : 0,
    night: L ? evidence * clamp01(f.loopNightShare) : 0,
    regularTiming: L >= sh.regularMinLoops ? clamp01((f.arrivalWindowShare - sh.regularShareFrom) / (sh.regularShareFull - sh.regularShareFrom)) : 0,
    weekendOnly: L ? evidence * clamp01((f.loopWeekendShare - 0.5) / 0.5) : 0,
    multiStopTours: clamp01((f.stopsPerTour - sh.stopsPerTourFree) / 3),
    manyMarkets: clamp01((f.distinctMarkets - sh.marketsFree) / 3),
    hubTaxi: clamp01(f.hubTripShare) * clamp01((f.tripsPerActiveDay - sh.taxiTripsPerDayFree) / 4),
  };
  const names = Object.keys(w) as (keyof CountyLinesWeights)[];
  let score = 0;
  for (let j = 0; j < names.length; j++) score += (values[names[j]] ?? 0) * w[names[j]];
  // Parts, like reasons, are made on first use.
  const partsOf = (): ScorePart[] => names.map((name) => {
    const value = values[name] ?? 0, weight = w[name];
    return { name, value, weight, contribution: value * weight };
  });

  // Reasons are words for people: made on first use (a ranking only needs the score).
  const because = (): string[] => {
    const reasons: string[] = [];
    if (L > 0) {
      const top = f.loopsByMarket[0];
      reasons.push(msg.reasonLoops(top.loops, f.hub, top.market, f.calendarDays, f.loopsByMarket.length - 1));
      reasons.push(msg.reasonDwell(fmtMin(f.marketDwellMedianMin), fmtMin(f.marketDwellMedianMax)));
      const night = Math.round(f.loopNightShare * L);
      if (night > 0) reasons.push(msg.reasonNight(night, L, params.nightStartHour));
    } else {
      reasons.push(msg.reasonNoLoops());
    }
    if (f.base) reasons.push(msg.reasonBase(f.base, f.baseKind, f.baseShare));
    if (values.regularTiming > 0.3) reasons.push(msg.reasonRegular(Math.round(f.arrivalWindowShare * L), L));
    if (longDay > 0 && values.longDayStops >= 0.5) reasons.push(msg.reasonLongStops(longDay, L));
    if (values.nightsInMarket > 0) reasons.push(msg.reasonNightsInMarket(nights, L));
    if (values.weekendOnly > 0.2) reasons.push(msg.reasonWeekend(Math.round(f.loopWeekendShare * L), L));
    if (values.multiStopTours > 0) reasons.push(msg.reasonMultiStop(f.stopsPerTour));
    if (values.manyMarkets > 0) reasons.push(msg.reasonManyMarkets(f.distinctMarkets));
    if (values.hubTaxi > 0.3) reasons.push(msg.reasonTaxi(f.hubTripShare, f.tripsPerActiveDay));
    for (const r of f.relayPlates.slice(0, 3)) reasons.push(msg.reasonRelay(r.vrm, r.role, r.gapHours, r.market));
    if (f.relayChainPlates > 1 && f.relayChainLoops > f.topMarketLoops && f.loopsByMarket.length) {
      reasons.push(msg.reasonRelayChain(f.relayChainPlates, f.relayChainLoops, f.loopsByMarket[0].market));
    }
    for (const m of f.mergedWith) reasons.push(msg.reasonMerged(m.vrm, m.reads));
    return reasons;
  };
  return lazyScored(score, partsOf, because);
}

/**
 * A scorer's answer whose parts and reasons are made on first use (a ranking only needs the
 * score; an analyst reads a few dozen explanations).
 * @example lazyScored(2.5, () => parts, () => ['7 returns Liverpool→Rhyl in 13 days']).reasons
 */
export function lazyScored(score: number, partsOf: () => ScorePart[], because: () => string[]): Scored {
  let reasons: string[] | undefined, parts: ScorePart[] | undefined;
  return {
    score,
    get parts() { return (parts ??= partsOf()); },
    get reasons() { return (reasons ??= because()); },
  };
}
