// Benchmark data: a synthetic scenario of about N reads (default 10M), generated once with
// `anpr synth` and converted to Parquet with DuckDB; cached under bench-results/data/ (or ANPR_BENCH_DATA_DIR).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = path.resolve(import.meta.dirname, '..');
/** Where the data sets live: ANPR_BENCH_DATA_DIR (say, another checkout's bench-results/data, to reuse its sets), else bench-results/data. */
const DATA = process.env.ANPR_BENCH_DATA_DIR ? path.resolve(process.env.ANPR_BENCH_DATA_DIR) : path.join(ROOT, 'bench-results', 'data');

/** About 55 reads per background vehicle over 28 days on the merseyside scenario (measured). */
const READS_PER_VEHICLE = 55;

/**
 * The misread-heavy set: the same scenario with synth's misread rate raised to 3% (OCR
 * confusions O/0, I/1, B/8, S/5, Z/2), dated from the Monday at least four weeks before today, so that
 * its reads are within the 365-day retention the reads cache keeps.
 */
export async function benchMisreadData(targetReads) {
  const vehicles = Math.round(targetReads / READS_PER_VEHICLE);
  const d = new Date(Date.now() - 28 * 86400000);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  const start = d.toISOString().slice(0, 10);
  return generate(path.join(DATA, `merseyside-${vehicles}v-misread3-${start}`), vehicles, ['--misread-rate', '0.03', '--start', start]);
}

export async function benchData(targetReads) {
  const vehicles = Math.round(targetReads / READS_PER_VEHICLE);
  return generate(path.join(DATA, `merseyside-${vehicles}v`), vehicles, []);
}

async function generate(dir, vehicles, extra) {
  const targetReads = vehicles * READS_PER_VEHICLE;
  if (!existsSync(path.join(dir, 'truth.json'))) {
    process.stderr.write(`[bench] generating ~${(targetReads / 1e6).toFixed(1)}M reads into ${dir}\n`);
    const r = spawnSync('node', [path.join(ROOT, 'kernel-lib', 'bin', 'anpr.mjs'), 'synth', '--scenario', 'merseyside', '--days', '28', '--seed', 'bench', '--vehicles', String(vehicles), '--out', dir, ...extra], {
      stdio: ['ignore', 'ignore', 'inherit']
    });
    if (r.status !== 0) throw new Error('anpr synth failed');
  }
  const csv = path.join(dir, 'reads.csv.gz');
  const parquet = path.join(dir, 'reads.parquet');
  if (!existsSync(parquet)) {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    // Typed columns, as a real export would have them: TIMESTAMPTZ, DOUBLE, INTEGER.
    await c.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet)`);
    c.closeSync?.();
  }
  return { dir, csv, parquet, sites: path.join(dir, 'sites.csv'), hub: path.join(dir, 'hub.geojson'), markets: path.join(dir, 'markets.geojson'), truth: path.join(dir, 'truth.json') };
}
