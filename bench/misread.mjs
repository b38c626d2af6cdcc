// Issue 14 benchmarks, on the misread-heavy set (synth's misread rate raised to 3%): CSV.gz load
// against DuckDB's read_csv, the cached re-load, the county-lines find against DuckDB's coarse
// stage, resident bytes per read after a cached load, and the whole CLI run (first and cached)
// against a naive DuckDB job counting hub → market → hub loops straight from the same CSV.gz.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchMisreadData } from './data.mjs';
import { COARSE_SQL, duckReads, duckTime } from './find.mjs';
import { duckLoad } from './load.mjs';
import { fmtRate, fmtS, printTable, time } from './table.mjs';

const require = createRequire(import.meta.url);
const lib = require('../kernel-lib/dist/index.js');
const ROOT = path.resolve(import.meta.dirname, '..');
// The command as users run it: on Linux the launcher (bin/anpr: huge pages, then Node.js in the same process).
const CLI = process.platform === 'linux' ? [path.join(ROOT, 'kernel-lib', 'bin', 'anpr')] : [process.execPath, path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs')];

/** The naive job: every read of the CSV.gz joined to its site's area, loops counted per plate, top 100. */
const LOOP_JOB = (csv) => `
  WITH r AS (SELECT upper(regexp_replace(vrm, '[^A-Za-z0-9]', '', 'g')) AS vrm, epoch_ms(timestamp::TIMESTAMPTZ) AS t, a.area
             FROM read_csv('${csv}') JOIN site_area a USING (site_id) WHERE a.area >= 0),
  x AS (SELECT vrm, t, area, lag(area) OVER (PARTITION BY vrm ORDER BY t) AS pa FROM r),
  ch AS (SELECT vrm, t, area FROM x WHERE pa IS NULL OR pa <> area),
  seq AS (SELECT vrm, area, lag(area) OVER w AS prev, lead(area) OVER w AS next FROM ch WINDOW w AS (PARTITION BY vrm ORDER BY t))
  SELECT vrm, count(*) FILTER (WHERE area > 0 AND prev = 0 AND next = 0) AS loops FROM seq GROUP BY vrm ORDER BY loops DESC, vrm LIMIT 100`;

const E2E_RUNS = Number(process.env.ANPR_BENCH_E2E_RUNS || 3);
const LOAD_RUNS = Number(process.env.ANPR_BENCH_LOAD_RUNS || 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function cli(data, cacheDir) {
  const t = process.hrtime.bigint();
  const r = spawnSync(CLI[0], [...CLI.slice(1), 'find', 'county-lines', '--reads', data.csv, '--sites', data.sites, '--hub', data.hub, '--markets', data.markets,
    '--json', '--top', '100', '--purpose', 'speed measurement on synthetic data', '--operator', 'benchmark'], {
    encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ANPR_CACHE_DIR: cacheDir, TZ: 'Europe/London' },
  });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0) throw new Error(`anpr find county-lines failed: ${r.stderr}`);
  return s;
}

