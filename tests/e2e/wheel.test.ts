// The wheel a user pip-installs (`npm run package`, scripts/package.mjs): built offline with
// Debian's python3-build + python3-hatchling, installed into a venv made with
// --system-site-packages (Debian's jupyter_server and jupyterlab_server, no PyPI); then
// jupyterlab_server's own discovery must list the extension from that venv with the right
// `_build` entry, and our host, run by that venv's Python with no other labextensions path,
// must load it from there and render a notebook's saved map and profile outputs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { buildWheel } from '../../scripts/package.mjs';
import { federation, openLab, ROOT, sharedScopeWarnings, type LabSession } from './harness';
import { widgetsNotebook } from './upstream/widgets-notebook';

const NAME = '@anpr/jupyterlab-ext';
let tmp: string;
let wheel: string;
let venv: string;
let session: LabSession | undefined;

function run(cmd: string, args: string[], env: Record<string, string | undefined> = process.env): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env as NodeJS.ProcessEnv });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** An environment for the venv's Python with nothing of the project's Jupyter paths. */
function venvEnv(jupyterPath: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: path.join(tmp, 'data'), JUPYTER_CONFIG_DIR: path.join(tmp, 'config') };
  delete env.PYTHONPATH;
  return env;
}

beforeAll(() => {
  wheel = buildWheel();
  tmp = mkdtempSync(path.join(os.tmpdir(), 'anpr-wheel-'));
  venv = path.join(tmp, 'venv');
  run('/usr/bin/python3', ['-m', 'venv', '--system-site-packages', venv]);
  run(path.join(venv, 'bin', 'python'), ['-m', 'pip', 'install', '--no-index', '--no-deps', '--disable-pip-version-check', '--quiet', wheel]);
}, 300_000);

afterAll(async () => {
  await session?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the anpr_jupyterlab wheel', () => {
  it('is named anpr_jupyterlab-<version>-py3-none-any.whl and holds the prebuilt extension and install.json', () => {
    const version = JSON.parse(readFileSync(path.join(ROOT, 'jupyterlab-ext', 'package.json'), 'utf8')).version;
    expect(path.basename(wheel)).toBe(`anpr_jupyterlab-${version}-py3-none-any.whl`);
    const files = run('/usr/bin/python3', ['-c', 'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', wheel]).trim().split('\n');
    const data = `anpr_jupyterlab-${version}.data/data/share/jupyter/labextensions/${NAME}/`;
    expect(files).toContain(`${data}package.json`);
    expect(files).toContain(`${data}install.json`);
    expect(files.filter(f => f.startsWith(`${data}static/remoteEntry.`))).toHaveLength(1);
    expect(files).toContain('anpr_jupyterlab/__init__.py');
  });

  it('is found by jupyterlab_server’s labextension discovery in the venv, with the right _build entry', () => {
    const script = [
      'import json',
      'from jupyter_core.paths import jupyter_path',
      'from jupyterlab_server.config import get_federated_extensions',
      'exts = get_federated_extensions(jupyter_path("labextensions"))',
      'print(json.dumps({k: {"ext_path": v["ext_path"], "jupyterlab": v["jupyterlab"], "install": v.get("install")} for k, v in exts.items()}))'
    ].join('\n');
    const found = JSON.parse(run(path.join(venv, 'bin', 'python'), ['-c', script], venvEnv(path.join(tmp, 'nothing'))));
    const built = JSON.parse(readFileSync(path.join(ROOT, 'jupyterlab-ext', 'labextension', 'package.json'), 'utf8')).jupyterlab._build;
    expect(found[NAME].jupyterlab._build).toEqual(built);
    expect(found[NAME].ext_path).toBe(path.join(venv, 'share', 'jupyter', 'labextensions', '@anpr', 'jupyterlab-ext'));
    expect(found[NAME].install).toMatchObject({ packageManager: 'python', packageName: 'anpr_jupyterlab' });
  });

  it('is loaded from the venv by our host, and renders the map and profile of a saved notebook', async () => {
    // The kernelspecs only (no labextensions) from the project prefix: the notebook's kernel exists.
    const jupyterPath = path.join(tmp, 'share', 'jupyter');
    mkdirSync(jupyterPath, { recursive: true });
    symlinkSync(path.join(ROOT, '.jupyter-local', 'prefix', 'share', 'jupyter', 'kernels'), path.join(jupyterPath, 'kernels'));
    const root = mkdtempSync(path.join(ROOT, '.jupyter-local', 'e2e-wheel-'));
    writeFileSync(path.join(root, 'anpr-widgets.ipynb'), JSON.stringify(widgetsNotebook()));
    const env = venvEnv(jupyterPath) as Record<string, string>;
    session = await openLab(root, { python: path.join(venv, 'bin', 'python'), env: { JUPYTER_PATH: env.JUPYTER_PATH, JUPYTER_DATA_DIR: env.JUPYTER_DATA_DIR } });
    const { page, lab } = session;
    const served: string[] = [];
    page.on('response', r => {
      if (r.url().includes('/lab/extensions/')) served.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await page.goto(`${lab.base}/lab/tree/anpr-widgets.ipynb?token=${lab.token}`);
    await page.waitForSelector('body[data-anpr-lab-ready="true"]', { state: 'attached', timeout: 120_000 });
    await page.waitForFunction(
      () => {
        const m = document.querySelector('[data-anpr-widget="map"]') as HTMLElement | null;
        const p = document.querySelector('[data-anpr-widget="profile"]');
        return !!m?.dataset.anprPainted && !!p && p.querySelectorAll('.anpr-Timeline svg.main-svg .scatterlayer .trace').length >= 3 && !!p.querySelector('.anpr-Places.vega-embed svg .mark-rect');
      },
      undefined,
      { timeout: 120_000 }
    );
    const { listed, containers } = await federation(page);
    expect(listed.filter(e => e.name === NAME)).toHaveLength(1);
    expect(containers).toContain(NAME);
    expect(served.some(s => /^200 \/lab\/extensions\/@anpr\/jupyterlab-ext\/static\/remoteEntry\./.test(s))).toBe(true);
    // The server found it in the venv: the only labextensions path holding it.
    const where = run(path.join(venv, 'bin', 'python'), ['-c', 'from jupyter_core.paths import jupyter_path; from jupyterlab_server.config import get_federated_extensions; print(get_federated_extensions(jupyter_path("labextensions"))["@anpr/jupyterlab-ext"]["ext_dir"])'], { ...env });
    expect(where.trim()).toBe(path.join(venv, 'share', 'jupyter', 'labextensions'));
    expect(sharedScopeWarnings(session.console)).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });
});
