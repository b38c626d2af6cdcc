// Start and stop our JupyterLab server (lab/server/anpr_lab.py on Debian's jupyter_server).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { jupyterEnv } from './jupyter-env.mjs';
import { LAB_DIR, LOCAL, NOTEBOOKS, PYTHON } from './paths.mjs';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Start the lab bound to 127.0.0.1 with a token; resolves once /api/status answers.
 * Our extension reaches the page as any prebuilt labextension does: from the labextensions
 * paths (the set-up links it into the project prefix); `noLabextensions` starts without any.
 * @example const lab = await startLab({ port: 8888 }); console.log(lab.url); await lab.stop();
 */
export async function startLab({ port, token, rootDir = NOTEBOOKS, build, quiet = false, env = {}, python = PYTHON, noLabextensions = false } = {}) {
  port = port ?? (await freePort());
  token = token ?? randomBytes(24).toString('hex');
  for (const d of ['config', 'data', 'runtime', 'ipython', 'lab']) mkdirSync(path.join(LOCAL, d), { recursive: true });
  const args = [
    path.join(LAB_DIR, 'server', 'anpr_lab.py'),
    '--ServerApp.ip=127.0.0.1',
    `--ServerApp.port=${port}`,
    '--ServerApp.port_retries=0',
    `--ServerApp.token=${token}`,
    `--ServerApp.root_dir=${rootDir}`,
    '--ServerApp.open_browser=False',
    '--ServerApp.allow_root=True',
    '--MappingKernelManager.default_kernel_name=tslab',
    `--NotebookNotary.data_dir=${path.join(LOCAL, 'data')}`,
    // Federated extensions come from the labextensions paths (jupyter_path('labextensions')).
    ...(noLabextensions ? ['--AnprLabApp.labextensions_path=[]', '--AnprLabApp.extra_labextensions_path=[]'] : [])
  ];
  const child = spawn(python, args, {
    env: jupyterEnv({ ...(build ? { ANPR_LAB_BUILD: build } : {}), ...env }),
    stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'pipe' : 'inherit'],
    detached: false
  });
  let log = '';
  child.stderr?.on('data', d => (log = (log + d).slice(-20000)));
  const exited = new Promise(resolve => child.on('exit', code => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const code = await Promise.race([exited, new Promise(r => setTimeout(() => r('wait'), 250))]);
    if (code !== 'wait') throw new Error(`JupyterLab server exited with code ${code} before it was ready.\n${log}`);
    try {
      const res = await fetch(`${base}/api/status?token=${token}`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`JupyterLab server did not answer on ${base} within 60 s.\n${log}`);
    }
  }
  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 8000);
    await exited;
    clearTimeout(t);
  }
  return { port, token, base, url: `${base}/lab?token=${token}`, child, stop, log: () => log };
}
