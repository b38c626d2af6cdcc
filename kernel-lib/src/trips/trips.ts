/**
 * Trips: a vehicle's reads split into journeys.
 *
 * ANPR gives sparse, irregular fixes, so a "trip" is a run of consecutive reads of one
 * vehicle with no long gap and no implausible hop between them. Trips partition each
 * vehicle's reads: every read belongs to exactly one trip, in order.
 */
import * as msg from '../messages';
import type { ReadStore } from '../reads/types';
import { siteDistanceKm } from '../core/haversine';

/** Options of {@link splitTrips}. */
export interface SplitTripsOptions {
  /** Split where consecutive reads are more than this many minutes apart. Default 30. */
  maxGapMinutes?: number;
  /** Split where consecutive reads imply a faster straight-line speed than this (km/h). Default 200. */
  maxSpeedKmh?: number;
  /**
   * Clock/position slack in seconds added to each time difference before the speed test,
   * so two nearby cameras read a second apart are not an "impossible" hop. Default 30.
   */
  speedToleranceSeconds?: number;
}

/** Trips, column-wise; trip t of vehicle v lies in `vehicleTripStart[v] .. vehicleTripStart[v+1]`. */
export interface Trips {
  /** Number of trips. */
  n: number;
  /** Vehicle code per trip. */
  vehicle: Uint32Array;
  /** First read index (into the store) per trip. */
  first: Uint32Array;
  /** Last read index (inclusive) per trip. */
  last: Uint32Array;
  /** Time of the first / last read, epoch ms UTC. */
  start: Float64Array;
  end: Float64Array;
  /** Site code of the first / last read. */
  startSite: Uint32Array;
  endSite: Uint32Array;
  /** Why the trip ended: 0 = vehicle's last read, 1 = time gap, 2 = implausible speed. */
  endReason: Uint8Array;
  /** Offsets: vehicle v's trips are [vehicleTripStart[v], vehicleTripStart[v+1]). */
  vehicleTripStart: Uint32Array;
}

/** The defaults of {@link splitTrips}, visible for notebooks. */
export const defaultSplitTripsOptions: Required<SplitTripsOptions> = {
  maxGapMinutes: 30,
  maxSpeedKmh: 200,
  speedToleranceSeconds: 30,
};

/**
 * Split every vehicle's reads into trips at gaps longer than `maxGapMinutes` or hops faster
 * than `maxSpeedKmh` (haversine between the two sites over the time between the reads).
 *
 * @example
 * const trips = splitTrips(store, { maxGapMinutes: 30 });
 * trips.n                       // number of trips
 * trips.first[0], trips.last[0] // read range of the first trip
 */
export function splitTrips(store: ReadStore, options: SplitTripsOptions = {}): Trips {
  const o = { ...defaultSplitTripsOptions, ...options };
  if (!(o.maxGapMinutes > 0)) throw new RangeError(msg.badTripOption('maxGapMinutes', o.maxGapMinutes));
  if (!(o.maxSpeedKmh > 0)) throw new RangeError(msg.badTripOption('maxSpeedKmh', o.maxSpeedKmh));
  const maxGap = o.maxGapMinutes * 60_000;
  const tolH = Math.max(0, o.speedToleranceSeconds) / 3600;
  const { time, site, sites, vehicleStart } = store;
  const nv = store.vrms.length;

  // Pass 1: a break flag per read (1 = gap, 2 = speed) where a new trip starts at i+1.
  const brk = new Uint8Array(store.n);
  let count = 0;
  for (let v = 0; v < nv; v++) {
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    if (b > a) count++;
    for (let i = a; i + 1 < b; i++) {
      const dt = time[i + 1] - time[i];
      if (dt > maxGap) { brk[i] = 1; count++; continue; }
      const s1 = site[i], s2 = site[i + 1];
      if (s1 !== s2) {
        const d = siteDistanceKm(sites, s1, s2);
        if (d / (dt / 3_600_000 + tolH) > o.maxSpeedKmh) { brk[i] = 2; count++; }
      }
    }
  }

  // Pass 2: fill the columns.
  const t: Trips = {
    n: count,
    vehicle: new Uint32Array(count), first: new Uint32Array(count), last: new Uint32Array(count),
    start: new Float64Array(count), end: new Float64Array(count),
    startSite: new Uint32Array(count), endSite: new Uint32Array(count),
    endReason: new Uint8Array(count), vehicleTripStart: new Uint32Array(nv + 1),
  };
  let k = 0;
  for (let v = 0; v < nv; v++) {
    t.vehicleTripStart[v] = k;
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    let f = a;
    for (let i = a; i < b; i++) {
      if (i === b - 1 || brk[i] !== 0) {
        t.vehicle[k] = v; t.first[k] = f; t.last[k] = i;
        t.start[k] = time[f]; t.end[k] = time[i];
        t.startSite[k] = site[f]; t.endSite[k] = site[i];
        t.endReason[k] = i === b - 1 ? 0 : brk[i];
        k++; f = i + 1;
      }
    }
  }
  t.vehicleTripStart[nv] = k;
  return t;
}
