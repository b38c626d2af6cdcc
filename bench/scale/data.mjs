// Scale-benchmark data: N copies of the 10M-read synthetic month (bench/data.mjs), each copy's
// plates made distinct by a suffix ('X' + copy number: still synthetic, 'Z…' plates, and no two
// copies fold to the same look-alike key), written once as Parquet partitioned by day
// (`day=YYYY-MM-DD/`) under bench-results/scale/, like a region's daily extracts.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { benchData } from '../data.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

export async function scaleData(copies) {
  const base = await benchData(10_000_000);
  const dir = path.join(ROOT, 'bench-results', 'scale', `x${copies}`);
  const done = path.join(dir, '_done');
  if (!existsSync(done)) {
    process.stderr.write(`[bench:scale] writing ${copies} × ${path.basename(base.dir)} as Parquet by day into ${dir}\n`);
    mkdirSync(path.dirname(dir), { recursive: true });
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`SET preserve_insertion_order = false`);
    await c.run(`COPY (SELECT vrm || 'X' || k AS vrm, timestamp, site_id, lat, lon, direction, confidence, strftime(timestamp, '%Y-%m-%d') AS day
      FROM read_parquet('${base.parquet}'), range(${copies}) t(k)) TO '${dir}' (FORMAT parquet, PARTITION_BY (day), OVERWRITE_OR_IGNORE true)`);
    await c.run(`COPY (SELECT 1 AS ok) TO '${done}' (FORMAT csv)`);
  }
  return { dir, base };
}
