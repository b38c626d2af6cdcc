/**
 * Look-alike plate linking: misreads swap characters that look alike (O/0, I/1, B/8, S/5,
 * Z/2). Two plates that differ only in such characters, and whose interleaved reads never
 * imply impossible travel (the same vehicle cannot be in two places at once), are linked;
 * the plate with fewer reads is usually the misread.
 */
import type { ReadStore } from './types';
import { storeFromColumns } from './store-from-columns';
import { siteDistanceKm } from '../core/haversine';
import { DoubleKeyTable } from './double-key-table';

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

/**
 * Can plate `v` join `group` (plates already shown to be one vehicle)? True when, with v's reads
 * interleaved among the group's (time order; on equal times the group's reads first), no hop
 * between v and a group plate is faster than `maxSpeed` km/h (with `tolH` hours of clock slack).
 *
 * The group's own hops were checked as it grew, so only the hops into and out of each run of
 * v's reads are new: each read of v finds its neighbours in each group plate by binary search,
 * so a one-read misread of a plate with thousands of reads costs a few comparisons.
 */
function fitsGroup(store: ReadStore, group: readonly number[], v: number, maxSpeed: number, tolH: number): boolean {
  const { time, site, sites, vehicleStart } = store;
  const a = vehicleStart[v], b = vehicleStart[v + 1];
  for (let j = a; j < b; j++) {
    const t = time[j];
    // Previous group read: the latest with time ≤ t (ties: the later plate in merge order);
    // next: the earliest with time > t (ties: the earlier plate).
    let prev = -1, next = -1;
    for (let g = 0; g < group.length; g++) {
      const lo = vehicleStart[group[g]], hi = vehicleStart[group[g] + 1];
      const u = upperBound(time, lo, hi, t);
      if (u > lo && (prev < 0 || time[u - 1] >= time[prev])) prev = u - 1;
      if (u < hi && (next < 0 || time[u] < time[next])) next = u;
    }
    // A hop prev → v's read exists when prev comes after v's previous read; v's read → next when
    // next comes before v's next read (group reads at an equal time come first).
    if (prev >= 0 && (j === a || time[prev] > time[j - 1]) && tooFast(sites, site[prev], site[j], t - time[prev], maxSpeed, tolH)) return false;
    if (next >= 0 && (j === b - 1 || time[next] <= time[j + 1]) && tooFast(sites, site[j], site[next], time[next] - t, maxSpeed, tolH)) return false;
  }
  return true;
}

function tooFast(sites: ReadStore['sites'], s1: number, s2: number, dtMs: number, maxSpeed: number, tolH: number): boolean {
  return siteDistanceKm(sites, s1, s2) / (dtMs / 3_600_000 + tolH) > maxSpeed;
}

/** First index in [lo, hi) whose time is > t (times ascending). */
function upperBound(time: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (time[mid] <= t) lo = mid + 1; else hi = mid; }
  return lo;
}

// Look-alike key as a number: characters 1..36 in base 37 (digits folded as in LOOKALIKE),
// exact for plates of up to 10 characters of A-Z0-9; -1 otherwise (use the string key).
// Also tells whether the plate has a look-alike character at all (else -2).
const FOLD = new Int8Array(128).fill(-1);
const HAS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) FOLD[c] = c - 64; // A..Z → 1..26
for (let d = 0; d <= 9; d++) FOLD[48 + d] = 27 + d; // 0..9 → 27..36
for (const [dig, letter] of Object.entries(LOOKALIKE)) FOLD[dig.charCodeAt(0)] = letter.charCodeAt(0) - 64;
for (const ch of '01258OIBSZ') HAS[ch.charCodeAt(0)] = 1;
function numericKey(vrm: string): number {
  let key = 0, has = 0;
  const n = vrm.length;
  for (let i = 0; i < n; i++) {
    const c = vrm.charCodeAt(i);
    if (c >= 128) return /[01258OIBSZ]/.test(vrm) ? -1 : -2;
    const f = FOLD[c];
    if (f < 0 || n > 10) return /[01258OIBSZ]/.test(vrm) ? -1 : -2;
    has |= HAS[c];
    key = key * 37 + f;
  }
  return has ? key : -2;
}

/**
 * Groups of look-alike plates that can be one vehicle, as vehicle codes of `store`: each group
 * is [major, ...members], groups in order of the major's VRM. See {@link findLookalikes}.
 *
 * @example
 * lookalikeCodeGroups(store) // [[0, 5]]: vehicle 5's plate is a look-alike of vehicle 0's
 */
export function lookalikeCodeGroups(store: ReadStore, options: LookalikeOptions = {}): readonly (readonly number[])[] {
  // A store never changes, so its groups are kept with it (per options) for the next search:
  // an analyst re-runs the finder on one store with other parameters many times.
  const o = { ...defaultLookalikeOptions, ...options };
  const key = lookalikeOptionsKey(options);
  const memo = memoOf(store);
  const given = memo.get(key);
  if (given && typeof given !== 'function') return given;
  // Given as a loader: read now, when first needed (computed when it gives null); or computed.
  const groups = (given && given()) ?? computeCodeGroups(store, o);
  memo.set(key, groups);
  return groups;
}

