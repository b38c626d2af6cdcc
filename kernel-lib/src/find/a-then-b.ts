/** Seen at A, then at B within T: the ordered two-place query. */
import type { ReadStore } from '../reads/types';
import { placeAreas, placeMask, placeName, QueryResult, toMs, type Place, type TimeInput } from './result';
import { consult, queryAudit } from '../privacy/guard';

/** One A read and the first B read after it. */
export interface AThenBRow {
  vrm: string;
  aTime: number;
  aSite: string;
  bTime: number;
  bSite: string;
  /** Minutes from the A read to the B read. */
  minutes: number;
}

/** Options of {@link aThenB}. */
export interface AThenBOptions {
  /** First place: an Area or site ids. */
  a: Place;
  /** Second place. */
  b: Place;
  /** The B read must come after the A read by more than 0 and at most this many minutes. */
  withinMinutes: number;
  /** Both reads must lie in [from, to). */
  from?: TimeInput;
  to?: TimeInput;
  reveal?: boolean;
}

/**
 * Vehicles read at A and then at B within T. One row per (vehicle, A read, first B read
 * strictly later in time and at most `withinMinutes` after it), so a vehicle passing A three
 * times before reaching B gives three rows with the same B read. Per vehicle, one two-pointer
 * scan over its time-sorted reads: O(reads).
 *
 * @example
 * const r = aThenB(store, { a: hub, b: ['S0200', 'S0201'], withinMinutes: 45 });
 * r.rows[0] // { vrm: 'AB12CDE', aTime: …, aSite: 'S0001', bTime: …, bSite: 'S0200', minutes: 31.5 }
 */
export function aThenB(store: ReadStore, options: AThenBOptions): QueryResult<AThenBRow> {
  return consult('find a-then-b', store, () => aThenBQuery(store, options), queryAudit);
}

/**
 * `aThenB` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example aThenBQuery(store, options)
 */
export function aThenBQuery(store: ReadStore, options: AThenBOptions): QueryResult<AThenBRow> {
  if (!(options.withinMinutes > 0)) throw new RangeError(`aThenB: withinMinutes must be a positive number; got ${String(options.withinMinutes)}.`);
  const inA = placeMask(store, options.a, 'a'), inB = placeMask(store, options.b, 'b');
  const from = toMs(options.from, 'from') ?? -Infinity, to = toMs(options.to, 'to') ?? Infinity;
  const T = options.withinMinutes * 60_000;
  const { time, site, vehicleStart, sites } = store;
  const rows: AThenBRow[] = [];
  for (let v = 0; v < store.vrms.length; v++) {
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    let j = a; // candidate B read: first B read strictly later in time than read i
    for (let i = a; i < b; i++) {
      const t = time[i];
      if (!inA[site[i]] || t < from || t >= to) continue;
      if (j <= i) j = i + 1;
      while (j < b && (!inB[site[j]] || time[j] <= t)) j++;
      if (j >= b) break; // no B read after this one, nor after any later A read
      const dt = time[j] - t;
      if (dt <= T && time[j] < to) {
        rows.push({ vrm: store.vrms[v], aTime: t, aSite: sites.id[site[i]], bTime: time[j], bSite: sites.id[site[j]], minutes: dt / 60_000 });
      }
    }
  }
  return new QueryResult('aThenB', `Read at ${placeName(options.a)} then ${placeName(options.b)} within ${options.withinMinutes} min`, rows,
    { a: placeName(options.a), b: placeName(options.b), withinMinutes: options.withinMinutes, from: options.from ?? null, to: options.to ?? null },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'a_time', value: (r) => r.aTime, kind: 'time' },
      { name: 'a_site', value: (r) => r.aSite }, { name: 'b_time', value: (r) => r.bTime, kind: 'time' },
      { name: 'b_site', value: (r) => r.bSite }, { name: 'minutes', value: (r) => r.minutes },
    ], { store, areas: placeAreas(options.a, options.b), reveal: options.reveal, mapVehicles: 20 });
}
