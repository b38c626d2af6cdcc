/** Cloned plates: impossible travel between consecutive reads of one plate. */
import type { ReadStore } from '../reads/types';
import { siteDistanceKm } from '../core/haversine';
import { QueryResult, toMs, type TimeInput } from './result';
import { consult, queryAudit } from '../privacy/guard';

/** One impossible hop, with both reads as evidence. */
export interface CloneRow {
  vrm: string;
  firstTime: number;
  firstSite: string;
  secondTime: number;
  secondSite: string;
  km: number;
  minutes: number;
  /** Implied straight-line speed (km/h; Infinity for two sites read at the same instant). */
  kmh: number;
}

/** Options of {@link clones}. */
export interface ClonesOptions {
  /** Flag hops faster than this straight-line speed. Default 250 km/h. */
  maxSpeedKmh?: number;
  /** Hops shorter than this (km) are never flagged: camera positions and clocks are not exact. Default 5. */
  minKm?: number;
  /** Seconds of clock slack added to each time difference. Default 30. */
  toleranceSeconds?: number;
  from?: TimeInput;
  to?: TimeInput;
  /** Only these plates (e.g. for a profile). */
  vrms?: readonly string[];
  reveal?: boolean;
}

/**
 * The defaults of {@link ClonesOptions}.
 * @example clones(store, { ...defaultClonesOptions, maxSpeedKmh: 200 })
 */
export const defaultClonesOptions = { maxSpeedKmh: 250, minKm: 5, toleranceSeconds: 30 };

/**
 * Consecutive reads of a plate whose straight-line speed (haversine between the sites over
 * the time between the reads plus `toleranceSeconds`) exceeds `maxSpeedKmh`: two vehicles on
 * one plate (a clone), or a misread. Each row is the pair of reads. Sorted by plate, then time.
 *
 * @example
 * const r = clones(store, { maxSpeedKmh: 250 });
 * r.rows[0] // { vrm: 'AB12CDE', firstSite: 'S0001', secondSite: 'S0412', km: 61.2, minutes: 4, kmh: 918 }
 */
export function clones(store: ReadStore, options: ClonesOptions = {}): QueryResult<CloneRow> {
  return consult('find clones', store, () => clonesQuery(store, options), queryAudit);
}

/**
 * `clones` itself, ungated: for searches made inside another (its verb, above, is the gated one).
 * @example clonesQuery(store, options)
 */
export function clonesQuery(store: ReadStore, options: ClonesOptions = {}): QueryResult<CloneRow> {
  const o = { ...defaultClonesOptions, ...options };
  const from = toMs(o.from, 'from') ?? -Infinity, to = toMs(o.to, 'to') ?? Infinity;
  const { time, site, sites, vehicleStart } = store;
  const rows: CloneRow[] = [];
  const codes = o.vrms ? o.vrms.map((x) => store.vrms.indexOf(x)).filter((v) => v >= 0) : null;
  const nv = codes ? codes.length : store.vrms.length;
  for (let k = 0; k < nv; k++) {
    const v = codes ? codes[k] : k;
    for (let i = vehicleStart[v]; i + 1 < vehicleStart[v + 1]; i++) {
      if (time[i] < from || time[i + 1] >= to || site[i] === site[i + 1]) continue;
      const km = siteDistanceKm(sites, site[i], site[i + 1]);
      if (km < o.minKm) continue;
      const dtH = (time[i + 1] - time[i]) / 3_600_000;
      if (km / (dtH + o.toleranceSeconds / 3600) <= o.maxSpeedKmh) continue;
      rows.push({
        vrm: store.vrms[v], firstTime: time[i], firstSite: sites.id[site[i]], secondTime: time[i + 1], secondSite: sites.id[site[i + 1]],
        km, minutes: dtH * 60, kmh: dtH > 0 ? km / dtH : Infinity,
      });
    }
  }
  return new QueryResult('clones', `Impossible travel (faster than ${o.maxSpeedKmh} km/h)`, rows,
    { maxSpeedKmh: o.maxSpeedKmh, minKm: o.minKm, toleranceSeconds: o.toleranceSeconds, from: o.from ?? null, to: o.to ?? null },
    [
      { name: 'vrm', value: (r) => r.vrm, kind: 'vrm' }, { name: 'first_time', value: (r) => r.firstTime, kind: 'time' },
      { name: 'first_site', value: (r) => r.firstSite }, { name: 'second_time', value: (r) => r.secondTime, kind: 'time' },
      { name: 'second_site', value: (r) => r.secondSite }, { name: 'km', value: (r) => r.km },
      { name: 'minutes', value: (r) => r.minutes }, { name: 'kmh', value: (r) => (Number.isFinite(r.kmh) ? r.kmh : null) },
    ], { store, reveal: o.reveal, mapVehicles: 10 });
}
