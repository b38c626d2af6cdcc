/**
 * `anpr run NOTEBOOK [-p key=value ...] [--out FILE]`: execute a notebook headless with the
 * project kernel (scripts/py/execute_notebook.py: Debian's nbclient), write the executed copy
 * and `OUT.manifest.json` beside it (OUT without `.ipynb`): SHA-256 of the notebook and of
 * every file the run read, the parameters, versions, and `results_digest` over the results the
 * notebook recorded (`recordResults`). Same inputs and parameters, same digest.
 * Exit 0 ok, 1 a cell failed (named on stderr; the executed copy is still written, no
 * manifest), 2 bad usage or unreadable notebook.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import * as msg from '../messages';
import { manifestFromNotebook, runVersions } from '../notebook/manifest';
import { fileSha256 } from '../core/digest';
import { guard, UsageError } from './args';

/** One-line description for `anpr --help`. */
export const summary = 'execute a notebook headless; write the executed copy and a manifest (inputs, parameters, versions, results digest)';

/** The repository root when running from a checkout (kernel-lib/dist/cli -> ../../..). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

/**
 * `-p key=value` pairs as parameters: the value parsed as JSON when it parses, else the string.
 * @example parseParams(['top=5', 'scenarioDir=data/x', 'reveal=false']) // { top: 5, scenarioDir: 'data/x', reveal: false }
 */
export function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of pairs) {
    const i = p.indexOf('=');
    const key = i < 0 ? p : p.slice(0, i);
    if (i < 0 || !/^[A-Za-z_$][\w$]*$/.test(key)) throw new UsageError(msg.cliBadOption('run', 'p', p, 'name=value with name a TypeScript identifier'));
    const raw = p.slice(i + 1);
    try { out[key] = JSON.parse(raw); } catch { out[key] = raw; }
  }
  return out;
}

/**
 * Where the manifest of an executed notebook goes: beside it, `.ipynb` replaced by `.manifest.json`.
 * @example manifestPath('/tmp/a.ipynb') // '/tmp/a.manifest.json'
 */
export function manifestPath(out: string): string {
  return out.replace(/\.ipynb$/i, '') + '.manifest.json';
}

async function kernelEnv(): Promise<NodeJS.ProcessEnv> {
  const helper = path.join(ROOT, 'scripts', 'lib', 'jupyter-env.mjs');
  if (!existsSync(helper)) return process.env;
  // A real dynamic import (this file is CommonJS; the helper is an ES module).
  const load = new Function('u', 'return import(u)') as (u: string) => Promise<{ jupyterEnv: () => NodeJS.ProcessEnv }>;
  return (await load(pathToFileURL(helper).href)).jupyterEnv();
}

/**
 * Run `anpr run`; returns the exit code.
 * @example await run(['notebooks/01-find-county-lines.ipynb', '-p', 'top=5', '--out', '/tmp/a.ipynb']) // 0
 */
