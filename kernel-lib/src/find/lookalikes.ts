/**
 * Look-alike plate linking: misreads swap characters that look alike (O/0, I/1, B/8, S/5,
 * Z/2). Two plates that differ only in such characters, and whose interleaved reads never
 * imply impossible travel (the same vehicle cannot be in two places at once), are linked;
 * the plate with fewer reads is usually the misread.
 */
import type { ReadStore } from '../reads/types';
import { storeFromColumns } from '../reads/store-from-columns';
import { siteDistanceKm } from '../trips/haversine';

/** Options of {@link findLookalikes}. */
export interface LookalikeOptions {
  /** Interleaved reads faster than this (km/h, straight line) are impossible travel. Default 200. */
  maxSpeedKmh?: number;
  /** Clock slack (s) added to each time difference. Default 30. */
  speedToleranceSeconds?: number;
  /** Link a minor plate only if it has at most this share of the major plate's reads. Default 0.5. */
  maxMinorRatio?: number;
}

/** The defaults of {@link LookalikeOptions}. */
export const defaultLookalikeOptions: Required<LookalikeOptions> = { maxSpeedKmh: 200, speedToleranceSeconds: 30, maxMinorRatio: 0.5 };

/** A linked group: the major plate and the look-alike plates to merge into it. */
export interface LookalikeGroup {
  vrm: string;
  reads: number;
  members: { vrm: string; reads: number }[];
}

const LOOKALIKE: Record<string, string> = { '0': 'O', '1': 'I', '8': 'B', '5': 'S', '2': 'Z' };

/**
 * The canonical form of a plate under look-alike characters (digits folded to letters).
 *
 * @example
 * lookalikeKey('AB12CDE') === lookalikeKey('A812CDE') // true ('ABIZCDE')
 */
export function lookalikeKey(vrm: string): string {
  let out = '';
  for (const ch of vrm) out += LOOKALIKE[ch] ?? ch;
  return out;
}

function compatible(store: ReadStore, vehicles: readonly number[], maxSpeed: number, tolH: number): boolean {
  // Merge the vehicles' time-sorted ranges and test every hop between different plates.
  const ptr = vehicles.map((v) => store.vehicleStart[v]);
  const end = vehicles.map((v) => store.vehicleStart[v + 1]);
  let prevI = -1, prevV = -1;
  for (;;) {
    let k = -1;
    for (let j = 0; j < vehicles.length; j++) {
      if (ptr[j] < end[j] && (k < 0 || store.time[ptr[j]] < store.time[ptr[k]])) k = j;
    }
    if (k < 0) return true;
    const i = ptr[k]++;
    if (prevI >= 0 && prevV !== k) {
      const d = siteDistanceKm(store.sites, store.site[prevI], store.site[i]);
      const h = (store.time[i] - store.time[prevI]) / 3_600_000 + tolH;
      if (d / h > maxSpeed) return false;
    }
    prevI = i; prevV = k;
  }
}

/**
 * Groups of look-alike plates that can be one vehicle. In each group of plates with the same
 * look-alike key, plates are taken in decreasing read count; each joins the first group
 * (led by a bigger plate) with which it shows no impossible travel, subject to `maxMinorRatio`.
 * Only groups with at least one member are returned, sorted by major VRM.
 *
 * @example
 * findLookalikes(store) // [{ vrm: 'AB12CDE', reads: 40, members: [{ vrm: 'A812CDE', reads: 2 }] }]
 */
export function findLookalikes(store: ReadStore, options: LookalikeOptions = {}): LookalikeGroup[] {
  const o = { ...defaultLookalikeOptions, ...options };
  const tolH = Math.max(0, o.speedToleranceSeconds) / 3600;
  const byKey = new Map<string, number[]>();
  for (let v = 0; v < store.vrms.length; v++) {
    const vrm = store.vrms[v];
    if (!/[01258OIBSZ]/.test(vrm)) continue;
    const k = lookalikeKey(vrm);
    const g = byKey.get(k); if (g) g.push(v); else byKey.set(k, [v]);
  }
  const count = (v: number) => store.vehicleStart[v + 1] - store.vehicleStart[v];
  const out: LookalikeGroup[] = [];
  for (const vs of byKey.values()) {
    if (vs.length < 2) continue;
    vs.sort((x, y) => count(y) - count(x) || (store.vrms[x] < store.vrms[y] ? -1 : 1));
    const groups: number[][] = [];
    for (const v of vs) {
      let placed = false;
      for (const g of groups) {
        if (count(v) <= o.maxMinorRatio * count(g[0]) && compatible(store, [...g, v], o.maxSpeedKmh, tolH)) { g.push(v); placed = true; break; }
      }
      if (!placed) groups.push([v]);
    }
    for (const g of groups) {
      if (g.length < 2) continue;
      out.push({ vrm: store.vrms[g[0]], reads: count(g[0]), members: g.slice(1).map((v) => ({ vrm: store.vrms[v], reads: count(v) })) });
    }
  }
  return out.sort((x, y) => (x.vrm < y.vrm ? -1 : x.vrm > y.vrm ? 1 : 0));
}

/**
 * A new store in which each group's member plates' reads are relabelled as the major plate.
 *
 * @example
 * const merged = mergeLookalikes(store, findLookalikes(store));
 * merged.vrms.includes('A812CDE') // false
 */
export function mergeLookalikes(store: ReadStore, groups: readonly LookalikeGroup[]): ReadStore {
  if (groups.length === 0) return store;
  const rename = new Map<string, string>();
  for (const g of groups) for (const m of g.members) rename.set(m.vrm, g.vrm);
  const vrms = store.vrms.map((v) => rename.get(v) ?? v);
  return storeFromColumns({ vrms, vehicle: store.vehicle, time: store.time, site: store.site, confidence: store.confidence }, store.sites);
}
