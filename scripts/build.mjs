// `npm run build`: npm ci when the lock changed, then the builds (kernel-lib, jupyterlab-ext, lab),
// each skipped when its sources did not change. No Debian packages, kernel or scenarios.
import { ensureBuilt, ensureNpm } from './lib/setup.mjs';

ensureNpm();
ensureBuilt();
