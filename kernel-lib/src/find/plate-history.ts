/** Plate history: every read of one plate, in time order (the NAS/BOF "locate" query). */
import type { ReadStore } from '../reads/types';
import { firstReadAtOrAfter, QueryResult, toMs, vehicleCode, type TimeInput } from './result';
import { consult, queryAudit } from '../privacy/guard';

/** One read of the plate. */
export interface PlateHistoryRow {
  vrm: string;
  /** Epoch ms UTC. */
  time: number;
  siteId: string;
  siteName: string;
  lat: number;
  lon: number;
  /** 0..100, 255 = not given. */
  confidence: number;
  /** Minutes since the previous read in the result (NaN for the first). */
  gapMinutes: number;
}

/** Options of {@link plateHistory}. */
export interface PlateHistoryOptions {
  from?: TimeInput;
  /** Exclusive. */
  to?: TimeInput;
  reveal?: boolean;
}

/**
 * Every read of `vrm` (normalised: upper case, no spaces) in [from, to), oldest first, with the
 * site and the gap since the previous read. O(log reads + answer): a binary search in the
 * vehicle's time-sorted reads.
 *
 * @example
 * const h = plateHistory(store, 'AB12 CDE', { from: '2025-03-03', to: '2025-03-10' });
 * h.rows[0].siteName // 'Liverpool entrance 1 (W side) inbound'
 * show(h)            // table + map of the plate's reads
 */
export function plateHistory(store: ReadStore, vrm: string, options: PlateHistoryOptions = {}): QueryResult<PlateHistoryRow> {
  return consult('plate history', store, () => plateHistoryQuery(store, vrm, options), queryAudit);
}

/**
 * `plateHistory` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example plateHistoryQuery(store, vrm, options)
 */
export function plateHistoryQuery(store: ReadStore, vrm: string, options: PlateHistoryOptions = {}): QueryResult<PlateHistoryRow> {
  const v = vehicleCode(store, vrm);
  const from = toMs(options.from, 'from') ?? -Infinity, to = toMs(options.to, 'to') ?? Infinity;
  const { sites } = store;
  const rows: PlateHistoryRow[] = [];
  const end = store.vehicleStart[v + 1];
  for (let i = firstReadAtOrAfter(store, v, from); i < end && store.time[i] < to; i++) {
    const s = store.site[i];
    const prev = rows.length ? rows[rows.length - 1].time : NaN;
    rows.push({
      vrm: store.vrms[v], time: store.time[i], siteId: sites.id[s], siteName: sites.name[s], lat: sites.lat[s], lon: sites.lon[s],
      confidence: store.confidence[i], gapMinutes: (store.time[i] - prev) / 60_000,
    });
  }
  return new QueryResult('plateHistory', `Plate history`, rows, { vrm: store.vrms[v], from: options.from ?? null, to: options.to ?? null },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'time', value: (r) => r.time, kind: 'time' },
      { name: 'site_id', value: (r) => r.siteId }, { name: 'site_name', value: (r) => r.siteName },
      { name: 'confidence', value: (r) => r.confidence }, { name: 'gap_minutes', value: (r) => (Number.isFinite(r.gapMinutes) ? r.gapMinutes : null) },
    ], { store, reveal: options.reveal, mapVehicles: 1 });
}
