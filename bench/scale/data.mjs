// Scale-benchmark data: N copies of the 10M-read synthetic month (bench/data.mjs), each copy's
// plates made distinct by a suffix ('X' + copy number: still synthetic, 'Z…' plates, and no two
// copies fold to the same look-alike key), written once as Parquet partitioned by day
// (`day=YYYY-MM-DD/`) under bench-results/scale/, like a region's daily extracts.
//
// Below 10 copies: one folder `x{N}/day=…/`. From 10 copies (a multiple of 10): blocks of 10
// copies each, `blocks/b=NN/day=…/` (copies 10·NN … 10·NN+9), written once and shared, so 100M
// is `blocks/b=00`, 300M the glob `blocks/b=0[0-2]/**/*.parquet` and 1,000M every block: the
// 1,000M set costs the disk of 1,000M reads, not of 1,400M.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchData } from '../data.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SCALE = path.join(ROOT, 'bench-results', 'scale');

async function writeCopies(base, dir, first, count) {
  const done = path.join(dir, '_done');
  if (existsSync(done)) return;
  process.stderr.write(`[bench:scale] ${new Date().toISOString()} writing copies ${first}…${first + count - 1} of ${path.basename(base.dir)} as Parquet by day into ${dir}\n`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  const c = await (await DuckDBInstance.create(':memory:')).connect();
  await c.run(`SET preserve_insertion_order = false`);
  await c.run(`COPY (SELECT vrm || 'X' || k AS vrm, timestamp, site_id, lat, lon, direction, confidence, strftime(timestamp, '%Y-%m-%d') AS day
    FROM read_parquet('${base.parquet}'), range(${first}, ${first + count}) t(k)) TO '${dir}' (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE true)`);
  await c.run(`COPY (SELECT 1 AS ok) TO '${done}' (FORMAT csv)`);
  c.closeSync?.();
}

/**
 * The scale data for `copies` × 10M reads: { dir (a folder or a glob of Parquet files), base }.
 * @example const { dir, base } = await scaleData(30); // dir = …/blocks/b=0[0-2]/**\/*.parquet
 */
export async function scaleData(copies) {
  const base = await benchData(10_000_000);
  if (copies < 10) {
    const dir = path.join(SCALE, `x${copies}`);
    await writeCopies(base, dir, 0, copies);
    return { dir, base };
  }
  if (copies % 10 !== 0 || copies > 1000) throw new Error(`scale copies must be < 10 or a multiple of 10 up to 1000, not ${copies}`);
  const blocks = copies / 10;
  for (let b = 0; b < blocks; b++) await writeCopies(base, path.join(SCALE, 'blocks', `b=${String(b).padStart(2, '0')}`), b * 10, 10);
  const last = String(blocks - 1).padStart(2, '0');
  const dir = blocks === 1 ? path.join(SCALE, 'blocks', 'b=00')
    : blocks <= 10 ? path.join(SCALE, 'blocks', `b=0[0-${last[1]}]`, '**', '*.parquet')
    : blocks % 10 === 0 ? path.join(SCALE, 'blocks', `b=[0-${Math.floor((blocks - 1) / 10)}][0-9]`, '**', '*.parquet')
    : (() => { throw new Error(`scale copies above 100 must be a multiple of 100, not ${copies}`); })();
  return { dir, base };
}

/**
 * The same reads as one CSV file (the form of a force's export), for the ClickHouse ingest:
 * 1 copy is the synthetic month's own reads.csv.gz; more copies are written once, uncompressed
 * (DuckDB's gzip writer runs at ~10 MB/min on this shared box: 2 h for 100M), day by day in
 * file order from the Parquet blocks, as an export by day would be.
 * @example const { csv, base } = await scaleCsv(10); // 100M reads, ~6 GB
 */
export async function scaleCsv(copies) {
  if (copies === 1) { const base = await benchData(10_000_000); return { csv: base.csv, base }; }
  const { dir, base } = await scaleData(copies);
  const csv = path.join(SCALE, `x${copies}.csv`);
  const done = `${csv}.done`;
  if (!existsSync(done)) {
    process.stderr.write(`[bench:scale] ${new Date().toISOString()} writing ${csv}\n`);
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    const src = dir.endsWith('.parquet') ? dir : path.join(dir, '**', '*.parquet');
    await c.run(`SET TimeZone = 'UTC'`);
    await c.run(`COPY (SELECT vrm, strftime(timestamp, '%Y-%m-%dT%H:%M:%S+00:00') AS timestamp, site_id, lat, lon, direction, confidence
      FROM read_parquet('${src}', hive_partitioning = false)) TO '${csv}' (FORMAT csv, HEADER)`);
    await c.run(`COPY (SELECT 1 AS ok) TO '${done}' (FORMAT csv)`);
    c.closeSync?.();
  }
  return { csv, base };
}
