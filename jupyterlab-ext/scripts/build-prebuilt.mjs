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
 * bundle). Rather than commit a copy of that file, we generate those fields from the
 * @jupyterlab/* packages installed here, into an ignored folder under node_modules/.cache.
 *
 * Usage: node jupyterlab-ext/scripts/build-prebuilt.mjs [--development] [--no-tsc]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(extDir, '..');
const nodeModules = path.join(root, 'node_modules');
const coreDir = path.join(nodeModules, '.cache', 'anpr-labextension-core');
const args = process.argv.slice(2);

/**
 * The singleton packages of JupyterLab 4.5 (dev_mode/package.json at v4.5.9,
 * jupyterlab.singletonPackages): provided by the host, never bundled by an extension.
 */
const SINGLETONS = [
  '@codemirror/language', '@codemirror/state', '@codemirror/view',
  '@jupyter/react-components', '@jupyter/web-components', '@jupyter/ydoc',
  '@jupyterlab/application', '@jupyterlab/apputils', '@jupyterlab/cell-toolbar',
  '@jupyterlab/codeeditor', '@jupyterlab/codemirror', '@jupyterlab/completer',
  '@jupyterlab/console', '@jupyterlab/coreutils', '@jupyterlab/debugger',
  '@jupyterlab/docmanager', '@jupyterlab/documentsearch', '@jupyterlab/extensionmanager',
  '@jupyterlab/filebrowser', '@jupyterlab/fileeditor', '@jupyterlab/htmlviewer',
  '@jupyterlab/imageviewer', '@jupyterlab/inspector', '@jupyterlab/launcher',
  '@jupyterlab/logconsole', '@jupyterlab/lsp', '@jupyterlab/mainmenu',
  '@jupyterlab/markdownviewer', '@jupyterlab/mermaid', '@jupyterlab/metadataform',
  '@jupyterlab/notebook', '@jupyterlab/pluginmanager', '@jupyterlab/rendermime',
  '@jupyterlab/rendermime-interfaces', '@jupyterlab/services', '@jupyterlab/settingeditor',
  '@jupyterlab/settingregistry', '@jupyterlab/statedb', '@jupyterlab/statusbar',
  '@jupyterlab/terminal', '@jupyterlab/toc', '@jupyterlab/tooltip',
  '@jupyterlab/translation', '@jupyterlab/ui-components', '@jupyterlab/workspaces',
  '@lezer/common', '@lezer/highlight',
  '@lumino/algorithm', '@lumino/application', '@lumino/commands', '@lumino/coreutils',
  '@lumino/datagrid', '@lumino/disposable', '@lumino/domutils', '@lumino/dragdrop',
  '@lumino/keyboard', '@lumino/messaging', '@lumino/polling', '@lumino/properties',
  '@lumino/signaling', '@lumino/virtualdom', '@lumino/widgets',
  '@microsoft/fast-element', '@microsoft/fast-foundation',
  'react', 'react-dom', 'yjs'
];

/** Installed version of `name` under the workspace's node_modules, or null. */
function installedVersion(name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(nodeModules, name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** The core package.json fields build-labextension reads, from what is installed. */
function coreManifest() {
  const jupyterlab = fs.readdirSync(path.join(nodeModules, '@jupyterlab')).map(n => `@jupyterlab/${n}`);
  const dependencies = {};
  const resolutions = {};
  for (const name of new Set([...jupyterlab, ...SINGLETONS])) {
    const version = installedVersion(name);
    if (!version) continue;
    // Same ranges as JupyterLab's dev_mode: ~ for its own packages, ^ for the rest.
    const range = (name.startsWith('@jupyterlab/') ? '~' : '^') + version;
    (name.startsWith('@jupyterlab/') ? dependencies : resolutions)[name] = range;
  }
  const app = installedVersion('@jupyterlab/application');
  if (!app) throw new Error('@jupyterlab/application is not installed: run the project set-up first');
  return {
    name: '@jupyterlab/application-top',
    version: app,
    private: true,
    dependencies,
    resolutions,
    jupyterlab: { name: 'JupyterLab', version: app, singletonPackages: SINGLETONS }
  };
}

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
