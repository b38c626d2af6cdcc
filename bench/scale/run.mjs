// `npm run bench:scale`: the county-lines find end to end with the DuckDB engine (coarse stage in
// SQL over Parquet by day, candidates scored in memory) on 10M, 30M and 100M synthetic reads:
// wall time and peak RSS of a fresh process each, with DuckDB's memory limit set.
// ANPR_SCALE_COPIES (default "1,3,10") chooses the sizes, ANPR_SCALE_MEMORY the limit (default 4GB).
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { scaleData } from './data.mjs';
import { printTable } from '../table.mjs';

const copies = (process.env.ANPR_SCALE_COPIES || '1,3,10').split(',').map(Number);
const memory = process.env.ANPR_SCALE_MEMORY || '4GB';
process.stdout.write(`# ANPR scale benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, DuckDB memory_limit ${memory}\n`);
const rows = [];
for (const k of copies) {
  const { dir, base } = await scaleData(k);
  const child = spawnSync(process.execPath, ['--max-old-space-size=20000', path.join(import.meta.dirname, 'one.mjs'), dir, base.dir, memory], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  if (child.status !== 0) throw new Error(`bench/scale/one.mjs failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').pop());
  rows.push({
    name: `${(r.reads / 1e6).toFixed(0)}M reads, ${k} day-partitioned cop${k === 1 ? 'y' : 'ies'}: county-lines (DuckDB engine) — ${r.scored} scored; ${(r.candidateReads / 1e6).toFixed(1)}M candidate reads loaded in ${r.batches} batch${r.batches === 1 ? '' : 'es'}; SQL ${r.sqlSeconds.toFixed(1)} s, load ${r.loadSeconds.toFixed(1)} s`,
    ours: `${r.seconds.toFixed(1)} s, peak RSS ${(r.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
    goal: r.reads >= 9e7 ? '<= 180 s, <= 24 GiB' : undefined,
    met: r.reads >= 9e7 ? r.seconds <= 180 && r.maxRssKb / 2 ** 20 <= 24 : undefined,
  });
  process.stderr.write(`[bench:scale] ${JSON.stringify(r)}\n`);
}
printTable('Scale: county-lines find with the DuckDB engine (issue 9)', rows);
