// An unmodified upstream JupyterLab-family host for the browser tests (test-only): the stock
// `jupyter lite build` output (JupyterLite 0.8.3 on the JupyterLab 4.6.3 packages) inside the npm
// package @galaxyproject/jupyterlite, fetched with `npm pack` (no install, no scripts run) into
// the ignored folder .jupyter-local/upstream/. Skipped when already there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOCAL } from './paths.mjs';

export const UPSTREAM_PACKAGE = '@galaxyproject/jupyterlite@0.0.31';
const DIR = path.join(LOCAL, 'upstream', 'galaxyproject-jupyterlite-0.0.31');
/** The stock JupyterLite site inside the package. */
export const UPSTREAM_SITE = path.join(DIR, 'package', 'static', 'dist', '_output');

/** Fetch and unpack the upstream host when missing; returns the site folder. */
export function ensureUpstreamHost() {
  const done = path.join(DIR, '.complete');
  if (existsSync(done)) return UPSTREAM_SITE;
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  process.stderr.write(`[setup] npm pack ${UPSTREAM_PACKAGE} (test-only upstream host)\n`);
  const pack = spawnSync('npm', ['pack', UPSTREAM_PACKAGE, '--pack-destination', DIR, '--silent', '--ignore-scripts'], { encoding: 'utf8' });
  if (pack.status !== 0) throw new Error(`[setup] npm pack ${UPSTREAM_PACKAGE} failed: ${pack.stderr}`);
  const tgz = readdirSync(DIR).find(f => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`[setup] npm pack ${UPSTREAM_PACKAGE} wrote no tarball`);
  const tar = spawnSync('tar', ['xzf', tgz], { cwd: DIR, encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`[setup] unpacking ${tgz} failed: ${tar.stderr}`);
  rmSync(path.join(DIR, tgz));
  if (!existsSync(path.join(UPSTREAM_SITE, 'jupyter-lite.json'))) throw new Error(`[setup] ${UPSTREAM_PACKAGE} has no static/dist/_output/jupyter-lite.json`);
  writeFileSync(done, new Date().toISOString() + '\n');
  return UPSTREAM_SITE;
}