export async function benchMisread(target) {
  const data = await benchMisreadData(target);
  process.stdout.write(`misread-heavy data: ${data.dir}\n`);
  const cacheDir = path.join(ROOT, 'bench-results', 'cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const rows = [];

  // 1. Load: first (parses the CSV.gz, fills the cache; the cache emptied before each) against
  //    read_csv, alternating, LOAD_RUNS times each (medians: one run of either side measured up to
  //    ±15% from the next here); then again from the cache.
  const firsts = [], refs = [];
  let first;
  for (let i = 0; i < LOAD_RUNS; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    first = await time(() => lib.loadReads({ reads: data.csv, sites: data.sites, cache: { dir: cacheDir } }), { runs: 1, warm: false });
    firsts.push(first.s);
    refs.push(await duckLoad(data.csv, 'read_csv'));
  }
  const n = first.result.summary.read;
  const ours1 = median(firsts), ref = median(refs);
  const span = (xs) => `${Math.min(...xs).toFixed(2)}-${Math.max(...xs).toFixed(2)} s`;
  rows.push({ name: `load ${(n / 1e6).toFixed(1)}M reads from CSV.gz (first load: parse, hash, write the cache) vs DuckDB read_csv (median of ${LOAD_RUNS}, alternating, in one process; ours ${span(firsts)}, DuckDB ${span(refs)})`, ours: `${fmtS(ours1)} (${fmtRate(n, ours1)})`, ref: `${fmtS(ref)} (${fmtRate(n, ref)})`, ratio: (ours1 / ref).toFixed(2), goal: '<= 1.0x DuckDB', met: ours1 <= ref });
  // A cached store reads its columns and plates on first use (ingest/cache/store-file.ts); the re-load is timed with them read.
  const lookup = await time(() => lib.loadReads({ reads: data.csv, sites: data.sites, cache: { dir: cacheDir } }), { runs: 3, warm: false });
  const again = await time(async () => {
    const r = await lib.loadReads({ reads: data.csv, sites: data.sites, cache: { dir: cacheDir } });
    if (r.store.time.length + r.store.site.length + r.store.vehicle.length + r.store.confidence.length !== 4 * r.store.n || !r.store.vrms.length) throw new Error('cached store columns');
    return r;
  }, { runs: 3, warm: false });
  if (!again.result.summary.fromCache) throw new Error('the second load did not come from the cache');
  rows.push({ name: `cached re-load of the same ${(n / 1e6).toFixed(1)}M reads, every column and plate read (median of 3; the lookup alone, columns left for first use: ${fmtS(lookup.s)})`, ours: fmtS(again.s), ref: fmtS(ref), ratio: (again.s / ref).toFixed(2), goal: '<= 1 s', met: again.s <= 1 });
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', path.join(import.meta.dirname, 'memory.mjs'), data.csv, data.sites, cacheDir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/memory.mjs failed: ${child.stderr}`);
  const mem = JSON.parse(child.stdout.trim().split('\n').pop());
  rows.push({ name: 'resident bytes per read after a cached load: JS heap + array buffers (fresh process)', ours: mem.heapAndBuffersPerRead.toFixed(1), goal: '<= 48', met: mem.heapAndBuffersPerRead <= 48 });

  // 2. The find on the misread-heavy store vs DuckDB's coarse stage (median of 3 after a warm-up, both).
  //    On a store loaded without the cache, so every find computes its features: on a cached load
  //    the finder keeps them beside the entry and a later find only ranks (the row after).
  const cached = again.result.store;
  const store = (await lib.loadReads({ reads: data.csv, sites: data.sites, cache: false })).store;
  const { c, hubGeo, marketsGeo, siteArea } = await duckReads(data, store);
  const ours = await time(() => lib.findCountyLines(store, { hub: hubGeo, markets: marketsGeo }), { runs: 3 });
  const kept = await time(() => lib.findCountyLines(cached, { hub: hubGeo, markets: marketsGeo }), { runs: 3 });
  const coarse = await duckTime(c, COARSE_SQL);
  rows.push({ name: `county-lines find on the misread-heavy set (${ours.result.counts.scored} scored, ${store.vrms.length} plate strings) vs DuckDB coarse stage`, ours: fmtS(ours.s), ref: fmtS(coarse.s), ratio: (ours.s / coarse.s).toFixed(2), goal: '<= 0.5x DuckDB', met: ours.s <= 0.5 * coarse.s });
  rows.push({ name: `the same find again on the cached load (features kept beside it: only the ranking runs)`, ours: fmtS(kept.s), ref: fmtS(coarse.s), ratio: (kept.s / coarse.s).toFixed(2), goal: '-', met: true });
  c.closeSync?.();

  // 3. End to end: `anpr find county-lines --json --top 100` in a fresh process, first run (empty cache) and
  //    cached re-run, against the naive DuckDB loop-count job on the same CSV.gz (fresh instance each time).
  const job = async () => {
    const db = await DuckDBInstance.create(':memory:');
    const k = await db.connect();
    await k.run('CREATE TABLE site_area (site_id VARCHAR, area INTEGER)');
    await k.run(`INSERT INTO site_area VALUES ${store.sites.id.map((id, s) => `('${id}', ${siteArea[s]})`).join(', ')}`);
    const r = await k.runAndReadAll(LOOP_JOB(data.csv));
    k.closeSync(); db.closeSync();
    return r.getRowsJS().length;
  };
  // Medians of E2E_RUNS (ANPR_BENCH_E2E_RUNS, default 3) on a shared machine: one run of either side
  // measured anywhere from 0.5x to 2x another.
  const duckJob = await time(job, { runs: E2E_RUNS, warm: false });
  const colds = [], warms = [];
  for (let i = 0; i < E2E_RUNS; i++) {
    rmSync(cacheDir, { recursive: true, force: true });
    colds.push(cli(data, cacheDir));
    warms.push(cli(data, cacheDir));
  }
  const cold = median(colds), warm = median(warms);
  const of = `median of ${E2E_RUNS}`;
  rows.push({ name: `end to end: anpr find county-lines --json --top 100 on the CSV.gz, first run (empty cache) vs naive DuckDB loop-count job (${of})`, ours: fmtS(cold), ref: fmtS(duckJob.s), ratio: (cold / duckJob.s).toFixed(2), goal: '<= 1.0x DuckDB', met: cold <= duckJob.s });
  rows.push({ name: `end to end, cached re-run (same command again; ${of})`, ours: fmtS(warm), ref: fmtS(duckJob.s), ratio: (warm / duckJob.s).toFixed(2), goal: '<= 0.3x DuckDB', met: warm <= 0.3 * duckJob.s });
  rmSync(cacheDir, { recursive: true, force: true });
  printTable(`Misread-heavy set, CSV ingest and the reads cache (issue 14), ${(n / 1e6).toFixed(1)}M reads`, rows);
}
