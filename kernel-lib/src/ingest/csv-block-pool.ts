/**
 * The parallel CSV path's worker pool: blocks of whole lines go to worker threads
 * (csv-block-worker.ts) round-robin, and their results are handed on strictly in file
 * order, each with the physical line number its block starts at.
 *
 * Buffers go round, not once: a block's buffer comes back with its result and carries a later
 * block, and a result's buffer goes back to its worker once handed on. Fresh memory costs a page
 * fault per 4 KB on these machines; a new buffer per block and per result was about 1.3 GB of it
 * for a 10M-read file.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BlockPlan, BlockResult } from './csv-block-worker';
import { workerScript } from '../core/worker-script';

/** The compiled worker script (core/worker-script.ts), or null when not built. */
export const blockWorkerFile = (): string | null => workerScript(__dirname, 'ingest', 'csv-block-worker.js');

/** Worker threads to use: one per core, at least 2, at most 4. */
export const defaultBlockWorkers = () => Math.min(4, Math.max(2, os.availableParallelism?.() ?? os.cpus().length));

/**
 * Sends blocks to workers and hands results on in order.
 * @example
 * const pool = new BlockPool(file, plan, 2, 2, (r, line, w) => merge(r, line, w));
 * await pool.submit(block); const nextLine = await pool.finish(); pool.close();
 */
export class BlockPool {
  private readonly workers: Worker[];
  private seq = 0;
  private nextSeq = 0;
  private line: number;
  private readonly pending = new Map<number, { r: BlockResult; w: number }>();
  private readonly owner = new Map<number, number>();
  private waiters: (() => void)[] = [];
  private failure: Error | null = null;
  /** Block buffers back from the workers, for the next blocks. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(workerFile: string, plan: BlockPlan, count: number, firstLine: number,
    private readonly onResult: (r: BlockResult, firstLine: number, worker: number) => void) {
    this.line = firstLine;
    this.workers = Array.from({ length: count }, (_, w) => {
      const worker = new Worker(workerFile);
      worker.postMessage({ plan });
      worker.on('message', (r: BlockResult & { input: ArrayBuffer }) => { this.spare.push(r.input); this.arrived(r, w); });
      worker.on('error', (e) => this.fail(e));
      return worker;
    });
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private arrived(r: BlockResult, w: number): void {
    this.pending.set(r.seq, { r, w });
    try {
      for (let p = this.pending.get(this.nextSeq); p; p = this.pending.get(this.nextSeq)) {
        this.pending.delete(this.nextSeq);
        this.owner.delete(this.nextSeq);
        this.onResult(p.r, this.line, p.w);
        this.workers[p.w].postMessage({ spare: p.r.columns }, [p.r.columns]); // read: its buffer back to the worker
        this.line += p.r.newlines;
        this.nextSeq++;
      }
    } catch (e) {
      this.fail(e as Error);
    }
    this.wake();
  }

  private inFlight(): number {
    return this.seq - this.nextSeq;
  }

  private async until(ok: () => boolean): Promise<void> {
    while (!ok()) {
      if (this.failure) throw this.failure;
      await new Promise<void>((res) => this.waiters.push(res));
    }
    if (this.failure) throw this.failure;
  }

  /** Queue a block (whole lines; the last block may end without a line end). Waits while many are in flight. */
  async submit(block: Buffer): Promise<void> {
    await this.until(() => this.inFlight() < 2 * this.workers.length);
    // A copy (the block may share its memory with the stream's other chunks), into a spare buffer when one is large enough.
    const k = this.spare.findIndex((b) => b.byteLength >= block.length);
    const buf = k >= 0 ? this.spare.splice(k, 1)[0] : new ArrayBuffer(block.length + (block.length >>> 3));
    new Uint8Array(buf, 0, block.length).set(block);
    const seq = this.seq++;
    const w = seq % this.workers.length;
    this.owner.set(seq, w);
    this.workers[w].postMessage({ seq, buf, length: block.length }, [buf]);
  }

  /** Wait for every block; returns the line number after the last one. */
  async finish(): Promise<number> {
    await this.until(() => this.inFlight() === 0);
    return this.line;
  }

  /** Stop the workers. */
  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}
