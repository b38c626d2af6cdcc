// The streaming ClickHouse ingest on a real 2-shard loopback cluster (Debian's clickhouse-server):
// the same counts, reasons and quarantine as loadReads, each key on the shard the Distributed
// table picks, the CLI's summary line; Parquet loaded whole, the same rows.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestClickHouse, loadReads, synthesize } from '../../../kernel-lib/src';
import { keyHash, shardOf } from '../../../kernel-lib/src/clickhouse/key-hash';
import { lookalikeKey } from '../../../kernel-lib/src/reads/lookalikes';
// @ts-expect-error plain ESM helper without types
import { chQuery, ensureClickHouse, startCluster } from '../../../scripts/lib/clickhouse.mjs';
import { cleanup, tmp } from '../synth/helpers';

const available: boolean = ensureClickHouse();

let dir: string, reads: string, sites: string;
let cluster: { url: string; shards: { url: string }[]; stop: () => Promise<void> } | undefined;

const q = async (http: string, sql: string, settings = '') => (await chQuery(http, sql, settings)).trim();

describe.skipIf(!available)('ingestClickHouse (streaming RowBinary) on a 2-shard cluster', () => {
  beforeAll(async () => {
    dir = tmp('clickhouse-ingest');
    const r = await synthesize({ scenario: 'merseyside', days: 7, seed: 'clickhouse-ingest', vehicles: 300, out: dir });
    sites = path.join(dir, 'sites.csv');
    // The synthetic reads, plus rows every rule rejects, exact duplicates near and far, and local times.
    const lines = gunzipSync(readFileSync(r.files.reads)).toString('utf8').trimEnd().split('\n');
    const [header, ...body] = lines;
    const bad = [
      'AB12CDE,yesterday,S0001,,,,90', ',2025-03-03T10:00:00Z,S0001,,,,90', 'AB12CDE,2025-03-03T10:00:00Z,NOPE,,,,90',
      'AB12CDE,2025-03-03T10:00:00Z,S0001,,,,190', 'AB12CDE,2025-03-30T01:30:00,S0001,,,,90', 'AB12CDE,2025-10-26 01:30:00,S0001,,,,90',
      'AB12CDE,2025-03-03T10:00:00Z', `${'X'.repeat(40)},2025-03-03T10:00:00Z,S0001,,,,90`, 'ab 12-cde,2025-03-03 10:00:00,S0001,,,,',
    ];
    const out = [header, ...body.slice(0, 500), body[3], ...bad, ...body.slice(500), body[10], body[body.length - 1]];
    reads = path.join(dir, 'mixed.csv.gz');
    writeFileSync(reads, gzipSync(out.join('\n') + '\n'));
    cluster = await startCluster({ dir: path.join(dir, 'ch'), shards: 2 });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    cleanup();
  }, 60_000);

  it('counts, reasons and quarantine equal loadReads\'; every row on the shard of halfMD5(k)', async () => {
    const url = `clickhouse://${new URL(cluster!.url).host}/anpr_ing`;
    const qCh = path.join(dir, 'q-ch.csv'), qMem = path.join(dir, 'q-mem.csv');
    const seen: number[] = [];
    const r = await ingestClickHouse(url, reads, sites, { shards: cluster!.shards.map((s) => s.url), quarantine: qCh, onProgress: (f) => seen.push(f) });
    const { store, summary } = await loadReads({ reads, sites, quarantine: qMem });
    expect(r.streamed).toBe(true);
    expect({ read: r.read, reads: r.reads, rejected: r.rejected, duplicates: r.duplicates, reasons: r.reasons, plates: r.plates })
      .toEqual({ read: summary.read, reads: summary.accepted, rejected: summary.rejected, duplicates: summary.duplicates, reasons: summary.reasons, plates: store.vrms.length });
    expect(r.rejected).toBeGreaterThanOrEqual(7);
    expect(r.duplicates).toBeGreaterThanOrEqual(3);
    expect([r.firstRead, r.lastRead]).toEqual([summary.firstRead, summary.lastRead]);
    expect(readFileSync(qCh, 'utf8')).toBe(readFileSync(qMem, 'utf8'));
    expect(seen.length).toBeGreaterThan(0);

    const [a, b] = cluster!.shards.map((s) => s.url);
    const n = await Promise.all([a, b].map((s) => q(s, 'SELECT count() FROM anpr_ing.reads_local').then(Number)));
    expect(n[0]).toBeGreaterThan(0);
    expect(n[1]).toBeGreaterThan(0);
    expect(n[0] + n[1]).toBe(store.n);
    for (const [i, s] of [a, b].entries()) {
      expect(await q(s, `SELECT count() FROM anpr_ing.reads_local WHERE h != halfMD5(k) OR h % 2 != ${i} OR k != replaceRegexpAll(replaceRegexpAll(replaceRegexpAll(replaceRegexpAll(replaceRegexpAll(vrm, '0', 'O'), '1', 'I'), '8', 'B'), '5', 'S'), '2', 'Z')`)).toBe('0');
    }
    // The rows are the loader's: plate, time, site and confidence of every read.
    const rows = (await q(a, 'SELECT vrm, t, site_id, confidence FROM anpr_ing.reads ORDER BY vrm, t, site_id FORMAT TSV')).split('\n');
    const mem: string[] = [];
    for (let v = 0; v < store.vrms.length; v++)
      for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++)
        mem.push([store.vrms[v], store.time[i], store.sites.id[store.site[i]], store.confidence[i]].join('\t'));
    expect(rows).toEqual(mem.sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    // Another writer going through the Distributed table (h left to its DEFAULT) lands on the same shard.
    const k = lookalikeKey('ZZ99ZZZ');
    await q(a, `INSERT INTO anpr_ing.reads (vrm, k, t, site_id, confidence) VALUES ('ZZ99ZZZ', '${k}', 0, 'S0001', 50)`, '&insert_distributed_sync=1');
    const where = await Promise.all([a, b].map((s) => q(s, `SELECT count() FROM anpr_ing.reads_local WHERE vrm = 'ZZ99ZZZ'`)));
    expect(where).toEqual(shardOf(k, 2) === 0 ? ['1', '0'] : ['0', '1']);
    expect(await q(a, `SELECT halfMD5('${k}')`)).toBe(keyHash(k).toString());
  }, 120_000);

  it('loads Parquet whole (the same rows), and through the Distributed table without --shards', async () => {
    const pq = path.join(dir, 'reads.parquet');
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`COPY (SELECT * FROM read_csv('${path.join(dir, 'reads.csv.gz')}', header = true)) TO '${pq}' (FORMAT parquet)`);
    c.closeSync?.();
    const url = `clickhouse://${new URL(cluster!.url).host}/anpr_pq`;
    for (const s of cluster!.shards) await q(s.url, 'CREATE DATABASE IF NOT EXISTS anpr_pq');
    for (const s of cluster!.shards) await q(s.url, 'CREATE TABLE IF NOT EXISTS anpr_pq.reads_local (vrm String, k String, h UInt64 DEFAULT halfMD5(k), t Float64, site_id String, confidence UInt8) ENGINE = MergeTree() ORDER BY (h, t)');
    const r = await ingestClickHouse(url, pq, sites, { shards: [cluster!.url], append: true });
    const { summary } = await loadReads({ reads: path.join(dir, 'reads.csv.gz'), sites });
    expect(r.streamed).toBe(false);
    expect(r.reads).toBe(summary.accepted);
    const n = await Promise.all(cluster!.shards.map((s) => q(s.url, 'SELECT count() FROM anpr_pq.reads_local WHERE h % 2 != ' + cluster!.shards.indexOf(s)).then(Number)));
    expect(n).toEqual([0, 0]);
    expect(Number(await q(cluster!.url, 'SELECT count() FROM anpr_pq.reads'))).toBe(summary.accepted);
  }, 120_000);

  it('anpr ingest prints one summary line (read = accepted + rejected + duplicates) and exit 2 on a password in the address', () => {
    const BIN = path.resolve(__dirname, '../../../kernel-lib/bin/anpr.mjs');
    const target = `clickhouse://${new URL(cluster!.url).host}/anpr_cli2`;
    const r = spawnSync('node', [BIN, 'ingest', '--to', target, '--reads', reads, '--sites', sites, '--shards', cluster!.shards.map((s) => s.url).join(',')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^ingested [\d,]+ reads \([\d,]+ plates\) into clickhouse:\/\/.* rows\/s: read [\d,]+ = accepted [\d,]+ \+ rejected [\d,]+ \+ duplicates [\d,]+\n$/);
    expect(r.stderr).toBe(''); // not a terminal: no progress bar
    const bad = spawnSync('node', [BIN, 'ingest', '--to', 'clickhouse://u:secret@127.0.0.1:1/x', '--reads', reads, '--sites', sites], { encoding: 'utf8', env: { ...process.env, HOME: os.tmpdir() } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/must not hold a password/);
  }, 120_000);
});

describe('clickhouseTarget: TLS and a user', () => {
  it('reads clickhouses:// and a user, takes the password from the environment only', async () => {
    const { clickhouseTarget } = await import('../../../kernel-lib/src');
    expect(clickhouseTarget('clickhouses://analyst@ch.example:8443/anpr', { ANPR_CLICKHOUSE_PASSWORD: 's3cret' }))
      .toEqual({ http: 'https://ch.example:8443', database: 'anpr', username: 'analyst', password: 's3cret' });
    expect(clickhouseTarget('https://ch.example:8443', { ANPR_CLICKHOUSE_USER: 'svc' })).toEqual({ http: 'https://ch.example:8443', database: 'anpr', username: 'svc' });
    expect(() => clickhouseTarget('clickhouse://u:p@ch.example:8123/anpr', {})).toThrow(/must not hold a password/);
  });
});
