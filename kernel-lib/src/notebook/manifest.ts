/**
 * The run manifest: what a notebook run read (SHA-256 of each input), with which parameters,
 * on which versions, and a digest of its results. In a notebook, `anpr.show(anpr.runManifest({ parameters }))`
 * shows it (HTML table + `application/vnd.anpr.manifest.v1+json`); `anpr run` picks that
 * output and the recorded results out of the executed notebook (`manifestFromNotebook`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from '../display/bundle';
import { escapeHtml, htmlTable } from '../display/html';
import { pseudonym } from '../privacy/pseudonym';
import { canonicalValue, resultsDigest, sha256Hex, canonicalJson, fileSha256 } from '../core/digest';
import { runState } from '../run/registry';
import { RESULTS_MIME } from './record-results';

/** MIME type of the manifest display. */
export const MANIFEST_MIME = 'application/vnd.anpr.manifest.v1+json';

/** One input file of a run. `changed`: modified after it was read (the hash is of the file now). */
export interface ManifestInput { path: string; sha256: string | null; bytes: number; changed?: boolean }

/** Versions of what ran the notebook (null when not found). */
export interface ManifestVersions { 'kernel-lib': string | null; 'jupyterlab-ext': string | null; tslab: string | null; node: string }

/** The manifest (JSON shape of `application/vnd.anpr.manifest.v1+json` and of `FILE.manifest.json`). */
export interface RunManifestData {
  schema: 'anpr.run-manifest.v1';
  inputs: ManifestInput[];
  parameters: Record<string, unknown>;
  versions: ManifestVersions;
  /** Each recorded result's digest, by name (sorted). */
  results: { name: string; sha256: string }[];
  /** SHA-256 of the canonical JSON of `{ name: value }` over every recorded result. */
  results_digest: string;
  /** Pseudonym of a fixed string: identifies the pseudonymisation key (recorded results hold pseudonyms). */
  pseudonym_key_id: string;
}

function readVersion(file: string): string | null {
  try { return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? null; } catch { return null; }
}

function resolvePackageJson(name: string): string | null {
  try { return require.resolve(`${name}/package.json`, { paths: [process.cwd(), __dirname] }); } catch { return null; }
}

/**
 * Versions of kernel-lib, jupyterlab-ext, tslab and node in this process.
 * @example runVersions() // { 'kernel-lib': '0.1.0', 'jupyterlab-ext': '0.1.0', tslab: '1.0.22', node: 'v20.20.2' }
 */
export function runVersions(): ManifestVersions {
  const ext = resolvePackageJson('@anpr/jupyterlab-ext') ?? path.join(__dirname, '..', '..', '..', 'jupyterlab-ext', 'package.json');
  const tslab = resolvePackageJson('tslab');
  return {
    'kernel-lib': readVersion(path.join(__dirname, '..', '..', 'package.json')),
    'jupyterlab-ext': existsSync(ext) ? readVersion(ext) : null,
    tslab: tslab ? readVersion(tslab) : null,
    node: process.version,
  };
}

/** Identifies the pseudonymisation key without revealing it. @example keyId() // 'V-…' */
function keyId(): string {
  return pseudonym('ANPR-RUN-MANIFEST-KEY-CHECK');
}

/**
 * Build manifest data from parts (pure apart from nothing: no I/O).
 * @example buildManifest({ inputs: [], parameters: { top: 5 }, versions, results: { ranking: [...] }, keyId: 'V-…' })
 */
