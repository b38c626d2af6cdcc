import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { storeFromColumns, type ReadColumns } from '../../../kernel-lib/src/reads/store-from-columns';
import { sharedColumns, storeFromColumnsInParallel, storeParallel } from '../../../kernel-lib/src/reads/store-in-parallel';
import { sitesFromRows } from '../../../kernel-lib/src/reads/sites-from-rows';

const sites = sitesFromRows([{ site_id: 'S1', lat: 53.4, lon: -2.2 }, { site_id: 'S2', lat: 53.5, lon: -2.3 }, { site_id: 'S3', lat: 53.6, lon: -2.4 }]);

/** Seeded columns of `n` reads: a dictionary with repeated and unused plates, times mostly rising with ties, in shared memory or not. */
function columns(n: number, seed: number, shared: boolean): ReadColumns {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const vrms = Array.from({ length: 400 }, (_, i) => `P${String(i % 350).padStart(3, '0')}${i % 7 === 0 ? 'X' : ''}`); // repeats merge
  const c = shared ? sharedColumns(n) : { vehicle: new Uint32Array(n), time: new Float64Array(n), site: new Uint32Array(n), confidence: new Uint8Array(n) };
  for (let i = 0; i < n; i++) {
    c.vehicle[i] = Math.floor(rand() * 399); // entry 399 unused
    c.time[i] = Math.floor(i / 3) * 1000 - (rand() < 0.2 ? 5000 : 0); // some out of order, many ties
    c.site[i] = Math.floor(rand() * 3);
    c.confidence[i] = Math.floor(rand() * 101);
  }
  return { vrms, ...c };
}

const bytes = (a: ArrayBufferView) => Buffer.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));

afterEach(() => { storeParallel.minReads = 1_000_000; storeParallel.workerFile = undefined; });

describe('storeFromColumnsInParallel', () => {
  it('builds, in two threads, the same store byte for byte as storeFromColumns', async () => {
    storeParallel.minReads = 1000;
    for (const seed of [1, 2]) {
      const cols = columns(20_000, seed, true);
      const runs = storeParallel.runs;
      const a = await storeFromColumnsInParallel(cols, sites);
      expect(storeParallel.runs).toBe(runs + 1); // the worker placed half
      expect(a.time.buffer).toBeInstanceOf(SharedArrayBuffer);
      const b = storeFromColumns(cols, sites);
      expect(a.vrms).toEqual(b.vrms);
      expect(a.n).toBe(b.n);
      for (const k of ['vehicle', 'time', 'site', 'confidence', 'vehicleStart'] as const) expect(bytes(a[k]).equals(bytes(b[k]))).toBe(true);
    }
  });
  it('places the worker\'s half itself, with the same bytes, when the worker fails', async () => {
    storeParallel.minReads = 1000;
    storeParallel.workerFile = path.join(__dirname, 'no-such-place-worker.js'); // the worker cannot start
    const cols = columns(20_000, 4, true);
    const { runs, fallbacks } = storeParallel;
    const a = await storeFromColumnsInParallel(cols, sites);
    expect([storeParallel.runs, storeParallel.fallbacks]).toEqual([runs, fallbacks + 1]);
    const b = storeFromColumns(cols, sites);
    for (const k of ['vehicle', 'time', 'site', 'confidence', 'vehicleStart'] as const) expect(bytes(a[k]).equals(bytes(b[k]))).toBe(true);
  });
  it('is storeFromColumns in this thread for columns not in shared memory, or too few reads', async () => {
    storeParallel.minReads = 1000;
    const runs = storeParallel.runs;
    const plain = await storeFromColumnsInParallel(columns(5000, 3, false), sites);
    expect(plain.time.buffer).toBeInstanceOf(ArrayBuffer);
    storeParallel.minReads = 1_000_000;
    await storeFromColumnsInParallel(columns(5000, 3, true), sites);
    expect(storeParallel.runs).toBe(runs);
  });
});
