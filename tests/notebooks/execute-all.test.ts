// Every template notebook runs headless with the tslab kernel and default parameters,
// without an error output or anything on stderr, and no plate of the synthetic scenarios
// appears anywhere in its outputs (plates are pseudonymised unless revealed).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { jupyterEnv } from '../../scripts/lib/jupyter-env.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const OUT = path.join(ROOT, 'test-results', 'notebooks');
const notebooks = readdirSync(NOTEBOOKS).filter(f => f.endsWith('.ipynb')).sort();

/** Every plate (first CSV column) of every scenario the templates use. */
function scenarioPlates(): Set<string> {
  const plates = new Set<string>();
  const data = path.join(NOTEBOOKS, 'data');
  for (const dir of readdirSync(data)) {
    if (!existsSync(path.join(data, dir, 'reads.csv.gz'))) continue; // not a scenario folder
    const text = gunzipSync(readFileSync(path.join(data, dir, 'reads.csv.gz'))).toString('utf8');
    for (const line of text.split('\n').slice(1)) {
      const vrm = line.slice(0, line.indexOf(','));
      if (vrm) plates.add(vrm.toUpperCase().replace(/[^A-Z0-9]/g, ''));
    }
  }
  return plates;
}

/** Plates found in a notebook's outputs (any MIME type, any text), as whole tokens. */
function platesInOutputs(file: string, plates: Set<string>): string[] {
  const nb = JSON.parse(readFileSync(file, 'utf8'));
  const found = new Set<string>();
  for (const cell of nb.cells) {
    for (const out of cell.outputs ?? []) {
      const text = JSON.stringify(out).toUpperCase();
      for (const token of text.match(/[A-Z0-9]{5,8}/g) ?? []) if (plates.has(token)) found.add(token);
    }
  }
  return [...found].sort();
}

describe('template notebooks execute headless', () => {
  const plates = scenarioPlates();
  it('the scenarios have plates to look for', () => expect(plates.size).toBeGreaterThan(1000));
  it('there is at least one template', () => expect(notebooks.length).toBeGreaterThan(0));
  for (const nb of notebooks) {
    it(nb, () => {
      mkdirSync(OUT, { recursive: true });
      const r = spawnSync('/usr/bin/python3', [path.join(ROOT, 'scripts', 'py', 'execute_notebook.py'), path.join(NOTEBOOKS, nb), path.join(OUT, nb)], {
        env: jupyterEnv(),
        encoding: 'utf8',
        timeout: 580_000
      });
      const last = r.stdout.trim().split('\n').pop() ?? '';
      let result: { ok: boolean; problems: unknown[] } = { ok: false, problems: [r.stderr.slice(-3000)] };
      try {
        result = JSON.parse(last);
      } catch {
        /* keep the stderr as the problem */
      }
      expect(result.problems, `executed copy: ${path.join(OUT, nb)}`).toEqual([]);
      expect(result.ok).toBe(true);
      const leaked = platesInOutputs(path.join(OUT, nb), plates);
      expect(leaked, 'plates shown unpseudonymised in outputs').toEqual([]);
    });
  }
});
