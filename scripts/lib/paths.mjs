// Where everything lives. All Jupyter state stays inside the project (.jupyter-local/, ignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOCAL = path.join(ROOT, '.jupyter-local');
export const KERNEL_PREFIX = path.join(LOCAL, 'prefix');
export const LAB_DIR = path.join(ROOT, 'lab');
export const LAB_BUILD = path.join(LAB_DIR, 'build');
export const NOTEBOOKS = path.join(ROOT, 'notebooks');
export const PYTHON = '/usr/bin/python3';
export const JUPYTER = '/usr/bin/jupyter';
export const CHROMIUM = '/usr/bin/chromium';
