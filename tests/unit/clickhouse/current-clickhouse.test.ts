// Every SQL statement of the ClickHouse engine (clickhouse/sql.ts: DDL, the RowBinary insert, the
// global figures, the coarse stage, the fetch of candidate rows) runs on a current ClickHouse —
// chdb 3.4.0, ClickHouse 26.x embedded, installed by this test into .anpr/chdb/ — and gives the
// same candidate keys, figures and rows as Debian's 18.16 on a 2-shard loopback cluster.
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCountyLinesParams, ingestClickHouse, loadSites, synthesize } from '../../../kernel-lib/src';
import * as sql from '../../../kernel-lib/src/clickhouse/sql';
import { streamReadsRowBinary } from '../../../kernel-lib/src/clickhouse/stream-reads';
import { ReadAccumulator } from '../../../kernel-lib/src/ingest/read-accumulator';
import { area, areasFromGeoJson, siteAreas } from '../../../kernel-lib/src/core/areas';
// @ts-expect-error plain ESM helper without types
import { chQuery, ensureClickHouse, startCluster } from '../../../scripts/lib/clickhouse.mjs';
// @ts-expect-error plain ESM helper without types
import { ensureChdb } from '../../../scripts/lib/chdb.mjs';
import { cleanup, tmp } from '../synth/helpers';

const available: boolean = ensureClickHouse();
const HOUR = 3_600_000;

type Run = (query: string) => Promise<Record<string, unknown>[]>;
let dir: string;
let cluster: { url: string; shards: { url: string }[]; stop: () => Promise<void> } | undefined;
let onOld: Run, onNew: Run;
let oldVersion = '', newVersion = '';
let chdb: { query(q: string, f: string): string; cleanup?: () => void } | undefined;
let coarseSites: sql.CoarseSites;
let firstT = 0;

const parse = (text: string) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
/** Rows with every number-like value as a number (18.16 quotes 64-bit integers in JSON, 26.x does not). */
const norm = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && k !== 'k' && k !== 'vrm' && k !== 'site_id' ? Number(v) : v])));
const sorted = (rows: Record<string, unknown>[]) => norm(rows).map((r) => JSON.stringify(r)).sort();

