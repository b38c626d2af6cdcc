// `npx anpr-kernel install [--user|--prefix P]` registers the kernel in any Jupyter: Debian's
// jupyter_client then lists the kernelspecs from that place alone and runs a cell on them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');
const BIN = path.join(ROOT, 'node_modules', '.bin', 'anpr-kernel');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'anpr-kernel-install-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** An environment that sees only `jupyterPath` and `dataDir` (none of the project's Jupyter state). */
function isolated(jupyterPath: string, dataDir: string): NodeJS.ProcessEnv {
  const env = { ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_DATA_DIR: dataDir, JUPYTER_CONFIG_DIR: path.join(tmp, 'config'), JUPYTER_RUNTIME_DIR: path.join(tmp, 'runtime'), JUPYTER_PLATFORM_DIRS: '1' };
  delete env.PYTHONPATH;
  return env;
}

function kernelspecs(env: NodeJS.ProcessEnv): Record<string, { resource_dir: string; spec: { argv: string[]; display_name: string } }> {
  const r = spawnSync('/usr/bin/jupyter', ['kernelspec', 'list', '--json'], { env, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).kernelspecs;
}

/** Start the kernel `name` with jupyter_client, run a cell in `cwd`, return its text/plain result. */
function runCell(env: NodeJS.ProcessEnv, name: string, code: string): string {
  const script = `
import sys
from jupyter_client.manager import start_new_kernel
km, kc = start_new_kernel(kernel_name=sys.argv[1], cwd=sys.argv[3], startup_timeout=120)
try:
    out = []
    reply = kc.execute_interactive(sys.argv[2], timeout=120, output_hook=lambda m: out.append(m))
    assert reply["content"]["status"] == "ok", reply["content"]
    print([m["content"]["data"]["text/plain"] for m in out if m["msg_type"] == "execute_result"][0])
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)
`;
  const r = spawnSync('/usr/bin/python3', ['-c', script, name, code, ROOT], { env, encoding: 'utf8', timeout: 240_000 });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return r.stdout.trim();
}

describe('anpr-kernel install', () => {
  it('--prefix P writes kernelspecs tslab and jslab that Jupyter lists from P and runs', () => {
    const prefix = path.join(tmp, 'env');
    const r = spawnSync(BIN, ['install', '--prefix', prefix], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const env = isolated(path.join(prefix, 'share', 'jupyter'), path.join(tmp, 'empty-data'));
    const specs = kernelspecs(env);
    expect(Object.keys(specs).filter(n => n !== 'python3').sort()).toEqual(['jslab', 'tslab']);
    expect(specs.tslab.resource_dir).toBe(path.join(prefix, 'share', 'jupyter', 'kernels', 'tslab'));
    expect(specs.tslab.spec.argv.slice(1, 4)).toEqual(['--no-allocation-site-pretenuring', path.join(ROOT, 'kernel', 'dist', 'main.js'), 'kernel']);
    expect(specs.tslab.spec.display_name).toBe('TypeScript (tslab + ANPR)');
    expect(runCell(env, 'tslab', 'const n: number = 6 * 7; n')).toBe('42');
    // The kernel's Node.js runs with the spec's V8 flags (kernel/src/install.ts: KERNEL_NODE_FLAGS).
    expect(runCell(env, 'tslab', "process.execArgv.join(' ')")).toContain('--no-allocation-site-pretenuring');
  });

  it('--user writes them into the user data folder ($JUPYTER_DATA_DIR here); a second install changes nothing', () => {
    const data = path.join(tmp, 'user-data');
    const env = isolated(path.join(tmp, 'no-path'), data);
    const first = spawnSync(BIN, ['install', '--user'], { env, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const text = readFileSync(path.join(data, 'kernels', 'tslab', 'kernel.json'), 'utf8');
    expect(Object.keys(kernelspecs(env))).toEqual(expect.arrayContaining(['tslab', 'jslab']));
    const second = spawnSync(BIN, ['install', '--user'], { env, encoding: 'utf8' });
    expect(second.stdout).toMatch(/already there/);
    expect(readFileSync(path.join(data, 'kernels', 'tslab', 'kernel.json'), 'utf8')).toBe(text);
  });

  it('refuses bad usage with exit 2', () => {
    expect(spawnSync(BIN, ['install', '--user', '--prefix', tmp], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(BIN, ['frobnicate'], { encoding: 'utf8' }).status).toBe(2);
  });
});
