/**
 * The run registry: what this process (one notebook kernel, or one CLI command) has read and
 * which results it has recorded. `loadReads`/`loadSites` and `readJson` register their files;
 * notebooks record results with `recordResults`; `runManifest()` turns it all into the manifest.
 * Kept on globalThis so that every copy of the library loaded in the process shares it.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from '../display/bundle';
import { escapeHtml } from '../display/html';
import { show } from '../display/show';
import { canonicalJson, canonicalValue, sha256Hex } from './canonical';
import { createHash } from 'node:crypto';

/** MIME type of one recorded result (`recordResults`): `{ name, value, sha256 }`. */
export const RESULTS_MIME = 'application/vnd.anpr.results.v1+json';

/** One input file as registered: where, and its size and modification time when read. */
export interface RecordedInput { path: string; absolute: string; bytes: number; mtimeMs: number }

interface RunState { inputs: Map<string, RecordedInput>; results: Map<string, unknown> }

const KEY = Symbol.for('anpr.run.registry');

/** The process's registry (created on first use). */
export function runState(): RunState {
  const g = globalThis as unknown as Record<symbol, RunState | undefined>;
  return (g[KEY] ??= { inputs: new Map(), results: new Map() });
}

/**
 * Forget every recorded input and result (a fresh run in the same process).
 * @example resetRun()
 */
export function resetRun(): void {
  const s = runState();
  s.inputs.clear();
  s.results.clear();
}

/**
 * Register a file this run read, for the manifest (hashed when the manifest is made; a file
 * that changed since it was registered is flagged). Returns the path, so it can wrap one.
 * Files that cannot be stat'ed are ignored (the reader reports those).
 * @example fs.readFileSync(anpr.recordInput('data/extra.csv'), 'utf8')
 */
export function recordInput(file: string): string {
  try {
    const absolute = path.resolve(file);
    const st = statSync(absolute);
    if (st.isFile()) runState().inputs.set(absolute, { path: file, absolute, bytes: st.size, mtimeMs: st.mtimeMs });
  } catch { /* unreadable: the caller's read fails and says why */ }
  return file;
}

/**
 * Read and parse a JSON (or GeoJSON) file, registering it as an input of the run.
 * @example const hub = anpr.area(anpr.readJson(`${scenarioDir}/hub.geojson`));
 */
export function readJson<T = any>(file: string): T {
  return JSON.parse(readFileSync(recordInput(file), 'utf8')) as T;
}

/**
 * SHA-256 (hex) of a file, read in 1 MiB chunks.
 * @example fileSha256('notebooks/01-find-county-lines.ipynb') // 'e3b0…'
 */
export function fileSha256(file: string): string {
  const h = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** A recorded result as displayed (and picked up by `anpr run`). */
export class RecordedResult implements Displayable {
  constructor(readonly name: string, readonly value: unknown, readonly sha256: string) {}
  [MIMEBUNDLE](): MimeBundle {
    const summary = Array.isArray(this.value) ? `${this.value.length} items` : typeof this.value;
    return {
      data: {
        [RESULTS_MIME]: { name: this.name, value: this.value, sha256: this.sha256 },
        'text/html': `<div class="anpr-results"><small>result <b>${escapeHtml(this.name)}</b> recorded (${escapeHtml(summary)}; sha256 <code>${this.sha256.slice(0, 16)}</code>)</small></div>`,
        'text/plain': `result ${this.name} recorded (${summary}; sha256 ${this.sha256.slice(0, 16)})`,
      },
    };
  }
}

/**
 * Record a named result of the run (rankings, metrics) for the manifest's `results_digest`,
 * and show a one-line note carrying it as `application/vnd.anpr.results.v1+json`. The value is
 * stored in canonical form (keys sorted, NaN as null). Put only what should be reproducible in
 * it: no timings, no wall-clock times, and plates pseudonymised (it is shown in the notebook).
 * Recording the same name again replaces the earlier value.
 * @example anpr.recordResults('ranking', result.candidates.slice(0, top).map(c => ({ rank: c.rank, vrm: anpr.pseudonym(c.vrm), score: c.score })))
 */
export function recordResults(name: string, value: unknown): void {
  if (typeof name !== 'string' || !name) throw new TypeError('recordResults: name must be a non-empty string');
  const v = canonicalValue(value);
  runState().results.set(name, v);
  show(new RecordedResult(name, v, sha256Hex(canonicalJson(v))));
}
