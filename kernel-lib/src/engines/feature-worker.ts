/**
 * Worker thread of the parallel features (parallel-features.ts): packs the features of the
 * vehicles of one share of a search's candidate plan, exactly as the main thread packs its own
 * (method/county-lines/chunk-features.ts), and answers with the packed rows as bytes.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { packChunkFeatures, type FeatureJob } from '../method/county-lines/chunk-features';
import type { VehicleFeatures } from '../method/county-lines/features';
import { FeatureRows } from '../method/county-lines/feature-rows';
import type { CandidatePlan } from '../method/county-lines/plan';
import type { ReadStore } from '../reads/types';

/** One share: its reads (merged and windowed already), an identity plan over them, and the look-alike plates of each vehicle. */
export interface FeatureShare {
  port: MessagePort;
  /** Set to 1 (and notified) once the answer is on the port. */
  done: Int32Array;
  store: ReadStore;
  plan: CandidatePlan;
  job: FeatureJob;
  merged: (VehicleFeatures['mergedWith'] | null)[];
}

/** The answer: the packed rows as bytes and the share's vehicles packed (indices into its plan), or what went wrong. */
export type FeatureAnswer = { bytes: Uint8Array; kept: number[] } | { error: string };

/**
 * Pack one share (the worker's work; also callable in-thread).
 * @example answerShare(share) // { bytes, kept: [0, 2, 3, ...] }
 */
export function answerShare(m: Omit<FeatureShare, 'port' | 'done'>): FeatureAnswer {
  try {
    const rows = new FeatureRows();
    const kept = packChunkFeatures(m.store, m.plan, m.job, 0, m.plan.origin.length, (k) => m.merged[k], rows);
    return { bytes: rows.toBytes(), kept };
  } catch (e) {
    return { error: (e as Error).stack ?? String(e) };
  }
}

if (parentPort && workerData?.anpr === 'features') {
  parentPort.on('message', (m: FeatureShare) => {
    m.port.postMessage(answerShare(m));
    m.port.close();
    Atomics.store(m.done, 0, 1);
    Atomics.notify(m.done, 0);
  });
}
