/**
 * The audit log of one scripted session — library searches (county-lines, profile, a-then-b,
 * a query inside another's display, one refused without a session) and CLI runs (find
 * county-lines, find a-then-b, profile) — compared entry by entry with a committed fixture
 * captured before the issue-17 restructuring. Times, hashes and the temporary folder are
 * taken out; everything else (kind, who, params, inputs' SHA-256, counts, order) must match.
 * Refresh (only for an intended change of what is logged): UPDATE_GOLDEN=1.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  aThenB, endSession, findCountyLines, findCountyLinesDuckDB, loadReads, MIMEBUNDLE, profile, readAudit, session, synthesize, verifyAudit,
} from '../../../kernel-lib/src';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURE = path.join(ROOT, 'tests/fixtures/golden/audit-session.json');
const dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-audit-golden-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  session({ operator: 'T-0001', purpose: 'automated tests', reference: 'vitest' }); // back to the setup's
});

/** An entry without what differs run to run (time, chain hashes, the temporary folder). */
const stable = (e: Record<string, unknown>) => {
  const { time, hash, prev, ...rest } = e;
  return JSON.parse(JSON.stringify(rest).split(dir).join('<dir>'));
};

it('one session logs the same entries as before the restructuring', async () => {
  process.env.ANPR_PSEUDONYM_KEY = 'audit-golden';
  const log = path.join(dir, 'audit.jsonl');
  const s = await synthesize({ scenario: 'merseyside', days: 5, seed: 'audit-golden', vehicles: 200, out: dir });
  const hub = JSON.parse(readFileSync(s.files.hub, 'utf8')), markets = JSON.parse(readFileSync(s.files.markets, 'utf8'));
  const sites = path.join(dir, 'sites.csv');

  endSession();
  const plain = (await loadReads({ reads: s.files.reads, sites })).store;
  // The data-age rule applied (and logged with every search): "now" 100 days after the last read, authorised.
  const now = new Date(plain.time.reduce((a, b) => Math.max(a, b), 0) + 100 * 86_400_000).toISOString();
  const { store } = await loadReads({ reads: s.files.reads, sites, now, authorisation: 'AUTH-9' });
  expect(() => findCountyLines(store, { hub, markets })).toThrow(); // no session, no search, nothing logged

  session({ operator: 'A-123', purpose: 'Op Golden tasking 1', reference: 'CAD 77', auditLog: log });
  const res = findCountyLines(store, { hub, markets, from: store.time[0] + 86_400_000 });
  const top = res.candidates[0].vrm;
  profile(store, top);
  aThenB(store, { a: ['S0001', 'S0002'], b: ['S0003'], withinMinutes: 120 });
  findCountyLines(store, { hub }); // discovered markets
  // A result displayed (its view) is part of its search: no second entry.
  (res as unknown as Record<symbol, () => unknown>)[MIMEBUNDLE]();
  // The DuckDB engine (its own entry, with the Parquet file and sites hashed).
  const parquet = path.join(dir, 'reads.parquet');
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  await c.run('SET threads = 1');
  await c.run(`COPY (SELECT * FROM read_csv('${s.files.reads}', header = true, types = {'timestamp': 'TIMESTAMPTZ'}) ORDER BY vrm, timestamp, site_id) TO '${parquet}' (FORMAT parquet)`);
  await findCountyLinesDuckDB({ reads: parquet, sites, hub, markets, threads: 1, now, authorisation: 'AUTH-9', tempDirectory: path.join(dir, 'spill') });

  const cli = (args: string[], reads = s.files.reads) => {
    const r = spawnSync('node', [path.join(ROOT, 'kernel-lib/bin/anpr.mjs'), ...args, '--reads', reads, '--sites', sites,
      '--purpose', 'Op Golden tasking 1', '--operator', 'A-123', '--reference', 'CAD 77', '--audit-log', log, '--now', now, '--authorisation', 'AUTH-9'],
    { encoding: 'utf8', env: { ...process.env, ANPR_PSEUDONYM_KEY: 'audit-golden' } });
    expect(r.status, r.stderr).toBe(0);
  };
  cli(['find', 'county-lines', '--hub', s.files.hub, '--markets', s.files.markets, '--json']);
  cli(['find', 'county-lines', '--hub', s.files.hub, '--top', '5']);
  cli(['find', 'county-lines', '--engine', 'duckdb', '--temp-dir', path.join(dir, 'spill2'), '--hub', s.files.hub, '--markets', s.files.markets, '--json'], parquet);
  cli(['find', 'a-then-b', '--a', 'S0001,S0002', '--b', 'S0003', '--within', '120']);
  cli(['profile', '--vrm', top, '--json']);

  expect(verifyAudit(log).ok).toBe(true);
  const entries = readAudit(log).map((e) => stable(e as unknown as Record<string, unknown>));
  if (process.env.UPDATE_GOLDEN || !existsSync(FIXTURE)) writeFileSync(FIXTURE, JSON.stringify(entries, null, 2) + '\n');
  expect(entries).toEqual(JSON.parse(readFileSync(FIXTURE, 'utf8')));
}, 180_000);
