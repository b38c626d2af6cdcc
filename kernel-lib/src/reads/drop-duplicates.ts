/** Remove exact duplicate reads from a store. */
import type { ReadStore } from './types';

/**
 * Drop exact duplicates — same vehicle, time and site — from a store sorted by
 * (vehicle, time, site), keeping the first of each run (for stores built by `buildStore` or
 * `loadReads`, the one that came first in the input). Returns a new store (the input's
 * arrays are not changed) and how many reads were removed. Vehicles never lose all their
 * reads, so `vrms` and codes are unchanged; `vehicleStart` is recomputed. With `inPlace`, the
 * input's columns are compacted where they are and the result views them (no fresh memory:
 * for a store its caller owns, such as one just built by `loadReads`).
 *
 * @example
 * const sites = sitesFromRows([{ site_id: 'S1', lat: 53.4, lon: -2.2 }]);
 * const store = buildStore([{ vrm: 'AB12CDE', time: 0, site: 'S1' }, { vrm: 'AB12CDE', time: 0, site: 'S1' }], sites);
 * const { store: clean, removed } = dropExactDuplicates(store);
 * [clean.n, removed] // [1, 1]
 */
export function dropExactDuplicates(store: ReadStore, options: { inPlace?: boolean } = {}): { store: ReadStore; removed: number } {
  const { n, vehicle, time, site, confidence } = store;
  let dup = 0;
  for (let i = 1; i < n; i++) if (vehicle[i] === vehicle[i - 1] && time[i] === time[i - 1] && site[i] === site[i - 1]) dup++;
  if (dup === 0) return { store, removed: 0 };
  const m = n - dup;
  const v2 = options.inPlace ? vehicle : new Uint32Array(m), t2 = options.inPlace ? time : new Float64Array(m);
  const s2 = options.inPlace ? site : new Uint32Array(m), c2 = options.inPlace ? confidence : new Uint8Array(m);
  const nv = store.vrms.length;
  const start = new Uint32Array(nv + 1);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && vehicle[i] === vehicle[i - 1] && time[i] === time[i - 1] && site[i] === site[i - 1]) continue;
    v2[k] = vehicle[i]; t2[k] = time[i]; s2[k] = site[i]; c2[k] = confidence[i];
    start[vehicle[i] + 1]++;
    k++;
  }
  for (let v = 0; v < nv; v++) start[v + 1] += start[v];
  return {
    store: {
      n: m, vehicle: v2.subarray(0, m), time: t2.subarray(0, m), site: s2.subarray(0, m), confidence: c2.subarray(0, m),
      vrms: store.vrms, vehicleStart: start, sites: store.sites,
    },
    removed: dup,
  };
}
