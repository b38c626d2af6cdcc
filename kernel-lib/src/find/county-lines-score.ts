/**
 * The county-lines scorer: a transparent, additive score over vehicle features.
 *
 *   score = Σ weight_k × value_k,   value_k ∈ [0, 1]
 *
 * Every part is a behavioural hypothesis (none has public validation, see DOMAIN.md), so
 * each is named, its weight is in `CountyLinesWeights`, and its contribution is reported.
 * Positive parts describe a hub runner (repeated returns hub → market → hub, short stops,
 * night arrivals, based in the hub); negative parts describe the look-alikes: commuters
 * (regular departures, long dwells), delivery rounds (many stops per tour), leisure
 * (weekend-only), market residents (based in the market) and hub taxis (many hub trips).
 */
import * as msg from '../messages';
import type { VehicleFeatures } from '../trips/features';

/** Weights of the score parts (sign = direction). */
export interface CountyLinesWeights {
  loops: number;
  loopRate: number;
  hubBase: number;
  marketBase: number;
  shortStops: number;
  longStops: number;
  night: number;
  regularTiming: number;
  weekendOnly: number;
  multiStopTours: number;
  manyMarkets: number;
  hubTaxi: number;
}

/** Shape constants of the score parts (where each part saturates). */
export interface CountyLinesShape {
  /** Loops at which the `loops` part reaches 1 (log scale). */
  loopsSaturation: number;
  /** Loops per week at which `loopRate` reaches 1. */
  loopsPerWeekSaturation: number;
  /** A loop's market stop is "short" when its dwell interval overlaps [min, max] minutes. */
  shortStopMinMinutes: number;
  shortStopMaxMinutes: number;
  /** A loop's market stop is "long" when its dwell lower bound is at least this (minutes). */
  longStopMinutes: number;
  /** Departure-time circular std (hours) at or below which timing counts as fully regular (part falls to 0 at 3×). */
  regularStdHours: number;
  /** Loops needed before timing regularity is judged. */
  regularMinLoops: number;
  /** Stops per hub tour above which tours look like a delivery round (part reaches 1 at +3). */
  stopsPerTourFree: number;
  /** Distinct markets above which a vehicle looks like a round (part reaches 1 at +4). */
  marketsFree: number;
  /** Trips per active day at which the taxi part saturates. */
  taxiTripsPerDay: number;
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
}

/** Default weights: positive = runner-like, negative = decoy-like. */
export const defaultCountyLinesWeights: CountyLinesWeights = {
  loops: 3,
  loopRate: 1,
  hubBase: 1,
  marketBase: -3,
  shortStops: 1.5,
  longStops: -2,
  night: 1.5,
  regularTiming: -1.5,
  weekendOnly: -1.5,
  multiStopTours: -1.5,
  manyMarkets: -1,
  hubTaxi: -1,
};

/** Default shape constants. */
export const defaultCountyLinesShape: CountyLinesShape = {
  loopsSaturation: 8,
  loopsPerWeekSaturation: 3,
  shortStopMinMinutes: 5,
  shortStopMaxMinutes: 180,
  longStopMinutes: 300,
  regularStdHours: 0.75,
  regularMinLoops: 4,
  stopsPerTourFree: 1.5,
  marketsFree: 2,
  taxiTripsPerDay: 10,
};

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

function fmtMin(m: number): string {
  if (!Number.isFinite(m)) return '?';
  return m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`;
}

/**
 * Score one vehicle's features for county-lines running. Returns the total, every part
 * (value 0..1, weight, contribution) and plain-English reasons.
 *
 * @example
 * const s = scoreCountyLines(features, defaultCountyLinesParams);
 * s.score          // 6.8
 * s.reasons[0]     // '7 returns Liverpool→Rhyl in 21 days, median dwell 30–48 min'
 */
export function scoreCountyLines(f: VehicleFeatures, params: CountyLinesScoreParams): Scored {
  const w = params.weights, sh = params.shape;
  const L = f.loops;
  const short = f.loopList.filter((l) => l.dwellMaxMinutes >= sh.shortStopMinMinutes && l.dwellMinMinutes <= sh.shortStopMaxMinutes).length;
  const long = f.loopList.filter((l) => l.dwellMinMinutes >= sh.longStopMinutes).length;
  const baseW = Number.isFinite(f.baseShare) ? f.baseShare : 0;
  const values: Record<keyof CountyLinesWeights, number> = {
    loops: clamp01(Math.log1p(L) / Math.log1p(sh.loopsSaturation)),
    loopRate: clamp01(f.loopsPerWeek / sh.loopsPerWeekSaturation),
    hubBase: f.baseKind === 'hub' ? clamp01(baseW) : 0,
    marketBase: f.baseKind === 'market' ? clamp01(baseW) : 0,
    shortStops: L ? short / L : 0,
    longStops: L ? long / L : 0,
    night: L ? clamp01(f.loopNightShare) : 0,
    regularTiming: L >= sh.regularMinLoops ? clamp01((3 * sh.regularStdHours - f.departureHourStd) / (2 * sh.regularStdHours)) : 0,
    weekendOnly: L ? clamp01((f.loopWeekendShare - 0.5) / 0.5) : 0,
    multiStopTours: clamp01((f.stopsPerTour - sh.stopsPerTourFree) / 3),
    manyMarkets: clamp01((f.distinctMarkets - sh.marketsFree) / 4),
    hubTaxi: clamp01(f.hubTripShare) * clamp01(f.tripsPerActiveDay / sh.taxiTripsPerDay),
  };
  const parts: ScorePart[] = (Object.keys(w) as (keyof CountyLinesWeights)[]).map((name) => {
    const value = values[name] ?? 0;
    return { name, value, weight: w[name], contribution: value * w[name] };
  });
  const score = parts.reduce((s, p) => s + p.contribution, 0);

  const reasons: string[] = [];
  if (L > 0) {
    const top = f.loopsByMarket[0];
    reasons.push(msg.reasonLoops(top.loops, f.hub, top.market, Math.max(1, Math.round(f.spanDays)), f.loopsByMarket.length - 1));
    reasons.push(msg.reasonDwell(fmtMin(f.marketDwellMedianMin), fmtMin(f.marketDwellMedianMax)));
    const night = Math.round(f.loopNightShare * L);
    if (night > 0) reasons.push(msg.reasonNight(night, L, params.nightStartHour));
  } else {
    reasons.push(msg.reasonNoLoops());
  }
  if (f.base) reasons.push(msg.reasonBase(f.base, f.baseKind, f.baseShare));
  if (values.regularTiming > 0.3) reasons.push(msg.reasonRegular(f.departureHourStd));
  if (long > 0 && values.longStops >= 0.5) reasons.push(msg.reasonLongStops(long, L));
  if (values.weekendOnly > 0.3) reasons.push(msg.reasonWeekend(Math.round(f.loopWeekendShare * L), L));
  if (values.multiStopTours > 0) reasons.push(msg.reasonMultiStop(f.stopsPerTour));
  if (values.manyMarkets > 0) reasons.push(msg.reasonManyMarkets(f.distinctMarkets));
  if (values.hubTaxi > 0.3) reasons.push(msg.reasonTaxi(f.hubTripShare, f.tripsPerActiveDay));
  for (const m of f.mergedWith) reasons.push(msg.reasonMerged(m.vrm, m.reads));
  return { score, parts, reasons };
}
