/** Put the few reads accepted in JS into the reads DuckDB sorted, without sorting again. */
import type { ExtraRead, SortedReads } from './parquet-sql-pass';

/** An extra read that is an exact duplicate of the sorted read kept at output index `at`. */
export interface Tie { at: number; extra: ExtraRead }

/**
 * Internal: merge `extra` (reads of deferred rows that `ReadAccumulator.add` accepted, any
 * order) into `sorted` (sorted by vehicle, time, site; duplicates already removed). Extra reads
 * are ordered by (VRM, time, site, file row); an exact duplicate among them keeps the first
 * (lowest row). An extra read that duplicates a sorted read is counted as a duplicate and
 * listed in `ties` (first, lowest row, per `at`): the caller keeps its confidence instead when
 * it came first in the file. Ties need a read at a table site under an id SQL did not match
 * (e.g. with spaces); reads at sites made from coordinates never tie. `sorted` is not modified.
 *
 * @example
 * const { reads, ties } = mergeExtraReads(sorted, [{ row: 17, vrm: 'AB12CDE', time: 0, site: 350, confidence: 255 }]);
 * ties // [] unless a deferred read repeats a settled one
 */
export function mergeExtraReads(sorted: SortedReads, extra: readonly ExtraRead[]): { reads: SortedReads; ties: Tie[] } {
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
  const ties: Tie[] = [];
  const emit = (slot: number, vrm: string, t: number, s: number, cf: number) => {
    if (slot !== lastSlot || vrm !== lastVrm) { vrms2.push(vrm); starts.push(w); lastSlot = slot; lastVrm = vrm; }
    v2[w] = vrms2.length - 1; t2[w] = t; s2[w] = s; c2[w] = cf; w++;
    lastT = t; lastSite = s;
  };
  const vStart = sorted.vehicleStart;
  while (p < n || j < xs.length) {
    const x = j < xs.length ? xs[j] : null;
    // Whole sorted vehicles before the next extra read's slot: copy in bulk.
    const v0 = p < n ? vehicle[p] : 0;
    const vEnd = x ? Math.min(vrms.length, Math.ceil((x.slot - 1) / 2)) : vrms.length;
    if (p < n && p === vStart[v0] && v0 < vEnd) {
      const started = lastSlot === 2 * v0 + 1; // extra reads of v0 came before its first sorted read
      const e = vStart[vEnd], offset = vrms2.length - (started ? 1 : 0) - v0;
      t2.set(time.subarray(p, e), w); s2.set(site.subarray(p, e), w); c2.set(confidence.subarray(p, e), w);
      for (let i = p; i < e; i++) v2[w + i - p] = vehicle[i] + offset;
      for (let v = started ? v0 + 1 : v0; v < vEnd; v++) { vrms2.push(vrms[v]); starts.push(w + vStart[v] - p); }
      w += e - p; p = e;
      lastSlot = 2 * (vEnd - 1) + 1; lastVrm = vrms[vEnd - 1]; lastT = time[e - 1]; lastSite = site[e - 1]; lastExtra = false;
      continue;
    }
    const ps = p < n ? 2 * vehicle[p] + 1 : Infinity;
    // On equal keys the sorted read goes first; the extra one then meets it as `last`.
    if (x && (x.slot < ps || (x.slot === ps && (x.time < time[p] || (x.time === time[p] && x.site < site[p]))))) {
      j++;
      if (x.slot === lastSlot && x.vrm === lastVrm && x.time === lastT && x.site === lastSite) {
        dup++;
        if (!lastExtra && (ties.length === 0 || ties[ties.length - 1].at !== w - 1)) ties.push({ at: w - 1, extra: x });
        continue;
      }
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
    reads: {
      vrms: vrms2, vehicle: v2.subarray(0, w), time: t2.subarray(0, w), site: s2.subarray(0, w), confidence: c2.subarray(0, w),
      vehicleStart: Uint32Array.from(starts), duplicates: dup,
    },
    ties,
  };
}
