// The templates in the repository are valid nbformat 4, use the project kernel, start with a
// cell tagged "parameters", and carry no outputs (outputs are stripped before commit).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(__dirname, '..', '..', '..', 'notebooks');
const notebooks = readdirSync(DIR).filter(f => f.endsWith('.ipynb')).sort();

describe.each(notebooks)('%s', name => {
  const file = path.join(DIR, name);
  const nb = JSON.parse(readFileSync(file, 'utf8'));

  it('validates against the nbformat schema (Debian nbformat)', () => {
    const r = spawnSync('/usr/bin/python3', ['-c', 'import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('uses the tslab kernel and has a parameters cell before any other code', () => {
    expect(nb.metadata.kernelspec.name).toBe('tslab');
    const firstCode = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'code');
    expect(firstCode.metadata.tags).toContain('parameters');
  });

  it('has its outputs stripped', () => {
    for (const c of nb.cells.filter((c: { cell_type: string }) => c.cell_type === 'code')) {
      expect(c.outputs).toEqual([]);
      expect(c.execution_count).toBeNull();
    }
  });
});
