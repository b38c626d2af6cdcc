import { storeFromColumns } from './store-from-columns';
import type { ReadStore } from './types';

/**
 * A store holding only vehicle `v`'s reads [a, b) (by default all of them), so per-vehicle
 * methods written for a whole store (splitTrips, findStays, ...) run in O(its reads).
 * @example const one = vehicleStore(store, 0); one.vrms // [store.vrms[0]]
 */
export function vehicleStore(store: ReadStore, v: number, a = store.vehicleStart[v], b = store.vehicleStart[v + 1]): ReadStore {
  return storeFromColumns(
    { vrms: [store.vrms[v]], vehicle: new Uint32Array(b - a), time: store.time.slice(a, b), site: store.site.slice(a, b), confidence: store.confidence.slice(a, b) },
    store.sites
  );
}
