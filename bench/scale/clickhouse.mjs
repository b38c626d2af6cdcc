// `node bench/scale/clickhouse.mjs`: the county-lines find with the ClickHouse engine on a 2-shard
// loopback cluster (Debian's clickhouse-server, scripts/lib/clickhouse.mjs) on 10M and 30M
// synthetic reads (the scale benchmark's data, bench/scale/data.mjs, as one Parquet file each).
// Ingest (loadReads + JSONEachRow inserts through the Distributed table) and find are timed
// separately, each in a fresh process (peak RSS is the client's; the servers' RSS is reported too).
// ANPR_SCALE_COPIES (default "1,3") chooses the sizes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureClickHouse, startCluster } from '../../scripts/lib/clickhouse.mjs';
import { printTable } from '../table.mjs';
import { scaleData } from './data.mjs';

const copies = (process.env.ANPR_SCALE_COPIES || '1,3').split(',').map(Number);
if (!ensureClickHouse()) throw new Error('clickhouse-server is not installed (apt-get install clickhouse-server clickhouse-client)');
process.stdout.write(`# ANPR scale benchmark, ClickHouse engine — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, 2 shards on loopback\n`);
const serverRssKb = pids => pids.map(p => { try { return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]); } catch { return 0; } });
const child = (args) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=20000', path.join(import.meta.dirname, 'one-clickhouse.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  if (r.status !== 0) throw new Error(`bench/scale/one-clickhouse.mjs ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const rows = [];
for (const k of copies) {
  const { dir, base } = await scaleData(k);
  const file = `${dir}.parquet`;
  if (!existsSync(file)) {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    await c.run(`COPY (SELECT * EXCLUDE (day) FROM read_parquet('${dir}/**/*.parquet', hive_partitioning = true)) TO '${file}' (FORMAT parquet)`);
  }
  const chDir = path.join(dir, '..', `clickhouse-x${k}`);
  rmSync(chDir, { recursive: true, force: true });
  const cluster = await startCluster({ dir: chDir, shards: 2 });
  try {
    const url = `clickhouse://${new URL(cluster.url).host}/anpr_bench`;
    const ing = child(['ingest', url, file, path.join(base.dir, 'sites.csv'), cluster.shards.map(s => s.url).join(',')]);
    const find = child(['find', url, base.dir]);
    const srv = serverRssKb(cluster.pids);
    rows.push({
      name: `${(ing.reads / 1e6).toFixed(0)}M reads: ingest into the 2-shard ClickHouse 18.16 (loadReads + JSONEachRow through the Distributed table)`,
      ours: `${ing.seconds.toFixed(1)} s, client peak RSS ${(ing.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
    });
    rows.push({
      name: `${(find.reads / 1e6).toFixed(0)}M reads: county-lines (ClickHouse engine) — ${find.scored} scored; ${(find.candidateReads / 1e6).toFixed(2)}M candidate reads of ${find.keys} keys; SQL ${find.sqlSeconds.toFixed(1)} s, store ${find.loadSeconds.toFixed(1)} s; servers' peak RSS ${srv.map(x => (x / 2 ** 20).toFixed(2)).join(' + ')} GiB`,
      ours: `${find.seconds.toFixed(1)} s, client peak RSS ${(find.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
    });
    process.stderr.write(`[bench:scale:clickhouse] ${JSON.stringify({ ing, find, serverRssKb: srv })}\n`);
  } finally {
    await cluster.stop();
    rmSync(chDir, { recursive: true, force: true });
  }
}
printTable('Scale: county-lines find with the ClickHouse engine (issue 9)', rows);
