/**
 * The DuckDB engine of the county-lines finder, for reads larger than memory: the coarse stage runs in DuckDB over
 * Parquet (one file, a directory of files such as a Hive-partitioned `day=…/` tree, or a glob),
 * with a memory limit and a spill directory; only the candidate vehicles' reads come back into
 * an in-memory store, where the finder scores them exactly as it scores a store loaded whole.
 *
 *   Parquet ─► DuckDB: per look-alike key (plates that differ only by O/0, I/1, B/8, S/5, Z/2),
 *              in the window: is there a hub → market → hub loop (two consecutive hub reads at
 *              most maxLoopHours apart with a market read between)?  + reads per site, first
 *              and last read time, reads, plates (the finder's global figures); past `passReads`
 *              reads, in passes over parts of the keys (duckdb-passes.ts), figures summed
 *          ─► the keys' reads copied to Parquet in the spill directory, one file per batch
 *          ─► loadReads (the same validation as any load), batch by batch ─► the runner (runner.ts)
 *
 * Why the answer is the same: the finder merges look-alike plates only within one key, and a
 * merged vehicle's reads are some of its key's; a loop in some of a key's reads is still a loop
 * in all of them (more hub reads only shorten the gaps), so every vehicle the finder would score
 * is among the keys kept. The global figures (site weights for places, the data's first and last
 * read for plate relays) are computed over every read, as in memory.
 * Assumes, like the in-memory finder, that rows are valid reads: rows the loader would reject
 * still count in the global figures here (a clean extract gives identical rankings; a test checks).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as msg from '../messages';
import { loadReads } from '../ingest/load-reads';
import { loadSites } from '../ingest/load-sites';
import type { LoadSummary } from '../ingest/types';
import type { SiteTable } from '../reads/types';
import { siteAreas } from '../core/areas';
import { HOUR_MS } from '../core/london-time';
import { openLoopSpanMs } from '../method/county-lines/params';
import type { FinderSetup } from '../method/county-lines/setup';
import type { CountyLinesEngine, CoarseBatch, FinderWindow } from './engine';
import { lookalikeKey, normalised, splitByKey } from './duckdb-passes';
import type { DuckDBConnection } from '@duckdb/node-api';

/** Options of the DuckDB engine: where the data is, DuckDB's limits, and the data-age rule of the loads. */
export interface DuckDBEngineOptions {
  /** Reads: a Parquet file, a directory of Parquet files (searched recursively), or a glob. */
  reads: string;
  /** Sites file (CSV, CSV.gz, Parquet). */
  sites: string;
  /** DuckDB's memory limit, e.g. '4GB' (default: DuckDB's, 80% of RAM). Past it, DuckDB spills to `tempDirectory`. */
  memoryLimit?: string;
  /** Spill directory (default: a fresh folder under the OS temp directory, removed afterwards). */
  tempDirectory?: string;
  /** DuckDB threads (default: DuckDB's, one per core). */
  threads?: number;
  /**
   * Candidate reads loaded into memory at once (default 5,000,000): the candidates are loaded and
   * their features computed in batches of look-alike keys, so peak memory follows the batch, not the data.
   */
  batchReads?: number;
  /**
   * Reads per pass of the coarse stage: past it, the stage runs in passes, each over a part of the
   * look-alike keys (see duckdb-passes.ts), so DuckDB holds a part's plates and reads, not all.
   * Default: one pass up to 32M reads, and passes of 5M past that, at most 64 passes. Measured (2 cores, 3GB limit):
   * 10M reads, SQL 8.6 s in one pass, 11.9 s in 2 (the split costs 3.8 s); 30M, 25.1 s in one,
   * 29.1 s in 6; 98M, 125 s in 2 passes of 50M (DuckDB spills), 97 s in 10, 88 s in 20 (5M each),
   * 102 s in 50 (each pass's fixed costs).
   */
  passReads?: number;
  /** The number of passes, instead of one per `passReads` reads (a test forces several on small data). */
  passes?: number;
  /** Access by data age, as in `loadReads`. */
  now?: number | Date | string;
  authorisation?: string;
}