export function buildManifest(parts: { inputs: ManifestInput[]; parameters: Record<string, unknown>; versions: ManifestVersions; results: Record<string, unknown>; keyId: string }): RunManifestData {
  const names = Object.keys(parts.results).sort();
  return {
    schema: 'anpr.run-manifest.v1',
    inputs: [...parts.inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    parameters: canonicalValue(parts.parameters) as Record<string, unknown>,
    versions: parts.versions,
    results: names.map((name) => ({ name, sha256: sha256Hex(canonicalJson(parts.results[name])) })),
    results_digest: resultsDigest(parts.results),
    pseudonym_key_id: parts.keyId,
  };
}

/** The manifest of a run, shown as an HTML table plus its JSON MIME type. */
export class RunManifest implements Displayable {
  constructor(readonly data: RunManifestData) {}
  get resultsDigest(): string { return this.data.results_digest; }
  toJSON(): RunManifestData { return this.data; }
  [MIMEBUNDLE](): MimeBundle {
    const d = this.data;
    const short = (h: string | null) => (h ? h.slice(0, 16) + '…' : 'unreadable');
    const html = `<div class="anpr-manifest"><p><b>Run manifest</b>: results digest <code>${d.results_digest}</code></p>` +
      htmlTable(['input', 'bytes', 'sha256'], d.inputs.map((i) => [i.path + (i.changed ? ' (changed since read)' : ''), i.bytes, short(i.sha256)]), 'Inputs') +
      htmlTable(['parameter', 'value'], Object.entries(d.parameters).map(([k, v]) => [k, JSON.stringify(v)]), 'Parameters') +
      htmlTable(['result', 'sha256'], d.results.map((r) => [r.name, short(r.sha256)]), 'Results') +
      htmlTable(['component', 'version'], Object.entries(d.versions).map(([k, v]) => [k, v ?? 'unknown']), 'Versions') +
      `<p><small>pseudonym key id ${escapeHtml(d.pseudonym_key_id)}</small></p></div>`;
    const text = `run manifest: results_digest ${d.results_digest}; ${d.inputs.length} inputs, ${d.results.length} results`;
    return { data: { [MANIFEST_MIME]: d, 'text/html': html, 'text/plain': text } };
  }
}

/**
 * The manifest of this process's run so far: every registered input (hashed now), the given
 * parameters, versions, and the digest of every result recorded with `recordResults`.
 * @example anpr.show(anpr.runManifest({ parameters: { scenarioDir, top, reveal } }))
 */
export function runManifest(options: { parameters?: Record<string, unknown> } = {}): RunManifest {
  const s = runState();
  const inputs: ManifestInput[] = [...s.inputs.values()].map((i) => {
    try {
      const st = statSync(i.absolute);
      const changed = st.size !== i.bytes || st.mtimeMs !== i.mtimeMs;
      return { path: i.path, sha256: fileSha256(i.absolute), bytes: st.size, ...(changed ? { changed: true } : {}) };
    } catch {
      return { path: i.path, sha256: null, bytes: i.bytes, changed: true };
    }
  });
  return new RunManifest(buildManifest({ inputs, parameters: options.parameters ?? {}, versions: runVersions(), results: Object.fromEntries(s.results), keyId: keyId() }));
}

/** What `anpr run` finds in an executed notebook. */
export interface ExecutedRun {
  /** The last manifest shown, if any. */
  manifest: RunManifestData | null;
  /** Every recorded result, by name (a later one of the same name wins). */
  results: Record<string, unknown>;
  /** Digest over `results` (recomputed from the outputs). */
  resultsDigest: string;
}

/**
 * Pick the manifest and the recorded results out of an executed notebook (nbformat 4 JSON).
 * @example manifestFromNotebook(JSON.parse(fs.readFileSync('a.ipynb', 'utf8'))).resultsDigest
 */
export function manifestFromNotebook(nb: { cells: { cell_type: string; outputs?: { output_type: string; data?: Record<string, unknown> }[] }[] }): ExecutedRun {
  let manifest: RunManifestData | null = null;
  const results: Record<string, unknown> = {};
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    for (const o of cell.outputs ?? []) {
      if ((o.output_type !== 'display_data' && o.output_type !== 'execute_result') || !o.data) continue;
      const r = o.data[RESULTS_MIME] as { name?: unknown; value?: unknown } | undefined;
      if (r && typeof r.name === 'string') results[r.name] = r.value;
      const m = o.data[MANIFEST_MIME] as RunManifestData | undefined;
      if (m && typeof m === 'object') manifest = m;
    }
  }
  return { manifest, results, resultsDigest: resultsDigest(results) };
}
