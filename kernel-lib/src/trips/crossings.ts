/**
 * Crossings: runs of reads at an anchor place (the hub) that a vehicle only drove across.
 *
 * A vehicle living in a town beyond the hub that drives through the hub to a market town and
 * back is read in the hub on both legs, but it never was *in* the hub: it came from a stop at one
 * place and went on to a stop at another. Counting those reads as hub presence makes its drives
 * look like hub → market → hub loops. A run of anchor reads is a crossing when all of these hold:
 *
 *   - it lies inside one trip (trips.ts) that starts and ends away from the anchor, and the
 *     vehicle was not at the anchor just before that trip (the previous trip's last read) nor
 *     just after it (the next trip's first read);
 *   - the trip ends at another place than where it started (in at one side, out at another: a
 *     vehicle that drives in and back out to where it came from visited the anchor, as a runner
 *     based in a market does on a quick restock);
 *   - no read pair touching the run leaves room for a stop of `stopMinutes` (dwell lower bound,
 *     stays.ts: the time between the reads less the drive between their cameras).
 */
import type { ReadStore } from '../reads/types';
import { travelMs, type StayOptions } from './stays';
import type { Trips } from './trips';

/**
 * Per read of `store`: 1 where the read is at its vehicle's anchor (`anchorOf(v)`, -1 = none)
 * and only crossed, else 0.
 *
 * @example
 * const crossed = markCrossings(store, splitTrips(store), places.sitePlace, () => 0, 5, defaultStayOptions);
 * crossed[i] // 1: read i is in the hub, on a drive from one town to another through it
 */
export function markCrossings(store: ReadStore, trips: Trips, sitePlace: Int32Array, anchorOf: (v: number) => number,
  stopMinutes: number, stays: Required<StayOptions>): Uint8Array {
  const { time, site, sites } = store;
  const out = new Uint8Array(store.time.length);
  const stopMs = stopMinutes * 60_000;
  const placeOf = (i: number) => sitePlace[site[i]];
  for (let v = 0; v < store.vrms.length; v++) {
    const home = anchorOf(v);
    if (home < 0) continue;
    const t0 = trips.vehicleTripStart[v], t1 = trips.vehicleTripStart[v + 1];
    for (let t = t0; t < t1; t++) {
      const f = trips.first[t], l = trips.last[t];
      if (placeOf(f) === home || placeOf(l) === home || placeOf(f) === placeOf(l)) continue;
      if ((t > t0 && placeOf(trips.last[t - 1]) === home) || (t + 1 < t1 && placeOf(trips.first[t + 1]) === home)) continue;
      for (let i = f + 1; i < l; i++) {
        if (placeOf(i) !== home) continue;
        let e = i;
        while (e + 1 < l && placeOf(e + 1) === home) e++;
        let stop = false;
        for (let j = i - 1; j <= e && !stop; j++) stop = time[j + 1] - time[j] - travelMs(sites, site[j], site[j + 1], stays) >= stopMs;
        if (!stop) out.fill(1, i, e + 1);
        i = e;
      }
    }
  }
  return out;
}
