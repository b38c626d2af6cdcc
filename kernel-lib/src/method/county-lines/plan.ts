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
 *
 * Two steps: {@link candidatePlan} (the pass over every read: which vehicles are kept) and
 * {@link gatherReads} (the kept vehicles' reads, for any run of them: the finder gathers a
 * few hundred vehicles at a time into one reused buffer, so the working set stays in cache).
 * {@link candidateSubstore} is both at once.
 */
import type { ReadStore } from '../../reads/types';

/** What {@link candidatePlan} returns: the kept vehicles, and counts over all vehicles. */
export interface CandidatePlan {
  /** Vehicle code in the input store of each kept vehicle (its major plate's), ascending. */
  origin: Uint32Array;
  /** Merged, windowed reads of each kept vehicle. */
  keptReads: Uint32Array;
  /** Reads in the window, over all vehicles (the merged store's `n`). */
  reads: number;
  /** Vehicles (after merging) with at least one read in the window (the merged store's vehicle count). */
  vehicles: number;
  /** Reads per site in the window, over all vehicles. */
  siteReads: Float64Array;
  /** First and last read time in the window, over all vehicles (Infinity / -Infinity when none). */
  firstTime: number;
  lastTime: number;
  /** Look-alike members of each major plate (CSR over vehicle codes) and the window, for gathering. */
  memberStart: Uint32Array;
  members: Uint32Array;
  from: number;
  to: number;
}

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
 * The coarse loop test of {@link candidateSubstore}: keep a vehicle only when two consecutive
 * reads in `hubBit` sites, at most `maxGapMs` apart, have a read in a `marketBit` site between
 * them — a hub → market → hub loop (a superset of the finder's loops, which also need a stop).
 * With `censorAt` (the data's last read), a market read after the last hub read, at most
 * `maxGapMs` before `censorAt`, is a loop too: one the data's end cut before the return; and,
 * with `openMaxSpanMs`, when the reads span at most that, however long before it (open loops),
 * and a market read before the first hub read (open starts: a plate that appeared away).
 */
export interface LoopFilter { hubBit: number; marketBit: number; maxGapMs: number; censorAt?: number; openMaxSpanMs?: number }

/**
 * Merge look-alike `groups` (vehicle codes [major, ...members], as from `lookalikeCodeGroups`:
 * each member's reads become the major plate's), keep reads in
 * [from, to), and keep the vehicles whose windowed reads touch every bit of `need` in
 * `siteMask` (a bit mask per site code, e.g. 1 = hub, 2 = market; need 3 = read in both).
 * `store.vrms` must be in sorted order for the result's to be (stores from `storeFromColumns` are).
 * With `loops`, vehicles without a coarse hub → market → hub loop are dropped too (merged
 * vehicles are always kept: their reads interleave, and the finder checks their loops exactly).
 *
 * @example
 * const mask = Uint8Array.from(siteArea, (a) => (a === 0 ? 1 : a > 0 ? 2 : 0));
 * const sub = candidateSubstore(store, lookalikeCodeGroups(store), mask, 3);
 * sub.store.vrms // only vehicles read in the hub and in a market, look-alikes merged
 */
export function candidateSubstore(
  store: ReadStore, groups: readonly (readonly number[])[], siteMask: Uint8Array, need: number,
  from = -Infinity, to = Infinity, loops?: LoopFilter,
): CandidateSubstore {
  const plan = candidatePlan(store, groups, siteMask, need, from, to, loops);
  const { store: out } = gatherReads(store, plan, 0, plan.origin.length);
  const { origin, reads, vehicles, siteReads, firstTime, lastTime } = plan;
  return { store: out, origin, reads, vehicles, siteReads, firstTime, lastTime };
}

/**
 * The pass of {@link candidateSubstore} without the copy: which vehicles are kept, with their
 * read counts, and the counts over all vehicles.
 *
 * @example
 * const plan = candidatePlan(store, lookalikeCodeGroups(store), mask, 3);
 * gatherReads(store, plan, 0, 100).store // the first 100 kept vehicles' reads
 */
export function candidatePlan(
  store: ReadStore, groups: readonly (readonly number[])[], siteMask: Uint8Array, need: number,
  from = -Infinity, to = Infinity, loops?: LoopFilter,
): CandidatePlan {
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

  // 2. One pass over the reads: window, site mask, read count and coarse loop per representative.
  const flags = new Uint8Array(nv);
  const count = new Uint32Array(nv);
  const looped = new Uint8Array(nv);
  const siteCount = new Uint32Array(store.sites.id.length);
  let reads = 0, firstTime = Infinity, lastTime = -Infinity;
  for (let v = 0; v < nv; v++) {
    const r = rep[v];
    const merged = r !== v || memberStart[v + 1] > memberStart[v];
    const a = vehicleStart[v], b = vehicleStart[v + 1];
    let f = 0, c = 0;
    if (!windowed) {
      for (let i = a; i < b; i++) { const s = site[i]; f |= siteMask[s]; siteCount[s]++; }
      c = b - a;
    } else {
      for (let i = a; i < b; i++) {
        const t = time[i];
        if (!(t >= from && t < to)) continue;
        const s = site[i];
        f |= siteMask[s]; siteCount[s]++; c++;
      }
    }
    // The coarse loop test, only for a plain vehicle read where it could loop (merged ones: 2b).
    let loop = loops === undefined || merged;
    if (!loop && (f & need) === need) loop = hasLoop(time, site, siteMask, null, a, b, windowed, from, to, loops as LoopFilter);
    if (c > 0) {
      // Reads are time-sorted per vehicle: the first and last in the window bound its times.
      if (windowed) {
        for (let i = a; i < b; i++) { const t = time[i]; if (t >= from && t < to) { if (t < firstTime) firstTime = t; break; } }
        for (let i = b - 1; i >= a; i--) { const t = time[i]; if (t >= from && t < to) { if (t > lastTime) lastTime = t; break; } }
      } else {
        if (time[a] < firstTime) firstTime = time[a];
        if (time[b - 1] > lastTime) lastTime = time[b - 1];
      }
    }
    flags[r] |= f; count[r] += c; reads += c;
    if (loop) looped[r] = 1;
  }
  const siteReads = Float64Array.from(siteCount);

  // 2b. Merged vehicles: their plates' reads interleaved (a k-way merge of time-sorted ranges),
  //     then the same loop test on the merged sequence.
  if (loops !== undefined) {
    for (let v = 0; v < nv; v++) {
      if (rep[v] !== v || memberStart[v + 1] === memberStart[v] || count[v] === 0 || (flags[v] & need) !== need) continue;
      const buf = scratchFor(count[v]);
      const n = mergeRanges(store, v, members.subarray(memberStart[v], memberStart[v + 1]), buf, windowed, from, to);
      looped[v] = hasLoop(time, site, siteMask, buf, 0, n, false, from, to, loops) ? 1 : 0; // merged reads are windowed already
    }
  }

  // 3. Kept representatives, in code order.
  let vehicles = 0, kept = 0;
  for (let v = 0; v < nv; v++) {
    if (rep[v] !== v || count[v] === 0) continue;
    vehicles++;
    if ((flags[v] & need) === need && looped[v] === 1) kept++;
  }
  const origin = new Uint32Array(kept), keptReads = new Uint32Array(kept);
  for (let v = 0, k = 0; v < nv; v++) {
    if (rep[v] !== v || count[v] === 0 || (flags[v] & need) !== need || looped[v] !== 1) continue;
    origin[k] = v; keptReads[k] = count[v]; k++;
  }
  return { origin, keptReads, reads, vehicles, siteReads, firstTime, lastTime, memberStart, members, from, to };
}

/**
 * The merged, windowed reads of kept vehicles [k0, k1) of `plan` as a store (vehicle codes
 * 0..k1-k0-1; `origin` gives each one's code in the input store). With `reuse`, the store's
 * columns are views on that buffer when it is large enough (the previous result is then overwritten).
 *
 * @example
 * const { store: chunk, origin } = gatherReads(store, plan, 0, 256);
 */
export function gatherReads(store: ReadStore, plan: CandidatePlan, k0: number, k1: number, reuse?: ReadBuffer): { store: ReadStore; origin: Uint32Array } {
  const { time, site, confidence, vehicleStart, vrms } = store;
  const { memberStart, members, from, to } = plan;
  const windowed = from > -Infinity || to < Infinity;
  let m = 0;
  for (let k = k0; k < k1; k++) m += plan.keptReads[k];
  const nk = k1 - k0;
  const buf = reuse && reuse.time.length >= m ? reuse : newReadBuffer(m);
  if (reuse && buf !== reuse) Object.assign(reuse, buf);
  const out: ReadStore = {
    n: m, vehicle: buf.vehicle.subarray(0, m), time: buf.time.subarray(0, m), site: buf.site.subarray(0, m),
    confidence: buf.confidence.subarray(0, m), vrms: new Array<string>(nk), vehicleStart: new Uint32Array(nk + 1), sites: store.sites,
  };
  const oTime = out.time, oSite = out.site, oConf = out.confidence, oVehicle = out.vehicle;
  const origin = plan.origin.subarray(k0, k1);
  let o = 0;
  for (let k = 0; k < nk; k++) {
    const v = origin[k];
    out.vrms[k] = vrms[v];
    out.vehicleStart[k] = o;
    const o0 = o;
    if (memberStart[v + 1] === memberStart[v]) {
      const a = vehicleStart[v], b = vehicleStart[v + 1];
      if (!windowed) {
        oTime.set(time.subarray(a, b), o); oSite.set(site.subarray(a, b), o); oConf.set(confidence.subarray(a, b), o);
        o += b - a;
      } else {
        for (let i = a; i < b; i++) {
          const t = time[i];
          if (!(t >= from && t < to)) continue;
          oTime[o] = t; oSite[o] = site[i]; oConf[o] = confidence[i]; o++;
        }
      }
    } else {
      const idx = scratchFor(plan.keptReads[k0 + k]);
      const n = mergeRanges(store, v, members.subarray(memberStart[v], memberStart[v + 1]), idx, windowed, from, to);
      for (let j = 0; j < n; j++) { const i = idx[j]; oTime[o] = time[i]; oSite[o] = site[i]; oConf[o] = confidence[i]; o++; }
    }
    oVehicle.fill(k, o0, o);
  }
  out.vehicleStart[nk] = o;
  return { store: out, origin };
}

/** Columns reused across {@link gatherReads} calls. */
export interface ReadBuffer { vehicle: Uint32Array; time: Float64Array; site: Uint32Array; confidence: Uint8Array }

/** A buffer for `n` reads. @example gatherReads(store, plan, 0, 256, newReadBuffer(65536)) */
export function newReadBuffer(n: number): ReadBuffer {
  return { vehicle: new Uint32Array(n), time: new Float64Array(n), site: new Uint32Array(n), confidence: new Uint8Array(n) };
}

let scratch = new Uint32Array(64); // read indices of one merged vehicle (one at a time)
function scratchFor(n: number): Uint32Array {
  if (scratch.length < n) scratch = new Uint32Array(Math.max(n, 2 * scratch.length));
  return scratch;
}

/**
 * The coarse loop test (see {@link LoopFilter}) on reads [a, b) in the window: store indices
 * themselves, or `idx[a..b)` (a merged vehicle's reads in order) when `idx` is given.
 */
function hasLoop(time: Float64Array, site: Uint32Array, siteMask: Uint8Array, idx: Uint32Array | null, a: number, b: number,
  windowed: boolean, from: number, to: number, { hubBit, marketBit, maxGapMs: maxGap, censorAt, openMaxSpanMs = -1 }: LoopFilter): boolean {
  let lastHub = -Infinity, market = false, marketFirst = false, first = NaN, last = NaN;
  for (let j = a; j < b; j++) {
    const i = idx === null ? j : idx[j];
    const t = time[i];
    if (windowed && !(t >= from && t < to)) continue;
    if (first !== first) first = t;
    last = t;
    const m = siteMask[site[i]];
    if ((m & hubBit) !== 0) { if (market && t - lastHub <= maxGap) return true; lastHub = t; market = false; }
    else if ((m & marketBit) !== 0) { if (lastHub > -Infinity) market = true; else marketFirst = true; }
  }
  if (censorAt === undefined) return false;
  const open = last - first <= openMaxSpanMs;
  return (market && (censorAt - lastHub <= maxGap || open)) || (marketFirst && lastHub > -Infinity && open);
}

/**
 * The last read time in [from, to) over every vehicle of the store (-Infinity when none).
 * @example lastReadTime(store) // the data's end, epoch ms
 */
export function lastReadTime(store: ReadStore, from = -Infinity, to = Infinity): number {
  const { time, vehicleStart } = store;
  let last = -Infinity;
  for (let v = 0; v < store.vrms.length; v++) {
    for (let i = vehicleStart[v + 1] - 1; i >= vehicleStart[v]; i--) {
      const t = time[i];
      if (t >= from && t < to) { if (t > last) last = t; break; }
    }
  }
  return last;
}

let ptr = new Uint32Array(8), end = new Uint32Array(8); // mergeRanges' cursors, reused: one merge at a time

/**
 * Store indices of vehicle `major`'s and its `members`' reads in [from, to), in (time, site,
 * index) order, written to `into`; returns how many. Each plate's reads are time-sorted, so
 * this is a k-way merge (k = plates, usually 2), linear in the reads.
 */
function mergeRanges(store: ReadStore, major: number, members: Uint32Array, into: Uint32Array, windowed: boolean, from: number, to: number): number {
  const { time, site, vehicleStart } = store;
  const k = members.length + 1;
  if (k === 2) return mergeTwo(store, major, members[0], into, windowed, from, to);
  if (ptr.length < k) { ptr = new Uint32Array(2 * k); end = new Uint32Array(2 * k); }
  ptr[0] = vehicleStart[major]; end[0] = vehicleStart[major + 1];
  for (let j = 1; j < k; j++) { ptr[j] = vehicleStart[members[j - 1]]; end[j] = vehicleStart[members[j - 1] + 1]; }
  let n = 0;
  for (;;) {
    let best = -1, bi = 0;
    for (let j = 0; j < k; j++) {
      if (ptr[j] >= end[j]) continue;
      const i = ptr[j];
      if (best < 0 || time[i] < time[bi] || (time[i] === time[bi] && (site[i] < site[bi] || (site[i] === site[bi] && i < bi)))) { best = j; bi = i; }
    }
    if (best < 0) return n;
    ptr[best]++;
    if (!windowed || (time[bi] >= from && time[bi] < to)) into[n++] = bi;
  }
}

/** {@link mergeRanges} for two plates (the common case: a plate and one misread of it). */
function mergeTwo(store: ReadStore, a: number, b: number, into: Uint32Array, windowed: boolean, from: number, to: number): number {
  const { time, site, vehicleStart } = store;
  let i = vehicleStart[a], j = vehicleStart[b];
  const ie = vehicleStart[a + 1], je = vehicleStart[b + 1];
  let n = 0;
  while (i < ie || j < je) {
    // Take from a unless b's read comes first in (time, site, index) order.
    let x: number;
    if (j >= je) x = i++;
    else if (i >= ie) x = j++;
    else if (time[j] < time[i] || (time[j] === time[i] && (site[j] < site[i] || (site[j] === site[i] && j < i)))) x = j++;
    else x = i++;
    if (!windowed || (time[x] >= from && time[x] < to)) into[n++] = x;
  }
  return n;
}
