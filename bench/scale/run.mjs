// `npm run bench:scale`: the county-lines find end to end with the DuckDB engine (coarse stage in
// SQL over Parquet by day, candidates loaded, featured and dropped batch by batch) on 100M, 300M
// and 1,000M synthetic reads (bench/scale/data.mjs: 10-copy blocks of the 10M month, written once
// under bench-results/scale/): wall time, CPU time, peak RSS of a fresh process each, and the
// split SQL / load (loadReads of the batches) / features (per-vehicle stages, relays, ranking).
// ANPR_SCALE_COPIES (default "10,30,100") chooses the sizes, ANPR_SCALE_MEMORY DuckDB's limit
// (default 3GB, so the process stays within 4 GiB), ANPR_SCALE_BATCH the batch size in reads,
// ANPR_SCALE_PASS_READS the reads per pass of the coarse stage (the engine's `passReads`),
// ANPR_SCALE_HEAP_MB the JS heap limit (default 2048: the live heap of the 1,000M ranking peaks near 1.2 GB;
// a larger limit only lets garbage grow the RSS).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scaleData } from './data.mjs';
import { printTable } from '../table.mjs';
// Each size runs in a Node.js started with the V8 flags of the `anpr` command and the kernel (kernel-lib/src/core/v8-flags.ts).
const { missingV8Flags } = await import(path.join(import.meta.dirname, '..', '..', 'kernel-lib', 'dist', 'core', 'v8-flags.js'));

const copies = (process.env.ANPR_SCALE_COPIES || '10,30,100').split(',').map(Number);
const memory = process.env.ANPR_SCALE_MEMORY || '3GB';
const heapMb = Number(process.env.ANPR_SCALE_HEAP_MB || 2048);
const spill = path.join(import.meta.dirname, '..', '..', 'bench-results', 'scale', 'spill');
process.stdout.write(`# ANPR scale benchmark — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, DuckDB memory_limit ${memory}\n`);
const rows = [];
for (const k of copies) {
  const { dir, base } = await scaleData(k);
  rmSync(spill, { recursive: true, force: true });
  const load0 = os.loadavg()[0];
  const t0 = performance.now();
  const child = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, ...missingV8Flags([]), path.join(import.meta.dirname, 'one.mjs'), dir, base.dir, memory, spill, process.env.ANPR_SCALE_BATCH || '', process.env.ANPR_SCALE_PASS_READS || ''],
    { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  rmSync(spill, { recursive: true, force: true });
  if (child.status !== 0) {
    // A run that fails (the JS heap or DuckDB's limit) is a row of the table, with how far it got, not the end of the bench.
    const why = /heap out of memory/.test(child.stderr) ? `JS heap out of memory (--max-old-space-size ${heapMb} MB)` : (child.stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${child.status}`);
    rows.push({ name: `${k} day-partitioned copies (~${k * 10}M reads): county-lines (DuckDB engine) — FAILED: ${why}`, ours: `failed after ${((performance.now() - t0) / 1000).toFixed(0)} s`, goal: k >= 90 ? '<= 1200 s, <= 4 GiB' : '<= 4 GiB', met: false });
    process.stderr.write(`[bench:scale] ${k} copies failed: ${why}\n`);
    continue;
  }
  const r = JSON.parse(child.stdout.trim().split('\n').pop());
  const big = r.reads >= 9e8;
  rows.push({
    name: `${(r.reads / 1e6).toFixed(0)}M reads, ${k} day-partitioned copies: county-lines (DuckDB engine) — ${r.scored} scored; ${(r.candidateReads / 1e6).toFixed(1)}M candidate reads in ${r.batches} batch${r.batches === 1 ? '' : 'es'}; SQL in ${r.passes} pass${r.passes === 1 ? '' : 'es'} ${r.sqlSeconds.toFixed(0)} s, load ${r.loadSeconds.toFixed(0)} s, features ${r.featureSeconds.toFixed(0)} s; CPU ${r.cpuSeconds.toFixed(0)} s; load average ${load0.toFixed(1)} at start`,
    ours: `${r.seconds.toFixed(0)} s, peak RSS ${(r.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
    goal: big ? '<= 1200 s, <= 4 GiB' : '<= 4 GiB',
    met: big ? r.seconds <= 1200 && r.maxRssKb / 2 ** 20 <= 4 : r.maxRssKb / 2 ** 20 <= 4,
  });
  process.stderr.write(`[bench:scale] ${JSON.stringify({ ...r, loadavgStart: load0, loadavgEnd: os.loadavg()[0] })}\n`);
}
printTable('Scale: county-lines find with the DuckDB engine (issues 9, 15)', rows);
