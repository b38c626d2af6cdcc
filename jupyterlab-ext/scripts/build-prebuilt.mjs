#!/usr/bin/env node
/**
 * Build the prebuilt (federated) JupyterLab extension into jupyterlab-ext/labextension/.
 *
 *   tsc (lib/) → generate a minimal "core" package.json → @jupyterlab/builder build-labextension
 *
 * build-labextension needs `--core-path <dir>` holding JupyterLab's dev_mode/package.json.
 * It reads only three things from it (see @jupyterlab/builder/lib/extensionConfig.js):
 * `dependencies` and `resolutions` (versions of the packages the host app shares) and
 * `jupyterlab.singletonPackages` (packages the extension must take from the host, never
 * bundle). Rather than commit a copy of that file, we write the core manifest our own host
 * is built from (lab/federation/core-manifest.js: the ranges JupyterLab's packages declare,
 * not the versions installed here) into an ignored folder under node_modules/.cache.
 *
 * Usage: node jupyterlab-ext/scripts/build-prebuilt.mjs [--development] [--no-tsc]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(extDir, '..');
const nodeModules = path.join(root, 'node_modules');
const coreDir = path.join(nodeModules, '.cache', 'anpr-labextension-core');
const args = process.argv.slice(2);
// The host's core manifest (lab/federation/core-manifest.js): JupyterLab's own ranges for every shared package.
const { coreManifest } = createRequire(import.meta.url)(path.join(root, 'lab', 'federation', 'core-manifest.js'));

function run(label, cmd, cmdArgs) {
  const t0 = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${label} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status ?? 1);
  }
  console.log(`${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

const t0 = Date.now();
if (!args.includes('--no-tsc')) {
  run('tsc', process.execPath, [path.join(nodeModules, 'typescript/bin/tsc'), '-p', extDir]);
}
fs.mkdirSync(coreDir, { recursive: true });
fs.writeFileSync(path.join(coreDir, 'package.json'), JSON.stringify(coreManifest(), null, 2) + '\n');
run('build-labextension', process.execPath, [
  path.join(nodeModules, '@jupyterlab/builder/lib/build-labextension.js'),
  '--core-path', coreDir,
  ...(args.includes('--development') ? ['--development'] : []),
  extDir
]);

const out = path.join(extDir, 'labextension');
const remote = fs.readdirSync(path.join(out, 'static')).filter(f => /^remoteEntry\..*\.js$/.test(f));
if (!fs.existsSync(path.join(out, 'package.json')) || remote.length !== 1) {
  console.error(`unexpected output in ${out}: remoteEntry files ${JSON.stringify(remote)}`);
  process.exit(1);
}
console.log(`prebuilt extension in ${path.relative(root, out)} (static/${remote[0]}), ${((Date.now() - t0) / 1000).toFixed(1)} s in all`);
