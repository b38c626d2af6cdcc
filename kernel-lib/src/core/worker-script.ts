/** Where a worker thread's compiled script is, for modules that start workers. */
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The compiled script `name` of kernel-lib's folder `folder`, seen from `here` (the calling
 * module's `__dirname`): beside the caller when it runs compiled (dist/), or in kernel-lib/dist
 * when it runs from sources (tests). Null when neither exists (not built).
 * @example workerScript(__dirname, 'ingest', 'csv-block-worker.js') // '/…/kernel-lib/dist/ingest/csv-block-worker.js'
 */
export function workerScript(here: string, folder: string, name: string): string | null {
  for (const f of [path.join(here, name), path.resolve(here, '../../dist', folder, name)])
    if (existsSync(f)) return f;
  return null;
}