type CodeGroups = readonly (readonly number[])[];
const groupsMemo = new WeakMap<ReadStore, Map<string, CodeGroups | (() => CodeGroups | null)>>();

/** The store's groups by options key (made empty on first use). */
function memoOf(store: ReadStore): Map<string, CodeGroups | (() => CodeGroups | null)> {
  let memo = groupsMemo.get(store);
  if (!memo) groupsMemo.set(store, memo = new Map());
  return memo;
}

/**
 * The version of the look-alike grouping: bump it with any change to what
 * {@link lookalikeCodeGroups} returns, so that groups kept from an older version are not used.
 */
export const LOOKALIKE_VERSION = 1;

/**
 * The memo key of `options` (defaults filled in): groups kept under one key are the groups of
 * those options, so an outside copy of them (engines/kept-lookalikes.ts) is named by it.
 * @example lookalikeOptionsKey({}) // '{"maxSpeedKmh":200,"speedToleranceSeconds":30,"maxMinorRatio":0.5}'
 */
export function lookalikeOptionsKey(options: LookalikeOptions = {}): string {
  return JSON.stringify({ ...defaultLookalikeOptions, ...options });
}

/**
 * Whether the groups of `store` under `options` are already computed (or given) in this process.
 * @example hasLookalikeCodeGroups(store) // false before the first search on the store
 */
export function hasLookalikeCodeGroups(store: ReadStore, options: LookalikeOptions = {}): boolean {
  return groupsMemo.get(store)?.has(lookalikeOptionsKey(options)) ?? false;
}

/**
 * Give `store` its groups under `options`, computed earlier (e.g. by another process on the
 * same cached load), so that {@link lookalikeCodeGroups} returns them without computing.
 * The caller vouches that they are that store's groups under those options. `groups` may be a
 * loader, called when the groups are first needed (a search whose features are kept needs none;
 * decoding the 10M misread-heavy set's 131,891 groups took 0.08-0.15 s); when it gives null, the
 * groups are computed.
 * @example giveLookalikeCodeGroups(store, {}, [[0, 5]]); lookalikeCodeGroups(store) // [[0, 5]]
 */
export function giveLookalikeCodeGroups(store: ReadStore, options: LookalikeOptions, groups: CodeGroups | (() => CodeGroups | null)): void {
  memoOf(store).set(lookalikeOptionsKey(options), groups);
}

/**
 * Groups as bytes (little-endian Uint32: count, the groups' starts, then every code), and back;
 * `decodeCodeGroups` gives null for bytes that are not such groups of a store of `vehicles` plates.
 * @example decodeCodeGroups(encodeCodeGroups([[0, 5]]), 6) // [[0, 5]]
 */
export function encodeCodeGroups(groups: readonly (readonly number[])[]): Uint8Array {
  const total = groups.reduce((n, g) => n + g.length, 0);
  const out = new Uint32Array(2 + groups.length + total);
  out[0] = groups.length;
  let o = 2 + groups.length;
  groups.forEach((g, i) => { out[1 + i] = o; for (const v of g) out[o++] = v; });
  out[1 + groups.length] = o;
  return new Uint8Array(out.buffer);
}

/**
 * Whether `bytes` are framed as {@link encodeCodeGroups} frames groups (length, count, last
 * start): a cheap check before decoding them later; `decodeCodeGroups` checks every code.
 * @example codeGroupsFramed(encodeCodeGroups([[0, 5]])) // true
 */
export function codeGroupsFramed(bytes: Uint8Array): boolean {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < 8) return false;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), words = bytes.byteLength / 4;
  const n = view.getUint32(0, true);
  return words >= 2 + n && view.getUint32(4 * (1 + n), true) === words;
}

/** See {@link encodeCodeGroups}. */
export function decodeCodeGroups(bytes: Uint8Array, vehicles: number): number[][] | null {
  if (!codeGroupsFramed(bytes)) return null;
  const u = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const n = u[0];
  const groups: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = u[1 + i], b = u[2 + i];
    if (a < 2 + n || b < a + 2 || b > u.length) return null;
    // An indexed copy: Array.from over a subarray (an iterator per group) took 0.13 s for the
    // 10M misread-heavy set's groups, a tenth of a cached re-run.
    const g = new Array<number>(b - a);
    for (let k = a; k < b; k++) { const v = u[k]; if (v >= vehicles) return null; g[k - a] = v; }
    groups.push(g);
  }
  return groups;
}

