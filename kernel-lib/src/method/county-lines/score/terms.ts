/**
 * The named terms of the county-lines scorer: each a plain function of one vehicle's features
 * (plus its relay chain and how common its loops are), with a bounded value, mostly in 0..1,
 * and a line saying what it measures. The scorer (county-lines-logistic.ts) weighs them; the
 * weights are fitted on the tuning scenarios (scripts/fit-scorer.mjs) and each term's
 * contribution is shown with every candidate.
 *
 * Terms describe behaviour, not one generator's numbers (DOMAIN.md): evidence that grows with
 * the number of loops and distinct days; relays of short-lived plates; the regularity that
 * marks commuters, carers and rounds (same weekdays), and its absence counted in loops (loops
 * off the usual clock window, loops with varied stays: a plate kept for three weeks of runs at
 * no set time or stay gains with every run, a commuter's fortieth run at 08:00 does not; as
 * shares, "same clock" and "steady dwell" left a long-lived runner's evidence flat in its loops,
 * and the tuning CV's AP on lines that keep one plate rose from 0.904 to 0.954 with the counts); local life in
 * the market town (days there without the hub, short trips inside it) rather than a night spent
 * there; rounds with other stops; hub taxis; and how many other vehicles make the same loops
 * at the same hours.
 */
import type { VehicleFeatures } from '../features';

/**
 * One term: its name, what it measures, its value for a vehicle's features, and the knots where
 * its weight may change (the scorer weighs value, then max(0, value − knot) for each knot: a
 * piecewise-linear shape, so "a few nights in the market" and "every night there" can weigh
 * differently, while the term stays one named part).
 */
export interface ScoreTerm {
  name: string;
  describe: string;
  value: (f: VehicleFeatures) => number;
  knots: readonly number[];
}

/** Knots of terms in 0..1, and of ln(1 + count) terms (1 ≈ 2 loops, 2 ≈ 6 loops). */
const UNIT = [1 / 3, 2 / 3] as const, LOG = [1, 2] as const;

const clamp01 = (x: number) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const share = (x: number, n: number) => (n > 0 ? clamp01(x / n) : 0);
/** Evidence from `L` loops, 0 at `from` and full at `full` (timing judged only with enough loops). */
const ramp = (L: number, from: number, full: number) => clamp01((L - from) / (full - from));
const loopsOf = (f: VehicleFeatures) => f.topMarketLoops;
/**
 * Loops counted by the irregularity terms at most (offHourLoops, variedStayLoops): the evidence that
 * repeats keep no routine saturates; past it, dozens of irregular loops are as often a worker's (an
 * agency carer's visits, a taxi's fares) as a runner's. 6 had the best left-out AP of 3, 4, 6, 8, 10
 * and none (`npm run fit:scorer -- --cv-generators`, 2026-12-07).
 */
