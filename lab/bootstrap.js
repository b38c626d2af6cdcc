// The entry of our JupyterLab host, as upstream's dev_mode/bootstrap.js: load every federated
// extension the server lists in page config (`federated_extensions`, found by jupyterlab_server
// in the labextensions paths), let webpack's share scope settle which shared module versions
// everyone uses, and only then import the app (index.js).
//
// PageConfig is parsed by hand here: nothing shared (@jupyterlab/coreutils included) may be
// imported before the extensions have joined the share scope.

let configData = null;
function getOption(name) {
  if (configData === null) {
    const el = document.getElementById('jupyter-config-data');
    configData = el ? JSON.parse(el.textContent || '{}') : {};
  }
  return configData[name] || '';
}

// The webpack public path must be set before any chunk or CSS asset loads.
// eslint-disable-next-line no-undef
__webpack_public_path__ = getOption('fullStaticUrl') + '/';

function loadScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.onerror = () => reject(new Error(`could not load the federated extension script ${url}`));
    script.onload = resolve;
    script.async = true;
    document.head.appendChild(script);
    script.src = url;
  });
}

/** Load one extension's remoteEntry and give its container our share scope. */
async function loadComponent(url, scope) {
  await loadScript(url);
  // eslint-disable-next-line no-undef
  await __webpack_init_sharing__('default');
  const container = window._JUPYTERLAB[scope];
  // eslint-disable-next-line no-undef
  await container.init(__webpack_share_scopes__.default);
}

void (async function bootstrap() {
  const extensions = getOption('federated_extensions') || [];
  const base = getOption('fullLabextensionsUrl');
  const loaded = await Promise.allSettled(extensions.map(data => loadComponent(`${base}/${data.name}/${data.load}`, data.name)));
  loaded.forEach(p => {
    if (p.status === 'rejected') console.error(p.reason);
  });
  const { main } = await import('./index.js');
  const start = () => main().catch(err => console.error('ANPR lab failed to start', err));
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
