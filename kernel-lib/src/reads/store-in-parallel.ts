/**
 * A store build (store-from-columns.ts) with its placement in two threads: the main thread places
 * the vehicles holding the first half of the reads and a worker (place-worker.ts) the rest, into
 * one set of columns in shared memory. Each thread reads every input row but writes only its own
 * vehicles' rows, and a vehicle's reads keep input order whichever thread places them, so the store
 * is the same, byte for byte, as `storeFromColumns` makes. Measured on 9.9M reads of 390k plates
 * (2 cores, huge pages), the store build and de-duplication of a load: 1.35-1.6 s in one thread
 * (the placement and sort 0.75-0.9 s of it), 0.86-0.91 s with this and the dictionary's radix sort;
 * see the README's benchmarks for the load as a whole.
 *
 * It runs when the input columns are in shared memory (ReadAccumulator's `shared` option: a worker
 * can read them without a copy), there are at least `storeParallel.minReads` reads and the compiled
 * worker exists; otherwise it is `storeFromColumns`. A worker that cannot start or stops before it
 * is done costs time, not the load: the main thread then places the worker's half as well.
 */
import { Worker } from 'node:worker_threads';
import { workerScript } from '../core/worker-script';
import { placeVehicles, storeFromColumns, storePlan, type PlacedColumns, type ReadColumns } from './store-from-columns';
import type { ReadStore, SiteTable } from './types';

/**
 * Settings: the smallest store built in two threads (tests lower it); `runs` counts builds whose
 * worker placed its half, `fallbacks` those whose worker failed (the main thread placed its half
 * too); `workerFile` replaces the compiled worker's path (tests).
 */
export const storeParallel: { minReads: number; runs: number; fallbacks: number; workerFile?: string } = { minReads: 1_000_000, runs: 0, fallbacks: 0 };

/** The compiled worker script (core/worker-script.ts), or the tests' own. */
const placeWorkerFile = (): string | null => storeParallel.workerFile ?? workerScript(__dirname, 'reads', 'place-worker.js');

/** Typed arrays of `n` elements over fresh shared memory. */
export function sharedColumns(n: number): PlacedColumns {
  return {
    vehicle: new Uint32Array(new SharedArrayBuffer(4 * n)), time: new Float64Array(new SharedArrayBuffer(8 * n)),
    site: new Uint32Array(new SharedArrayBuffer(4 * n)), confidence: new Uint8Array(new SharedArrayBuffer(n)),
  };
}

const isShared = (a: ArrayBufferView | undefined) => a === undefined || a.buffer instanceof SharedArrayBuffer;

/**
 * The store of `cols`, as `storeFromColumns(cols, sites)` makes it, placed in two threads when it
 * pays (see the module's comment).
 *
 * @example const store = await storeFromColumnsInParallel(acc.finish().columns, sites);
 */
export async function storeFromColumnsInParallel(cols: ReadColumns, sites: SiteTable): Promise<ReadStore> {
  const n = cols.vehicle.length;
  const file = placeWorkerFile();
  if (n < storeParallel.minReads || !file || ![cols.vehicle, cols.time, cols.site, cols.confidence].every(isShared)) return storeFromColumns(cols, sites);
  const worker = new Worker(file); // it starts while the plan is made
  try {
    // True when the worker placed its half; false when it failed or stopped first.
    const done = new Promise<boolean>((resolve) => {
      worker.once('message', () => resolve(true));
      worker.once('error', () => resolve(false));
      worker.once('exit', () => resolve(false));
    });
    const plan = storePlan(cols);
    const nv = plan.vrms.length, vs = plan.vehicleStart;
    // The first vehicle whose reads start at or past half of them: the worker's range begins there.
    let lo = 0, hi = nv;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (vs[mid] < n / 2) lo = mid + 1; else hi = mid; }
    const out = sharedColumns(n);
    const input = { vehicle: cols.vehicle, time: cols.time, site: cols.site, confidence: cols.confidence };
    worker.postMessage({ input, plan: { newCode: plan.newCode, vehicleStart: vs }, vlo: lo, vhi: nv, out });
    placeVehicles(input, plan, 0, lo, out);
    if (await done) storeParallel.runs++;
    else {
      // The worker could not start or stopped (out of memory, say): stopped for sure, its half is
      // placed here; placing writes every row of a range, so whatever it wrote is overwritten.
      await worker.terminate();
      placeVehicles(input, plan, lo, nv, out);
      storeParallel.fallbacks++;
    }
    return { n, ...out, vrms: plan.vrms, vehicleStart: vs, sites };
  } finally {
    void worker.terminate();
  }
}
