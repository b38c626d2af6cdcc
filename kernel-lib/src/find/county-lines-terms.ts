/**
 * The named terms of the county-lines scorer: each a plain function of one vehicle's features
 * (plus its relay chain and how common its loops are), with a bounded value, mostly in 0..1,
 * and a line saying what it measures. The scorer (county-lines-logistic.ts) weighs them; the
 * weights are fitted on the tuning scenarios (scripts/fit-scorer.mjs) and each term's
 * contribution is shown with every candidate.
 *
 * Terms describe behaviour, not one generator's numbers (DOMAIN.md): evidence that grows with
 * the number of loops and distinct days; relays of short-lived plates; the regularity that
 * marks commuters, carers and rounds (same clock time, same weekdays, same dwell); local life in
 * the market town (days there without the hub, short trips inside it) rather than a night spent
 * there; rounds with other stops; hub taxis; and how many other vehicles make the same loops
 * at the same hours.
 */
import type { VehicleFeatures } from '../trips/features';

/** One term: its name, what it measures, and its value for a vehicle's features. */
export interface ScoreTerm {
  name: string;
  describe: string;
  value: (f: VehicleFeatures) => number;
}

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const share = (x: number, n: number) => (n > 0 ? clamp01(x / n) : 0);
/** Evidence from `L` loops, 0 at `from` and full at `full` (timing judged only with enough loops). */
const ramp = (L: number, from: number, full: number) => clamp01((L - from) / (full - from));
const loopsOf = (f: VehicleFeatures) => f.topMarketLoops;

function dwellMid(f: VehicleFeatures, pick: (min: number, max: number, overnight: boolean) => boolean): number {
  let n = 0;
  for (const l of f.loopList) if (pick(l.dwellMinMinutes, l.dwellMaxMinutes, l.stopOvernight)) n++;
  return n;
}

/**
 * Every term, in the order parts are reported.
 *
 * @example
 * COUNTY_LINES_TERMS.map((t) => `${t.name}: ${t.value(features).toFixed(2)}`)
 */
