// Every template notebook runs headless with the tslab kernel and default parameters,
// without an error output or anything on stderr (tslab reports errors there).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { jupyterEnv } from '../../scripts/lib/jupyter-env.mjs';

const ROOT = path.resolve(__dirname, '..', '..');
const NOTEBOOKS = path.join(ROOT, 'notebooks');
const OUT = path.join(ROOT, 'test-results', 'notebooks');
const notebooks = readdirSync(NOTEBOOKS).filter(f => f.endsWith('.ipynb')).sort();

describe('template notebooks execute headless', () => {
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
    });
  }
});
