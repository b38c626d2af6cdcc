// The project's `tslab` kernel (kernel/src, compiled to kernel/dist) speaks the Jupyter protocol as
// clients expect: Debian's jupyter_kernel_test suite plus our own checks in
// test_conformance.py, run with the project's Jupyter environment (kernelspecs in the prefix).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM helper without types
import { jupyterEnv } from '../../scripts/lib/jupyter-env.mjs';

const ROOT = path.resolve(__dirname, '..', '..');

describe('tslab kernel protocol conformance', () => {
  it('passes jupyter_kernel_test and the extra protocol tests', () => {
    const r = spawnSync('/usr/bin/python3', ['-m', 'unittest', '-v', 'tests/kernel/test_conformance.py'], {
      cwd: ROOT,
      env: jupyterEnv(),
      encoding: 'utf8',
      timeout: 540_000
    });
    if (r.status !== 0) console.log(`${r.stdout}\n${r.stderr}`);
    expect(r.error).toBeUndefined();
    expect(r.status, 'python3 -m unittest tests/kernel/test_conformance.py (output above)').toBe(0);
  });
});
