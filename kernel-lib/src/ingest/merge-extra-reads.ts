/** Put the few reads accepted in JS into the reads DuckDB sorted, without sorting again. */
import type { ExtraRead, SortedReads } from './parquet-sql-pass';

/**
 * Internal: merge `extra` (reads of deferred rows that `ReadAccumulator.add` accepted, any
 * order) into `sorted` (sorted by vehicle, time, site; duplicates already removed). Extra reads
 * are ordered by (VRM, time, site, file row); an exact duplicate among them keeps the first
 * (lowest row). Returns null when an extra read is an exact duplicate of a sorted one: which
 * one is first in the file is not known here, so the caller sorts again in SQL. That needs a
 * read at a table site under an id SQL did not match (e.g. with spaces); reads at sites made
 * from coordinates never tie. `sorted` is not modified.
 *
 * @example
 * const merged = mergeExtraReads(sorted, [{ row: 17, vrm: 'AB12CDE', time: 0, site: 350, confidence: 255 }]);
 * merged ?? (await pass.sortedReads(extra, siteCount, progress)).reads
 */
export function mergeExtraReads(sorted: SortedReads, extra: readonly ExtraRead[]): SortedReads | null {
  const { vrms, vehicle, time, site, confidence } = sorted;
  const n = vehicle.length;
  // Slot of each extra read's vehicle among the sorted vehicles: 2v+1 for vehicle v, 2v for a
  // new VRM just before vehicle v.
  const slotOf = (vrm: string) => {
    let lo = 0, hi = vrms.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (vrms[mid] < vrm) lo = mid + 1; else hi = mid; }
    return lo < vrms.length && vrms[lo] === vrm ? 2 * lo + 1 : 2 * lo;
  };
  const xs = extra.map((x) => ({ ...x, slot: slotOf(x.vrm) }));
  xs.sort((a, b) => a.slot - b.slot || (a.vrm < b.vrm ? -1 : a.vrm > b.vrm ? 1 : 0)
    || a.time - b.time || a.site - b.site || a.row - b.row);

  const cap = n + xs.length;
  const v2 = new Uint32Array(cap), t2 = new Float64Array(cap), s2 = new Uint32Array(cap), c2 = new Uint8Array(cap);
  const vrms2: string[] = [];
  const starts: number[] = [];
  let w = 0, p = 0, j = 0, dup = sorted.duplicates;
  let lastSlot = -1, lastVrm = '', lastT = NaN, lastSite = -1, lastExtra = false;
  const emit = (slot: number, vrm: string, t: number, s: number, cf: number) => {
    if (slot !== lastSlot || vrm !== lastVrm) { vrms2.push(vrm); starts.push(w); lastSlot = slot; lastVrm = vrm; }
    v2[w] = vrms2.length - 1; t2[w] = t; s2[w] = s; c2[w] = cf; w++;
    lastT = t; lastSite = s;
  };
  while (p < n || j < xs.length) {
    const ps = p < n ? 2 * vehicle[p] + 1 : Infinity;
    const x = j < xs.length ? xs[j] : null;
    if (x && x.slot === ps && x.time === time[p] && x.site === site[p]) return null; // tie with a sorted read
    if (x && (x.slot < ps || (x.slot === ps && (x.time < time[p] || (x.time === time[p] && x.site < site[p]))))) {
      j++;
      if (lastExtra && x.slot === lastSlot && x.vrm === lastVrm && x.time === lastT && x.site === lastSite) { dup++; continue; }
      if (!lastExtra && x.slot === lastSlot && x.vrm === lastVrm && x.time === lastT && x.site === lastSite) return null;
      emit(x.slot, x.vrm, x.time, x.site, x.confidence);
      lastExtra = true;
    } else {
      emit(ps, vrms[vehicle[p]], time[p], site[p], confidence[p]);
      lastExtra = false;
      p++;
    }
  }
  starts.push(w);
  return {
    vrms: vrms2, vehicle: v2.subarray(0, w), time: t2.subarray(0, w), site: s2.subarray(0, w), confidence: c2.subarray(0, w),
    vehicleStart: Uint32Array.from(starts), duplicates: dup,
  };
}
