/**
 * Stays: the time a vehicle spends stopped between two consecutive trips.
 *
 * A stay is never observed directly: we only know the vehicle was last read at t1 (site A,
 * end of trip i) and next read at t2 (site B, start of trip i+1). So each stay carries
 * bounds, not a value:
 *
 *   dwellMax = t2 - t1                                   (it cannot have stopped longer)
 *   dwellMin = max(0, dwellMax - travel(A -> stop -> B))  (it had to drive somewhere)
 *
 * The travel estimate is the road distance A -> B (straight line x `detourFactor`) at
 * `travelSpeedKmh`, plus `accessMinutes` each way between the cameras and the stop.
 */
import type { ReadStore, SiteTable } from '../reads/types';
import { siteDistanceKm } from '../core/haversine';
import { londonDay } from '../core/london-time';
import type { Trips } from './trips';

/** Options of {@link findStays} and {@link dwellBounds}. */
export interface StayOptions {
  /** Assumed average speed between cameras and the stop, km/h. Default 50. */
  travelSpeedKmh?: number;
  /** Straight-line to road distance factor. Default 1.3. */
  detourFactor?: number;
  /** Minutes allowed from the last camera to the stop, and again from the stop to the next. Default 5. */
  accessMinutes?: number;
  /** Local hour whose crossing makes a stay "overnight". Default 3 (03:00 Europe/London). */
  overnightHour?: number;
}

/** The defaults of {@link StayOptions}. */
export const defaultStayOptions: Required<StayOptions> = {
  travelSpeedKmh: 50,
  detourFactor: 1.3,
  accessMinutes: 5,
  overnightHour: 3,
};

/** Stays, column-wise; stay k lies between trips `tripBefore[k]` and `tripBefore[k] + 1`. */
export interface Stays {
  n: number;
  vehicle: Uint32Array;
  /** Index of the trip before the stay (the trip after is tripBefore + 1). */
  tripBefore: Uint32Array;
  /** Last read before (t1) and first read after (t2), epoch ms UTC. */
  start: Float64Array;
  end: Float64Array;
  /** Sites of the last read before and the first read after. */
  siteBefore: Uint32Array;
  siteAfter: Uint32Array;
  /** Dwell bounds in ms. */
  dwellMin: Float64Array;
  dwellMax: Float64Array;
  /** 1 when the stay spans the overnight hour (03:00 local). */
  overnight: Uint8Array;
  /** Offsets: vehicle v's stays are [vehicleStayStart[v], vehicleStayStart[v+1]). */
  vehicleStayStart: Uint32Array;
}

/**
 * Bounds on a stop made between a read at site `a` (time t1) and a read at site `b` (time t2).
 * Returns [dwellMin, dwellMax] in ms.
 *
 * @example
 * dwellBounds(store.sites, 0, 0, t, t + 3_600_000) // [3_000_000, 3_600_000] with 5-min access
 */
export function dwellBounds(sites: SiteTable, a: number, b: number, t1: number, t2: number, options: StayOptions = {}): [number, number] {
  // Hot path (tours, stays call this per pair of reads): no object spread when the options are complete.
  const o = options.travelSpeedKmh !== undefined && options.detourFactor !== undefined && options.accessMinutes !== undefined
    ? (options as Required<StayOptions>) : { ...defaultStayOptions, ...options };
  const max = Math.max(0, t2 - t1);
  return [Math.max(0, max - travelMs(sites, a, b, o)), max];
}

/**
 * Least time (ms) to drive from site `a` to a stop and on to site `b`: road distance
 * (straight line × detourFactor) at travelSpeedKmh, plus accessMinutes each way.
 *
 * @example
 * travelMs(store.sites, 0, 0, defaultStayOptions) // 600000 (2 × 5 min access)
 */
export function travelMs(sites: SiteTable, a: number, b: number, o: Required<StayOptions>): number {
  return (siteDistanceKm(sites, a, b) * o.detourFactor / o.travelSpeedKmh) * 3_600_000 + 2 * o.accessMinutes * 60_000;
}

