// `npm run bench`: every benchmark, each against DuckDB doing the same work in the same run.
// ANPR_BENCH_READS sets the data size (default 10,000,000); ANPR_BENCH_DATA_DIR the folder of the data sets.
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { benchData } from './data.mjs';
import { benchLoad } from './load.mjs';
import { benchFind } from './find.mjs';
import { benchRender } from './render.mjs';
import { benchMisread } from './misread.mjs';

const target = Number(process.env.ANPR_BENCH_READS || 10_000_000);
// Every search is logged with who and why (DPA 2018 s62), the benchmark's too: to its own log.
const require = createRequire(import.meta.url);
process.env.ANPR_AUDIT_LOG ??= path.join(import.meta.dirname, '..', 'bench-results', 'audit.jsonl');
require('../kernel-lib/dist/index.js').session({ operator: 'benchmark', purpose: 'speed measurement on synthetic data', reference: 'npm run bench' });
process.stdout.write(`# ANPR benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
const data = await benchData(target);
process.stdout.write(`data: ${data.dir}\n`);
// ANPR_BENCH_FIND=0 skips the find & profile rows (issue 4); with it, ANPR_BENCH_LOAD=0 skips the load rows (issue 3) too.
const store = process.env.ANPR_BENCH_LOAD === '0' && process.env.ANPR_BENCH_FIND === '0' ? null : await benchLoad(data);
if (process.env.ANPR_BENCH_FIND !== '0') await benchFind(data, store);
// Issue 14: misread-heavy set, CSV load, reads cache, end-to-end CLI; ANPR_BENCH_MISREAD=0 skips it.
if (process.env.ANPR_BENCH_MISREAD !== '0') await benchMisread(target);
// The map widget in the real JupyterLab (headless Chromium); ANPR_BENCH_RENDER=0 skips it.
if (process.env.ANPR_BENCH_RENDER !== '0') await benchRender();
