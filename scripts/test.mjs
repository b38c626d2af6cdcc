// `npm test`: the same set-up as `npm start` (plus Chromium and Debian's kernel test suite),
// then every test: unit (vitest), notebook execution, kernel conformance and browser
// end-to-end (vitest, integration config). Extra arguments go to both vitest runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { setup } from './lib/setup.mjs';
import { ensureScenarios } from './lib/scenarios.mjs';

setup({ forTests: true });
ensureScenarios();
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
// Every temporary file the tests (and the processes they start: the CLI, kernels, Jupyter,
// Chromium, DuckDB) make goes under one folder of this run, listed and removed at the end, so
// nothing piles up in the system temp folder run after run.
const tmp = path.join(ROOT, '.anpr', 'test-tmp', String(process.pid));
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
const env = { ...process.env, TZ: 'Europe/London', TMPDIR: tmp, TMP: tmp, TEMP: tmp };
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
// Every test cleans up what it makes: an entry left here fails the run (and is removed).
const left = readdirSync(tmp);
process.stderr.write(`\n[test] temporary entries left by the tests: ${left.length}${left.length ? ` (${left.slice(0, 20).join(', ')}${left.length > 20 ? ', ...' : ''}); removed. FAILED: a test must remove what it creates` : ''}\n`);
rmSync(tmp, { recursive: true, force: true });
process.exitCode = failed || left.length ? 1 : 0;
