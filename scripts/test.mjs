// `npm test`: the same set-up as `npm start` (plus Chromium and Debian's kernel test suite),
// then every test: unit (vitest), notebook execution, kernel conformance and browser
// end-to-end (vitest, integration config). Extra arguments go to both vitest runs.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { setup } from './lib/setup.mjs';
import { ensureScenarios } from './lib/scenarios.mjs';

setup({ forTests: true });
ensureScenarios();
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const env = { ...process.env, TZ: 'Europe/London' };
const runs = [
  ['unit', [vitest, 'run', '--config', 'vitest.config.mts']],
  ['integration (notebooks, kernel, browser)', [vitest, 'run', '--config', 'vitest.integration.config.mts']]
];
let failed = 0;
for (const [name, args] of runs) {
  process.stderr.write(`\n[test] ${name}\n`);
  const r = spawnSync('node', [...args, ...process.argv.slice(2)], { stdio: 'inherit', cwd: ROOT, env });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
