// lab/index.js must import exactly the extensions package.json lists (Build.ensureAssets
// copies schemas and styles from the package.json lists; webpack bundles the imports).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const LAB = path.resolve(__dirname, '..', '..', '..', 'lab');

it('lab/index.js imports the extensions and mime extensions listed in lab/package.json', () => {
  const pkg = JSON.parse(readFileSync(path.join(LAB, 'package.json'), 'utf8'));
  const src = readFileSync(path.join(LAB, 'index.js'), 'utf8');
  const all = [...src.matchAll(/import\('([^']+)'\)/g)].map(m => m[1]).filter(n => n !== 'anpr-lab-build/style.js');
  // Our package's plugin entry ("jupyterlab.extension" in its package.json) is imported by path.
  const ours = JSON.parse(readFileSync(path.join(LAB, '..', 'jupyterlab-ext', 'package.json'), 'utf8'));
  const pluginPath = `@anpr/jupyterlab-ext/${ours.jupyterlab.extension.replace(/\.js$/, '')}`;
  expect(all).toContain(pluginPath);
  const imported = all.filter(n => n !== pluginPath);
  expect(imported.sort()).toEqual([...pkg.jupyterlab.extensions, ...pkg.jupyterlab.mimeExtensions].sort());
  expect(pkg.jupyterlab.mimeExtensions).toContain('@anpr/jupyterlab-ext');
});
