// `anpr evaluate`: a ranking (as `anpr find county-lines --json` writes it) against truth.json,
// matching pseudonymised rankings by pseudonymising the truth with the same key.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pseudonym } from '../../../kernel-lib/src';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KEY = 'evaluate-test';
process.env.ANPR_PSEUDONYM_KEY = KEY;
const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const anpr = (args: string[]) => {
  const r = spawnSync('node', [path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, ANPR_PSEUDONYM_KEY: KEY } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const write = (name: string, value: unknown) => {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value));
  return file;
};

const truth = write('truth.json', { county_lines: ['ZA01AAA', 'ZB02BBB'], decoys: { commuter: ['ZC03CCC'], taxi: ['ZD04DDD'] } });
const ranked = ['ZA01AAA', 'ZC03CCC', 'ZB02BBB', 'ZD04DDD'];

describe('anpr evaluate', () => {
  it('scores a revealed ranking: AP, precision and decoys in the top k', () => {
    const r = anpr(['evaluate', '--truth', truth, '--candidates', write('revealed.json', { candidates: ranked.map(vrm => ({ vrm })) }), '--top', '2', '--json']);
    expect(r.code, r.err).toBe(0);
    const e = JSON.parse(r.out);
    expect(e.ap).toBeCloseTo((1 / 1 + 2 / 3) / 2, 10);
    expect(e.decoysTop).toEqual({ commuter: 1, taxi: 0, total: 1 });
    expect(e).toMatchObject({ found: 2, truthCount: 2, k: 2, pseudonymised: false });
  });

  it('gives the same answer for the same ranking pseudonymised', () => {
    const r = anpr(['evaluate', '--truth', truth, '--candidates', write('hidden.json', { candidates: ranked.map(vrm => ({ vrm: pseudonym(vrm) })) }), '--top', '2', '--json']);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ ap: (1 / 1 + 2 / 3) / 2, pseudonymised: true, decoysTop: { commuter: 1, taxi: 0, total: 1 } });
  });

  it('exits 2 on bad usage or unreadable files', () => {
    expect(anpr(['evaluate', '--truth', truth]).code).toBe(2);
    expect(anpr(['evaluate', '--truth', truth, '--candidates', path.join(dir, 'missing.json')]).code).toBe(2);
    expect(anpr(['evaluate', '--truth', write('bad-truth.json', {}), '--candidates', truth]).code).toBe(2);
    expect(anpr(['evaluate', '--truth', truth, '--candidates', truth, '--top', '0']).code).toBe(2);
  });
});