function computeCodeGroups(store: ReadStore, o: Required<LookalikeOptions>): number[][] {
  const tolH = Math.max(0, o.speedToleranceSeconds) / 3600;
  // Numeric keys of all plates; a typed sort finds the keys held by two or more plates, and
  // only those plates go into a Map (most keys have one plate). Odd plates use string keys.
  const nv = store.vrms.length;
  const keys = new Float64Array(nv);
  const byStr = new Map<string, number | number[]>();
  const addStr = (k: string, v: number) => {
    const g = byStr.get(k);
    if (g === undefined) byStr.set(k, v);
    else if (typeof g === 'number') byStr.set(k, [g, v]);
    else g.push(v);
  };
  for (let v = 0; v < nv; v++) {
    const vrm = store.vrms[v];
    const nk = numericKey(vrm);
    keys[v] = nk;
    if (nk === -1) addStr(lookalikeKey(vrm), v);
  }
  // Keys held by two or more plates: each numeric key numbered through a hash table (no sort),
  // plates counted per key number, then each shared key gets a group number.
  const table = new DoubleKeyTable(nv);
  const keyNo = new Int32Array(nv).fill(-1);
  for (let v = 0; v < nv; v++) if (keys[v] >= 0) keyNo[v] = table.getOrSet(keys[v], table.size);
  // Per key number: plates (as -count), then the group number (>= 0) of a shared key.
  const perSlot = new Int32Array(table.size);
  for (let v = 0; v < nv; v++) if (keyNo[v] >= 0) perSlot[keyNo[v]]--;
  let nShared = 0;
  const groupOf = new Int32Array(nv).fill(-1);
  for (let v = 0; v < nv; v++) {
    const sl = keyNo[v];
    if (sl < 0 || perSlot[sl] === -1) continue;
    if (perSlot[sl] < 0) perSlot[sl] = nShared++;
    groupOf[v] = perSlot[sl];
  }
  const groupStart = new Uint32Array(nShared + 1);
  for (let v = 0; v < nv; v++) if (groupOf[v] >= 0) groupStart[groupOf[v] + 1]++;
  for (let g = 0; g < nShared; g++) groupStart[g + 1] += groupStart[g];
  const grouped = new Uint32Array(groupStart[nShared]);
  const fill = groupStart.slice(0, nShared);
  for (let v = 0; v < nv; v++) if (groupOf[v] >= 0) grouped[fill[groupOf[v]]++] = v;
  const count = (v: number) => store.vehicleStart[v + 1] - store.vehicleStart[v];
  const out: number[][] = [];
  const split = (vs: number[]) => {
    vs.sort((x, y) => count(y) - count(x) || (store.vrms[x] < store.vrms[y] ? -1 : 1));
    const groups: number[][] = [];
    for (const v of vs) {
      let placed = false;
      for (const g of groups) {
        if (count(v) <= o.maxMinorRatio * count(g[0])
          && fitsGroup(store, g, v, o.maxSpeedKmh, tolH)) { g.push(v); placed = true; break; }
      }
      if (!placed) groups.push([v]);
    }
    for (const g of groups) if (g.length >= 2) out.push(g);
  };
  for (let g = 0; g < nShared; g++) {
    const a0 = groupStart[g], a1 = groupStart[g + 1];
    if (a1 - a0 === 2) {
      // Two plates share the key (the common case: a plate and one misread): no arrays unless linked.
      let x = grouped[a0], y = grouped[a0 + 1];
      if (count(y) > count(x) || (count(y) === count(x) && store.vrms[y] < store.vrms[x])) { const t = x; x = y; y = t; }
      if (count(y) <= o.maxMinorRatio * count(x) && fitsGroup(store, [x], y, o.maxSpeedKmh, tolH)) out.push([x, y]);
    } else {
      split(Array.from(grouped.subarray(a0, a1)));
    }
  }
  for (const vs of byStr.values()) if (typeof vs !== 'number') split(vs);
  // By major VRM: code order when the store's plates are sorted (as storeFromColumns makes them),
  // placed by major code (a plate leads at most one group) rather than sorted.
  let sortedVrms = true;
  for (let v = 1; v < nv && sortedVrms; v++) sortedVrms = store.vrms[v - 1] < store.vrms[v];
  if (sortedVrms) {
    const at = new Int32Array(nv).fill(-1);
    out.forEach((g, i) => { at[g[0]] = i; });
    const ordered: number[][] = [];
    for (let v = 0; v < nv; v++) if (at[v] >= 0) ordered.push(out[at[v]]);
    return ordered;
  }
  const vrm = (g: number[]) => store.vrms[g[0]];
  return out.sort((x, y) => (vrm(x) < vrm(y) ? -1 : vrm(x) > vrm(y) ? 1 : 0));
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
  return lookalikeGroupsOf(store, lookalikeCodeGroups(store, options));
}

/**
 * Code groups (from {@link lookalikeCodeGroups}) as named groups.
 *
 * @example
 * lookalikeGroupsOf(store, [[0, 5]]) // [{ vrm: 'AB12CDE', reads: 40, members: [{ vrm: 'A812CDE', reads: 2 }] }]
 */
export function lookalikeGroupsOf(store: ReadStore, codeGroups: readonly (readonly number[])[]): LookalikeGroup[] {
  const count = (v: number) => store.vehicleStart[v + 1] - store.vehicleStart[v];
  return codeGroups.map((g) => ({ vrm: store.vrms[g[0]], reads: count(g[0]), members: g.slice(1).map((v) => ({ vrm: store.vrms[v], reads: count(v) })) }));
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
