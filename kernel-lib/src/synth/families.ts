/**
 * Behaviour families: ranges, not fixed points, for everything a scenario's vehicles do.
 *
 *   family (defaultFamily, deep-merged with a FamilyInput)
 *     -> scenario draw (drawScenario: every share and count becomes one value [v, v], every
 *        other range a narrower sub-range, from the scenario's seed)
 *     -> per-agent draw (each runner or decoy draws its own parameters from the scenario's)
 *
 * Scenario-level values: keys named `count` or ending in `Share`, `linesPerMarket`, `misreadRate`
 * and every key of `network`; shares are then spread a little per agent (a propensity). Every
 * other range is an agent-level range: the scenario narrows it (to 30-70 % of its width), each
 * agent draws a point in it. Counts are per 5000 background vehicles (they scale with
 * `vehicles`). Hours are local clock hours (may exceed 24).
 *
 * Deterministic: the draw takes the family's keys in a fixed order from one seeded stream.
 * @example
 * await synthesize({ scenario: 'merseyside', days: 21, seed: 'a', out: 'v05', family: { runners: { overnightShare: [0.6, 0.8] } } });
 */
import type { Rng } from './prng';
import type { NetworkParams } from './sites';
import { synthBadFamily } from '../messages';

/** A closed range [lo, hi]; lo = hi is a fixed value. */
export type Range = [number, number];

/** County-lines runners: one runner vehicle (with its plates) per line. */
export interface RunnerFamily {
  /** Lines per hosting market at 5000 vehicles (x sqrt(vehicles / 5000)); at least one line. */
  linesPerMarket: Range;
  /** Share of the markets that host lines. */
  marketsWithLinesShare: Range;
  /** Share of lines run by a market-based vehicle that goes to the hub to restock (one market, runs the other way). */
  marketBasedShare: Range;
  /** Runs to the market a week, per runner (above 7: some days have two runs). */
  runsPerWeek: Range;
  /** Share of runners who run by day (the others in the evening or at night). */
  daytimeShare: Range;
  /** Usual departure hour of daytime runners; of evening/night runners (24+ = after midnight). */
  dayDepartH: Range;
  nightDepartH: Range;
  /** Spread of one runner's departure hour (standard deviation, hours). */
  jitterH: Range;
  /** Share of stays that are overnight or longer (per-runner propensity around it). */
  overnightShare: Range;
  /** Of overnight stays, the share lasting days. */
  multiDayShare: Range;
  /** Of stays shorter than a night, the share that are short (minutes) rather than hours. */
  shortStayShare: Range;
  shortStayMin: Range;
  hoursStayH: Range;
  overnightStayH: Range;
  multiDayStayD: Range;
  /** Share of lines that keep one plate all along; the others swap every swapDays. */
  fixedPlateShare: Range;
  swapDays: Range;
  /** At a swap, the chance that the new vehicle has another base in the hub and another usual hour (a new driver). */
  swapChangeShare: Range;
  /** Share of runner vehicles that also work private-hire shifts around the hub on other days. */
  hireVehicleShare: Range;
  /** Share of lines serving 2-3 markets (marketsPerLine); the first is the main one. */
  multiMarketShare: Range;
  marketsPerLine: Range;
  /** Of a multi-market line's runs, the share to its main market. */
  mainMarketShare: Range;
  /** Share of lines that start after the window starts; share that stop before it ends. */
  lateStartShare: Range;
  earlyStopShare: Range;
  /** Local drives (deliveries) inside the market per 8 h of stay, per runner. */
  localTripsPer8h: Range;
  /** Chance of a drive around the hub on a day without a run, per runner. */
  hubDriveChance: Range;
  speedKmh: Range;
}

