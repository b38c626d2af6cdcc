// Find & profile benchmarks (issue 4): county-lines find, A-then-B, convoy for one target and
// the profile of one vehicle, each against DuckDB doing the same (or the coarse part of the
// same) work on the same reads, in the same run. DuckDB gets the reads as an in-memory table
// (loading is not timed), as our store is already loaded.
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fmtS, printTable, time } from './table.mjs';

const require = createRequire(import.meta.url);
const lib = require('../kernel-lib/dist/index.js');

const ms = (s) => `${(s * 1000).toFixed(1)} ms`;
const list = (xs) => xs.map((x) => `'${x}'`).join(', ');

async function duck(c, sql) {
  const t = process.hrtime.bigint();
  const r = await c.runAndReadAll(sql);
  return { s: Number(process.hrtime.bigint() - t) / 1e9, rows: r.getRowsJS() };
}

/** Median of 3 DuckDB runs after a warm-up. */
export async function duckTime(c, sql) {
  await duck(c, sql);
  const ts = [];
  let rows;
  for (let i = 0; i < 3; i++) { const r = await duck(c, sql); ts.push(r.s); rows = r.rows; }
  ts.sort((a, b) => a - b);
  return { s: ts[1], rows };
}

/** DuckDB's coarse stage of the county-lines find: trips (LAG, gap rule) and hub→market→hub loop counts per vehicle. */
export const COARSE_SQL = `
    WITH r AS (SELECT r.vrm, r.t, a.area FROM reads r JOIN site_area a USING (site_id)),
    g AS (SELECT vrm, t, area, lag(t) OVER (PARTITION BY vrm ORDER BY t) AS pt FROM r),
    trips AS (SELECT vrm, 1 + count(*) FILTER (WHERE t - pt > 1800000) AS trips FROM g GROUP BY vrm),
    x AS (SELECT vrm, t, area, lag(area) OVER (PARTITION BY vrm ORDER BY t) AS pa FROM r WHERE area >= 0),
    ch AS (SELECT vrm, t, area FROM x WHERE pa IS NULL OR pa <> area),
    seq AS (SELECT vrm, area, lag(area) OVER w AS prev, lead(area) OVER w AS next FROM ch WINDOW w AS (PARTITION BY vrm ORDER BY t)),
    loops AS (SELECT vrm, count(*) FILTER (WHERE area > 0 AND prev = 0 AND next = 0) AS loops FROM seq GROUP BY vrm)
    SELECT count(*), sum(loops) FROM trips LEFT JOIN loops USING (vrm)`;

/**
 * DuckDB with the reads of `data.parquet` as an in-memory table (normalised VRM, epoch ms,
 * site) and each site's area (0 hub, >0 market, -1 neither), as the store's sites give them.
 */
