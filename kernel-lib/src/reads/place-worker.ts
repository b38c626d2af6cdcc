/**
 * Worker thread of store-in-parallel.ts: places one range of vehicles' reads into the shared
 * result columns (store-from-columns.ts: placeVehicles), then says so.
 */
import { parentPort } from 'node:worker_threads';
import { placeVehicles, type PlacedColumns, type ReadColumns, type StorePlan } from './store-from-columns';

/** The one message the worker takes. */
export interface PlaceTask {
  input: Pick<ReadColumns, 'vehicle' | 'time' | 'site' | 'confidence'>;
  plan: Pick<StorePlan, 'newCode' | 'vehicleStart'>;
  vlo: number;
  vhi: number;
  out: PlacedColumns;
}

if (parentPort) {
  const port = parentPort;
  port.once('message', (t: PlaceTask) => {
    placeVehicles(t.input, t.plan, t.vlo, t.vhi, t.out);
    port.postMessage('placed');
  });
}
