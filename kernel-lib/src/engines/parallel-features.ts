/**
 * The features of a large search shared with a worker thread. Computing the features of each
 * candidate vehicle (trips, stays, bases, tours, loops) is most of a find and runs vehicle by
 * vehicle, so the plan's vehicles are cut in two by reads: the worker (feature-worker.ts) packs
 * the second share while this thread packs the first, and its rows are appended after this
 * thread's. Same rows, same order, as packing all of them here (a test checks on whole
 * scenarios); on 2 cores the find takes about (measured in the README) what half its features did.
 *
 * The finder's verbs are synchronous, so this thread waits for the answer with Atomics.wait and
 * reads it with receiveMessageOnPort. The worker is started once per process and kept (unref'd:
 * it does not keep a process alive), so a re-run in a notebook finds it ready and its code warm.
 * Used when the plan holds at least `minReads` reads (the worker's start and the copy of its
 * share's reads cost more than they save on small data); ANPR_FEATURE_WORKER=0 turns it off.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import * as msg from '../messages';
import { packChunkFeatures } from '../method/county-lines/chunk-features';
import type { FeaturePacker } from '../method/county-lines/store-features';
import { FeatureRows } from '../method/county-lines/feature-rows';
import { gatherReads, type CandidatePlan } from '../method/county-lines/plan';
import type { FeatureAnswer } from './feature-worker';

/** When the worker is used (tests lower `minReads` to use it on small scenarios). */
export const featureWorkerSettings = { enabled: process.env.ANPR_FEATURE_WORKER !== '0', minReads: 1_000_000, timeoutMs: 30 * 60_000 };

/** The compiled worker script: beside this module, or in kernel-lib/dist when running from sources (tests). */
function workerFile(): string | null {
  for (const f of [path.join(__dirname, 'feature-worker.js'), path.resolve(__dirname, '../../dist/engines/feature-worker.js')])
    if (existsSync(f)) return f;
  return null;
}

let worker: Worker | null = null;
function theWorker(file: string): Worker {
  if (!worker) {
    const w = new Worker(file, { workerData: { anpr: 'features' } });
    w.unref();
    w.on('error', () => { if (worker === w) worker = null; }); // reported to the waiting search as no answer
    w.on('exit', () => { if (worker === w) worker = null; });
    worker = w;
  }
  return worker;
}

/**
 * A {@link FeaturePacker} that shares the plan with the worker when it is large enough (else
 * null: all in this thread).
 * @example storeFeatures(store, setup, undefined, rows, packInParallel)
 */
export const packInParallel: FeaturePacker = (store, plan, job, mergedOf, rows) => {
  const n = plan.origin.length;
  let total = 0;
  for (let k = 0; k < n; k++) total += plan.keptReads[k];
  const file = featureWorkerSettings.enabled && n >= 2 && total >= featureWorkerSettings.minReads ? workerFile() : null;
  if (!file) return null;
  // The worker's share: the vehicles after `mid`, about half the reads.
  let mid = 0;
  for (let acc = 0; mid < n - 1 && acc + plan.keptReads[mid] <= total / 2; mid++) acc += plan.keptReads[mid];
  mid = Math.max(1, mid);
  const share = gatherReads(store, plan, mid, n).store; // merged and windowed: the worker's plan over it is the identity
  const m = n - mid;
  const keptReads = plan.keptReads.slice(mid, n);
  const sharePlan: CandidatePlan = {
    origin: Uint32Array.from({ length: m }, (_, k) => k), keptReads, reads: share.n, vehicles: m, siteReads: new Float64Array(0),
    firstTime: plan.firstTime, lastTime: plan.lastTime, memberStart: new Uint32Array(m + 1), members: new Uint32Array(0), from: -Infinity, to: Infinity,
  };
  const merged = Array.from({ length: m }, (_, k) => mergedOf(mid + k));
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const columns = [share.vehicle.buffer, share.time.buffer, share.site.buffer, share.confidence.buffer] as ArrayBuffer[];
  theWorker(file).postMessage({ port: port2, done, store: share, plan: sharePlan, job, merged }, [port2, ...columns]);
  let kept: number[];
  try {
    kept = packChunkFeatures(store, plan, job, 0, mid, mergedOf, rows); // this thread's share, meanwhile
  } catch (e) {
    Atomics.wait(done, 0, 0, featureWorkerSettings.timeoutMs); // the worker finishes before the error goes up
    port1.close();
    throw e;
  }
  const waited = Atomics.wait(done, 0, 0, featureWorkerSettings.timeoutMs);
  const answer = receiveMessageOnPort(port1)?.message as FeatureAnswer | undefined;
  port1.close();
  if (!answer) throw new Error(msg.featureWorkerNoAnswer(waited));
  if ('error' in answer) throw new Error(msg.featureWorkerFailed(answer.error));
  const theirs = FeatureRows.fromBytes(answer.bytes);
  if (!theirs) throw new Error(msg.featureWorkerFailed('its rows could not be read back'));
  rows.appendRows(theirs);
  for (const k of answer.kept) kept.push(mid + k);
  return kept;
};
