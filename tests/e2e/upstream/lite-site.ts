// A scratch copy of the upstream JupyterLite site (scripts/lib/upstream-host.mjs) with our
// prebuilt extension added the way a site builder adds any prebuilt labextension, served
// statically on 127.0.0.1. Of the host only its config file, jupyter-lite.json, changes:
//   - its Galaxy add-on extensions are dropped from federated_extensions (the stock Pyodide
//     kernel and pygments stay);
//   - ours is appended from its package.json `jupyterlab._build`, its files in extensions/<name>/;
//   - exposeAppInBrowser (window.jupyterapp, for the test) and contentsAllJsonFile (so the file
//     browser lists the notebook written to files/ and api/contents/all.json).
import { cpSync, createReadStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
// @ts-expect-error plain ESM helper without types
import { ensureUpstreamHost } from '../../../scripts/lib/upstream-host.mjs';
import { ROOT } from '../harness';

/** The host's own extensions, kept: the in-browser Python kernel and pygments' styles. */
export const KEPT_EXTENSIONS = ['@jupyterlite/pyodide-kernel-extension', 'jupyterlab_pygments'];

export interface LiteSite {
  dir: string;
  base: string;
  /** What jupyter-lite.json held before our change (federated extension names). */
  originalExtensions: string[];
  close: () => Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ipynb': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.webmanifest': 'application/manifest+json'
};

/** Copy the site, add our extension and `notebook` (name → JSON), serve it; close() stops and removes it. */
export async function liteSite(notebooks: Record<string, unknown>): Promise<LiteSite> {
  const upstream: string = ensureUpstreamHost();
  mkdirSync(path.join(ROOT, '.jupyter-local'), { recursive: true });
  const dir = mkdtempSync(path.join(ROOT, '.jupyter-local', 'e2e-lite-'));
  cpSync(upstream, dir, { recursive: true });

  const ext = path.join(ROOT, 'jupyterlab-ext', 'labextension');
  const pkg = JSON.parse(readFileSync(path.join(ext, 'package.json'), 'utf8'));
  cpSync(ext, path.join(dir, 'extensions', pkg.name), { recursive: true });

  const configFile = path.join(dir, 'jupyter-lite.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const data = config['jupyter-config-data'];
  const originalExtensions = data.federated_extensions.map((e: { name: string }) => e.name);
  data.federated_extensions = [
    ...data.federated_extensions.filter((e: { name: string }) => KEPT_EXTENSIONS.includes(e.name)),
    { name: pkg.name, ...pkg.jupyterlab._build }
  ];
  data.exposeAppInBrowser = 'true';
  data.contentsAllJsonFile = 'all.json';
  writeFileSync(configFile, JSON.stringify(config, null, 2));

  // Content, not configuration: the notebooks and their listing.
  mkdirSync(path.join(dir, 'files'), { recursive: true });
  const now = new Date(0).toISOString();
  const listing = Object.entries(notebooks).map(([name, nb]) => {
    const text = JSON.stringify(nb);
    writeFileSync(path.join(dir, 'files', name), text);
    return { name, path: name, type: 'notebook', format: null, mimetype: null, content: null, created: now, last_modified: now, size: text.length, writable: true };
  });
  writeFileSync(path.join(dir, 'api', 'contents', 'all.json'), JSON.stringify({ name: '', path: '', type: 'directory', format: 'json', content: listing, created: now, last_modified: now, size: null, writable: true, mimetype: null }));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    dir,
    base: `http://127.0.0.1:${port}`,
    originalExtensions,
    close: async () => {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
