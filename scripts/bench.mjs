// `npm run bench`: set up (build; for the map render benchmark also Debian's Jupyter pieces and
// Chromium, and the kernel registered), then run bench/run.mjs with GC exposed and TZ pinned.
// `npm run bench:scale` (--scale): bench/scale/run.mjs instead (DuckDB engine on 100M, 300M, 1,000M reads), then
// bench/scale/clickhouse.mjs (ClickHouse ingest and engine, 2 shards, 10M and 100M; ANPR_SCALE_CLICKHOUSE=0 skips it).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { DEBIAN_FOR_START, ensureBuilt, ensureDebian, ensureKernel, ensureNpm } from './lib/setup.mjs';

const scale = process.argv.includes('--scale');
// The render benchmark runs a notebook in a real JupyterLab in Chromium: without the kernel
// registered it would wait for ever on a kernel that never starts (a fresh clone has none).
const render = !scale && process.env.ANPR_BENCH_RENDER !== '0';
if (render) ensureDebian([...DEBIAN_FOR_START, 'chromium']);
ensureNpm();
ensureBuilt();
if (render) ensureKernel();
// The benchmark processes (ours and DuckDB's reference, which run in one process) with glibc's
// huge pages on, as the `anpr` command and the kernel run (kernel-lib/src/core/huge-pages.ts).
const { withHugePages } = await import(path.join(ROOT, 'kernel-lib', 'dist', 'core', 'huge-pages.js'));
// ...and the V8 flags they start with (kernel-lib/src/core/v8-flags.ts).
const { missingV8Flags } = await import(path.join(ROOT, 'kernel-lib', 'dist', 'core', 'v8-flags.js'));
const script = scale ? path.join(ROOT, 'bench', 'scale', 'run.mjs') : path.join(ROOT, 'bench', 'run.mjs');
const r = spawnSync('node', ['--expose-gc', '--max-old-space-size=16384', ...missingV8Flags([]), script, ...process.argv.slice(2).filter((a) => a !== '--scale')], {
  stdio: 'inherit',
  cwd: ROOT,
  env: withHugePages({ ...process.env, TZ: 'Europe/London' })
});
process.exitCode = r.status ?? 1;
// The scale benchmark's second part: ClickHouse ingest and engine on a 2-shard loopback cluster (10M, 100M).
if (scale && r.status === 0 && process.env.ANPR_SCALE_CLICKHOUSE !== '0') {
  const ch = spawnSync('node', [path.join(ROOT, 'bench', 'scale', 'clickhouse.mjs')], { stdio: 'inherit', cwd: ROOT, env: { ...withHugePages(process.env), TZ: 'Europe/London', ANPR_SCALE_COPIES: process.env.ANPR_SCALE_CLICKHOUSE_COPIES || '1,10' } });
  process.exitCode = ch.status ?? 1;
}
