/**
 * A worker thread of the features pool (features-pool.ts): the finder's per-store stage
 * (storeFeatures) on the candidate stores it is sent, one at a time, with the run's setup.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { storeFeatures } from '../method/county-lines/store-features';
import type { FinderSetup } from '../method/county-lines/setup';
import type { FinderContext } from '../method/county-lines/types';
import type { ReadStore } from '../reads/types';

const setup = workerData.setup as FinderSetup;
parentPort?.on('message', (m: { id: number; store: ReadStore; context?: FinderContext }) => {
  try {
    parentPort?.postMessage({ id: m.id, part: storeFeatures(m.store, setup, m.context) });
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? { message: e.message, name: e.name, stack: e.stack } : { message: String(e) } });
  }
});
