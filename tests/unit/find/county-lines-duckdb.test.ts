// The DuckDB executor (coarse stage in SQL over Parquet, candidates scored in memory) ranks
// exactly as the in-memory finder does on the same reads, from one file or a partitioned folder.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentSession, endSession, findCountyLines, findCountyLinesDuckDB, loadReads, session, synthesize, type AuditSession } from '../../../kernel-lib/src';
import { cleanup, tmp } from '../synth/helpers';

let dir: string, parquet: string, byDay: string;
let hub: never, markets: { type: 'FeatureCollection'; features: unknown[] };

beforeAll(async () => {
  dir = tmp('duckdb-exec');
  const r = await synthesize({ scenario: 'london', days: 14, seed: 'duckdb-exec', vehicles: 500, out: dir });
  hub = JSON.parse(readFileSync(r.files.hub, 'utf8'));
  markets = JSON.parse(readFileSync(r.files.markets, 'utf8'));
  parquet = path.join(dir, 'reads.parquet');
  byDay = path.join(dir, 'by-day');
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  const src = `read_csv('${r.files.reads}', header = true, types = {'timestamp': 'TIMESTAMPTZ'})`;
  await c.run(`COPY (SELECT * FROM ${src}) TO '${parquet}' (FORMAT parquet)`);
  await c.run(`COPY (SELECT *, strftime(timestamp, '%Y-%m-%d') AS day FROM ${src}) TO '${byDay}' (FORMAT parquet, PARTITION_BY (day))`);
}, 120_000);
afterAll(cleanup);

const ranking = (r: { candidates: { vrm: string; score: number; reasons: string[] }[] }) => r.candidates.map((c) => [c.vrm, c.score, c.reasons]);

describe('findCountyLinesDuckDB', () => {
  it('ranks exactly as the in-memory finder, from one Parquet file and from a Hive-partitioned folder', async () => {
    const { store } = await loadReads({ reads: parquet, sites: path.join(dir, 'sites.csv') });
    const mem = findCountyLines(store, { hub, markets });
    expect(mem.candidates.length).toBeGreaterThan(10);
    for (const [reads, batchReads] of [[parquet, undefined], [byDay, undefined], [byDay, 2_000]] as const) {
      const d = await findCountyLinesDuckDB({ reads, sites: path.join(dir, 'sites.csv'), hub, markets, memoryLimit: '256MB', threads: 1, batchReads });
      expect(ranking(d.result)).toEqual(ranking(mem));
      expect(d.result.lookalikes).toEqual(mem.lookalikes);
      expect(d.result.lines).toEqual(mem.lines); // relays and lines over every batch's vehicles at once
      // Loaded in batches of look-alike keys when asked to (relays still linked across batches).
      if (batchReads) expect(d.coarse.batches).toBeGreaterThan(1);
      expect(d.coarse.reads).toBe(store.n);
      // Only the looping look-alike keys' reads came back into memory.
      expect(d.coarse.candidateReads).toBeLessThan(store.n);
    }
  }, 120_000);

  it('ranks the same in several passes (the reads split by look-alike key) as in one', async () => {
    const sites = path.join(dir, 'sites.csv');
    const one = await findCountyLinesDuckDB({ reads: byDay, sites, hub, markets, memoryLimit: '256MB', threads: 1 });
    expect(one.coarse.passes).toBeUndefined(); // one pass
    expect(one.result.lookalikes.length).toBeGreaterThan(0); // look-alike plates, which must meet in one pass
    for (const passes of [3, 7]) {
      const d = await findCountyLinesDuckDB({ reads: byDay, sites, hub, markets, memoryLimit: '256MB', threads: 1, passes, batchReads: 3_000 });
      expect(d.coarse.passes).toBe(passes);
      expect(ranking(d.result)).toEqual(ranking(one.result));
      expect(d.result.lookalikes).toEqual(one.result.lookalikes);
      expect(d.result.lines).toEqual(one.result.lines);
      // The global figures are the same sums over the passes; the same keys and plates are kept.
      for (const k of ['reads', 'plates', 'keys', 'candidatePlates', 'candidateReads'] as const) expect(d.coarse[k]).toBe(one.coarse[k]);
      expect(d.coarse.sqlSteps.split).toBeGreaterThan(0);
    }
    // Passes chosen from the row count: past `passReads` rows.
    const auto = await findCountyLinesDuckDB({ reads: parquet, sites, hub, markets, passReads: Math.ceil(one.coarse.reads / 2) });
    expect(auto.coarse.passes).toBeGreaterThan(1);
    expect(ranking(auto.result)).toEqual(ranking(one.result));
  }, 120_000);

  it('applies the window as the in-memory finder does', async () => {
    const { store } = await loadReads({ reads: parquet, sites: path.join(dir, 'sites.csv') });
    const from = store.time[0] + 3 * 86_400_000, to = from + 7 * 86_400_000;
    const mem = findCountyLines(store, { hub, markets, from, to });
    const d = await findCountyLinesDuckDB({ reads: byDay, sites: path.join(dir, 'sites.csv'), hub, markets, from, to });
    expect(ranking(d.result)).toEqual(ranking(mem));
  }, 120_000);

  it('needs markets and a session, and says so before any work', async () => {
    await expect(findCountyLinesDuckDB({ reads: byDay, sites: path.join(dir, 'sites.csv'), hub } as never)).rejects.toThrow(/needs markets/);
    const s = currentSession() as AuditSession;
    endSession();
    try {
      await expect(findCountyLinesDuckDB({ reads: byDay, sites: path.join(dir, 'sites.csv'), hub, markets })).rejects.toThrow(/no session/);
    } finally {
      session(s);
    }
  });
});

describe('anpr find county-lines on a Parquet folder (needs a built dist/)', () => {
  it('takes the DuckDB engine for a folder and prints the same ranking as the memory engine on the file', () => {
    const BIN = path.resolve(__dirname, '../../../kernel-lib/bin/anpr.mjs');
    const env = { ...process.env, ANPR_PSEUDONYM_KEY: 'duckdb-cli', ANPR_AUDIT_LOG: path.join(dir, `anpr-duckdb-cli-${process.pid}.jsonl`) };
    const common = ['--sites', path.join(dir, 'sites.csv'), '--hub', path.join(dir, 'hub.geojson'), '--markets', path.join(dir, 'markets.geojson'),
      '--purpose', 'unit test', '--operator', 'T1', '--json'];
    const run = (args: string[]) => {
      const r = spawnSync('node', [BIN, 'find', 'county-lines', ...args, ...common], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const folder = run(['--reads', byDay, '--memory-limit', '256MB']);
    const file = run(['--reads', parquet]);
    expect(folder.run.params.engine).toBe('duckdb');
    expect(folder.run.coarse.candidateReads).toBeGreaterThan(0);
    expect(folder.candidates.map((c: { vrm: string; score: number }) => [c.vrm, c.score])).toEqual(file.candidates.map((c: { vrm: string; score: number }) => [c.vrm, c.score]));
  }, 120_000);
});
