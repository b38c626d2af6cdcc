// `anpr run`: executes a template headless with the project kernel and writes the executed copy
// plus a manifest. Same inputs and parameters -> same results_digest; a changed parameter ->
// a different one; a failing cell -> exit 1 naming the cell. Writes under test-results/ only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT = path.join(ROOT, 'test-results', 'anpr-run');
// The trial-evaluation template: what an evaluator reruns to reproduce a result.
const NB = path.join(ROOT, 'notebooks', '04-trial-evaluation.ipynb');

function anprRun(args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs'), 'run', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 580_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function manifestOf(name: string) {
  return JSON.parse(readFileSync(path.join(OUT, `${name}.manifest.json`), 'utf8'));
}

describe('anpr run', () => {
  mkdirSync(OUT, { recursive: true });

  it('gives the same results_digest twice on the same inputs, and a different one when a parameter changes', () => {
    for (const n of ['a', 'b', 'c']) rmSync(path.join(OUT, `${n}.manifest.json`), { force: true });
    const a = anprRun([NB, '--out', path.join(OUT, 'a.ipynb')]);
    expect(a.stderr).toBe('');
    expect(a.status).toBe(0);
    const b = anprRun([NB, '--out', path.join(OUT, 'b.ipynb')]);
    expect(b.status, b.stderr).toBe(0);
    const c = anprRun([NB, '-p', 'k=20', '--out', path.join(OUT, 'c.ipynb')]);
    expect(c.status, c.stderr).toBe(0);
    const [ma, mb, mc] = ['a', 'b', 'c'].map(manifestOf);

    expect(ma.results_digest).toMatch(/^[0-9a-f]{64}$/);
    expect(a.stdout).toContain(ma.results_digest);
    expect(mb.results_digest).toBe(ma.results_digest);
    expect(mc.results_digest).not.toBe(ma.results_digest);

    // The manifest: the notebook and every file the run read, hashed; parameters; versions; results.
    expect(ma.schema).toBe('anpr.run-manifest.v1');
    expect(ma.kernel_manifest).toBe(true);
    expect(ma.notebook.sha256).toMatch(/^[0-9a-f]{64}$/);
    const inputs = ma.inputs.map((i: { path: string }) => path.basename(i.path)).sort();
    // Both scenarios' files (tuned and held out), the variants file and the files of the
    // robustnessRuns (3) held-out variants run live, and the notebook itself.
    const scenarioFiles = ['hub.geojson', 'markets.geojson', 'reads.csv.gz', 'sites.csv', 'truth.json'];
    expect(inputs).toEqual(['04-trial-evaluation.ipynb', ...scenarioFiles.flatMap(f => [f, f, f, f, f]), 'variants.json'].sort());
    for (const i of ma.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(mb.inputs).toEqual(ma.inputs);
    expect(ma.parameters).toMatchObject({ k: 50, scenarioDir: 'data/merseyside-small', heldOutDir: 'data/london-small' });
    expect(mc.parameters.k).toBe(20);
    expect(mc.parameters_given).toEqual({ k: 20 });
    expect(Object.keys(ma.versions).sort()).toEqual(['jupyterlab-ext', 'kernel-lib', 'node', 'tslab']);
    expect(ma.versions.tslab).toMatch(/^\d+\./);
    expect(ma.results.map((r: { name: string }) => r.name)).toEqual(['evaluation:held-out', 'evaluation:tuned', 'robustness']);
    // No timings inside the recorded results.
    const executed = readFileSync(path.join(OUT, 'a.ipynb'), 'utf8');
    expect(executed).toContain('application/vnd.anpr.results.v1+json');
    expect(JSON.stringify(ma.results)).not.toMatch(/seconds/);
  });

  it('exits 1 naming the cell when a cell fails, and writes no manifest', () => {
    const nb = {
      nbformat: 4, nbformat_minor: 5,
      metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript (tslab + ANPR)', language: 'typescript' } },
      cells: [
        { cell_type: 'code', id: 'p', metadata: { tags: ['parameters'] }, source: 'const n = 1;', outputs: [], execution_count: null },
        { cell_type: 'code', id: 'ok', metadata: {}, source: 'const m = n + 1;', outputs: [], execution_count: null },
        { cell_type: 'code', id: 'bad', metadata: {}, source: '// this one fails\nthrow new RangeError("boom");', outputs: [], execution_count: null },
      ],
    };
    const file = path.join(OUT, 'failing.ipynb');
    writeFileSync(file, JSON.stringify(nb));
    rmSync(path.join(OUT, 'failing.out.manifest.json'), { force: true });
    const r = anprRun([file, '--out', path.join(OUT, 'failing.out.ipynb')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cell 3 of 3 \(In \[\d+\]\) "throw new RangeError\(\\?"boom\\?"\);" failed \(error\): RangeError: boom/);
    expect(existsSync(path.join(OUT, 'failing.out.ipynb'))).toBe(true);
    expect(existsSync(path.join(OUT, 'failing.out.manifest.json'))).toBe(false);
    // With an injected parameters cell, the cell is still named as in the input notebook.
    const p = anprRun([file, '-p', 'n=3', '--out', path.join(OUT, 'failing.p.ipynb')]);
    expect(p.status).toBe(1);
    expect(p.stderr).toMatch(/cell 3 of 3 \(In \[\d+\]\) "throw new RangeError/);
  });

  it('exits 2 on bad usage', () => {
    expect(anprRun([]).status).toBe(2);
    expect(anprRun([NB, '-p', 'not an identifier=1']).status).toBe(2);
    expect(anprRun([path.join(OUT, 'no-such.ipynb')]).status).toBe(2);
  });
});
