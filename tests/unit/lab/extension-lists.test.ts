// lab/index.js must import exactly the extensions package.json lists (Build.ensureAssets
// copies schemas and styles from the package.json lists; webpack bundles the imports), and
// never our own extension: the host loads it at run time by module federation.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const LAB = path.resolve(__dirname, '..', '..', '..', 'lab');

it('lab/index.js imports the extensions and mime extensions listed in lab/package.json, and not ours', () => {
  const pkg = JSON.parse(readFileSync(path.join(LAB, 'package.json'), 'utf8'));
  const src = readFileSync(path.join(LAB, 'index.js'), 'utf8');
  const imported = [...src.matchAll(/import\('([^']+)'\)/g)].map(m => m[1]).filter(n => n !== '@jupyterlab/application');
  expect(imported.sort()).toEqual([...pkg.jupyterlab.extensions, ...pkg.jupyterlab.mimeExtensions].sort());
  expect(src).not.toMatch(/(import\(|from |require\()'@anpr\/jupyterlab-ext/);
  expect(readFileSync(path.join(LAB, 'bootstrap.js'), 'utf8')).not.toMatch(/(import\(|from |require\()'@anpr\/jupyterlab-ext/);
  expect([...pkg.jupyterlab.extensions, ...pkg.jupyterlab.mimeExtensions]).not.toContain('@anpr/jupyterlab-ext');
});
