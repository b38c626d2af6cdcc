/** CLI: `anpr find ...` and `anpr profile` on a small synthetic scenario (needs a built dist/). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../../kernel-lib/src';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs');
let dir = '';
let data: string[] = [];

const anpr = (args: string[], env: Record<string, string> = {}) => {
  const r = spawnSync('node', [BIN, ...args], {
    encoding: 'utf8', env: { ...process.env, ANPR_PURPOSE: '', ANPR_OPERATOR: '', ANPR_PSEUDONYM_KEY: 'cli-test', ANPR_AUDIT_LOG: path.join(dir, `anpr-cli-test-audit-${process.pid}.jsonl`), ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-cli-'));
  await synthesize({ scenario: 'merseyside', days: 3, seed: 'cli', vehicles: 200, out: dir });
  data = ['--reads', path.join(dir, 'reads.csv.gz'), '--sites', path.join(dir, 'sites.csv')];
}, 120_000);
afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

const who = ['--purpose', 'unit test', '--operator', 'T1'];

describe('anpr find county-lines', () => {
  it('prints every scored vehicle best first as JSON, pseudonymised', () => {
    const r = anpr(['find', 'county-lines', ...data, '--hub', path.join(dir, 'hub.geojson'), '--markets', path.join(dir, 'markets.geojson'), '--json', ...who]);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.candidates.length).toBe(j.run.counts.scored);
    expect(j.candidates.length).toBeGreaterThan(3);
    const scores = j.candidates.map((c: { score: number }) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const c of j.candidates) {
      expect(c.vrm).toMatch(/^V-[A-Z2-9]{10}$/);
      expect(Array.isArray(c.reasons)).toBe(true);
    }
    expect(j.run).toMatchObject({ command: 'find county-lines', purpose: 'unit test', operator: 'T1', revealed: false });
  });

  it('prints only the top N as JSON with --top N, the same as the first N of the full list', () => {
    const args = ['find', 'county-lines', ...data, '--hub', path.join(dir, 'hub.geojson'), '--markets', path.join(dir, 'markets.geojson'), '--json', ...who];
    const all = JSON.parse(anpr(args).out);
    const r = anpr([...args, '--top', '2']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.candidates).toEqual(all.candidates.slice(0, 2));
    expect(j.run.counts.scored).toBe(all.run.counts.scored);
  });

  it('reveals plates only with --reveal', () => {
    const r = anpr(['find', 'county-lines', ...data, '--hub', path.join(dir, 'hub.geojson'), '--json', '--reveal', ...who]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).candidates[0].vrm).not.toMatch(/^V-/);
  });

  it('exits 2 without a purpose and operator, and accepts them from the environment', () => {
    const r = anpr(['find', 'county-lines', ...data, '--hub', path.join(dir, 'hub.geojson'), '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--purpose TEXT and --operator ID/);
    expect(r.out).toBe('');
    const e = anpr(['find', 'county-lines', ...data, '--hub', path.join(dir, 'hub.geojson'), '--json'], { ANPR_PURPOSE: 'env', ANPR_OPERATOR: 'E1' });
    expect(e.code, e.err).toBe(0);
  });

  it('exits 2 on bad usage', () => {
    expect(anpr(['find', 'nonsense', ...data, ...who]).code).toBe(2);
    expect(anpr(['find', 'county-lines', ...data, ...who]).code).toBe(2); // no --hub
    expect(anpr(['find', 'county-lines', '--reads', path.join(dir, 'missing.csv'), '--hub', path.join(dir, 'hub.geojson'), ...who]).code).toBe(2);
  });
});

describe('anpr find (classic queries) and anpr profile', () => {
  it('runs clones, a-then-b and area with the same conventions', () => {
    const c = anpr(['find', 'clones', ...data, '--json', ...who]);
    expect(c.code, c.err).toBe(0);
    expect(Array.isArray(JSON.parse(c.out).rows)).toBe(true);
    const a = anpr(['find', 'a-then-b', ...data, '--a', path.join(dir, 'hub.geojson'), '--b', path.join(dir, 'markets.geojson'), '--within', '120', '--json', ...who]);
    expect(a.code, a.err).toBe(0);
    const rows = JSON.parse(a.out).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].vrm).toMatch(/^V-/);
    expect(anpr(['find', 'area', ...data, '--area', path.join(dir, 'hub.geojson'), ...who]).code).toBe(2); // no window
  });

  it('profiles a vehicle', () => {
    const a = JSON.parse(anpr(['find', 'a-then-b', ...data, '--a', path.join(dir, 'hub.geojson'), '--b', path.join(dir, 'markets.geojson'), '--within', '120', '--json', '--reveal', ...who]).out);
    const vrm = a.rows[0].vrm;
    const p = anpr(['profile', '--vrm', vrm, ...data, '--hub', path.join(dir, 'hub.geojson'), '--markets', path.join(dir, 'markets.geojson'), '--json', ...who]);
    expect(p.code, p.err).toBe(0);
    const j = JSON.parse(p.out);
    expect(j.profile.vehicle.revealed).toBe(false);
    expect(j.profile.summary.reads).toBeGreaterThan(0);
    expect(j.profile.countyLines.parts.length).toBeGreaterThan(5);
    expect(p.out).not.toContain(vrm);
    expect(anpr(['profile', '--vrm', vrm, ...data]).code).toBe(2);
  });

  it('keeps a convoy target plate out of the printed run record unless revealed', () => {
    const a = JSON.parse(anpr(['find', 'a-then-b', ...data, '--a', path.join(dir, 'hub.geojson'), '--b', path.join(dir, 'markets.geojson'), '--within', '120', '--json', '--reveal', ...who]).out);
    const vrm = a.rows[0].vrm;
    const c = anpr(['find', 'convoy', ...data, '--vrm', vrm, '--json', ...who]);
    expect(c.code, c.err).toBe(0);
    expect(c.out).not.toContain(vrm);
    expect(JSON.parse(c.out).run.params.vrm).toMatch(/^V-[A-Z2-9]{10}$/);
  });
});
