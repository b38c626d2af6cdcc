/**
 * The DuckDB engine of the county-lines finder, for reads larger than memory: the coarse stage runs in DuckDB over
 * Parquet (one file, a directory of files such as a Hive-partitioned `day=…/` tree, or a glob),
 * with a memory limit and a spill directory; only the candidate vehicles' reads come back into
 * an in-memory store, where the finder scores them exactly as it scores a store loaded whole.
 *
 *   Parquet ─► DuckDB: per look-alike key (plates that differ only by O/0, I/1, B/8, S/5, Z/2),
 *              in the window: is there a hub → market → hub loop (two consecutive hub reads at
 *              most maxLoopHours apart with a market read between)?  + reads per site, first
 *              and last read time, reads, plates (the finder's global figures)
 *          ─► the keys' reads copied to one Parquet file in the spill directory
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
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as msg from '../messages';
import { loadReads } from '../ingest/load-reads';
import { loadSites } from '../ingest/load-sites';
import type { LoadSummary } from '../ingest/types';
import { siteAreas } from '../core/areas';
import { HOUR_MS } from '../core/london-time';
import type { CountyLinesEngine, CoarseBatch } from './engine';

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
  /** Seconds in DuckDB (coarse stage + copy), in loading the candidates' batches (loadReads), and in their per-vehicle stages and the ranking (features). */
  sqlSeconds: number;
  loadSeconds: number;
  featureSeconds: number;
  /** The SQL's seconds by step: plates (numbering), figures (reads per site etc.), hubMarketReads, keys (loop test), copy (candidate batches). */
  sqlSteps: Record<string, number>;
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

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
      const { DuckDBInstance } = await import('@duckdb/node-api');
      const { hub, markets } = setup;
      const sites = await loadSites(options.sites);
      const siteArea = siteAreas(sites, [hub, ...markets], { bufferKm: setup.params.areaBufferKm });
      const tmp = options.tempDirectory ?? mkdtempSync(path.join(os.tmpdir(), 'anpr-duckdb-'));
      mkdirSync(tmp, { recursive: true });
      const t0 = performance.now();
      const db = await DuckDBInstance.create(':memory:');
      const c = await db.connect();
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
        const where = [`${t} IS NOT NULL`, from !== undefined && from > -Infinity ? `${t} >= ${from}` : '', to !== undefined ? `${t} < ${to}` : ''].filter(Boolean).join(' AND ');

        // Sites: code (the sites table's order, as in memory) and area (0 hub, > 0 market, -1 other).
        await c.run('CREATE TEMP TABLE site_area (site_id VARCHAR, code INTEGER, area INTEGER)');
        for (let i = 0; i < sites.id.length; i += 1000) {
          const rows = sites.id.slice(i, i + 1000).map((id, j) => `(${q(id)}, ${i + j}, ${siteArea[i + j]})`).join(', ');
          await c.run(`INSERT INTO site_area VALUES ${rows}`);
        }
        // Plates as integers: each distinct raw VRM text is normalised once (not once per row) and
        // numbered, with its look-alike key (digits folded: 0→O 1→I 8→B 5→S 2→Z) numbered too.
        const norm = `upper(regexp_replace(raw, '[^A-Za-z0-9]', '', 'g'))`;
        const steps: Record<string, number> = {};
        let ts = performance.now();
        const step = (name: string) => { const now = performance.now(); steps[name] = (now - ts) / 1000; ts = now; };
        // Each distinct raw text with its number of rows (the batches' sizes, below).
        await c.run(`CREATE TEMP TABLE plate AS
          WITH raws AS (SELECT CAST(vrm AS VARCHAR) AS raw, count(*) AS rows FROM ${src} GROUP BY 1),
          v AS (SELECT raw, rows, ${norm} AS v FROM raws),
          vid AS (SELECT v, translate(v, '01852', 'OIBSZ') AS key, row_number() OVER () AS vid FROM (SELECT DISTINCT v FROM v)),
          kid AS (SELECT key, row_number() OVER () AS kid FROM (SELECT DISTINCT key FROM vid))
          SELECT v.raw, v.rows, vid.vid::INTEGER AS vid, kid.kid::INTEGER AS kid FROM v JOIN vid USING (v) JOIN kid USING (key)`);
        step('plates');
        // The finder's global figures over the reads in the window, exact duplicates once (as the
        // loader drops them): reads per site from the distinct (plate, time, site) — streamed into
        // the count, never kept as a table of every read —, and plates, first and last read (which
        // duplicates do not change) in a second, light aggregate.
        const from1 = `FROM ${src} s JOIN plate p ON CAST(s.vrm AS VARCHAR) = p.raw JOIN site_area a ON trim(CAST(s.site_id AS VARCHAR)) = a.site_id WHERE ${where}`;
        const perSite = (await c.runAndReadAll(`SELECT code, count(*)::DOUBLE FROM (SELECT DISTINCT p.vid, ${t} AS t, a.code ${from1}) GROUP BY code`)).getRowsJS() as number[][];
        const siteReads = new Float64Array(sites.id.length);
        let total = 0;
        for (const [code, n] of perSite) { siteReads[code] = n; total += n; }
        const g1 = (await c.runAndReadAll(`SELECT count(DISTINCT p.vid)::DOUBLE, min(${t}), max(${t}) ${from1}`)).getRowsJS()[0] as number[];
        const g = [total, total > 0 ? g1[0] : 0, g1[1], g1[2]] as number[];
        step('figures');
        // Only hub and market reads take part in the loop test: those (distinct) are kept.
        await c.run(`CREATE TEMP TABLE r AS SELECT DISTINCT p.vid, p.kid, ${t} AS t, a.code, a.area
          FROM ${src} s JOIN plate p ON CAST(s.vrm AS VARCHAR) = p.raw JOIN (SELECT * FROM site_area WHERE area >= 0) a ON trim(CAST(s.site_id AS VARCHAR)) = a.site_id
          WHERE ${where}`);
        step('hubMarketReads');

        // Coarse loops per look-alike key: number the hub reads; each market read falls after hub
        // read #k; a loop is a market read between hub reads #k and #k+1 at most maxGap apart
        // (or, with censored loops, after the last hub read, at most maxGap before the data's end).
        const maxGap = setup.params.maxLoopHours * HOUR_MS;
        const censored = setup.params.censoredLoops && g[0] > 0 ? ` OR (h2.t IS NULL AND ${g[3]} - h1.t <= ${maxGap})` : '';
        await c.run(`CREATE TEMP TABLE keys AS
          WITH x AS (SELECT kid, t, area, sum(CASE WHEN area = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY kid ORDER BY t, code, area ROWS UNBOUNDED PRECEDING) AS hubs FROM r),
          h AS (SELECT kid, t, hubs AS n FROM x WHERE area = 0),
          m AS (SELECT DISTINCT kid, hubs FROM x WHERE area > 0 AND hubs >= 1)
          SELECT DISTINCT m.kid FROM m JOIN h h1 ON h1.kid = m.kid AND h1.n = m.hubs LEFT JOIN h h2 ON h2.kid = m.kid AND h2.n = m.hubs + 1
          WHERE h2.t - h1.t <= ${maxGap}${censored}`);
        const kept = (await c.runAndReadAll(`SELECT count(*)::DOUBLE FROM keys`)).getRowsJS()[0][0] as number;
        const cand = (await c.runAndReadAll(`SELECT count(DISTINCT vid)::DOUBLE, coalesce(sum(rows), 0)::DOUBLE FROM plate WHERE kid IN (SELECT kid FROM keys)`)).getRowsJS()[0] as number[];
        step('keys');
        // Every row of the kept keys' plates, in the window or not (as in memory, look-alike plates are
        // linked on all their reads), copied (every column, as read) in one scan to Parquet, in
        // batches of look-alike keys (key number mod batches) of about `batchReads` rows each: each
        // batch is loaded, its vehicles' features computed, and its reads dropped before the next.
        const batches = Math.max(1, Math.ceil(cand[1] / Math.max(1, options.batchReads ?? 5_000_000)));
        const dir = path.join(tmp, `candidates-${process.pid}-${Date.now()}`);
        await c.run(`COPY (SELECT s.*, p.kid % ${batches} AS anpr_batch FROM ${src} s JOIN (SELECT raw, kid FROM plate WHERE kid IN (SELECT kid FROM keys)) p ON CAST(s.vrm AS VARCHAR) = p.raw)
          TO ${q(dir)} (FORMAT parquet, PARTITION_BY (anpr_batch))`);
        const files: string[] = [];
        for (let b = 0; b < batches; b++) {
          const part = path.join(dir, `anpr_batch=${b}`);
          if (!existsSync(part)) continue; // no key fell in this batch
          // One file per batch (a partition may have been written as several; the batch is in the path, not the rows).
          const file = path.join(tmp, `batch-${b}.parquet`);
          await c.run(`COPY (SELECT * FROM read_parquet(${q(path.join(part, '*.parquet'))}, hive_partitioning = false)) TO ${q(file)} (FORMAT parquet)`);
          files.push(file);
        }
        rmSync(dir, { recursive: true, force: true });
        step('copy');
        const sqlSeconds = (performance.now() - t0) / 1000;
        c.closeSync?.();

        // Per batch: load (validated as any load), then the finder's per-vehicle stages with the
        // global figures (the runner); then relays, scores and the ranking over every batch's vehicles at once.
        t1 = performance.now();
        const context = { siteReads, firstTime: g[0] > 0 ? g[2] : Infinity, lastTime: g[0] > 0 ? g[3] : -Infinity, reads: g[0], vehicles: g[1] };
        coarse = { reads: g[0], plates: g[1], keys: kept, candidatePlates: cand[0], candidateReads: 0, batches, sqlSeconds, sqlSteps: steps, loadSeconds: 0, featureSeconds: 0 };
        for (const file of files) {
          const tl = performance.now();
          const { store, summary: s } = await loadReads({ reads: file, sites, now: options.now, authorisation: options.authorisation, cache: false });
          coarse.loadSeconds += (performance.now() - tl) / 1000;
          rmSync(file, { force: true });
          summary = summary ? addSummaries(summary, s) : s;
          coarse.candidateReads += s.read;
          yield { store, context };
        }
      } finally {
        if (!options.tempDirectory) rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
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
