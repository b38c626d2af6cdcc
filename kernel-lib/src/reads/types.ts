/**
 * The data contract of the reads layer: sites and the columnar read store.
 *
 * Everything downstream (trips, find, profile) reads these typed arrays directly.
 * Reads are sorted once by (vehicle, time); `vehicleStart[v] .. vehicleStart[v+1]`
 * is vehicle v's reads in time order, so per-vehicle scans need no further sort.
 */

/** Camera sites, column-wise. Index = site code used in `ReadStore.site`. */
export interface SiteTable {
  id: string[];
  name: string[];
  lat: Float64Array;
  lon: Float64Array;
  road: string[];
  direction: string[];
}

/** UK VRM format classes (see core/vrm.ts). */
export type { VrmFormat } from '../core/vrm';

/** Columnar, dictionary-encoded reads sorted by (vehicle, time). */
export interface ReadStore {
  /** Number of reads. */
  n: number;
  /** Vehicle code per read (index into `vrms`). */
  vehicle: Uint32Array;
  /** Read time, epoch milliseconds UTC. */
  time: Float64Array;
  /** Site code per read (index into `sites`). */
  site: Uint32Array;
  /** Confidence 0..100; 255 = not given. */
  confidence: Uint8Array;
  /** Normalised VRMs (upper case, no spaces), index = vehicle code. */
  vrms: string[];
  /** Offsets: vehicle v's reads are [vehicleStart[v], vehicleStart[v+1]). Length vrms.length + 1. */
  vehicleStart: Uint32Array;
  sites: SiteTable;
}