/** Shift commuters (hub -> market) on one kind of shift. */
export interface ShiftFamily {
  count: Range;
  /** Departure hour from home. */
  departH: Range;
  dwellH: Range;
  /** Working days a week (fixed weekdays per commuter). */
  daysPerWeek: Range;
  /** Spread of the departure (standard deviation, minutes). */
  jitterMin: Range;
  /** Chance of missing a working day. */
  absence: Range;
}

/** Part-time commuters: 2-4 fixed weekdays, a 4-5 h shift by day, evening or night. */
export interface PartTimeFamily {
  count: Range;
  eveningShare: Range;
  nightShare: Range;
  dayDepartH: Range;
  eveningDepartH: Range;
  nightDepartH: Range;
  dwellH: Range;
  daysPerWeek: Range;
  jitterMin: Range;
  absence: Range;
}

/** Market residents working in (or visiting) the hub. */
export interface ResidentFamily {
  count: Range;
  /** Share on evening or night shifts; share part time; share visiting once or twice a week. */
  shiftShare: Range;
  partTimeShare: Range;
  visitorShare: Range;
  departH: Range;
  dwellH: Range;
  jitterMin: Range;
}

/** Delivery rounds and evening couriers from a hub depot. */
export interface RoundFamily {
  count: Range;
  /** Share of rounds that stay in one market town (several drops there), else multi-town. */
  singleMarketShare: Range;
  stops: Range;
  stopMin: Range;
  departH: Range;
  jitterMin: Range;
  daysPerWeek: Range;
}

/** Taxis and private hire: a shift of hub jobs, now and then a run out of town with a short wait. */
export interface HireFamily {
  count: Range;
  nightShare: Range;
  /** Jobs in a shift. */
  jobs: Range;
  shiftsPerWeek: Range;
  /** Chance per shift of a run out of town; share of those to a market town. */
  longRunChance: Range;
  longRunMarketShare: Range;
  waitMin: Range;
}

/** Carers and relatives: regular evening visits on fixed weekdays. */
export interface CarerFamily {
  count: Range;
  visitsPerWeek: Range;
  departH: Range;
  dwellH: Range;
  jitterMin: Range;
  /** Share who live in the market and visit the hub. */
  reverseShare: Range;
}

/** Students living in the hub, home to a market town at weekends (Friday out, Sunday back). */
export interface StudentFamily {
  count: Range;
  everyWeeks: Range;
  outH: Range;
  backH: Range;
  hubDriveChance: Range;
}

/** Weekend leisure: one-off day trips and repeaters. */
export interface LeisureFamily {
  count: Range;
  repeaterShare: Range;
  /** Chance a repeater goes on a given weekend day. */
  repeatChance: Range;
  /** Share of trips to a market town (else a leisure town). */
  marketShare: Range;
  departH: Range;
  dwellH: Range;
  /** Chance of a Friday/Saturday evening out. */
  eveningChance: Range;
  /** Share of weekend trips that are short breaks with one or two nights away (Friday or Saturday out). */
  overnightShare: Range;
}

/** Counts only. */
export interface CountFamily { count: Range }

/** Decoy classes of the family path, each with its own ground-truth class name. */
export interface DecoyFamilies {
  commuter_day: ShiftFamily;
  commuter_evening: ShiftFamily;
  commuter_night: ShiftFamily;
  commuter_part_time: PartTimeFamily;
  market_resident_to_hub: ResidentFamily;
  delivery_round: RoundFamily;
  evening_courier: RoundFamily;
  taxi: HireFamily;
  private_hire: HireFamily;
  carer: CarerFamily;
  student: StudentFamily;
  leisure: LeisureFamily;
  market_local: CountFamily;
}

/** Camera noise. */
export interface NoiseFamily {
  /** Per-camera miss rate (the scenario narrows it, each camera draws in it). */
  missRate: Range;
  misreadRate: Range;
  /** Share of cameras with an outage; share of outages lasting 1-3 days (else 2-12 h). */
  outageShare: Range;
  outageLongShare: Range;
}