export async function duckReads(data, store) {
  const hubGeo = JSON.parse(readFileSync(data.hub, 'utf8'));
  const marketsGeo = JSON.parse(readFileSync(data.markets, 'utf8'));
  const hub = lib.area(hubGeo);
  const markets = lib.areasFromGeoJson(marketsGeo);
  const siteArea = lib.siteAreas(store.sites, [hub, ...markets], { bufferKm: lib.defaultCountyLinesParams.areaBufferKm });
  const hubSites = store.sites.id.filter((_, s) => siteArea[s] === 0);
  const marketSites = store.sites.id.filter((_, s) => siteArea[s] > 0);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE reads AS SELECT DISTINCT upper(regexp_replace(vrm, '[^A-Za-z0-9]', '', 'g')) AS vrm, epoch_ms(timestamp::TIMESTAMPTZ)::DOUBLE AS t, site_id FROM read_parquet('${data.parquet}')`);
  await c.run('CREATE TABLE site_area (site_id VARCHAR, area INTEGER)');
  await c.run(`INSERT INTO site_area VALUES ${store.sites.id.map((id, s) => `('${id}', ${siteArea[s]})`).join(', ')}`);
  return { c, hubGeo, marketsGeo, hubSites, marketSites, siteArea };
}

export async function benchFind(data, store) {
  const { c, hubGeo, marketsGeo, hubSites, marketSites } = await duckReads(data, store);
  const rows = [];

  // 1. County-lines find vs DuckDB's coarse stage: trips (LAG, gap rule) and hub→market→hub loop counts per vehicle.
  // Both sides measured alike: one warm-up run, then the median of 3 (duckTime does the same);
  // the first call (JIT compiling included) is reported on its own row.
  const first = await time(() => lib.findCountyLines(store, { hub: hubGeo, markets: marketsGeo }), { runs: 1, warm: false });
  const ours = await time(() => lib.findCountyLines(store, { hub: hubGeo, markets: marketsGeo }), { runs: 3, warm: false });
  const coarse = await duckTime(c, COARSE_SQL);
  rows.push({ name: `county-lines find (${ours.result.counts.scored} scored) vs DuckDB coarse stage (trips + loop counts); median of 3 after a warm-up, both`, ours: fmtS(ours.s), ref: fmtS(coarse.s), ratio: (ours.s / coarse.s).toFixed(2), goal: '<= 0.5x DuckDB', met: ours.s <= 0.5 * coarse.s });
  rows.push({ name: 'county-lines find, first call on the store (JIT compiling included)', ours: fmtS(first.s), ref: fmtS(coarse.s), ratio: (first.s / coarse.s).toFixed(2) });

  // 2. A-then-B: hub then any market within 60 minutes.
  const atb = await time(() => lib.aThenB(store, { a: hubSites, b: marketSites, withinMinutes: 60 }));
  const atbRef = await duckTime(c, `
    WITH a AS (SELECT vrm, t, site_id FROM reads WHERE site_id IN (${list(hubSites)})),
    b AS (SELECT vrm, t FROM reads WHERE site_id IN (${list(marketSites)}))
    SELECT count(*) FROM a ASOF JOIN b ON a.vrm = b.vrm AND b.t > a.t WHERE b.t - a.t <= 3600000`);
  rows.push({ name: `A-then-B hub→market ≤ 60 min (${atb.result.rows.length} rows; DuckDB ${atbRef.rows[0][0]}, ASOF join)`, ours: ms(atb.s), ref: ms(atbRef.s), ratio: (atb.s / atbRef.s).toFixed(2) });

  // 3. Convoy for one target (the top county-lines candidate); the index build is once per store.
  const target = ours.result.candidates[0]?.vrm ?? store.vrms[0];
  const build = await time(() => lib.siteIndex(store), { runs: 1, warm: false });
  rows.push({ name: 'per-site time index build (once per store, lazily)', ours: ms(build.result.buildMs / 1000) });
  const cv = await time(() => lib.convoy(store, target, { withinSeconds: 120, minSites: 3 }));
  const cvRef = await duckTime(c, `
    WITH tg AS (SELECT t AS tt, site_id FROM reads WHERE vrm = '${target}')
    SELECT r.vrm, count(DISTINCT tg.tt) AS obs, count(DISTINCT r.site_id) AS sites
    FROM tg JOIN reads r ON r.site_id = tg.site_id AND r.t BETWEEN tg.tt - 120000 AND tg.tt + 120000
    WHERE r.vrm <> '${target}' GROUP BY r.vrm HAVING count(DISTINCT r.site_id) >= 3`);
  rows.push({ name: `convoy ±120 s for one target (${cv.result.rows.length} associates; DuckDB co-read counts only: ${cvRef.rows.length})`, ours: ms(cv.s), ref: ms(cvRef.s), ratio: (cv.s / cvRef.s).toFixed(2) });

  // 4. Profile of one vehicle (warm: index and places cached) vs DuckDB's per-vehicle trips, hour × weekday and top sites.
  const other = ours.result.candidates[1]?.vrm ?? store.vrms[1];
  const cold = await time(() => lib.profile(store, other, { hub: hubGeo, markets: marketsGeo }), { runs: 1, warm: false });
  rows.push({ name: 'profile, first call on the store (builds the places cache; index already built)', ours: ms(cold.s), goal: '<= 50 ms', met: cold.s <= 0.05 });
  const pr = await time(() => lib.profile(store, target, { hub: hubGeo, markets: marketsGeo }), { runs: 5 });
  const prRef = await duckTime(c, `
    WITH v AS (SELECT t, site_id, lag(t) OVER (ORDER BY t) AS pt FROM reads WHERE vrm = '${target}')
    SELECT (SELECT 1 + count(*) FILTER (WHERE t - pt > 1800000) FROM v),
      (SELECT list(n) FROM (SELECT dayofweek(to_timestamp(t / 1000) AT TIME ZONE 'Europe/London') AS d, hour(to_timestamp(t / 1000) AT TIME ZONE 'Europe/London') AS h, count(*) AS n FROM v GROUP BY d, h)),
      (SELECT list(site_id) FROM (SELECT site_id, count(*) AS n FROM v GROUP BY site_id ORDER BY n DESC LIMIT 10))`);
  rows.push({ name: `profile of one vehicle (${pr.result.summary.reads} reads, with associates and score)`, ours: ms(pr.s), ref: ms(prRef.s), ratio: (pr.s / prRef.s).toFixed(2), goal: '<= 50 ms', met: pr.s <= 0.05 });
  c.closeSync?.();
  printTable(`Find & profile (issue 4), ${(store.n / 1e6).toFixed(1)}M reads`, rows);
}
