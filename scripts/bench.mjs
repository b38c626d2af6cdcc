// `npm run bench`: set up (build), then run bench/run.mjs with GC exposed and TZ pinned.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { ensureBuilt, ensureNpm } from './lib/setup.mjs';

ensureNpm();
ensureBuilt();
const r = spawnSync('node', ['--expose-gc', '--max-old-space-size=16384', path.join(ROOT, 'bench', 'run.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: ROOT,
  env: { ...process.env, TZ: 'Europe/London' }
});
process.exitCode = r.status ?? 1;