export const COUNTY_LINES_TERMS: readonly ScoreTerm[] = [
  { name: 'loops', describe: 'ln(1 + loops hub → market → hub to the most visited market)', value: (f) => Math.log1p(loopsOf(f)) },
  { name: 'loopDays', describe: 'ln(1 + distinct days with a loop)', value: (f) => Math.log1p(f.loopDays) },
  { name: 'relayChain', describe: 'ln of the relay chain\'s loops over the plate\'s own (plates swapped on one line)', value: (f) => Math.max(0, Math.log1p(f.relayChainLoops) - Math.log1p(loopsOf(f))) },
  { name: 'plateRelay', describe: 'another short-lived plate that runs alike takes over from this one, or hands over to it (its similarity)', value: (f) => f.relayPlates.reduce((m, r) => Math.max(m, r.similarity ?? 1), 0) },
  { name: 'loopRate', describe: 'loops to that market per week of activity (7 a week = 1)', value: (f) => clamp01(f.topMarketLoopsPerWeek / 7) },
  { name: 'night', describe: 'share of loops arriving at the market at night', value: (f) => clamp01(f.loopNightShare) * ramp(loopsOf(f), 0, 3) },
  { name: 'shortStops', describe: 'share of loops with a market stop under 90 min', value: (f) => share(dwellMid(f, (a, b) => (a + b) / 2 <= 90), f.loops) * ramp(loopsOf(f), 0, 3) },
  { name: 'nightsAway', describe: 'share of loops whose market stop spans the night', value: (f) => share(dwellMid(f, (_a, _b, o) => o), f.loops) * ramp(loopsOf(f), 0, 3) },
  { name: 'dayShifts', describe: 'share of loops with a daytime market stop of 4 h or more (a work shift)', value: (f) => share(dwellMid(f, (a, _b, o) => !o && a >= 240), f.loops) },
  { name: 'sameClock', describe: 'share of market arrivals within one 2-hour clock window (judged from 3 loops, fully from 5)', value: (f) => (loopsOf(f) >= 3 ? clamp01(f.arrivalWindowShare) * ramp(loopsOf(f), 2, 5) : 0) },
  { name: 'sameWeekdays', describe: 'share of loops on the two most common weekdays, beyond chance (fixed visiting days)', value: (f) => (loopsOf(f) >= 3 ? clamp01((f.loopTopWeekdaysShare - 0.4) / 0.6) * ramp(loopsOf(f), 2, 6) : 0) },
  { name: 'weekdaysOnly', describe: 'loops only Monday to Friday (judged from 4 loops)', value: (f) => (loopsOf(f) >= 4 ? clamp01((1 - f.loopWeekendShare - 0.7) / 0.3) * ramp(loopsOf(f), 3, 7) : 0) },
  { name: 'weekendOnly', describe: 'loops mostly at weekends', value: (f) => clamp01((f.loopWeekendShare - 0.5) / 0.5) * ramp(loopsOf(f), 0, 3) },
  { name: 'steadyDwell', describe: 'market stays of much the same length, loop after loop (judged from 3 loops)', value: (f) => (loopsOf(f) >= 3 ? clamp01(1 - f.dwellLogStd / 0.6) * ramp(loopsOf(f), 2, 5) : 0) },
  { name: 'hubBase', describe: 'based in the hub (overnights, first and last reads of the day)', value: (f) => (f.baseKind === 'hub' ? clamp01(f.baseShare) : 0) },
  { name: 'marketBase', describe: 'based in a market town', value: (f) => (f.baseKind === 'market' ? clamp01(f.baseShare) : 0) },
  { name: 'marketLife', describe: 'share of active days read in a market town and not in the hub', value: (f) => share(f.marketOnlyDays, f.daysActive) },
  { name: 'marketLocal', describe: 'short trips inside the market town per active day', value: (f) => clamp01(f.marketLocalTrips / Math.max(1, f.daysActive)) },
  { name: 'hubLife', describe: 'share of active days read in the hub and not in a market town', value: (f) => share(f.hubOnlyDays, f.daysActive) },
  { name: 'nightsInHub', describe: 'share of observed nights spent in the hub', value: (f) => share(f.nightsInHub, f.nightsObserved) },
  { name: 'nightsInMarket', describe: 'share of observed nights spent in a market town', value: (f) => share(f.nightsInMarket, f.nightsObserved) },
  { name: 'multiStop', describe: 'several stops per hub tour (a delivery round)', value: (f) => clamp01((f.stopsPerTour - 1) / 3) },
  { name: 'otherStops', describe: 'stops elsewhere on the way, per loop (a round or errands)', value: (f) => clamp01(f.otherStopsPerLoop / 2) },
  { name: 'manyMarkets', describe: 'many different market towns (a round)', value: (f) => clamp01((f.distinctMarkets - 1) / 3) },
  { name: 'hubTaxi', describe: 'many short trips inside the hub (a taxi)', value: (f) => clamp01(f.hubTripShare) * clamp01((f.tripsPerActiveDay - 2) / 4) },
  { name: 'crowd', describe: 'ln(1 + other vehicles making the same loops at the same hours)', value: (f) => Math.log1p(f.loopCrowd) },
];

/**
 * The values of every term for one vehicle (in `COUNTY_LINES_TERMS` order).
 * @example termValues(features) // Float64Array [1.95, 1.79, 0, ...]
 */
export function termValues(f: VehicleFeatures, terms: readonly ScoreTerm[] = COUNTY_LINES_TERMS): Float64Array {
  const x = new Float64Array(terms.length);
  for (let k = 0; k < terms.length; k++) {
    const v = terms[k].value(f);
    x[k] = Number.isFinite(v) ? v : 0;
  }
  return x;
}
