// `npm run package`: the wheel anpr_jupyterlab-<version>-py3-none-any.whl of the prebuilt
// labextension, built offline with Debian's python3-build and python3-hatchling (no PyPI):
//
//   set-up builds (prebuilt labextension, skipped when unchanged) → stage jupyterlab-ext/python/
//   + labextension/ + install.json in .jupyter-local/package/ → python3 -m build --no-isolation --wheel
//   (--skip-dependency-check: Debian packages hatchling without the optional `editables` it declares)
//
// The wheel goes to jupyterlab-ext/dist/ (ignored); its path is printed on stdout.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL, PYTHON, ROOT } from './lib/paths.mjs';
import { ensureBuilt, ensureDebian, ensureNpm } from './lib/setup.mjs';

export const WHEEL_DIR = path.join(ROOT, 'jupyterlab-ext', 'dist');

export function buildWheel() {
  ensureDebian(['python3-build', 'python3-hatchling']);
  ensureNpm();
  ensureBuilt();
  const ext = path.join(ROOT, 'jupyterlab-ext');
  const pkg = JSON.parse(readFileSync(path.join(ext, 'labextension', 'package.json'), 'utf8'));
  const stage = path.join(LOCAL, 'package', 'anpr_jupyterlab');
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  cpSync(path.join(ext, 'python'), stage, { recursive: true });
  for (const f of ['pyproject.toml', path.join('anpr_jupyterlab', '__init__.py')]) {
    const file = path.join(stage, f);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('@VERSION@', pkg.version));
  }
  cpSync(path.join(ext, 'labextension'), path.join(stage, 'labextension'), { recursive: true });
  // What `jupyter labextension list` shows about where the extension came from.
  writeFileSync(
    path.join(stage, 'install.json'),
    JSON.stringify({ packageManager: 'python', packageName: 'anpr_jupyterlab', uninstallInstructions: 'Use your Python package manager (pip, conda, etc.) to uninstall the package anpr_jupyterlab' }, null, 2) + '\n'
  );
  mkdirSync(WHEEL_DIR, { recursive: true });
  const wheelName = `anpr_jupyterlab-${pkg.version}-py3-none-any.whl`;
  rmSync(path.join(WHEEL_DIR, wheelName), { force: true });
  const env = { ...process.env, SOURCE_DATE_EPOCH: '315532800' };
  delete env.PYTHONPATH;
  const r = spawnSync(PYTHON, ['-m', 'build', '--no-isolation', '--skip-dependency-check', '--wheel', '--outdir', WHEEL_DIR, stage], { cwd: stage, encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`[package] python3 -m build failed:\n${r.stdout}\n${r.stderr}`);
  const wheel = path.join(WHEEL_DIR, wheelName);
  if (!existsSync(wheel)) throw new Error(`[package] no ${wheelName} in ${WHEEL_DIR}: ${readdirSync(WHEEL_DIR).join(', ')}`);
  return wheel;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  const wheel = buildWheel();
  process.stderr.write(`[package] ${path.relative(ROOT, wheel)} in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
  process.stdout.write(wheel + '\n');
}