/** What the DuckDB engine's coarse stage did. */
export interface DuckDBCoarse {
  /** Reads (distinct plate, time, site) and plates in the window, over all the data. */
  reads: number;
  plates: number;
  /** Look-alike keys with a coarse loop, their plates and rows (all their rows, loaded into memory). */
  keys: number;
  candidatePlates: number;
  candidateReads: number;
  /** Batches the candidates were loaded in (see `batchReads`). */
  batches: number;
  /** Passes of the coarse stage when more than one (see `passReads`). */
  passes?: number;
  /** Seconds in DuckDB (coarse stage + copy), in loading the candidates' batches (loadReads), and in their per-vehicle stages and the ranking (features). */
  sqlSeconds: number;
  loadSeconds: number;
  featureSeconds: number;
  /** The SQL's seconds by step (summed over passes): split (the reads by key, several passes only), plates (numbering), figures (the distinct reads, reads per site etc.), keys (loop test), copy (candidate batches). */
  sqlSteps: Record<string, number>;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
/**
 * The default passes (see `passReads`): one up to ONE_PASS_READS reads, else passes of PASS_READS,
 * at most MAX_PASSES (each pass has fixed costs, and 64 is the most measured at 1,000M reads; the
 * split's open files are duckdb-passes.ts's concern).
 */
const ONE_PASS_READS = 32_000_000, PASS_READS = 5_000_000, MAX_PASSES = 64;
const defaultPasses = (rows: number) => (rows <= ONE_PASS_READS ? 1 : Math.min(MAX_PASSES, Math.ceil(rows / PASS_READS)));

/** The Parquet source expression for a file, a directory (recursive) or a glob. */
export function parquetSource(reads: string): string {
  let glob = reads;
  try {
    if (statSync(reads).isDirectory()) glob = path.join(reads, '**', '*.parquet');
  } catch { /* a glob, or missing: DuckDB says which */ }
  return `read_parquet(${q(glob)}, hive_partitioning = false, union_by_name = true)`;
}

/** SQL for the time column as epoch ms (instants only: the coarse stage needs no zone rules). */
function timeExpression(type: string, col: string): string {
  if (/^TIMESTAMP WITH TIME ZONE$/i.test(type)) return `epoch_ms(${col})::DOUBLE`;
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL.*)$/i.test(type)) return `${col}::DOUBLE`;
  if (/^VARCHAR$/i.test(type)) return `epoch_ms(try_cast(${col} AS TIMESTAMPTZ))::DOUBLE`;
  throw new TypeError(msg.duckdbTimeType(type));
}

/**
 * The DuckDB engine: DuckDB keeps only the look-alike keys with a hub → market → hub loop, and
 * only their reads are loaded, in batches. Run it with the runner (`findCountyLinesDuckDB` does):
 * the ranking equals the in-memory finder's on the same (valid) reads.
 *
 * @example
 * const engine = duckdbEngine({ reads: 'reads/', sites: 'sites.csv', memoryLimit: '4GB' });
 * const ranking = await runCountyLines(engine, { hub, markets }); engine.coarse().candidateReads // a few % of the reads
 */
