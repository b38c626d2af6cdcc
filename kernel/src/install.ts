/**
 * `anpr-kernel install`: register the kernel (kernelspecs `tslab` and `jslab`, the names the
 * templates use) in any Jupyter, as `jupyter kernelspec install` would place them:
 *
 *   --user      the user's Jupyter data folder: $JUPYTER_DATA_DIR, else $XDG_DATA_HOME/jupyter
 *               or ~/.local/share/jupyter (Linux), ~/Library/Jupyter (macOS), %APPDATA%\jupyter
 *   --prefix P  P/share/jupyter/kernels (a venv or conda env: its sys.prefix)
 *
 * The kernelspec runs this package's kernel with the Node.js that ran the install.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  /** Environment variables Jupyter sets for the kernel process. */
  env?: Record<string, string>;
}

/**
 * On Linux the kernel runs with glibc's huge pages for large blocks (the analysis library's
 * typed arrays): fresh memory is many times dearer without them on virtual machines.
 * The same tunable, and why, as kernel-lib's src/core/huge-pages.ts.
 */
const KERNEL_ENV: Record<string, string> | undefined = process.platform === 'linux' ? { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' } : undefined;

/**
 * The kernel's Node.js starts with V8's allocation-site pretenuring off: an analyst re-running a
 * find in one kernel measured a median of 1.22 s a find against 1.42 s with it (10M reads). The
 * same flag, and why, as kernel-lib's src/core/v8-flags.ts.
 */
export const KERNEL_NODE_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/** The entry point a kernelspec runs (this package's compiled main.js). */
export const KERNEL_ENTRY = path.join(__dirname, 'main.js');

/**
 * The kernelspecs, by name, for `node` (default: the running Node.js).
 * @example kernelSpecs().tslab.argv.slice(-3) // ['kernel', '--config-path', '{connection_file}'] preceded by Node.js, its flags and main.js
 */
export function kernelSpecs(node = process.execPath, entry = KERNEL_ENTRY): Record<'tslab' | 'jslab', KernelSpec> {
  return {
    tslab: { argv: [node, ...KERNEL_NODE_FLAGS, entry, 'kernel', '--config-path', '{connection_file}'], display_name: 'TypeScript (tslab + ANPR)', language: 'typescript', ...(KERNEL_ENV && { env: KERNEL_ENV }) },
    jslab: { argv: [node, ...KERNEL_NODE_FLAGS, entry, 'kernel', '--config-path', '{connection_file}', '--js'], display_name: 'JavaScript (jslab + ANPR)', language: 'javascript', ...(KERNEL_ENV && { env: KERNEL_ENV }) }
  };
}

/** The user's Jupyter data folder, as jupyter_core's jupyter_data_dir() finds it. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === 'darwin') return path.join(home, 'Library', 'Jupyter');
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'jupyter');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'jupyter');
}

/** Where the kernelspecs go: `{ user: true }` or `{ prefix }`. */
export function kernelsDir(where: { user: true } | { prefix: string }): string {
  return 'prefix' in where ? path.join(path.resolve(where.prefix), 'share', 'jupyter', 'kernels') : path.join(userDataDir(), 'kernels');
}

/**
 * Write the kernelspecs (kernel.json) into `dir`; files already equal are left alone.
 * Returns the kernel.json files written.
 */
export function installKernelSpecs(dir: string, specs: Record<string, KernelSpec> = kernelSpecs()): string[] {
  const written: string[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const file = path.join(dir, name, 'kernel.json');
    const text = JSON.stringify(spec, null, 2) + '\n';
    if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(file);
  }
  return written;
}
