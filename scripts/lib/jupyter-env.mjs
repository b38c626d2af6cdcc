// The environment every Jupyter process of ours runs with: project-local state only,
// Debian's Python, the project's kernelspecs first, the domain's time zone.
import path from 'node:path';
import { LOCAL, KERNEL_PREFIX, ROOT } from './paths.mjs';

/** @example const env = jupyterEnv(); spawn('/usr/bin/jupyter', ['kernelspec', 'list'], { env }) */
export function jupyterEnv(extra = {}) {
  const env = { ...process.env };
  // A pyenv interpreter earlier on PATH lacks Debian's Jupyter modules.
  delete env.PYTHONPATH;
  delete env.PYENV_VERSION;
  return {
    ...env,
    PATH: [path.join(ROOT, 'node_modules', '.bin'), '/usr/bin', '/bin', env.PATH].join(':'),
    JUPYTER_CONFIG_DIR: path.join(LOCAL, 'config'),
    JUPYTER_DATA_DIR: path.join(LOCAL, 'data'),
    JUPYTER_RUNTIME_DIR: path.join(LOCAL, 'runtime'),
    JUPYTER_PATH: path.join(KERNEL_PREFIX, 'share', 'jupyter'),
    JUPYTER_PLATFORM_DIRS: '1',
    IPYTHONDIR: path.join(LOCAL, 'ipython'),
    ANPR_LAB_STATE: path.join(LOCAL, 'lab'),
    TZ: 'Europe/London',
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    ...extra
  };
}
