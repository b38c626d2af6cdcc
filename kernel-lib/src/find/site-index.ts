/**
 * A per-site time index of a store: every read's index sorted by (site, time), plus per-site
 * hourly traffic counts. Built lazily once per store (LSD radix sort, O(n)) and cached in a
 * WeakMap, so "who was at site s between t0 and t1" is a binary search plus a scan of the
 * answer, and the convoy / profile queries cost O(target reads × reads in their windows).
 */
import type { ReadStore } from '../reads/types';
import { londonHour } from '../core/london-time';

/** Reads ordered by (site, time). Site s's reads are [siteStart[s], siteStart[s+1]). */
export interface SiteIndex {
  siteStart: Uint32Array;
  /** Read index (into the store) per entry. */
  read: Uint32Array;
  /** Time per entry (copied for cache-friendly binary search). */
  time: Float64Array;
  /** Reads per site per local hour of day: hourly[s * 24 + h]. */
  hourly: Float64Array;
  /** Reads per site. */
  total: Float64Array;
  /** Local days spanned by the store (at least 1): hourly rates are hourly counts / days. */
  days: number;
  /** Milliseconds it took to build. */
  buildMs: number;
}

const cache = new WeakMap<ReadStore, SiteIndex>();

/**
 * The store's per-site time index (built on first use, then cached for the store's lifetime).
 *
 * @example
 * const ix = siteIndex(store);
 * const [lo, hi] = siteRange(ix, 3, t - 60_000, t + 60_000); // entries of site 3 within ±1 min
 */
export function siteIndex(store: ReadStore): SiteIndex {
  let ix = cache.get(store);
  if (!ix) { ix = buildSiteIndex(store); cache.set(store, ix); }
  return ix;
}

function buildSiteIndex(store: ReadStore): SiteIndex {
  const t0 = performance.now();
  const { n, time, site } = store;
  const ns = store.sites.id.length;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { const t = time[i]; if (t < lo) lo = t; if (t > hi) hi = t; }
  // 1. Stable counting sort by site: read indices and time keys carried along. Keys are whole
  //    seconds since the first read when every read is on a whole second (ANPR exports usually
  //    are: fewer radix passes), else milliseconds.
  const siteStart = new Uint32Array(ns + 1);
  for (let i = 0; i < n; i++) siteStart[site[i] + 1]++;
  for (let s = 0; s < ns; s++) siteStart[s + 1] += siteStart[s];
  let read = new Uint32Array(n), tmp = new Uint32Array(n);
  let key = new Uint32Array(n), ktmp = new Uint32Array(n);
  let unit = 1000, exact = true;
  const scatter = (): boolean => {
    const next = siteStart.slice(0, ns);
    for (let i = 0; i < n; i++) {
      const p = next[site[i]]++, k = (time[i] - lo) / unit;
      if (k !== Math.floor(k) || k >= 2 ** 32) return false;
      read[p] = i; key[p] = k;
    }
    return true;
  };
  if (!scatter()) { unit = 1; if (!scatter()) exact = false; }
  // 2. Each site's run sorted by time: LSD radix sort (11-bit digits) within the run, which
  //    stays in cache (buffers swap each pass); times that are not whole ms or span more than
  //    49 days fall back to a comparison sort.
  const count = new Uint32Array(2049);
  let kmax = 0;
  if (exact) for (let k = 0; k < n; k++) if (key[k] > kmax) kmax = key[k];
  for (let shift = 0; exact && shift < 32 && (kmax >>> shift) > 0; shift += 11) {
    for (let s = 0; s < ns; s++) {
      const a = siteStart[s], b = siteStart[s + 1];
      count.fill(0);
      for (let k = a; k < b; k++) count[((key[k] >>> shift) & 2047) + 1]++;
      for (let d = 0; d < 2048; d++) count[d + 1] += count[d];
      for (let k = a; k < b; k++) { const kk = key[k], p = a + count[(kk >>> shift) & 2047]++; ktmp[p] = kk; tmp[p] = read[k]; }
    }
    [key, ktmp] = [ktmp, key]; [read, tmp] = [tmp, read];
  }
  const t = new Float64Array(n);
  if (exact) {
    for (let k = 0; k < n; k++) t[k] = lo + key[k] * unit;
  } else {
    const next = siteStart.slice(0, ns);
    for (let i = 0; i < n; i++) read[next[site[i]]++] = i;
    for (let s = 0; s < ns; s++) read.subarray(siteStart[s], siteStart[s + 1]).sort((x, y) => time[x] - time[y] || x - y);
    for (let k = 0; k < n; k++) t[k] = time[read[k]];
  }
  // Hourly traffic per site (local hour of day); times are sorted per site, so the local hour
  // is recomputed only when a read crosses into the next clock hour.
  const hourly = new Float64Array(ns * 24), total = new Float64Array(ns);
  for (let s = 0; s < ns; s++) {
    total[s] = siteStart[s + 1] - siteStart[s];
    let hEnd = -Infinity, h = 0;
    for (let k = siteStart[s]; k < siteStart[s + 1]; k++) {
      if (t[k] >= hEnd) { const lh = londonHour(t[k]); h = Math.floor(lh); hEnd = Math.round(t[k] - (lh - h) * 3_600_000) + 3_600_000; }
      hourly[s * 24 + h]++;
    }
  }
  const days = n ? Math.max(1, Math.ceil((hi - lo) / 86_400_000)) : 1;
  return { siteStart, read, time: t, hourly, total, days, buildMs: performance.now() - t0 };
}

/** First entry of site s with time >= t (binary search). */
function lowerBound(ix: SiteIndex, s: number, t: number): number {
  let lo = ix.siteStart[s], hi = ix.siteStart[s + 1];
  while (lo < hi) { const m = (lo + hi) >>> 1; if (ix.time[m] < t) lo = m + 1; else hi = m; }
  return lo;
}

/**
 * Entry range [lo, hi) of site `s`'s reads with from <= time <= to.
 *
 * @example
 * const [lo, hi] = siteRange(siteIndex(store), 0, t0, t1);
 * for (let k = lo; k < hi; k++) store.vehicle[ix.read[k]];
 */
export function siteRange(ix: SiteIndex, s: number, from: number, to: number): [number, number] {
  const lo = lowerBound(ix, s, from);
  // Upper bound: binary search for the first time > to.
  let l = lo, h = ix.siteStart[s + 1];
  while (l < h) { const m = (l + h) >>> 1; if (ix.time[m] <= to) l = m + 1; else h = m; }
  return [lo, l];
}
