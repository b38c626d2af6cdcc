/**
 * The county-lines finder's working store: look-alike plates merged, the time window applied,
 * and only the vehicles that can be candidates kept — in one pass over the reads, without
 * rebuilding (re-sorting) the whole store.
 *
 * Most vehicles are never read in both the hub and a market, so trips, stays, bases, tours
 * and features need not be computed for them. Every step after this one works per vehicle,
 * so running it on the sub-store gives exactly what it gives on the full merged store for the
 * vehicles kept. Reads of a merged vehicle are ordered as `storeFromColumns` orders them
 * (time, then site, then position in the input store), so the result is read-for-read the
 * store `mergeLookalikes` + time slicing would give, restricted to the kept vehicles.
 */
import type { ReadStore } from '../reads/types';

/** What {@link candidateSubstore} returns. */
export interface CandidateSubstore {
  /** Merged, windowed reads of the kept vehicles only (vehicle codes in the input's order). */
  store: ReadStore;
  /** Vehicle code in the input store of each kept vehicle (its major plate's). */
  origin: Uint32Array;
  /** Reads in the window, over all vehicles (the merged store's `n`). */
  reads: number;
  /** Vehicles (after merging) with at least one read in the window (the merged store's vehicle count). */
  vehicles: number;
  /** Reads per site in the window, over all vehicles. */
  siteReads: Float64Array;
  /** First and last read time in the window, over all vehicles (Infinity / -Infinity when none). */
  firstTime: number;
  lastTime: number;
}

/**
 * Merge look-alike `groups` (vehicle codes [major, ...members], as from `lookalikeCodeGroups`:
 * each member's reads become the major plate's), keep reads in
 * [from, to), and keep the vehicles whose windowed reads touch every bit of `need` in
 * `siteMask` (a bit mask per site code, e.g. 1 = hub, 2 = market; need 3 = read in both).
 * `store.vrms` must be in sorted order for the result's to be (stores from `storeFromColumns` are).
 *
 * @example
 * const mask = Uint8Array.from(siteArea, (a) => (a === 0 ? 1 : a > 0 ? 2 : 0));
 * const sub = candidateSubstore(store, lookalikeCodeGroups(store), mask, 3);
 * sub.store.vrms // only vehicles read in the hub and in a market, look-alikes merged
 */
export function candidateSubstore(
  store: ReadStore, groups: readonly (readonly number[])[], siteMask: Uint8Array, need: number,
  from = -Infinity, to = Infinity,
): CandidateSubstore {
  const { time, site, vehicleStart, vrms } = store;
  const nv = vrms.length;
  const windowed = from > -Infinity || to < Infinity;

  // 1. Representative (major plate) per vehicle, and member lists per major (CSR).
  const rep = new Int32Array(nv);
  for (let v = 0; v < nv; v++) rep[v] = v;
  const memberStart = new Uint32Array(nv + 1);
  let members = new Uint32Array(0);
  if (groups.length > 0) {
    for (const g of groups) for (let j = 1; j < g.length; j++) { rep[g[j]] = g[0]; memberStart[g[0] + 1]++; }
    for (let v = 0; v < nv; v++) memberStart[v + 1] += memberStart[v];
    members = new Uint32Array(memberStart[nv]);
    const fill = memberStart.slice(0, nv);
    for (let v = 0; v < nv; v++) if (rep[v] !== v) members[fill[rep[v]]++] = v;
  }

  // 2. One pass over the reads: window, site mask and read count per representative.
  const flags = new Uint8Array(nv);
  const count = new Uint32Array(nv);
  const siteReads = new Float64Array(store.sites.id.length);
  let reads = 0, firstTime = Infinity, lastTime = -Infinity;
  for (let v = 0; v < nv; v++) {
    const r = rep[v];
    let f = flags[r], c = 0;
    for (let i = vehicleStart[v], b = vehicleStart[v + 1]; i < b; i++) {
      const t = time[i];
      if (windowed && !(t >= from && t < to)) continue;
      const s = site[i];
      f |= siteMask[s];
      siteReads[s]++;
      if (t < firstTime) firstTime = t;
      if (t > lastTime) lastTime = t;
      c++;
    }
    flags[r] = f; count[r] += c; reads += c;
  }

  // 3. Kept representatives, in code order; their merged, windowed reads.
  let vehicles = 0, kept = 0, m = 0;
  for (let v = 0; v < nv; v++) {
    if (rep[v] !== v || count[v] === 0) continue;
    vehicles++;
    if ((flags[v] & need) === need) { kept++; m += count[v]; }
  }
  const out: ReadStore = {
    n: m, vehicle: new Uint32Array(m), time: new Float64Array(m), site: new Uint32Array(m),
    confidence: new Uint8Array(m), vrms: new Array<string>(kept), vehicleStart: new Uint32Array(kept + 1), sites: store.sites,
  };
  const origin = new Uint32Array(kept);
  let k = 0, o = 0;
  const scratch: number[] = [];
  for (let v = 0; v < nv; v++) {
    if (rep[v] !== v || count[v] === 0 || (flags[v] & need) !== need) continue;
    out.vrms[k] = vrms[v];
    origin[k] = v;
    out.vehicleStart[k] = o;
    if (memberStart[v + 1] === memberStart[v]) {
      o = copyRange(store, out, vehicleStart[v], vehicleStart[v + 1], o, windowed, from, to);
    } else {
      // A merged vehicle: its plates' reads interleaved by (time, site, input position).
      scratch.length = 0;
      collect(store, vehicleStart[v], vehicleStart[v + 1], scratch, windowed, from, to);
      for (let j = memberStart[v]; j < memberStart[v + 1]; j++) {
        const mv = members[j];
        collect(store, vehicleStart[mv], vehicleStart[mv + 1], scratch, windowed, from, to);
      }
      scratch.sort((x, y) => time[x] - time[y] || site[x] - site[y] || x - y);
      for (const i of scratch) {
        out.time[o] = time[i]; out.site[o] = site[i]; out.confidence[o] = store.confidence[i]; o++;
      }
    }
    out.vehicle.fill(k, out.vehicleStart[k], o);
    k++;
  }
  out.vehicleStart[kept] = o;
  return { store: out, origin, reads, vehicles, siteReads, firstTime, lastTime };
}

function copyRange(src: ReadStore, dst: ReadStore, a: number, b: number, o: number, windowed: boolean, from: number, to: number): number {
  if (!windowed) {
    dst.time.set(src.time.subarray(a, b), o);
    dst.site.set(src.site.subarray(a, b), o);
    dst.confidence.set(src.confidence.subarray(a, b), o);
    return o + (b - a);
  }
  for (let i = a; i < b; i++) {
    const t = src.time[i];
    if (!(t >= from && t < to)) continue;
    dst.time[o] = t; dst.site[o] = src.site[i]; dst.confidence[o] = src.confidence[i]; o++;
  }
  return o;
}

function collect(src: ReadStore, a: number, b: number, into: number[], windowed: boolean, from: number, to: number): void {
  for (let i = a; i < b; i++) if (!windowed || (src.time[i] >= from && src.time[i] < to)) into.push(i);
}