describe.skipIf(!available)('the ClickHouse engine\'s SQL on a current ClickHouse (chdb 26.x) and on 18.16', () => {
  beforeAll(async () => {
    dir = tmp('clickhouse-current');
    const r = await synthesize({ scenario: 'london', days: 14, seed: 'clickhouse-current', vehicles: 400, out: dir });
    const sitesFile = path.join(dir, 'sites.csv');
    // 18.16: the real ingest into two shards.
    cluster = await startCluster({ dir: path.join(dir, 'ch'), shards: 2 });
    await ingestClickHouse(`clickhouse://${new URL(cluster!.url).host}/anpr_cur`, r.files.reads, sitesFile, { shards: cluster!.shards.map((s) => s.url) });
    onOld = async (query) => parse(await chQuery(cluster!.url, `${query} FORMAT JSONEachRow`));
    // 26.x: chdb with a cluster `anpr` of one (local) shard, so the Distributed table exists too.
    const { Session } = ensureChdb();
    mkdirSync(path.join(dir, 'chdb'), { recursive: true });
    const config = path.join(dir, 'chdb', 'config.xml');
    writeFileSync(config, '<clickhouse><tcp_port>9000</tcp_port><remote_servers><anpr><shard><replica><host>localhost</host><port>9000</port></replica></shard></anpr></remote_servers></clickhouse>\n');
    chdb = new Session(path.join(dir, 'chdb', 'data'), { connectionArgs: [`--config-file=${config}`] });
    onNew = async (query) => parse(chdb!.query(query, 'JSONEachRow'));
    oldVersion = String((await onOld('SELECT version() AS v'))[0].v);
    newVersion = String((await onNew('SELECT version() AS v'))[0].v);
    // DDL and the insert on 26.x: the same statements as the ingest sends (sql.ts), the same
    // RowBinary bytes as it streams (stream-reads.ts), read FROM INFILE (chdb has no HTTP body).
    const db = 'anpr_cur';
    for (const q of [sql.createDatabase(db), sql.dropTable(`${db}.reads_local`), sql.createLocal(`${db}.reads_local`),
      sql.dropTable(`${db}.reads`), sql.createDistributed(`${db}.reads`, 'anpr', db, 'reads_local')]) chdb.query(q, 'TSV');
    const bin = path.join(dir, 'reads.rowbinary');
    const fd = openSync(bin, 'w');
    const sites = await loadSites(sitesFile);
    await streamReadsRowBinary(r.files.reads, true, new ReadAccumulator({ sites }), null, (bytes) => { writeSync(fd, bytes); }, () => undefined);
    closeSync(fd);
    chdb.query(`${sql.insertRowBinary(`${db}.reads`)}`.replace(' FORMAT RowBinary', ` FROM INFILE '${bin}' FORMAT RowBinary`), 'TSV');
    // The coarse stage's sites, as findCountyLinesClickHouse makes them.
    const hub = area(JSON.parse(readFileSync(r.files.hub, 'utf8')));
    const markets = areasFromGeoJson(JSON.parse(readFileSync(r.files.markets, 'utf8')));
    const siteArea = siteAreas(sites, [hub, ...markets], { bufferKm: defaultCountyLinesParams.areaBufferKm });
    coarseSites = { ids: [], codes: [], areas: [] };
    sites.id.forEach((id, i) => { if (siteArea[i] >= 0) { coarseSites.ids.push(id); coarseSites.codes.push(i); coarseSites.areas.push(siteArea[i]); } });
    firstT = Number((await onOld(`SELECT min(t) AS t FROM ${db}.reads`))[0].t);
  }, 300_000);
  afterAll(async () => {
    chdb?.cleanup?.();
    await cluster?.stop();
    cleanup();
  }, 60_000);

  it('knows which is which by SELECT version()', () => {
    expect(oldVersion).toMatch(/^18\.16\./);
    expect(newVersion).toMatch(/^2\d\.\d+\./);
    expect(sql.dialectOf(oldVersion)).toBe('18');
    expect(sql.dialectOf(newVersion)).toBe('current');
  });

  for (const [name, from, to] of [['all the data', undefined, undefined], ['a window', 3, 10]] as const) {
    it(`gives the same figures, candidate keys and candidate rows on both, ${name}`, async () => {
      const table = 'anpr_cur.reads';
      const f = from === undefined ? undefined : firstT + from * 24 * HOUR, t = to === undefined ? undefined : firstT + to * 24 * HOUR;
      const w = sql.where(f, t);
      const [gOld, gNew] = [norm(await onOld(sql.globals(table, w))), norm(await onNew(sql.globals(table, w)))];
      expect(gNew).toEqual(gOld);
      expect(gOld[0].n).toBeGreaterThan(5_000);
      expect(sorted(await onNew(sql.readsPerSite(table, w)))).toEqual(sorted(await onOld(sql.readsPerSite(table, w))));
      const keys: Record<string, string[]> = {};
      for (const [engine, run, dialect] of [['18.16', onOld, sql.dialectOf(oldVersion)], ['26.x', onNew, sql.dialectOf(newVersion)], ['26.x as 18', onNew, '18'], ['18.16 as current', onOld, 'current']] as const)
        keys[engine] = (await run(sql.coarseKeys(table, coarseSites, defaultCountyLinesParams.maxLoopHours * HOUR, f, t, dialect))).map((r) => String(r.k));
      expect(keys['18.16'].length).toBeGreaterThan(5);
      expect(keys['26.x']).toEqual(keys['18.16']);
      expect(keys['26.x as 18']).toEqual(keys['18.16']);
      expect(keys['18.16 as current']).toEqual(keys['18.16']);
      // Loops cut by the data's end (censorAt), and open loops of short-lived plates: the same keys on both.
      const censored: Record<string, string[]> = {};
      for (const days of [0, 16]) {
        const q = sql.coarseKeys(table, coarseSites, defaultCountyLinesParams.maxLoopHours * HOUR, f, t, 'current', Number(gOld[0].last), days ? days * 24 * HOUR : undefined);
        const [kOld, kNew] = [(await onOld(q)).map((r) => String(r.k)), (await onNew(q)).map((r) => String(r.k))];
        expect(kNew).toEqual(kOld);
        censored[days] = kOld;
      }
      expect(censored[0].length).toBeGreaterThanOrEqual(keys['18.16'].length);
      expect(censored[16].length).toBeGreaterThan(censored[0].length);
      const fetch = sql.candidateRows(table, keys['18.16'], f);
      const [rOld, rNew] = [sorted(await onOld(fetch)), sorted(await onNew(fetch))];
      expect(rOld.length).toBeGreaterThan(100);
      expect(rNew).toEqual(rOld);
    }, 120_000);
  }
});
