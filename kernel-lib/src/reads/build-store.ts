/**
 * Build a ReadStore from plain row objects (synthetic data, tests, small imports).
 * Files go through ingest/load-reads.ts instead, which validates and reports every row.
 */
import { normaliseVrm } from '../core/vrm';
import * as msg from '../messages';
import { storeFromColumns } from './store-from-columns';
import type { ReadStore, SiteTable } from './types';

/** One read as a plain object: `time` is epoch ms UTC, `site` a site id of the SiteTable. */
export interface ReadRow {
  vrm: string;
  time: number;
  site: string;
  /** 0..100; leave out when unknown. */
  confidence?: number;
}

/**
 * Encode reads into the columnar ReadStore.
 *
 * - VRMs are normalised (`normaliseVrm`) and dictionary-encoded; codes follow sorted VRM
 *   order, so the same reads always give the same codes.
 * - Sites are encoded as their index in `sites`; an unknown site id throws.
 * - Reads are sorted by (vehicle, time, site); `vehicleStart` gives each vehicle's range.
 * - Confidence is rounded to an integer; missing → 255.
 * Throws (RangeError, message from messages.ts naming the row) on an unknown site, a VRM
 * that is empty after normalisation, a non-finite time or a confidence outside 0..100.
 *
 * @example
 * const sites = sitesFromRows([{ site_id: 'S1', lat: 53.48, lon: -2.24 }]);
 * const store = buildStore([
 *   { vrm: 'ab12 cde', time: Date.UTC(2025, 0, 1, 9), site: 'S1', confidence: 97 },
 *   { vrm: 'AB12CDE', time: Date.UTC(2025, 0, 1, 8), site: 'S1' },
 * ], sites);
 * store.vrms                  // ['AB12CDE']
 * Array.from(store.vehicleStart) // [0, 2]
 * Array.from(store.confidence)   // [255, 97]
 */
export function buildStore(rows: readonly ReadRow[], sites: SiteTable): ReadStore {
  const n = rows.length;
  const siteIndex = new Map<string, number>();
  for (let s = 0; s < sites.id.length; s++) siteIndex.set(sites.id[s], s);
  const dict = new Map<string, number>();
  const vrms: string[] = [];
  const vehicle = new Uint32Array(n);
  const time = new Float64Array(n);
  const site = new Uint32Array(n);
  const confidence = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const vrm = normaliseVrm(String(r.vrm ?? ''));
    if (vrm === '') throw new RangeError(msg.emptyVrmInStore(String(r.vrm), i));
    let code = dict.get(vrm);
    if (code === undefined) { code = vrms.length; dict.set(vrm, code); vrms.push(vrm); }
    vehicle[i] = code;
    if (typeof r.time !== 'number' || !Number.isFinite(r.time)) throw new RangeError(msg.badTimeInStore(r.time, i));
    time[i] = r.time;
    const s = siteIndex.get(r.site);
    if (s === undefined) throw new RangeError(msg.unknownSiteInStore(String(r.site), i));
    site[i] = s;
    const c = r.confidence;
    if (c === undefined || c === null) confidence[i] = 255;
    else if (typeof c !== 'number' || !(c >= 0 && c <= 100)) throw new RangeError(msg.badConfidenceInStore(c, i));
    else confidence[i] = Math.round(c);
  }
  return storeFromColumns({ vrms, vehicle, time, site, confidence }, sites);
}