/** The camera network (sites.ts NetworkParams); every value is scenario-level (integers rounded). */
export interface NetworkFamily {
  corridorSpacingKm: Range;
  maxCorridorPairs: Range;
  hubPairsPerKm: Range;
  marketCentrePairs: Range;
  townCentrePairs: Range;
  marketEntrances: Range;
}

/** A behaviour family: ranges for every runner, decoy and camera parameter. */
export interface BehaviourFamily {
  runners: RunnerFamily;
  decoys: DecoyFamilies;
  noise: NoiseFamily;
  network: NetworkFamily;
}

/** Deep-partial overrides of a BehaviourFamily (what `family` / `--family FILE.json` take). */
export type FamilyInput = { [K in keyof BehaviourFamily]?: { [L in keyof BehaviourFamily[K]]?: BehaviourFamily[K][L] extends Range ? Range : Partial<BehaviourFamily[K][L]> } };

/** The decoy classes of the family path, in generation order. */
export type FamilyDecoyClass = keyof DecoyFamilies;

const shift = (count: Range, departH: Range, dwellH: Range, daysPerWeek: Range): ShiftFamily => ({ count, departH, dwellH, daysPerWeek, jitterMin: [4, 20], absence: [0.02, 0.1] });

/**
 * The default family: broad ranges around public descriptions of runners and ordinary traffic.
 * @example
 * defaultFamily.runners.overnightShare; // [0, 0.8]
 */
export const defaultFamily: BehaviourFamily = {
  runners: {
    linesPerMarket: [2, 4],
    marketsWithLinesShare: [0.6, 1],
    marketBasedShare: [0, 0.15],
    runsPerWeek: [1, 7],
    daytimeShare: [0.1, 0.5],
    dayDepartH: [8, 15.5],
    nightDepartH: [16.5, 26],
    jitterH: [0.4, 3],
    overnightShare: [0, 0.8],
    multiDayShare: [0, 0.35],
    shortStayShare: [0.3, 0.8],
    shortStayMin: [10, 90],
    hoursStayH: [2, 8],
    overnightStayH: [9, 20],
    multiDayStayD: [1, 3],
    fixedPlateShare: [0.2, 0.6],
    swapDays: [1, 14],
    swapChangeShare: [0, 0.5],
    hireVehicleShare: [0, 0.15],
    multiMarketShare: [0, 0.4],
    marketsPerLine: [2, 3],
    mainMarketShare: [0.4, 0.8],
    lateStartShare: [0, 0.3],
    earlyStopShare: [0, 0.15],
    localTripsPer8h: [0, 2],
    hubDriveChance: [0.2, 0.7],
    speedKmh: [55, 90]
  },
  decoys: {
    commuter_day: shift([20, 60], [6.3, 9], [8, 10], [5, 5]),
    commuter_evening: shift([6, 25], [13.5, 17.5], [7, 9.5], [4, 5]),
    commuter_night: shift([4, 16], [19.5, 23], [8, 11], [4, 5]),
    commuter_part_time: {
      count: [8, 35], eveningShare: [0.4, 0.85], nightShare: [0, 0.15],
      dayDepartH: [7, 10.5], eveningDepartH: [15, 18.5], nightDepartH: [20, 22.5],
      dwellH: [4, 5], daysPerWeek: [2, 4], jitterMin: [3, 15], absence: [0.02, 0.08]
    },
    market_resident_to_hub: { count: [30, 80], shiftShare: [0.1, 0.3], partTimeShare: [0.1, 0.3], visitorShare: [0.1, 0.3], departH: [5.8, 8.5], dwellH: [8, 10], jitterMin: [5, 25] },
    delivery_round: { count: [10, 30], singleMarketShare: [0.3, 0.7], stops: [1, 5], stopMin: [20, 35], departH: [7, 10.5], jitterMin: [10, 40], daysPerWeek: [4, 6] },
    evening_courier: { count: [4, 16], singleMarketShare: [0.3, 0.7], stops: [1, 4], stopMin: [5, 30], departH: [16.5, 19.5], jitterMin: [10, 40], daysPerWeek: [3, 6] },
    taxi: { count: [15, 40], nightShare: [0.3, 0.6], jobs: [8, 16], shiftsPerWeek: [4, 6], longRunChance: [0.05, 0.2], longRunMarketShare: [0.4, 0.7], waitMin: [5, 30] },
    private_hire: { count: [8, 30], nightShare: [0.2, 0.5], jobs: [3, 8], shiftsPerWeek: [3, 6], longRunChance: [0.15, 0.4], longRunMarketShare: [0.4, 0.8], waitMin: [5, 20] },
    carer: { count: [8, 30], visitsPerWeek: [1, 4], departH: [17, 20], dwellH: [1, 3], jitterMin: [10, 30], reverseShare: [0, 0.3] },
    student: { count: [6, 25], everyWeeks: [1, 2], outH: [14, 20], backH: [14, 21], hubDriveChance: [0.1, 0.4] },
    leisure: { count: [40, 100], repeaterShare: [0.2, 0.5], repeatChance: [0.3, 0.8], marketShare: [0.3, 0.7], departH: [8.5, 13], dwellH: [3, 8], eveningChance: [0.02, 0.15], overnightShare: [0.05, 0.2] },
    market_local: { count: [60, 120] }
  },
  noise: { missRate: [0.05, 0.2], misreadRate: [0.005, 0.03], outageShare: [0.05, 0.2], outageLongShare: [0.2, 0.4] },
  network: { corridorSpacingKm: [9, 25], maxCorridorPairs: [4, 8], hubPairsPerKm: [2, 4], marketCentrePairs: [1, 4], townCentrePairs: [0, 1], marketEntrances: [1, 3] }
};

