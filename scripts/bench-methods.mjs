// `npm run bench:methods`: set up (build), then the robustness benchmark (bench/methods/run.mjs)
// with TZ pinned. Extra arguments go to it (--only NAME,NAME, --seeds a,b, --json FILE).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { ensureBuilt, ensureNpm } from './lib/setup.mjs';

ensureNpm();
ensureBuilt();
const r = spawnSync('node', [path.join(ROOT, 'bench', 'methods', 'run.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit', cwd: ROOT, env: { ...process.env, TZ: 'Europe/London' },
});
process.exitCode = r.status ?? 1;
