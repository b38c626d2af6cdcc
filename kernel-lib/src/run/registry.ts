/**
 * The run registry: what this process (one notebook kernel, or one CLI command) has read and
 * which results it has recorded. `loadReads`/`loadSites` and `readJson` register their files;
 * notebooks record results with `recordResults` (notebook/record-results.ts); `runManifest()`
 * (notebook/manifest.ts) turns it all into the manifest. Imports nothing but node and core.
 * Kept on globalThis so that every copy of the library loaded in the process shares it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** One input file as registered: where, and its size and modification time when read. */
export interface RecordedInput { path: string; absolute: string; bytes: number; mtimeMs: number }

export interface RunState { inputs: Map<string, RecordedInput>; results: Map<string, unknown> }

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
