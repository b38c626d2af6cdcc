// The synthetic scenarios the templates use, generated (deterministically) when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NOTEBOOKS, ROOT } from './paths.mjs';

/** Scenario folders under notebooks/data and the `anpr synth` arguments that make them. */
export const TEMPLATE_SCENARIOS = {
  'merseyside-small': ['--scenario', 'merseyside', '--days', '28', '--seed', 'workshop', '--vehicles', '1500'],
  'london-small': ['--scenario', 'london', '--days', '28', '--seed', 'workshop', '--vehicles', '1500']
};

export function ensureScenarios() {
  for (const [name, args] of Object.entries(TEMPLATE_SCENARIOS)) {
    const out = path.join(NOTEBOOKS, 'data', name);
    if (existsSync(path.join(out, 'truth.json'))) continue;
    process.stderr.write(`[setup] generating synthetic scenario ${name}\n`);
    const r = spawnSync('node', [path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs'), 'synth', ...args, '--out', out], { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London' } });
    if (r.status !== 0) throw new Error(`[setup] anpr synth for ${name} failed (exit ${r.status})`);
  }
}
