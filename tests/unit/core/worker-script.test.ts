import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerScript } from '../../../kernel-lib/src/core/worker-script';

const SRC = path.resolve(__dirname, '../../../kernel-lib/src');

describe('workerScript', () => {
  it('finds a compiled worker in kernel-lib/dist from a source folder, and says null for one not built', () => {
    expect(workerScript(path.join(SRC, 'ingest'), 'ingest', 'csv-block-worker.js')).toBe(path.resolve(SRC, '../dist/ingest/csv-block-worker.js'));
    expect(workerScript(path.join(SRC, 'reads'), 'reads', 'no-such-worker.js')).toBeNull();
  });
  it('takes the script beside the caller first (a compiled module)', () => {
    const dist = path.resolve(SRC, '../dist/reads');
    expect(workerScript(dist, 'reads', 'place-worker.js')).toBe(path.join(dist, 'place-worker.js'));
  });
});
