/** Area search: which vehicles were read at the sites of an area in a time window (a "stakeout"). */
import type { ReadStore } from '../reads/types';
import { placeAreas, placeMask, placeName, QueryResult, toMs, type Place, type TimeInput } from './result';
import { consult, queryAudit } from '../privacy/guard';

/** One vehicle read in the area. */
export interface AreaSearchRow {
  vrm: string;
  /** First and last read in the area within the window, epoch ms UTC. */
  first: number;
  last: number;
  reads: number;
  /** Distinct sites of the area it was read at. */
  sites: number;
}

/** Options of {@link areaSearch}. */
export interface AreaSearchOptions {
  from: TimeInput;
  /** Exclusive. */
  to: TimeInput;
  reveal?: boolean;
}

/**
 * Vehicles read at the sites of `area` (an Area, or a list of site ids) with from <= time < to,
 * with first/last read and read count; most reads first (ties by first read, then VRM).
 * One pass over the reads, a site-mask lookup per read.
 *
 * @example
 * const r = areaSearch(store, area(marketsGeo, 'Rhyl'), { from: '2025-03-03T18:00Z', to: '2025-03-04T02:00Z' });
 * r.rows[0] // { vrm: 'AB12CDE', first: …, last: …, reads: 4, sites: 2 }
 */
export function areaSearch(store: ReadStore, area: Place, options: AreaSearchOptions): QueryResult<AreaSearchRow> {
  return consult('find area', store, () => areaSearchQuery(store, area, options), queryAudit);
}

/**
 * `areaSearch` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example areaSearchQuery(store, area, options)
 */
export function areaSearchQuery(store: ReadStore, area: Place, options: AreaSearchOptions): QueryResult<AreaSearchRow> {
  const mask = placeMask(store, area, 'area');
  const from = toMs(options.from, 'from') ?? -Infinity, to = toMs(options.to, 'to') ?? Infinity;
  const rows: AreaSearchRow[] = [];
  const { time, site, vehicleStart } = store;
  const seen = new Uint8Array(store.sites.id.length);
  const touched: number[] = [];
  for (let v = 0; v < store.vrms.length; v++) {
    let first = NaN, last = NaN, reads = 0;
    for (let i = vehicleStart[v]; i < vehicleStart[v + 1]; i++) {
      const t = time[i];
      if (t < from || t >= to || !mask[site[i]]) continue;
      if (reads === 0) first = t;
      last = t; reads++;
      if (!seen[site[i]]) { seen[site[i]] = 1; touched.push(site[i]); }
    }
    if (reads > 0) {
      rows.push({ vrm: store.vrms[v], first, last, reads, sites: touched.length });
      for (const s of touched) seen[s] = 0;
      touched.length = 0;
    }
  }
  rows.sort((a, b) => b.reads - a.reads || a.first - b.first || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  return new QueryResult('areaSearch', `Vehicles read in ${placeName(area)}`, rows,
    { area: placeName(area), from: options.from, to: options.to },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'first', value: (r) => r.first, kind: 'time' },
      { name: 'last', value: (r) => r.last, kind: 'time' }, { name: 'reads', value: (r) => r.reads }, { name: 'sites', value: (r) => r.sites },
    ], { store, areas: placeAreas(area), reveal: options.reveal, mapVehicles: 20 });
}
