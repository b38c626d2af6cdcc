/**
 * Worker threads for the finder's per-store stage (storeFeatures), so that an engine's batches
 * are featured on every core while the next batch loads: a store goes to a free worker (a
 * copy: some tens of ms a batch), and its features come back as a promise. At most one store per
 * worker is in flight: `run` waits for a free worker, so memory holds `workers` batches at most.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FinderSetup } from '../method/county-lines/setup';
import type { StoreFeatures } from '../method/county-lines/store-features';
import type { FinderContext } from '../method/county-lines/types';
import type { ReadStore } from '../reads/types';

/** The compiled worker script: beside this module, or in kernel-lib/dist when running from sources (tests). */
export function featuresWorkerFile(): string | null {
  for (const f of [path.join(__dirname, 'features-worker.js'), path.resolve(__dirname, '../../dist/engines/features-worker.js')])
    if (existsSync(f)) return f;
  return null;
}

interface Job { resolve: (p: StoreFeatures) => void; reject: (e: Error) => void }

/**
 * @example
 * const pool = new FeaturesPool(file, 2, setup);
 * const { features } = await pool.run(store, context); await features; pool.close();
 */
export class FeaturesPool {
  private readonly idle: Worker[];
  private readonly all: Worker[];
  private readonly jobs = new Map<number, Job>();
  private waiting: (() => void)[] = [];
  private failure: Error | null = null;
  private next = 0;

  constructor(file: string, workers: number, setup: FinderSetup) {
    // The setup without functions (the scorer is the ranking's, not the per-store stage's).
    const plain = { ...setup, params: { ...setup.params, scorer: undefined } };
    this.all = Array.from({ length: workers }, () => {
      const w = new Worker(file, { workerData: { setup: plain } });
      w.on('message', (m: { id: number; part?: StoreFeatures; error?: { message: string; name?: string; stack?: string } }) => this.done(w, m));
      w.on('error', (e) => this.fail(e));
      return w;
    });
    this.idle = [...this.all];
  }

  /** The features of `store`, to be computed in a worker: given once one is free (a promise in an object, so that awaiting the start does not await the end). */
  async run(store: ReadStore, context?: FinderContext): Promise<{ features: Promise<StoreFeatures> }> {
    while (this.idle.length === 0 && !this.failure) await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
    const worker = this.idle.pop() as Worker;
    const id = this.next++;
    const result = new Promise<StoreFeatures>((resolve, reject) => this.jobs.set(id, { resolve, reject }));
    result.catch(() => undefined); // awaited later, in batch order; never an unhandled rejection meanwhile
    worker.postMessage({ id, store, context });
    return { features: result };
  }

  private done(w: Worker, m: { id: number; part?: StoreFeatures; error?: { message: string; name?: string; stack?: string } }): void {
    const job = this.jobs.get(m.id);
    if (!job) return;
    this.jobs.delete(m.id);
    if (m.error) job.reject(Object.assign(new Error(m.error.message), m.error));
    else job.resolve(m.part as StoreFeatures);
    this.idle.push(w);
    this.waiting.shift()?.();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const job of this.jobs.values()) job.reject(e);
    this.jobs.clear();
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Stop the workers once their jobs are done (their results still arrive). */
  close(): void {
    const pending = [...this.jobs.values()].map((j) => new Promise<void>((r) => { const { resolve, reject } = j; j.resolve = (p) => { resolve(p); r(); }; j.reject = (e) => { reject(e); r(); }; }));
    void Promise.all(pending).then(() => { for (const w of this.all) void w.terminate(); });
  }
}
