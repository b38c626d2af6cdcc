// `npm run bench`: every benchmark, each against DuckDB doing the same work in the same run.
// ANPR_BENCH_READS sets the data size (default 10,000,000).
import os from 'node:os';
import { benchData } from './data.mjs';
import { benchLoad } from './load.mjs';
import { benchFind } from './find.mjs';

const target = Number(process.env.ANPR_BENCH_READS || 10_000_000);
process.stdout.write(`# ANPR benchmarks — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
const data = await benchData(target);
process.stdout.write(`data: ${data.dir}\n`);
const store = await benchLoad(data);
await benchFind(data, store);
