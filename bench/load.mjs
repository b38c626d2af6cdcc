// Load benchmarks (issue 3): reads/s from CSV.gz and Parquet into our ReadStore, against
// DuckDB loading the same file into a table; resident bytes per read of the store.
import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fmtRate, fmtS, printTable, time } from './table.mjs';

const require = createRequire(import.meta.url);
const lib = require('../kernel-lib/dist/index.js');

function storeBytes(store) {
  const typed = [store.vehicle, store.time, store.site, store.confidence, store.vehicleStart].reduce((a, x) => a + x.byteLength, 0);
  const dict = store.vrms.reduce((a, v) => a + 16 + v.length * 2 + 8, 0); // string header + UTF-16 chars + array slot (V8 estimate)
  return typed + dict;
}

export async function duckLoad(file, fn) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  const t = process.hrtime.bigint();
  await c.run(`CREATE TABLE reads AS SELECT * FROM ${fn}('${file}')`);
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  c.closeSync?.();
  return s;
}

export async function benchLoad(data) {
  const rows = [];
  for (const [label, file, fn] of [['CSV.gz', data.csv, 'read_csv'], ['Parquet', data.parquet, 'read_parquet']]) {
    const ours = await time(() => lib.loadReads({ reads: file, sites: data.sites, cache: false }), { runs: 1, warm: false });
    const n = ours.result.summary.read;
    const ref = await duckLoad(file, fn);
    rows.push({
      name: `load ${(n / 1e6).toFixed(1)}M reads from ${label} (no cache)`,
      ours: `${fmtS(ours.s)} (${fmtRate(n, ours.s)})`,
      ref: `${fmtS(ref)} (${fmtRate(n, ref)})`,
      ratio: (ours.s / ref).toFixed(2),
      goal: label === 'Parquet' ? '>= 1M reads/s' : '<= 1.0x DuckDB',
      met: label === 'Parquet' ? n / ours.s >= 1e6 : ours.s <= ref
    });
  }
  // Resident bytes per read, measured in a fresh process (bench/memory.mjs): the loads above
  // leave garbage that would distort a measurement here.
  const { store } = await lib.loadReads({ reads: data.parquet, sites: data.sites, cache: false });
  const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=16384', path.join(import.meta.dirname, 'memory.mjs'), data.parquet, data.sites], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench/memory.mjs failed: ${child.stderr}`);
  const mem = JSON.parse(child.stdout.trim().split('\n').pop());
  rows.push({ name: 'store bytes per read (typed arrays + VRM dictionary, computed)', ours: (storeBytes(store) / store.n).toFixed(1), goal: '<= 48', met: storeBytes(store) / store.n <= 48 });
  rows.push({ name: 'resident bytes per read: JS heap + array buffers held by the store (fresh process)', ours: mem.heapAndBuffersPerRead.toFixed(1), goal: '<= 48', met: mem.heapAndBuffersPerRead <= 48 });
  rows.push({ name: 'RSS growth per read after loading from Parquet (fresh process; includes allocator slack)', ours: mem.rssPerRead.toFixed(1) });
  printTable('Load (issue 3)', rows);
  return store;
}
