// `npm run bench`: set up (build), then run bench/run.mjs with GC exposed and TZ pinned.
// `npm run bench:scale` (--scale): bench/scale/run.mjs instead (DuckDB engine on 10M-100M reads).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { ensureBuilt, ensureNpm } from './lib/setup.mjs';

ensureNpm();
ensureBuilt();
const scale = process.argv.includes('--scale');
const script = scale ? path.join(ROOT, 'bench', 'scale', 'run.mjs') : path.join(ROOT, 'bench', 'run.mjs');
const r = spawnSync('node', ['--expose-gc', '--max-old-space-size=16384', script, ...process.argv.slice(2).filter((a) => a !== '--scale')], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, TZ: 'Europe/London' }
});
process.exitCode = r.status ?? 1;
