/** Frequency / loitering: vehicles read N or more times within T at a place. */
import type { ReadStore } from '../reads/types';
import { placeAreas, placeMask, placeName, QueryResult, toMs, type Place, type TimeInput } from './result';
import { consult, queryAudit } from '../privacy/guard';

/** One loitering vehicle: its busiest T-window at the place. */
export interface FrequencyRow {
  vrm: string;
  /** Most reads at the place within any window of `withinMinutes`. */
  maxReads: number;
  /** First and last read of that busiest window, epoch ms UTC. */
  windowStart: number;
  windowEnd: number;
  /** Windows (non-overlapping, greedy in time order) with at least `minReads` reads. */
  episodes: number;
  /** All its reads at the place (in [from, to)). */
  readsAtPlace: number;
}

/** Options of {@link frequency}. */
export interface FrequencyOptions {
  /** The place: an Area or site ids (or give `sites`). */
  area?: Place;
  sites?: readonly string[];
  /** Reads needed within the window. */
  minReads: number;
  withinMinutes: number;
  from?: TimeInput;
  to?: TimeInput;
  reveal?: boolean;
}

/**
 * Vehicles read at least `minReads` times within `withinMinutes` at the place (Genetec's
 * Frequency Monitor): per vehicle a sliding window over its time-sorted reads at the place.
 * Sorted by maxReads, then episodes, then VRM.
 *
 * @example
 * const r = frequency(store, { area: rhyl, minReads: 4, withinMinutes: 60 });
 * r.rows[0] // { vrm: 'AB12CDE', maxReads: 6, windowStart: …, windowEnd: …, episodes: 2, readsAtPlace: 9 }
 */
export function frequency(store: ReadStore, options: FrequencyOptions): QueryResult<FrequencyRow> {
  return consult('find frequency', store, () => frequencyQuery(store, options), queryAudit);
}

/**
 * `frequency` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example frequencyQuery(store, options)
 */
export function frequencyQuery(store: ReadStore, options: FrequencyOptions): QueryResult<FrequencyRow> {
  const place = options.area ?? options.sites;
  if (!place) throw new RangeError('frequency needs { area } or { sites }.');
  if (!(options.minReads >= 1) || !(options.withinMinutes > 0)) {
    throw new RangeError(`frequency: minReads must be >= 1 and withinMinutes > 0; got ${options.minReads} and ${options.withinMinutes}.`);
  }
  const mask = placeMask(store, place, 'area');
  const from = toMs(options.from, 'from') ?? -Infinity, to = toMs(options.to, 'to') ?? Infinity;
  const T = options.withinMinutes * 60_000, N = options.minReads;
  const { time, site, vehicleStart } = store;
  const rows: FrequencyRow[] = [];
  const ts: number[] = [];
  for (let v = 0; v < store.vrms.length; v++) {
    ts.length = 0;
    for (let i = vehicleStart[v]; i < vehicleStart[v + 1]; i++) if (mask[site[i]] && time[i] >= from && time[i] < to) ts.push(time[i]);
    if (ts.length < N) continue;
    let best = 0, bs = 0, be = 0, episodes = 0, nextFree = 0;
    for (let lo = 0, hi = 0; hi < ts.length; hi++) {
      while (ts[hi] - ts[lo] > T) lo++;
      const c = hi - lo + 1;
      if (c > best) { best = c; bs = lo; be = hi; }
      if (c >= N && lo >= nextFree) { episodes++; nextFree = hi + 1; }
    }
    if (best >= N) rows.push({ vrm: store.vrms[v], maxReads: best, windowStart: ts[bs], windowEnd: ts[be], episodes, readsAtPlace: ts.length });
  }
  rows.sort((a, b) => b.maxReads - a.maxReads || b.episodes - a.episodes || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0));
  return new QueryResult('frequency', `${N}+ reads within ${options.withinMinutes} min at ${placeName(place)}`, rows,
    { place: placeName(place), minReads: N, withinMinutes: options.withinMinutes, from: options.from ?? null, to: options.to ?? null },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'max_reads', value: (r) => r.maxReads },
      { name: 'window_start', value: (r) => r.windowStart, kind: 'time' }, { name: 'window_end', value: (r) => r.windowEnd, kind: 'time' },
      { name: 'episodes', value: (r) => r.episodes }, { name: 'reads_at_place', value: (r) => r.readsAtPlace },
    ], { store, areas: placeAreas(place), reveal: options.reveal, mapVehicles: 20 });
}