export async function run(argv: string[]): Promise<number> {
  return guard('run', msg.runUsage(), async () => {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv, allowPositionals: true, strict: true,
        options: { param: { type: 'string', short: 'p', multiple: true }, out: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      });
    } catch (e) { throw new UsageError((e as Error).message); }
    const { values, positionals } = parsed;
    if (values.help) { process.stdout.write(msg.runUsage() + '\n'); return 0; }
    if (positionals.length !== 1) throw new UsageError(msg.cliBadOption('run', 'NOTEBOOK', positionals.join(' ') || null, 'one .ipynb file'));
    const input = path.resolve(positionals[0]);
    if (!existsSync(input)) throw new UsageError(msg.cliBadOption('run', 'NOTEBOOK', positionals[0], 'an existing .ipynb file'));
    const params = parseParams(values.param ?? []);
    const timeout = values.timeout === undefined ? 600 : Number(values.timeout);
    if (!Number.isInteger(timeout) || timeout <= 0) throw new UsageError(msg.cliBadOption('run', 'timeout', values.timeout, 'seconds per cell, a positive integer'));
    const out = path.resolve(values.out ?? `${path.basename(input).replace(/\.ipynb$/i, '')}.executed.ipynb`);
    if (out === input) throw new UsageError(msg.cliBadOption('run', 'out', values.out, 'a file other than the notebook'));
    mkdirSync(path.dirname(out), { recursive: true });
    const mpath = manifestPath(out);
    rmSync(mpath, { force: true });

    const notebookSha = fileSha256(input);
    const script = path.join(ROOT, 'scripts', 'py', 'execute_notebook.py');
    const python = process.env.ANPR_PYTHON || (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
    const r = spawnSync(python, [script, input, out, '--params', JSON.stringify(params), '--timeout', String(timeout)], {
      env: await kernelEnv(), encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let report: { ok: boolean; problems: { cell: number | null; kind: string; text: string }[] } | null = null;
    try { report = JSON.parse((r.stdout ?? '').trim().split('\n').pop() ?? ''); } catch { /* below */ }
    if (!report || !existsSync(out)) {
      process.stderr.write(msg.runFailedToExecute(positionals[0], (r.error?.message ?? r.stderr ?? '').slice(-2000)) + '\n');
      return r.status === 0 ? 1 : (r.status ?? 1);
    }
    const nb = JSON.parse(readFileSync(out, 'utf8'));
    if (!report.ok) {
      // Cells are named as in the input notebook: 1-based, not counting the injected parameters cell.
      const injected = (c: { metadata?: { tags?: string[] } }) => (c.metadata?.tags ?? []).includes('injected-parameters');
      const total = nb.cells.filter((c: { metadata?: { tags?: string[] } }) => !injected(c)).length;
      for (const p of report.problems) {
        const cell = p.cell === null ? undefined : nb.cells[p.cell];
        const number = p.cell === null ? null : nb.cells.slice(0, p.cell + 1).filter((c: { metadata?: { tags?: string[] } }) => !injected(c)).length;
        const src = cell ? (Array.isArray(cell.source) ? cell.source.join('') : String(cell.source)) : '';
        process.stderr.write(msg.runCellFailed(number, total, cell?.execution_count ?? null, src.split('\n').find((l: string) => l.trim() && !l.trim().startsWith('//')) ?? '', p.kind, p.text) + '\n');
      }
      process.stderr.write(msg.runExecutedCopy(out) + '\n');
      return 1;
    }
    const found = manifestFromNotebook(nb);
    const k = found.manifest;
    const nbPath = path.relative(process.cwd(), input) || input;
    const manifest = {
      schema: 'anpr.run-manifest.v1',
      notebook: { path: nbPath, sha256: notebookSha },
      executed: path.relative(process.cwd(), out) || out,
      inputs: [{ path: nbPath, sha256: notebookSha, bytes: readFileSync(input).length }, ...(k?.inputs ?? [])],
      parameters: { ...params, ...(k?.parameters ?? {}) },
      parameters_given: params,
      versions: k?.versions ?? runVersions(),
      results: Object.keys(found.results).sort().map((name) => ({ name, sha256: manifestResultSha(k, name) })),
      results_digest: found.resultsDigest,
      pseudonym_key_id: k?.pseudonym_key_id ?? null,
      kernel_manifest: k !== null,
      ran_at: new Date().toISOString(),
    };
    writeFileSync(mpath, JSON.stringify(manifest, null, 2) + '\n');
    if (k && k.results_digest !== found.resultsDigest) process.stderr.write(msg.runDigestMismatch(k.results_digest, found.resultsDigest) + '\n');
    process.stdout.write(msg.runDone(manifest.executed, path.relative(process.cwd(), mpath) || mpath, found.resultsDigest, Object.keys(found.results).length) + '\n');
    return 0;
  });
}

function manifestResultSha(k: { results: { name: string; sha256: string }[] } | null, name: string): string | null {
  return k?.results.find((r) => r.name === name)?.sha256 ?? null;
}
