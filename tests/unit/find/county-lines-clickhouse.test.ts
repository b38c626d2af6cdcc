// The ClickHouse executor (coarse stage on a real 2-shard cluster of Debian's clickhouse-server,
// candidates scored in memory) ranks exactly as the in-memory finder does on the same reads.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickhouseTarget, currentSession, endSession, findCountyLines, findCountyLinesClickHouse, ingestClickHouse, loadReads, session, synthesize, type AuditSession } from '../../../kernel-lib/src';
// @ts-expect-error plain ESM helper without types
import { ensureClickHouse, startCluster } from '../../../scripts/lib/clickhouse.mjs';
import { cleanup, tmp } from '../synth/helpers';

const available: boolean = ensureClickHouse();
if (!available) console.warn('ClickHouse tests skipped: clickhouse-server is not installed and could not be installed (apt-get install clickhouse-server clickhouse-client, as root).');

let dir: string, reads: string, sites: string;
let hub: never, markets: { type: 'FeatureCollection'; features: unknown[] };
let cluster: { url: string; shards: { url: string }[]; stop: () => Promise<void> } | undefined;
let url: string;

const ranking = (r: { candidates: { vrm: string; score: number; reasons: string[] }[] }) => r.candidates.map((c) => [c.vrm, c.score, c.reasons]);

describe.skipIf(!available)('findCountyLinesClickHouse on a 2-shard cluster', () => {
  beforeAll(async () => {
    dir = tmp('clickhouse-exec');
    const r = await synthesize({ scenario: 'london', days: 14, seed: 'clickhouse-exec', vehicles: 500, out: dir });
    hub = JSON.parse(readFileSync(r.files.hub, 'utf8'));
    markets = JSON.parse(readFileSync(r.files.markets, 'utf8'));
    reads = r.files.reads;
    sites = path.join(dir, 'sites.csv');
    cluster = await startCluster({ dir: path.join(dir, 'ch'), shards: 2 });
    url = `clickhouse://${new URL(cluster.url).host}/anpr_test`;
    await ingestClickHouse(url, reads, sites, { shards: cluster.shards.map((s) => s.url) });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    cleanup();
  }, 60_000);

  it('puts every look-alike key on one shard, and both shards hold reads', async () => {
    const counts: number[] = [], keys: Set<string>[] = [];
    for (const s of cluster!.shards) {
      const c = createClient({ url: s.url });
      const [r] = await (await c.query({ query: 'SELECT count() AS n FROM anpr_test.reads_local', format: 'JSONEachRow' })).json<{ n: string }>();
      counts.push(Number(r.n));
      keys.push(new Set((await (await c.query({ query: 'SELECT DISTINCT k FROM anpr_test.reads_local', format: 'JSONEachRow' })).json<{ k: string }>()).map((x) => x.k)));
      await c.close();
    }
    const { store } = await loadReads({ reads, sites });
    expect(counts.every((n) => n > 0)).toBe(true);
    expect(counts[0] + counts[1]).toBe(store.n);
    expect([...keys[0]].filter((k) => keys[1].has(k))).toEqual([]);
  }, 60_000);

  it('ranks exactly as the in-memory finder, whole data and in a window', async () => {
    const { store } = await loadReads({ reads, sites });
    const mem = findCountyLines(store, { hub, markets });
    expect(mem.candidates.length).toBeGreaterThan(10);
    const ch = await findCountyLinesClickHouse({ url, sites, hub, markets });
    expect(ranking(ch.result)).toEqual(ranking(mem));
    expect(ch.result.lines).toEqual(mem.lines);
    expect(ch.coarse.reads).toBe(store.n);
    expect(ch.coarse.plates).toBe(store.vrms.length);
    expect(ch.coarse.candidateReads).toBeLessThan(store.n);
    expect(ch.coarse.candidateReads).toBeGreaterThan(0);

    const from = store.time[0] + 3 * 86_400_000, to = from + 7 * 86_400_000;
    const memW = findCountyLines(store, { hub, markets, from, to });
    const chW = await findCountyLinesClickHouse({ url, sites, hub, markets, from, to });
    expect(ranking(chW.result)).toEqual(ranking(memW));
  }, 120_000);

  it('anpr ingest + anpr find county-lines --engine clickhouse:// print the memory engine\'s ranking (needs a built dist/)', () => {
    const BIN = path.resolve(__dirname, '../../../kernel-lib/bin/anpr.mjs');
    const env = { ...process.env, ANPR_PSEUDONYM_KEY: 'clickhouse-cli', ANPR_AUDIT_LOG: path.join(dir, `anpr-clickhouse-cli-${process.pid}.jsonl`) };
    const cli = (args: string[]) => {
      const r = spawnSync('node', [BIN, ...args], { encoding: 'utf8', env });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    };
    const target = `clickhouse://${new URL(cluster!.url).host}/anpr_cli`;
    const ing = cli(['ingest', '--to', target, '--reads', reads, '--sites', sites, '--shards', cluster!.shards.map((s) => s.url).join(','), '--json']);
    expect(ing.reads).toBeGreaterThan(0);
    const common = ['find', 'county-lines', '--sites', sites, '--hub', path.join(dir, 'hub.geojson'), '--markets', path.join(dir, 'markets.geojson'),
      '--purpose', 'unit test', '--operator', 'T1', '--json'];
    const ch = cli([...common, '--engine', target]);
    const mem = cli([...common, '--reads', reads]);
    expect(ch.run.params.engine).toBe('clickhouse');
    expect(ch.run.coarse.reads).toBe(ing.reads);
    expect(ch.candidates.length).toBeGreaterThan(10);
    expect(ch.candidates.map((c: { vrm: string; score: number }) => [c.vrm, c.score])).toEqual(mem.candidates.map((c: { vrm: string; score: number }) => [c.vrm, c.score]));
  }, 120_000);

  it('needs markets and a session, and says so before any work', async () => {
    await expect(findCountyLinesClickHouse({ url, sites, hub } as never)).rejects.toThrow(/needs markets/);
    const s = currentSession() as AuditSession;
    endSession();
    try {
      await expect(findCountyLinesClickHouse({ url, sites, hub, markets })).rejects.toThrow(/no session/);
    } finally {
      session(s);
    }
  });
});

describe('clickhouseTarget', () => {
  it('reads clickhouse:// and http:// addresses and refuses others', () => {
    expect(clickhouseTarget('clickhouse://127.0.0.1:8123/anpr')).toEqual({ http: 'http://127.0.0.1:8123', database: 'anpr' });
    expect(clickhouseTarget('http://ch.example:8123')).toEqual({ http: 'http://ch.example:8123', database: 'anpr' });
    expect(() => clickhouseTarget('clickhouse://h:1/bad-name')).toThrow(/not a usable/);
    expect(() => clickhouseTarget('postgres://h/db')).toThrow(/not a ClickHouse address/);
  });
});
