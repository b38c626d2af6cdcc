// Idempotent set-up shared by `npm start` and `npm test`: Debian packages when missing,
// npm dependencies when the lock changed, builds when their sources changed, and the tslab
// kernel registered into the project-local prefix. A second run does nothing slow.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { KERNEL_PREFIX, LAB_BUILD, LOCAL, ROOT } from './paths.mjs';
import { ensureUpstreamHost } from './upstream-host.mjs';

/** Debian packages the lab needs; tests also need a browser and the kernel test suite. */
export const DEBIAN_FOR_START = ['python3-jupyter-server', 'python3-jupyterlab-server', 'python3-nbclient', 'python3-nbformat', 'python3-ipykernel', 'jupyter-client', 'jupyter-nbconvert'];
// clickhouse-server/-client: the ClickHouse executor's test starts its own 2-shard cluster (scripts/lib/clickhouse.mjs).
export const DEBIAN_FOR_TEST = [...DEBIAN_FOR_START, 'python3-jupyter-kernel-test', 'chromium', 'python3-venv', 'python3-build', 'python3-hatchling', 'clickhouse-server', 'clickhouse-client'];

const log = msg => process.stderr.write(`[setup] ${msg}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`[setup] ${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

function missingDebian(pkgs) {
  return pkgs.filter(p => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return !(r.status === 0 && r.stdout.includes('install ok installed'));
  });
}

export function ensureDebian(pkgs) {
  const missing = missingDebian(pkgs);
  if (!missing.length) return;
  if (process.getuid && process.getuid() !== 0) {
    throw new Error(`[setup] missing Debian packages: ${missing.join(' ')}. Run as root, or: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** What `npm ci` depends on: the lock and every workspace's package.json. */
const NPM_INPUTS = ['package-lock.json', 'package.json', 'kernel-lib/package.json', 'jupyterlab-ext/package.json', 'kernel/package.json', 'lab/package.json'];

export function hashFiles(paths) {
  const h = createHash('sha256');
  const walk = p => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p).sort()) walk(path.join(p, f));
    else h.update(path.relative(ROOT, p)).update('\0').update(readFileSync(p)).update('\0');
  };
  for (const p of paths) walk(path.join(ROOT, p));
  return h.digest('hex');
}

/** Run `build` unless the hash of `inputs` matches the stamp left by the last build. */
function buildIfChanged(name, inputs, stamp, build) {
  const digest = hashFiles(inputs);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return false;
  log(`building ${name}`);
  const t = Date.now();
  build();
  mkdirSync(path.dirname(stamp), { recursive: true });
  writeFileSync(stamp, digest);
  log(`built ${name} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

export function ensureNpm() {
  const stamp = path.join(ROOT, 'node_modules', '.anpr-lock.sha256');
  const digest = hashFiles(NPM_INPUTS);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  log('npm ci');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(stamp, digest);
}

const TSC = ['node_modules/typescript/bin/tsc']; // TypeScript 5.9 (node_modules/.bin/tsc is tslab's 5.0)

/** Where the server finds our prebuilt extension during development: linked as `jupyter labextension develop` does. */
export const LABEXTENSION_LINK = path.join(KERNEL_PREFIX, 'share', 'jupyter', 'labextensions', '@anpr', 'jupyterlab-ext');
export const LABEXTENSION_DIR = path.join(ROOT, 'jupyterlab-ext', 'labextension');

export function ensureBuilt() {
  const stamps = path.join(LOCAL, 'stamps');
  buildIfChanged('kernel-lib', ['kernel-lib/src', 'kernel-lib/package.json', 'kernel-lib/tsconfig.json', 'tsconfig.json'], path.join(stamps, 'kernel-lib'), () => {
    // From a clean dist/: a moved or deleted source must not leave its old output behind.
    rmSync(path.join(ROOT, 'kernel-lib', 'dist'), { recursive: true, force: true });
    run('node', [...TSC, '-p', 'kernel-lib']);
  });
  buildIfChanged('jupyterlab-ext', ['jupyterlab-ext/src', 'jupyterlab-ext/package.json', 'jupyterlab-ext/tsconfig.json', 'kernel-lib/src/contract'], path.join(stamps, 'jupyterlab-ext'), () => {
    // From a clean lib/: a moved or deleted source must not leave its old output behind.
    rmSync(path.join(ROOT, 'jupyterlab-ext', 'lib'), { recursive: true, force: true });
    run('node', [...TSC, '-p', 'jupyterlab-ext']);
  });
  // The kernel (TypeScript, kernel/src -> kernel/dist): tslab's executor made to behave.
  buildIfChanged('kernel', ['kernel/src', 'kernel/package.json', 'kernel/tsconfig.json', 'tsconfig.json'], path.join(stamps, 'kernel'), () =>
    run('node', [...TSC, '-p', 'kernel'])
  );
  // The prebuilt (federated) labextension: what a user's JupyterLab loads, and what our host loads.
  buildIfChanged(
    'jupyterlab-ext prebuilt labextension',
    ['jupyterlab-ext/lib', 'jupyterlab-ext/style', 'jupyterlab-ext/package.json', 'jupyterlab-ext/scripts/build-prebuilt.mjs', 'kernel-lib/dist/contract', 'lab/federation', 'package-lock.json'],
    path.join(stamps, 'labextension'),
    () => run('node', ['jupyterlab-ext/scripts/build-prebuilt.mjs', '--no-tsc'])
  );
  // The host: JupyterLab's own extensions bundled, ours not (it is federated).
  buildIfChanged('lab (JupyterLab host)', ['lab/index.js', 'lab/bootstrap.js', 'lab/webpack.config.js', 'lab/package.json', 'lab/federation', 'package-lock.json'], path.join(stamps, 'lab'), () =>
    run('node', [path.join(ROOT, 'node_modules/webpack/bin/webpack.js'), '--config', 'webpack.config.js'], { cwd: path.join(ROOT, 'lab') })
  );
  if (!existsSync(path.join(LAB_BUILD, 'bundle.js'))) throw new Error('[setup] lab/build/bundle.js missing after build');
  if (!existsSync(path.join(LABEXTENSION_DIR, 'package.json'))) throw new Error('[setup] jupyterlab-ext/labextension missing after build');
  linkLabextension();
}

/** Link the prebuilt extension into the project prefix's labextensions folder (re-made when it points elsewhere). */
function linkLabextension() {
  let current = null;
  try {
    current = readlinkSync(LABEXTENSION_LINK);
  } catch {
    /* missing */
  }
  if (current === LABEXTENSION_DIR) return;
  rmSync(LABEXTENSION_LINK, { recursive: true, force: true });
  mkdirSync(path.dirname(LABEXTENSION_LINK), { recursive: true });
  symlinkSync(LABEXTENSION_DIR, LABEXTENSION_LINK, 'dir');
  log(`linked ${path.relative(ROOT, LABEXTENSION_LINK)} -> ${path.relative(ROOT, LABEXTENSION_DIR)}`);
}

export function ensureKernel() {
  // The kernelspecs `tslab` and `jslab` (the names the templates use), written by the kernel's
  // own installer (kernel/src/install.ts, as `npx anpr-kernel install --prefix P`) into the
  // project-local prefix; files already equal are left alone. The node that runs the set-up
  // runs the kernel (no dependence on PATH).
  const { installKernelSpecs, kernelsDir } = createRequire(import.meta.url)(path.join(ROOT, 'kernel', 'dist', 'install.js'));
  for (const file of installKernelSpecs(kernelsDir({ prefix: KERNEL_PREFIX }))) log(`registered ${path.relative(ROOT, file)}`);
}

/** Everything `npm start` needs (`forTests` adds the browser and the kernel test suite). */
export function setup({ forTests = false } = {}) {
  const t = Date.now();
  ensureDebian(forTests ? DEBIAN_FOR_TEST : DEBIAN_FOR_START);
  ensureNpm();
  ensureBuilt();
  ensureKernel();
  // Tests also open our extension in an unmodified upstream host (npm pack, test-only).
  if (forTests) ensureUpstreamHost();
  for (const d of ['config', 'data', 'runtime', 'ipython', 'lab']) mkdirSync(path.join(LOCAL, d), { recursive: true });
  log(`ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
