// The "core" of our JupyterLab host, as upstream's dev_mode/package.json describes it: the
// packages the host shares with federated extensions, each with a version range, and the
// singletons an extension must take from the host and never bundle.
//
// Used on both sides of module federation:
//   - lab/webpack.config.js builds the host's ModuleFederationPlugin `shared` from it;
//   - jupyterlab-ext/scripts/build-prebuilt.mjs writes it as the `--core-path` package.json
//     that @jupyterlab/builder's build-labextension reads.
//
// The ranges are JupyterLab's own: for each shared package, the range JupyterLab's packages
// declare in their `dependencies` (the loosest when they differ: JupyterLab's packages do not
// all release together, and npm overrides keep some a patch behind what a sibling declares),
// never the version that happens to be installed here.
// An extension built against the installed @lumino/widgets 2.10.0 would otherwise require
// ^2.10.0 and warn "Unsatisfied version" in a JupyterLab that ships 2.8 (JupyterLab itself
// asks for ^2.7.5).
'use strict';
const fs = require('fs');
const path = require('path');
const semver = require('semver');

const ROOT = path.resolve(__dirname, '..', '..');
const NODE_MODULES = path.join(ROOT, 'node_modules');

/**
 * JupyterLab 4.5's singleton packages (dev_mode/package.json, jupyterlab.singletonPackages,
 * tag v4.5.10): provided by the host, never bundled by an extension.
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

/** @jupyterlab packages that are tools, not part of the running app. */
const NOT_SHARED = new Set(['@jupyterlab/builder', '@jupyterlab/testing', '@jupyterlab/metapackage']);

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** The package.json of every installed @jupyterlab package. */
function jupyterlabPackages(nodeModules = NODE_MODULES) {
  const dir = path.join(nodeModules, '@jupyterlab');
  return fs
    .readdirSync(dir)
    .map(n => path.join(dir, n, 'package.json'))
    .filter(f => fs.existsSync(f))
    .map(readJson)
    .filter(p => !NOT_SHARED.has(p.name));
}

/**
 * Of several ranges for one package, the loosest (lowest minimum version); a range with `||`
 * alternatives counts by its newest alternative (an older major is not what we build against).
 * @example loosestRange(['^2.7.5', '^1.37.2 || ^2.7.5', '^2.8.0']) === '^2.7.5'
 */
function loosestRange(ranges) {
  let best = null;
  let bestMin = null;
  for (const raw of ranges) {
    const range = raw.split('||').map(s => s.trim()).pop();
    if (!semver.validRange(range)) continue;
    const min = semver.minVersion(range);
    if (!best || semver.lt(min, bestMin)) {
      best = range;
      bestMin = min;
    }
  }
  return best;
}

/**
 * What JupyterLab's own packages declare for each package they depend on: name → ranges.
 * A @jupyterlab package's own version counts as `~<version>`, as dev_mode lists it.
 */
function declaredRanges(packages) {
  const ranges = new Map();
  const add = (name, range) => {
    if (!ranges.has(name)) ranges.set(name, []);
    ranges.get(name).push(range);
  };
  for (const p of packages) {
    add(p.name, `~${p.version}`);
    for (const [dep, range] of Object.entries(p.dependencies || {})) add(dep, range);
  }
  return ranges;
}

/**
 * The core manifest: `dependencies` (the @jupyterlab packages), `resolutions` (everything
 * else shared) and `jupyterlab.singletonPackages`, with JupyterLab's own ranges.
 * @example coreManifest().resolutions['@lumino/widgets'] === '^2.7.5'
 */
function coreManifest({ nodeModules = NODE_MODULES } = {}) {
  const packages = jupyterlabPackages(nodeModules);
  const app = packages.find(p => p.name === '@jupyterlab/application');
  if (!app) throw new Error('@jupyterlab/application is not installed: run the project set-up first');
  const ranges = declaredRanges(packages);
  const names = new Set([...packages.map(p => p.name), ...SINGLETONS]);
  const dependencies = {};
  const resolutions = {};
  for (const name of [...names].sort()) {
    const range = loosestRange(ranges.get(name) || []);
    if (!range) continue; // a singleton no JupyterLab package of this line depends on
    (name.startsWith('@jupyterlab/') ? dependencies : resolutions)[name] = range;
  }
  return {
    name: '@jupyterlab/application-top',
    version: app.version,
    private: true,
    dependencies,
    resolutions,
    jupyterlab: { name: 'JupyterLab', version: app.version, singletonPackages: SINGLETONS }
  };
}

/**
 * The host's ModuleFederationPlugin `shared`, as upstream dev_mode builds it: every core
 * package with its range widened from ~ to ^ (extensions may match a wider range, for
 * forward compatibility), singletons marked. The host provides the installed versions.
 */
function hostShared(manifest = coreManifest()) {
  const shared = {};
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.resolutions })) {
    shared[name] = { requiredVersion: range.replace('~', '^') };
  }
  for (const name of manifest.jupyterlab.singletonPackages) {
    if (!shared[name]) continue;
    shared[name].singleton = true;
  }
  return shared;
}

module.exports = { SINGLETONS, coreManifest, hostShared, loosestRange };
