/**
 * What every behaviour shares: the vehicle classes, an agent, a day, a tour (a round of
 * stops with dwell times that the engine drives through the camera network), and the
 * scenario "world" the behaviours choose destinations from.
 */
import { distanceKm } from '../geography';
import type { Town } from '../geography';
import type { Place } from '../route';
import type { Rng } from '../prng';
import type { ScenarioFamily } from '../families';

/** Ground-truth class of a vehicle. */
export type VehicleClass =
  | 'county_lines'
  | 'commuter_to_market'
  | 'market_resident_to_hub'
  | 'delivery_van'
  | 'taxi'
  | 'leisure'
  | 'market_local'
  | 'background'
  // behaviour families (families.ts) only:
  | 'commuter_day'
  | 'commuter_evening'
  | 'commuter_night'
  | 'commuter_part_time'
  | 'delivery_round'
  | 'evening_courier'
  | 'private_hire'
  | 'carer'
  | 'student';

/** One local calendar day (Europe/London). */
export interface Day {
  index: number;
  /** Epoch seconds (UTC) of local midnight starting / ending the day. */
  start: number;
  end: number;
  /** 0 = Monday .. 6 = Sunday. */
  dow: number;
  /** Epoch seconds of a local clock time `hours` after midnight (may exceed 24). */
  at(hours: number): number;
}

/** A round trip: leave at `depart`, visit each stop, wait `dwell` seconds there. */
export interface Tour { depart: number; speedKmh: number; stops: { to: Place; dwell: number }[] }

/** A vehicle with its habits. Positions are `Place`s; times are epoch seconds. */
export interface Agent {
  cls: VehicleClass;
  /** Index within its class. */
  n: number;
  home: Place;
  /** Usual destination (work place, line's market). */
  target: Place;
  /** A personal habit in hours (usual departure) and a personal scale (0.5..1.5). */
  habit: number;
  scale: number;
  /** Plate numbers used, and when each after the first came into use (county lines). */
  plates: number[];
  swapAt: number[];
  /** Busy until (end of the last tour). */
  freeAt: number;
  /** Behaviour families only: the agent's own parameters, its fixed weekdays (0 = Monday), further places (a line's other markets). */
  p?: Record<string, number>;
  days?: number[];
  places?: Place[];
  /** Behaviour families only (runners): base and usual departure hour for each plate, when a swap brings a new driver. */
  homes?: Place[];
  hours?: number[];
  /** Behaviour families only (runners): when each further plate is due; it comes into use at the first run after that (swapAt). */
  swapPlan?: number[];
}

/** The scenario's towns and the cumulative weights behaviours draw from. */
export interface World {
  towns: Town[];
  markets: number[];
  leisure: number[];
  /** Towns other than the hub. */
  others: number[];
  /** Cumulative gravity weights (population / distance^2) from each town to every town. */
  gravity: Float64Array[];
  /** Cumulative population weights over all towns (where vehicles live). */
  population: Float64Array;
  place(town: number, rng: Rng): Place;
  /** Behaviour families only: the scenario's draw (per-trip ranges). */
  family?: ScenarioFamily;
}

/** A behaviour: the tours an agent makes on a day. */
export type Behaviour = (a: Agent, day: Day, w: World, rng: Rng) => Tour[];

/**
 * A departure hour from the everyday traffic profile: peaks at 08:00 and 17:00 on weekdays,
 * late morning at weekends.
 * @example
 * const h = profileHour(0, rng); // Monday: most often near 8 or 17
 */
export function profileHour(dow: number, rng: Rng): number {
  const x = rng.next();
  if (dow >= 5) return x < 0.88 ? clamp(11.5 + 2.5 * rng.normal(), 6, 20) : rng.range(17, 22.5);
  if (x < 0.35) return clamp(8 + 0.8 * rng.normal(), 5, 11);
  if (x < 0.7) return clamp(17 + 1.0 * rng.normal(), 14, 21);
  if (x < 0.95) return rng.range(9, 16);
  return rng.range(19, 23.5);
}

/**
 * Clamp x to [lo, hi].
 * @example
 * clamp(25, 0, 24); // 24
 */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * A minute in seconds.
 * @example
 * const dwell = 45 * MIN;
 */
export const MIN = 60;
/**
 * An hour in seconds.
 * @example
 * const dwell = 8.5 * HOUR;
 */
export const HOUR = 3600;

/**
 * Visit `towns` nearest-first, starting from `from`: `visit(t)` is called for each town in that
 * order and returns where the next leg starts (delivery rounds and county-lines rounds).
 * @example nearestFirst(w, a.home, [3, 7, 5], (t) => w.place(t, rng))
 */
export function nearestFirst(w: World, from: { lat: number; lon: number }, towns: readonly number[], visit: (town: number) => { lat: number; lon: number }): void {
  let at = from;
  const left = towns.slice();
  while (left.length) {
    let bi = 0, bd = Infinity;
    left.forEach((t, i) => { const d = distanceKm(at.lat, at.lon, w.towns[t].lat, w.towns[t].lon); if (d < bd) { bd = d; bi = i; } });
    at = visit(left.splice(bi, 1)[0]);
  }
}
