/** Put rows settled in JS back among the rows settled in SQL, in file order. */
import type { ReadColumns } from '../reads/store-from-columns';
import type { SqlPassResult } from './parquet-sql-pass';

/**
 * Internal: the accepted reads of a Parquet load as columns in file order. `fast` holds the
 * SQL-settled rows at their row numbers and lists the other rows in `fast.deferred`; of
 * those, `accepted` (ascending) were accepted by `ReadAccumulator.add`, in the same order as
 * the reads of `slow` (the accumulator's columns). Rejected deferred rows are dropped.
 * Vehicle codes of `slow` are shifted past `fast.vrms` (`storeFromColumns` merges repeated
 * VRMs). With no deferred rows the SQL columns are returned as they are (no copy).
 *
 * @example
 * const cols = mergeDeferredRows(sqlResult, acc.finish().columns, [17]);
 * storeFromColumns(cols, sites);
 */
export function mergeDeferredRows(fast: SqlPassResult, slow: ReadColumns, accepted: readonly number[]): ReadColumns {
  const { vehicle, time, site, confidence, deferred } = fast;
  const n = vehicle.length;
  const vrms = slow.vehicle.length ? fast.vrms.concat(slow.vrms) : fast.vrms;
  if (deferred.length === 0) return { vrms, vehicle, time, site, confidence };
  const shift = fast.vrms.length;
  let w = 0, from = 0, a = 0;
  const move = (end: number) => {
    if (w !== from) {
      vehicle.copyWithin(w, from, end); time.copyWithin(w, from, end);
      site.copyWithin(w, from, end); confidence.copyWithin(w, from, end);
    }
    w += end - from;
  };
  for (const r of deferred) {
    move(r);
    from = r + 1;
    if (a < accepted.length && accepted[a] === r) {
      vehicle[w] = slow.vehicle[a] + shift; time[w] = slow.time[a]; site[w] = slow.site[a];
      confidence[w] = slow.confidence ? slow.confidence[a] : 255;
      w++; a++;
    }
  }
  move(n);
  return { vrms, vehicle: vehicle.subarray(0, w), time: time.subarray(0, w), site: site.subarray(0, w), confidence: confidence.subarray(0, w) };
}
