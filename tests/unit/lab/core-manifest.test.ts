// The host's shared scope and the prebuilt extension's core manifest take JupyterLab's own
// dependency ranges, not the versions installed here (issue 16: "Unsatisfied version 2.8.0 ...
// of shared singleton module @lumino/widgets (required ^2.10.0)").
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const require = createRequire(import.meta.url);
const { coreManifest, hostShared, loosestRange } = require(path.join(ROOT, 'lab', 'federation', 'core-manifest.js'));
const semver = require('semver');

const installed = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;

describe('core manifest', () => {
  it('picks the loosest of several declared ranges, by their newest alternative', () => {
    expect(loosestRange(['^2.7.5', '^1.37.2 || ^2.7.5', '^2.8.0'])).toBe('^2.7.5');
    expect(loosestRange(['~4.5.11', '^4.5.2'])).toBe('^4.5.2');
  });

  it('asks for @lumino/widgets with the range JupyterLab declares, which a 2.8 host satisfies', () => {
    const m = coreManifest();
    const declared = new Set<string>();
    for (const d of readdirSync(path.join(ROOT, 'node_modules', '@jupyterlab'))) {
      const p = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@jupyterlab', d, 'package.json'), 'utf8'));
      const r = p.dependencies?.['@lumino/widgets'];
      if (r) declared.add(r);
    }
    expect(declared.has(m.resolutions['@lumino/widgets'])).toBe(true);
    expect(m.resolutions['@lumino/widgets']).not.toBe(`^${installed('@lumino/widgets')}`);
    expect(semver.satisfies('2.8.0', m.resolutions['@lumino/widgets'])).toBe(true);
  });

  it('every shared range is satisfied by what is installed (the host provides it)', () => {
    const shared = hostShared();
    const unsatisfied = Object.entries(shared as Record<string, { requiredVersion: string }>)
      .filter(([name]) => {
        try {
          installed(name);
          return true;
        } catch {
          return false;
        }
      })
      .filter(([name, s]) => !semver.satisfies(installed(name), s.requiredVersion))
      .map(([name, s]) => `${name} ${installed(name)} !~ ${s.requiredVersion}`);
    expect(unsatisfied).toEqual([]);
    expect(shared['@lumino/widgets'].singleton).toBe(true);
    expect(shared['@jupyterlab/notebook'].requiredVersion).toMatch(/^\^4\.5\./);
  });

  it('the prebuilt extension requires those ranges (its remote entry)', () => {
    const dir = path.join(ROOT, 'jupyterlab-ext', 'labextension', 'static');
    const entry = readdirSync(dir).find(f => /^remoteEntry\..*\.js$/.test(f))!;
    const text = readFileSync(path.join(dir, entry), 'utf8');
    const [, a, b, c] = /"@lumino\/widgets",!1,\[1,(\d+),(\d+),(\d+)\]/.exec(text) ?? [];
    expect(`^${a}.${b}.${c}`).toBe(coreManifest().resolutions['@lumino/widgets']);
  });
});