export function duckdbEngine(options: DuckDBEngineOptions): CountyLinesEngine<DuckDBCoarse> & { load(): LoadSummary } {
  let coarse: DuckDBCoarse | null = null;
  let summary: LoadSummary | null = null;
  let t1 = 0;
  return {
    name: 'DuckDB',
    needsMarkets: msg.duckdbNeedsMarkets,
    coarse: () => {
      const c = coarse as DuckDBCoarse;
      return { ...c, featureSeconds: (performance.now() - t1) / 1000 - c.loadSeconds };
    },
    load: () => summary as LoadSummary,
    async *candidates(window, setup): AsyncIterable<CoarseBatch> {
      const sites = await loadSites(options.sites);
      const tmp = options.tempDirectory ?? mkdtempSync(path.join(os.tmpdir(), 'anpr-duckdb-'));
      mkdirSync(tmp, { recursive: true });
      try {
        const sql = await coarseStage(options, window, setup, sites, tmp);
        // Per batch: load (validated as any load), then the finder's per-vehicle stages with the
        // global figures (the runner); then relays, scores and the ranking over every batch's vehicles at once.
        t1 = performance.now();
        coarse = sql.coarse;
        for (const file of sql.files) {
          const tl = performance.now();
          const { store, summary: s } = await loadReads({ reads: file, sites, now: options.now, authorisation: options.authorisation, cache: false });
          coarse.loadSeconds += (performance.now() - tl) / 1000;
          rmSync(file, { force: true });
          summary = summary ? addSummaries(summary, s) : s;
          coarse.candidateReads += s.read;
          yield { store, context: sql.context };
        }
      } finally {
        if (!options.tempDirectory) rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

/** The global figures of one pass (or of all, summed): reads per site, reads, plates, first and last read. */
interface Figures { siteReads: Float64Array; reads: number; plates: number; first: number; last: number }

/**
 * The coarse stage in DuckDB: the global figures, the looping look-alike keys, and their rows
 * copied to one Parquet file per batch under `tmp`. DuckDB is closed before the batches are loaded.
 */
async function coarseStage(options: DuckDBEngineOptions, window: FinderWindow, setup: FinderSetup, sites: SiteTable, tmp: string) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const { hub, markets } = setup;
  const siteArea = siteAreas(sites, [hub, ...markets], { bufferKm: setup.params.areaBufferKm });
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const work = path.join(tmp, `passes-${process.pid}-${Date.now()}`);
  try {
    await c.run(`SET temp_directory = ${q(tmp)}`);
    if (options.memoryLimit) await c.run(`SET memory_limit = ${q(options.memoryLimit)}`);
    if (options.threads) await c.run(`SET threads = ${Math.max(1, Math.floor(options.threads))}`);
    await c.run('SET preserve_insertion_order = false');
    const src = parquetSource(options.reads);
    const cols = new Map((await c.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`)).getRowsJS().map((r) => [String(r[0]).toLowerCase(), String(r[1])]));
    for (const need of ['vrm', 'timestamp', 'site_id']) if (!cols.has(need)) throw new TypeError(msg.duckdbMissingColumn(options.reads, need));
    const t = timeExpression(cols.get('timestamp') as string, '"timestamp"');

    // The window: from/to, and the data-age rule when `now` is given.
    const to = window.to;
    const from = window.accessFrom !== undefined ? Math.max(window.from ?? -Infinity, window.accessFrom) : window.from;
    const within = (time: string) => [`${time} IS NOT NULL`, from !== undefined && from > -Infinity ? `${time} >= ${from}` : '', to !== undefined ? `${time} < ${to}` : ''].filter(Boolean).join(' AND ');

    // Sites: code (the sites table's order, as in memory) and area (0 hub, > 0 market, -1 other).
    await c.run('CREATE TEMP TABLE site_area (site_id VARCHAR, code INTEGER, area INTEGER)');
    for (let i = 0; i < sites.id.length; i += 1000) {
      const rows = sites.id.slice(i, i + 1000).map((id, j) => `(${q(id)}, ${i + j}, ${siteArea[i + j]})`).join(', ');
      await c.run(`INSERT INTO site_area VALUES ${rows}`);
    }
    const steps: Record<string, number> = {};
    let ts = performance.now();
    const step = (name: string) => { const now = performance.now(); steps[name] = (steps[name] ?? 0) + (now - ts) / 1000; ts = now; };

    // Passes: one, or (past `passReads` rows, or as asked) one per part of the look-alike keys,
    // the reads split by key first (duckdb-passes.ts). A pass reads `raws` (every row's plate
    // text) and `reads` (the rows in the window at a known site: raw, t, code, area).
    const rows = (await c.runAndReadAll(`SELECT count(*)::DOUBLE FROM ${src}`)).getRowsJS()[0][0] as number;
    const passes = Math.max(1, Math.floor(options.passes ?? (options.passReads ? Math.ceil(rows / Math.max(1, options.passReads)) : defaultPasses(rows))));
    let inputs: { raws: string; reads: string }[];
    let lastRead: number | null | undefined; // the data's last read, known before the loop test when there are several passes
    if (passes === 1) {
      inputs = [{
        raws: `(SELECT CAST(vrm AS VARCHAR) AS raw FROM ${src})`,
        reads: `(SELECT CAST(s.vrm AS VARCHAR) AS raw, ${t} AS t, a.code, a.area FROM ${src} s JOIN site_area a ON trim(CAST(s.site_id AS VARCHAR)) = a.site_id WHERE ${within(t)})`,
      }];
    } else {
      const globs = await splitByKey(c, src, t, passes, work);
      const parts = (globs: string[]) => `read_parquet([${globs.map(q).join(', ')}], hive_partitioning = false)`;
      lastRead = globs.length === 0 ? null : (await c.runAndReadAll(`SELECT max(t) FROM ${parts(globs)} WHERE code IS NOT NULL AND ${within('t')}`)).getRowsJS()[0][0] as number | null;
      inputs = globs.map((glob) => ({ raws: `(SELECT raw FROM ${parts([glob])})`, reads: `(SELECT raw, t, code, area FROM ${parts([glob])} WHERE code IS NOT NULL AND ${within('t')})` }));
      step('split');
    }

    const all: Figures = { siteReads: new Float64Array(sites.id.length), reads: 0, plates: 0, first: Infinity, last: -Infinity };
    let kept = 0, candidatePlates = 0, kidBase = 0;
    await c.run('CREATE TEMP TABLE cand (raw VARCHAR, kid INTEGER, rows BIGINT)');
    for (const input of inputs) {
      const f = await passFigures(c, input, kidBase, sites.id.length, step);
      for (let i = 0; i < f.siteReads.length; i++) all.siteReads[i] += f.siteReads[i];
      all.reads += f.reads; all.plates += f.plates; all.first = Math.min(all.first, f.first); all.last = Math.max(all.last, f.last);
      kidBase = (await c.runAndReadAll('SELECT coalesce(max(kid), 0)::DOUBLE FROM plate')).getRowsJS()[0][0] as number;
      const last = passes === 1 ? (f.reads > 0 ? f.last : null) : lastRead;
      const k = await passKeys(c, setup, last ?? null, step);
      kept += k.keys; candidatePlates += k.plates;
    }
    rmSync(work, { recursive: true, force: true });

    // Every row of the kept keys' plates, in the window or not (as in memory, look-alike plates are
    // linked on all their reads), copied (every column, as read) in one scan to Parquet, in
    // batches of look-alike keys (key number mod batches) of about `batchReads` rows each: each
    // batch is loaded, its vehicles' features computed, and its reads dropped before the next.
    const candidateRows = (await c.runAndReadAll('SELECT coalesce(sum(rows), 0)::DOUBLE FROM cand')).getRowsJS()[0][0] as number;
    const batches = Math.max(1, Math.ceil(candidateRows / Math.max(1, options.batchReads ?? 5_000_000)));
    const dir = path.join(tmp, `candidates-${process.pid}-${Date.now()}`);
    await c.run(`COPY (SELECT s.*, p.kid % ${batches} AS anpr_batch FROM ${src} s JOIN cand p ON CAST(s.vrm AS VARCHAR) = p.raw)
      TO ${q(dir)} (FORMAT parquet, PARTITION_BY (anpr_batch))`);
    const files: string[] = [];
    for (let b = 0; b < batches; b++) {
      const part = path.join(dir, `anpr_batch=${b}`);
      if (!existsSync(part)) continue; // no key fell in this batch
      // One file per batch (a partition may have been written as several, then copied into one; the batch is in the path, not the rows).
      const file = path.join(tmp, `batch-${b}.parquet`);
      const written = readdirSync(part).filter((f) => f.endsWith('.parquet'));
      if (written.length === 1) renameSync(path.join(part, written[0]), file);
      else await c.run(`COPY (SELECT * FROM read_parquet(${q(path.join(part, '*.parquet'))}, hive_partitioning = false)) TO ${q(file)} (FORMAT parquet)`);
      files.push(file);
    }
    rmSync(dir, { recursive: true, force: true });
    step('copy');
    const context = { siteReads: all.siteReads, firstTime: all.reads > 0 ? all.first : Infinity, lastTime: all.reads > 0 ? all.last : -Infinity, reads: all.reads, vehicles: all.plates };
    const coarse: DuckDBCoarse = { reads: all.reads, plates: all.plates, keys: kept, candidatePlates, candidateReads: 0, batches, ...(passes > 1 ? { passes } : {}), sqlSeconds: (performance.now() - t0) / 1000, sqlSteps: steps, loadSeconds: 0, featureSeconds: 0 };
    return { files, context, coarse };
  } finally {
    rmSync(work, { recursive: true, force: true });
    c.closeSync();
    db.closeSync(); // its memory back before the batches are loaded
  }
}

/**
 * One pass's plates and global figures. Leaves the tables `plate` (raw text, rows, plate number
 * vid, look-alike key number kid from `kidBase` + 1) and `d` (the distinct reads: vid, kid, t, code, area).
 */
async function passFigures(c: DuckDBConnection, input: { raws: string; reads: string }, kidBase: number, nSites: number, step: (name: string) => void): Promise<Figures> {
  // Plates as integers: each distinct raw VRM text is normalised once (not once per row) and
  // numbered, with its look-alike key (digits folded: 0→O 1→I 8→B 5→S 2→Z) numbered too.
  // Each distinct raw text with its number of rows (the batches' sizes, below).
  await c.run(`CREATE OR REPLACE TEMP TABLE plate AS
    WITH raws AS (SELECT raw, count(*) AS rows FROM ${input.raws} GROUP BY 1),
    v AS (SELECT raw, rows, ${normalised('raw')} AS v FROM raws),
    vid AS (SELECT v, ${lookalikeKey('v')} AS key, row_number() OVER () AS vid FROM (SELECT DISTINCT v FROM v)),
    kid AS (SELECT key, row_number() OVER () AS kid FROM (SELECT DISTINCT key FROM vid))
    SELECT v.raw, v.rows, vid.vid::INTEGER AS vid, (kid.kid + ${kidBase})::INTEGER AS kid FROM v JOIN vid USING (v) JOIN kid USING (key)`);
  step('plates');
  // The pass's reads in the window at a known site, exact duplicates once (as the loader drops
  // them): the distinct (plate, time, site), with key and area. The finder's global figures come
  // from them (reads per site, plates, first and last read), and the hub and market reads of the loop test.
  await c.run(`CREATE OR REPLACE TEMP TABLE d AS SELECT DISTINCT p.vid, p.kid, s.t, s.code, s.area FROM ${input.reads} s JOIN plate p ON s.raw = p.raw`);
  const perSite = (await c.runAndReadAll('SELECT code, count(*)::DOUBLE FROM d GROUP BY code')).getRowsJS() as number[][];
  const siteReads = new Float64Array(nSites);
  let reads = 0;
  for (const [code, n] of perSite) { siteReads[code] = n; reads += n; }
  const g = (await c.runAndReadAll('SELECT count(DISTINCT vid)::DOUBLE, min(t), max(t) FROM d')).getRowsJS()[0] as (number | null)[];
  step('figures');
  return { siteReads, reads, plates: reads > 0 ? g[0] as number : 0, first: g[1] ?? Infinity, last: g[2] ?? -Infinity };
}

/**
 * One pass's loop test: the look-alike keys with a hub → market → hub loop; their plates' raw
 * texts go to the table `cand` (raw, kid, rows). `lastRead`: the data's last read (censored loops).
 */
async function passKeys(c: DuckDBConnection, setup: FinderSetup, lastRead: number | null, step: (name: string) => void): Promise<{ keys: number; plates: number }> {
  // Only hub and market reads take part in the loop test.
  // Coarse loops per look-alike key: number the hub reads; each market read falls after hub
  // read #k; a loop is a market read between hub reads #k and #k+1 at most maxGap apart (or,
  // with censored loops, after the last hub read, at most maxGap before the data's end).
  // Open loops and open starts (a plate spanning at most openLoopMaxDays, gone to a market and
  // never back, or first read away and then at the hub) are kept by a looser test, so that no
  // vehicle the finder keeps is lost: a market read and a hub read of the key, and one of its
  // plates spanning at most that (a vehicle of look-alike plates spans at least as long as each of them).
  const p = setup.params;
  const maxGap = p.maxLoopHours * HOUR_MS;
  const censored = p.censoredLoops && lastRead !== null, openSpan = openLoopSpanMs(p);
  const open = censored && openSpan !== undefined
    ? `UNION SELECT DISTINCT kid FROM x WHERE area > 0 AND kid IN (SELECT kid FROM h) AND kid IN (SELECT kid FROM (SELECT kid, max(t) - min(t) AS span FROM d GROUP BY kid, vid) GROUP BY kid HAVING min(span) <= ${openSpan})` : '';
  await c.run(`CREATE OR REPLACE TEMP TABLE keys AS
    WITH x AS (SELECT kid, t, area, sum(CASE WHEN area = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY kid ORDER BY t, code, area ROWS UNBOUNDED PRECEDING) AS hubs FROM d WHERE area >= 0),
    h AS (SELECT kid, t, hubs AS n FROM x WHERE area = 0),
    m AS (SELECT DISTINCT kid, hubs FROM x WHERE area > 0 AND hubs >= 1)
    SELECT DISTINCT m.kid FROM m JOIN h h1 ON h1.kid = m.kid AND h1.n = m.hubs LEFT JOIN h h2 ON h2.kid = m.kid AND h2.n = m.hubs + 1
    WHERE h2.t - h1.t <= ${maxGap}${censored ? ` OR (h2.t IS NULL AND ${lastRead} - h1.t <= ${maxGap})` : ''}
    ${open}`);
  await c.run('INSERT INTO cand SELECT raw, kid, rows FROM plate WHERE kid IN (SELECT kid FROM keys)');
  const [keys, plates] = (await c.runAndReadAll(`SELECT (SELECT count(*) FROM keys)::DOUBLE, (SELECT count(DISTINCT vid) FROM plate WHERE kid IN (SELECT kid FROM keys))::DOUBLE`)).getRowsJS()[0] as number[];
  await c.run('DROP TABLE d; DROP TABLE keys; DROP TABLE plate');
  step('keys');
  return { keys, plates };
}

/** Two batches' load summaries as one (counts added; the first's file, format and site table). */
function addSummaries(a: LoadSummary, b: LoadSummary): LoadSummary {
  const out = { ...a } as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    const x = out[k];
    if (k === 'sites') continue; // the same site table for every batch
    if (typeof v === 'number' && typeof x === 'number') out[k] = x + v;
    else if (v && typeof v === 'object' && !Array.isArray(v) && x && typeof x === 'object' && !Array.isArray(x)) {
      const m = { ...(x as Record<string, unknown>) };
      for (const [kk, vv] of Object.entries(v)) if (typeof vv === 'number') m[kk] = ((m[kk] as number) ?? 0) + vv;
      out[k] = m;
    }
  }
  return out as unknown as LoadSummary;
}