const IRREGULAR_LOOPS_CAP = 6;

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
// Left out since 2026-12-07, as they did not carry from one generator to another (fitted on two of
// the three tuning generators, the third's AP was higher without them: `npm run fit:scorer --
// --cv-generators`): manyMarkets (distinct market towns: markets on the way count too) and hubTaxi
// (trips a day inside the hub: how many a region's cameras see depends on their density). Later that
// day, with four generators in the fit, nightsAway (share of loops whose market stop spans the night:
// nightsInMarket says it too, and runners, nurses, tradespeople and students all stay over) and
// weekdaysOnly (loops only Monday to Friday: sameWeekdays and weekendOnly say it too), as each raised
// the left-out AP of every generator when left out.
export const COUNTY_LINES_TERMS: readonly ScoreTerm[] = [
  { name: 'loops', describe: 'ln(1 + loops hub → market → hub to the most visited market)', value: (f) => Math.log1p(loopsOf(f)), knots: LOG },
  { name: 'loopDays', describe: 'ln(1 + distinct days with a loop)', value: (f) => Math.log1p(f.loopDays), knots: LOG },
  { name: 'relayChain', describe: 'ln of the relay chain\'s loops over the plate\'s own (plates swapped on one line)', value: (f) => Math.max(0, Math.log1p(f.relayChainLoops) - Math.log1p(loopsOf(f))), knots: LOG },
  { name: 'plateRelay', describe: 'another short-lived plate that runs alike takes over from this one, or hands over to it (its similarity)', value: (f) => f.relayPlates.reduce((m, r) => Math.max(m, r.similarity ?? 1), 0), knots: UNIT },
  { name: 'loopRate', describe: 'loops to that market per week of activity (7 a week = 1)', value: (f) => clamp01(f.topMarketLoopsPerWeek / 7), knots: UNIT },
  { name: 'night', describe: 'share of loops arriving at the market at night', value: (f) => clamp01(f.loopNightShare) * ramp(loopsOf(f), 0, 3), knots: UNIT },
  { name: 'shortStops', describe: 'share of loops with a market stop under 90 min', value: (f) => share(dwellMid(f, (a, b) => (a + b) / 2 <= 90), f.loops) * ramp(loopsOf(f), 0, 3), knots: UNIT },
  { name: 'shiftStays', describe: 'share of loops whose market stop lasts a work shift, day or night (6.5-13.5 h, both bounds), judged from 2 loops', value: (f) => share(dwellMid(f, (a, b) => a >= 390 && b <= 810), f.loops) * ramp(loopsOf(f), 1, 4), knots: UNIT },
  { name: 'dayShifts', describe: 'share of loops with a daytime market stop of 4 h or more (a work shift)', value: (f) => share(dwellMid(f, (a, _b, o) => !o && a >= 240), f.loops), knots: UNIT },
  { name: 'sameWeekdays', describe: 'share of loops on the two most common weekdays, beyond chance (fixed visiting days)', value: (f) => (loopsOf(f) >= 3 ? clamp01((f.loopTopWeekdaysShare - 0.4) / 0.6) * ramp(loopsOf(f), 2, 6) : 0), knots: UNIT },
  { name: 'weekendOnly', describe: 'loops mostly at weekends', value: (f) => clamp01((f.loopWeekendShare - 0.5) / 0.5) * ramp(loopsOf(f), 0, 3), knots: UNIT },
  { name: 'weekendsAway', describe: 'share of loops away over a Saturday night (a weekend at home, as students make)', value: (f) => share(f.weekendNightLoops, f.loops) * ramp(loopsOf(f), 0, 2), knots: UNIT },
  { name: 'offHourLoops', describe: 'ln(1 + loops arriving outside the usual 2-hour clock window, at the market or leaving the hub, counting at most 6 loops): repeats that keep no routine time (judged from 3 loops)', value: (f) => (loopsOf(f) >= 3 ? Math.log1p(Math.min(IRREGULAR_LOOPS_CAP, loopsOf(f)) * clamp01(1 - f.arrivalWindowShare)) : 0), knots: LOG },
  { name: 'variedStayLoops', describe: 'ln(1 + loops (at most 6) × how much the market stays vary): repeats without a set stay (judged from 3 loops)', value: (f) => (loopsOf(f) >= 3 ? Math.log1p(Math.min(IRREGULAR_LOOPS_CAP, loopsOf(f)) * clamp01(f.dwellLogStd / 0.6)) : 0), knots: LOG },
  { name: 'hubBase', describe: 'based in the hub (overnights, first and last reads of the day)', value: (f) => (f.baseKind === 'hub' ? clamp01(f.baseShare) : 0), knots: UNIT },
  { name: 'marketBase', describe: 'based in a market town', value: (f) => (f.baseKind === 'market' ? clamp01(f.baseShare) : 0), knots: UNIT },
  { name: 'marketLife', describe: 'share of active days read in a market town and not in the hub', value: (f) => share(f.marketOnlyDays, f.daysActive), knots: UNIT },
  { name: 'marketLocal', describe: 'short trips inside the market town per active day', value: (f) => clamp01(f.marketLocalTrips / Math.max(1, f.daysActive)), knots: UNIT },
  { name: 'hubLife', describe: 'share of active days read in the hub and not in a market town', value: (f) => share(f.hubOnlyDays, f.daysActive), knots: UNIT },
  { name: 'nightsInHub', describe: 'share of observed nights spent in the hub', value: (f) => share(f.nightsInHub, f.nightsObserved), knots: UNIT },
  { name: 'nightsInMarket', describe: 'share of observed nights spent in a market town', value: (f) => share(f.nightsInMarket, f.nightsObserved), knots: UNIT },
  { name: 'quickHubVisits', describe: 'share of stays in the hub between trips out that last under 2 hours (in and out, as to restock)', value: (f) => share(f.shortHubStays, f.hubStays) * ramp(f.hubStays, 0, 3), knots: UNIT },
  { name: 'multiStop', describe: 'several stops per hub tour (a delivery round)', value: (f) => clamp01((f.stopsPerTour - 1) / 3), knots: UNIT },
  { name: 'otherStops', describe: 'stops elsewhere on the way, per loop (a round or errands)', value: (f) => clamp01(f.otherStopsPerLoop / 2), knots: UNIT },
  { name: 'plateLife', describe: 'ln(1 + days from the plate\'s first read to its last): a plate used for a few days and then gone', value: (f) => Math.log1p(Math.max(0, f.spanDays)), knots: LOG },
  { name: 'nightTrips', describe: 'share of all its trips made at night, runs or not', value: (f) => clamp01(f.tripNightShare), knots: UNIT },
  { name: 'loopFocus', describe: 'share of its tours out of the hub that are loops to a market', value: (f) => share(f.loops, f.hubTours), knots: UNIT },
  { name: 'crowd', describe: 'ln(1 + other vehicles making the same loops at the same hours)', value: (f) => Math.log1p(f.loopCrowd), knots: LOG },
];