/**
 * True when the interval [t1, t2] contains the local overnight hour (default 03:00).
 *
 * @example
 * spansOvernight(Date.UTC(2025, 0, 1, 22), Date.UTC(2025, 0, 2, 7)) // true
 */
export function spansOvernight(t1: number, t2: number, overnightHour = 3): boolean {
  return londonDay(t2, overnightHour) > londonDay(t1, overnightHour);
}

/**
 * Stays between consecutive trips of each vehicle, with dwell bounds and an overnight flag.
 *
 * @example
 * const trips = splitTrips(store);
 * const stays = findStays(store, trips);
 * stays.dwellMin[0] <= stays.dwellMax[0] // true
 */
export function findStays(store: ReadStore, trips: Trips, options: StayOptions = {}): Stays {
  const o = { ...defaultStayOptions, ...options };
  const nv = store.vrms.length;
  const n = Math.max(0, trips.n - countVehiclesWithTrips(trips, nv));
  const s = emptyStays(n, nv);
  let k = 0;
  for (let v = 0; v < nv; v++) {
    s.vehicleStayStart[v] = k;
    const a = trips.vehicleTripStart[v], b = trips.vehicleTripStart[v + 1];
    for (let t = a; t + 1 < b; t++) { writeStay(store.sites, trips, s, v, t, k, o); k++; }
  }
  s.vehicleStayStart[nv] = k;
  return s;
}

/**
 * Only the overnight stays (those spanning `overnightHour`), in the same layout as
 * {@link findStays}: all that `inferBases` reads, at a fraction of the memory.
 *
 * @example
 * const bases = inferBases(store, findOvernightStays(store, trips), places.sitePlace, places.n);
 */
export function findOvernightStays(store: ReadStore, trips: Trips, options: StayOptions = {}): Stays {
  const o = { ...defaultStayOptions, ...options };
  const nv = store.vrms.length;
  let n = 0;
  for (let t = 0; t + 1 < trips.n; t++) {
    if (trips.vehicle[t] === trips.vehicle[t + 1] && spansOvernight(trips.end[t], trips.start[t + 1], o.overnightHour)) n++;
  }
  const s = emptyStays(n, nv);
  let k = 0;
  for (let v = 0; v < nv; v++) {
    s.vehicleStayStart[v] = k;
    const a = trips.vehicleTripStart[v], b = trips.vehicleTripStart[v + 1];
    for (let t = a; t + 1 < b; t++) {
      if (!spansOvernight(trips.end[t], trips.start[t + 1], o.overnightHour)) continue;
      writeStay(store.sites, trips, s, v, t, k, o); k++;
    }
  }
  s.vehicleStayStart[nv] = k;
  return s;
}

function emptyStays(n: number, nv: number): Stays {
  return {
    n,
    vehicle: new Uint32Array(n), tripBefore: new Uint32Array(n),
    start: new Float64Array(n), end: new Float64Array(n),
    siteBefore: new Uint32Array(n), siteAfter: new Uint32Array(n),
    dwellMin: new Float64Array(n), dwellMax: new Float64Array(n),
    overnight: new Uint8Array(n), vehicleStayStart: new Uint32Array(nv + 1),
  };
}

// Stay k: between trip t of vehicle v and the next.
function writeStay(sites: SiteTable, trips: Trips, s: Stays, v: number, t: number, k: number, o: Required<StayOptions>): void {
  const t1 = trips.end[t], t2 = trips.start[t + 1];
  const sa = trips.endSite[t], sb = trips.startSite[t + 1];
  const mx = Math.max(0, t2 - t1);
  const mn = Math.max(0, mx - travelMs(sites, sa, sb, o));
  s.vehicle[k] = v; s.tripBefore[k] = t; s.start[k] = t1; s.end[k] = t2;
  s.siteBefore[k] = sa; s.siteAfter[k] = sb; s.dwellMin[k] = mn; s.dwellMax[k] = mx;
  s.overnight[k] = spansOvernight(t1, t2, o.overnightHour) ? 1 : 0;
}

function countVehiclesWithTrips(trips: Trips, nv: number): number {
  let c = 0;
  for (let v = 0; v < nv; v++) if (trips.vehicleTripStart[v + 1] > trips.vehicleTripStart[v]) c++;
  return c;
}