/** A scenario's draw from a family: same shape, shares and counts fixed ([v, v]), other ranges narrowed. */
export type ScenarioFamily = BehaviourFamily;

const isRange = (v: unknown): v is Range => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
const isScalarKey = (k: string) => k === 'count' || k === 'misreadRate' || k === 'linesPerMarket' || k.endsWith('Share');
const isProbKey = (k: string) => k.endsWith('Share') || k.endsWith('Chance') || k === 'absence' || k === 'missRate' || k === 'misreadRate';

function mergeNode(base: Record<string, unknown>, over: unknown, path: string): Record<string, unknown> {
  if (over === undefined) return structuredClone(base);
  if (over === null || typeof over !== 'object' || Array.isArray(over)) throw new Error(synthBadFamily(path, 'an object', over));
  const extra = Object.keys(over).filter((k) => !(k in base));
  if (extra.length) throw new Error(synthBadFamily(`${path}.${extra[0]}`, `one of ${Object.keys(base).join(', ')}`, (over as Record<string, unknown>)[extra[0]]));
  const out: Record<string, unknown> = {};
  for (const [k, b] of Object.entries(base)) {
    const o = (over as Record<string, unknown>)[k];
    const p = path ? `${path}.${k}` : k;
    if (isRange(b)) {
      if (o === undefined) { out[k] = [b[0], b[1]]; continue; }
      if (!isRange(o) || o[0] > o[1] || o[0] < 0 || (isProbKey(k) && o[1] > 1)) throw new Error(synthBadFamily(p, isProbKey(k) ? 'a range [lo, hi] with 0 <= lo <= hi <= 1' : 'a range [lo, hi] with 0 <= lo <= hi', o));
      out[k] = [o[0], o[1]];
    } else out[k] = mergeNode(b as Record<string, unknown>, o, p);
  }
  return out;
}

/**
 * The default family with `input`'s overrides; throws naming the first bad or unknown key.
 * @example
 * resolveFamily({ runners: { overnightShare: [0.6, 0.8] } }).runners.overnightShare; // [0.6, 0.8]
 */
