/** Which areas each trip starts in, passes through and ends in (areas themselves: core/areas.ts). */
import type { ReadStore } from '../reads/types';
import type { Trips } from './trips';

/** Areas per trip: start and end area, and the distinct areas passed (in order of first read). */
export interface TripAreas {
  startArea: Int32Array;
  endArea: Int32Array;
  /** Trip t's areas in order: passArea[passStart[t] .. passStart[t+1]). Includes start and end areas; -1 never listed. */
  passStart: Uint32Array;
  passArea: Int32Array;
}

/**
 * Which areas each trip starts in, passes through and ends in.
 *
 * @example
 * const ta = tripAreas(store, trips, siteAreas(store.sites, [hub, rhyl]));
 * ta.startArea[0], ta.endArea[0]   // 0 (hub), 1 (Rhyl)
 */
export function tripAreas(store: ReadStore, trips: Trips, siteArea: Int32Array): TripAreas {
  const startArea = new Int32Array(trips.n), endArea = new Int32Array(trips.n);
  const passStart = new Uint32Array(trips.n + 1);
  const pass: number[] = [];
  for (let t = 0; t < trips.n; t++) {
    passStart[t] = pass.length;
    startArea[t] = siteArea[trips.startSite[t]];
    endArea[t] = siteArea[trips.endSite[t]];
    const from = pass.length;
    for (let i = trips.first[t]; i <= trips.last[t]; i++) {
      const a = siteArea[store.site[i]];
      if (a < 0) continue;
      let seen = false;
      for (let j = from; j < pass.length; j++) if (pass[j] === a) { seen = true; break; }
      if (!seen) pass.push(a);
    }
  }
  passStart[trips.n] = pass.length;
  return { startArea, endArea, passStart, passArea: Int32Array.from(pass) };
}