/**
 * Terms that measure one thing from several sides (and so trade weight between them in a fit):
 * the reasons give each group's contributions as one sum, in these words. The parts still list
 * every term on its own.
 */
export const TERM_GROUPS: readonly { terms: readonly string[]; describe: string }[] = [
  { terms: ['loops', 'loopDays', 'loopRate'], describe: 'the loops to the market, taken together: how many, on how many days, how often' },
  { terms: ['hubBase', 'hubLife', 'nightsInHub'], describe: 'life in the hub, taken together: base, days only there, nights there' },
  { terms: ['marketBase', 'marketLife', 'nightsInMarket', 'marketLocal'], describe: 'time in the market town, taken together: base, days only there, nights there, local trips' },
  { terms: ['relayChain', 'plateRelay'], describe: 'plate relays, taken together: a short-lived plate that runs alike takes over or hands over, and the chain\'s loops' },
];

/**
 * A term's basis: its value, then max(0, value − knot) for each knot.
 * @example termBasis(COUNTY_LINES_TERMS[0], 2.3) // [2.3, 1.3, 0.3]
 */
export function termBasis(t: ScoreTerm, x: number): number[] {
  return [x, ...t.knots.map((k) => Math.max(0, x - k))];
}

/**
 * Weights `w` over a term's basis at `x`, Σ w[j]·termBasis(t, x)[j], without making the basis
 * array (the scorer runs this for every term of every vehicle).
 * @example basisDot(COUNTY_LINES_TERMS[0], [1, 0.5], 2.3) // 2.3 + 0.5 × 1.3 = 2.95
 */
export function basisDot(t: ScoreTerm, w: readonly number[], x: number): number {
  let c = w.length > 0 ? w[0] * x : 0;
  for (let j = 1; j < w.length; j++) c += w[j] * Math.max(0, x - t.knots[j - 1]);
  return c;
}

/**
 * One term's value for a vehicle (0 where it is not finite).
 * @example termValue(COUNTY_LINES_TERMS[0], features) // 1.95
 */
export function termValue(t: ScoreTerm, f: VehicleFeatures): number {
  const v = t.value(f);
  return Number.isFinite(v) ? v : 0;
}

/**
 * Every term's basis for one vehicle, flattened (the rows `fitLogistic` fits; see scripts/fit-scorer.mjs).
 * @example termRow(features).length // Σ (1 + knots) over the terms
 */
export function termRow(f: VehicleFeatures, terms: readonly ScoreTerm[] = COUNTY_LINES_TERMS): number[] {
  const x = termValues(f, terms), row: number[] = [];
  terms.forEach((t, k) => { row.push(...termBasis(t, x[k])); });
  return row;
}

/**
 * Weights per term from a fit over `termRow`s: the flat weights cut back into one array per term.
 * @example weightsFromRow(fit.weights) // { loops: [0.4, 0.2, -0.1], ... }
 */
export function weightsFromRow(flat: readonly number[], terms: readonly ScoreTerm[] = COUNTY_LINES_TERMS): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  let i = 0;
  for (const t of terms) { out[t.name] = flat.slice(i, i + 1 + t.knots.length) as number[]; i += 1 + t.knots.length; }
  return out;
}

/**
 * The values of every term for one vehicle (in `COUNTY_LINES_TERMS` order).
 * @example termValues(features) // Float64Array [1.95, 1.79, 0, ...]
 */
export function termValues(f: VehicleFeatures, terms: readonly ScoreTerm[] = COUNTY_LINES_TERMS): Float64Array {
  const x = new Float64Array(terms.length);
  for (let k = 0; k < terms.length; k++) x[k] = termValue(terms[k], f);
  return x;
}