export function resolveFamily(input: FamilyInput = {}): BehaviourFamily {
  return mergeNode(defaultFamily as unknown as Record<string, unknown>, input, '') as unknown as BehaviourFamily;
}

function drawNode(node: Record<string, unknown>, rng: Rng, allScalar = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (!isRange(v)) { out[k] = drawNode(v as Record<string, unknown>, rng, k === 'network'); continue; }
    const [lo, hi] = v;
    if (allScalar || isScalarKey(k)) { const x = lo + (hi - lo) * rng.next(); out[k] = [x, x]; continue; }
    const w = (hi - lo) * rng.range(0.3, 0.7);
    const a = lo + (hi - lo - w) * rng.next();
    out[k] = [a, a + w];
  }
  return out;
}

/**
 * One scenario's parameters from a family: shares, counts and the network fixed, other ranges narrowed
 * (30-70 % of the family's width), in the family's key order, so the same rng gives the same draw.
 * @example
 * const s = drawScenario(resolveFamily(), deriveRng(key, 7));
 * s.runners.overnightShare; // e.g. [0.43, 0.43]
 */
export function drawScenario(family: BehaviourFamily, rng: Rng): ScenarioFamily {
  return drawNode(family as unknown as Record<string, unknown>, rng) as unknown as ScenarioFamily;
}

/**
 * A point in a range.
 * @example
 * draw([2, 8], rng); // 2 <= x <= 8
 */
export function draw(r: Range, rng: Rng): number {
  return r[0] + (r[1] - r[0]) * rng.next();
}

/**
 * An integer in a range (rounded, ends inclusive).
 * @example
 * drawInt([2, 4], rng); // 2, 3 or 4
 */
export function drawInt(r: Range, rng: Rng): number {
  const lo = Math.ceil(r[0] - 0.5), hi = Math.floor(r[1] + 0.5 - 1e-9);
  return hi <= lo ? Math.max(lo, Math.round(r[0])) : lo + rng.int(hi - lo + 1);
}

/**
 * One agent's propensity around a scenario-level share: the share plus a little spread, in [0, 1];
 * the spread shrinks towards 0 and 1, so a share of 0 or 1 holds for every agent.
 * @example
 * propensity([0.4, 0.4], rng); // e.g. 0.47
 */
export function propensity(r: Range, rng: Rng, spread = 0.12): number {
  const s = (r[0] + r[1]) / 2;
  const x = s + 2 * spread * Math.sqrt(Math.max(0, s * (1 - s))) * rng.normal();
  return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * `k` distinct weekdays (0 = Monday), consecutive from a random start when `consecutive`.
 * @example
 * weekdays(3, rng); // e.g. [1, 3, 4]
 */
export function weekdays(k: number, rng: Rng, from: readonly number[] = [0, 1, 2, 3, 4, 5, 6], consecutive = false): number[] {
  const n = Math.min(k, from.length);
  if (consecutive) { const s = rng.int(from.length); return Array.from({ length: n }, (_, i) => from[(s + i) % from.length]).sort((a, b) => a - b); }
  const pool = from.slice();
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(pool.splice(rng.int(pool.length), 1)[0]);
  return out.sort((a, b) => a - b);
}

/**
 * The camera network of a scenario draw (integers rounded).
 * @example
 * buildSites(towns, rng, networkParams(drawScenario(resolveFamily(), rng2)));
 */
export function networkParams(s: ScenarioFamily): NetworkParams {
  const n = s.network;
  return {
    corridorSpacingKm: n.corridorSpacingKm[0], maxCorridorPairs: Math.max(2, Math.round(n.maxCorridorPairs[0])), hubPairsPerKm: n.hubPairsPerKm[0],
    marketCentrePairs: Math.round(n.marketCentrePairs[0]), townCentrePairs: Math.round(n.townCentrePairs[0]), marketEntrances: Math.round(n.marketEntrances[0])
  };
}
