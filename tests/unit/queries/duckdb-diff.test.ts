/**
 * Differential test: trips per vehicle, A-then-B and area search agree exactly with the same
 * queries written in DuckDB SQL over the same CSV.gz file (the real engine, not a string compare).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aThenB, area, areaSearch, areasFromGeoJson, defaultSplitTripsOptions, loadReads, placeMask, splitTrips, synthesize, type ReadStore,
} from '../../../kernel-lib/src';

let dir = '';
let store: ReadStore;
let c: DuckDBConnection;
let hubSites: string[] = [], marketSites: string[] = [], rhylSites: string[] = [];
let rhyl: ReturnType<typeof area>;
let t0 = 0;

const ids = (m: Uint8Array) => store.sites.id.filter((_, s) => m[s]);
const sqlList = (xs: string[]) => xs.map((x) => `'${x}'`).join(', ');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'anpr-diff-'));
  await synthesize({ scenario: 'merseyside', days: 3, seed: 'diff', vehicles: 300, out: dir });
  ({ store } = await loadReads({ reads: path.join(dir, 'reads.csv.gz'), sites: path.join(dir, 'sites.csv') }));
  const hub = area(JSON.parse(readFileSync(path.join(dir, 'hub.geojson'), 'utf8')));
  const markets = areasFromGeoJson(JSON.parse(readFileSync(path.join(dir, 'markets.geojson'), 'utf8')));
  rhyl = markets[0];
  hubSites = ids(placeMask(store, hub));
  rhylSites = ids(placeMask(store, rhyl));
  const m = new Uint8Array(store.sites.id.length);
  for (const a of markets) placeMask(store, a).forEach((x, s) => { if (x) m[s] = 1; });
  marketSites = ids(m);
  t0 = Math.min(...store.time);
  const db = await DuckDBInstance.create(':memory:');
  c = await db.connect();
  await c.run(`CREATE TABLE sites AS SELECT * FROM read_csv('${path.join(dir, 'sites.csv')}', header = true)`);
  await c.run(`CREATE TABLE r AS SELECT DISTINCT upper(regexp_replace(vrm, '[^A-Za-z0-9]', '', 'g')) AS vrm,
      epoch_ms(timestamp::TIMESTAMPTZ)::DOUBLE AS t, site_id
    FROM read_csv('${path.join(dir, 'reads.csv.gz')}', header = true)`);
}, 120_000);

afterAll(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

async function rows(sql: string): Promise<string[]> {
  const r = await c.runAndReadAll(sql);
  return r.getRowsJS().map((x) => x.map(String).join(' ')).sort();
}

describe('DuckDB differential', () => {
  it('loads the same reads', async () => {
    const [[n]] = (await c.runAndReadAll('SELECT count(*) FROM r')).getRowsJS();
    expect(Number(n)).toBe(store.n);
    expect(store.n).toBeGreaterThan(1000);
  });

  it('trips per vehicle (gap and speed rule with LAG)', async () => {
    const o = defaultSplitTripsOptions;
    const trips = splitTrips(store);
    const ours = store.vrms.map((v, k) => `${v} ${trips.vehicleTripStart[k + 1] - trips.vehicleTripStart[k]}`).sort();
    const theirs = await rows(`
      WITH x AS (
        SELECT r.vrm, r.t, r.site_id, s.lat, s.lon,
          lag(r.t) OVER w AS pt, lag(r.site_id) OVER w AS ps, lag(s.lat) OVER w AS plat, lag(s.lon) OVER w AS plon
        FROM r JOIN sites s USING (site_id)
        WINDOW w AS (PARTITION BY r.vrm ORDER BY r.t, r.site_id)),
      b AS (
        SELECT vrm, CASE
          WHEN pt IS NULL THEN 0
          WHEN t - pt > ${o.maxGapMinutes * 60_000} THEN 1
          WHEN site_id <> ps AND (2 * 6371.0088 * asin(least(1, sqrt(pow(sin(radians(lat - plat) / 2), 2)
               + cos(radians(plat)) * cos(radians(lat)) * pow(sin(radians(lon - plon) / 2), 2)))))
               / ((t - pt) / 3600000.0 + ${o.speedToleranceSeconds} / 3600.0) > ${o.maxSpeedKmh} THEN 1
          ELSE 0 END AS brk
        FROM x)
      SELECT vrm, 1 + sum(brk)::INTEGER FROM b GROUP BY vrm`);
    expect(theirs).toEqual(ours);
    expect(trips.n).toBeGreaterThan(store.vrms.length);
  });

  it('A-then-B (hub then any market within 90 min)', async () => {
    const res = aThenB(store, { a: hubSites, b: marketSites, withinMinutes: 90 });
    const ours = res.rows.map((x) => `${x.vrm} ${x.aTime} ${x.aSite} ${x.bTime}`).sort();
    const theirs = await rows(`
      SELECT a.vrm, a.t::BIGINT, a.site_id, min(b.t)::BIGINT AS bt
      FROM r a JOIN r b ON a.vrm = b.vrm AND b.t > a.t
      WHERE a.site_id IN (${sqlList(hubSites)}) AND b.site_id IN (${sqlList(marketSites)})
      GROUP BY a.vrm, a.t, a.site_id
      HAVING min(b.t) - a.t <= ${90 * 60_000}`);
    expect(ours.length).toBeGreaterThan(10);
    expect(theirs).toEqual(ours);
  });

  it('area search (Rhyl, second day)', async () => {
    const from = t0 + 86_400_000, to = t0 + 2 * 86_400_000;
    const res = areaSearch(store, rhyl, { from, to });
    const ours = res.rows.map((x) => `${x.vrm} ${x.first} ${x.last} ${x.reads} ${x.sites}`).sort();
    const theirs = await rows(`
      SELECT vrm, min(t)::BIGINT, max(t)::BIGINT, count(*), count(DISTINCT site_id) FROM r
      WHERE site_id IN (${sqlList(rhylSites)}) AND t >= ${from} AND t < ${to} GROUP BY vrm`);
    expect(ours.length).toBeGreaterThan(5);
    expect(theirs).toEqual(ours);
  });
});
