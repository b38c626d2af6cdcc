// `node bench/scale/clickhouse.mjs`: ClickHouse ingest and the county-lines find with the
// ClickHouse engine on a 2-shard loopback cluster (Debian's clickhouse-server,
// scripts/lib/clickhouse.mjs) on 10M and 100M synthetic reads (bench/scale/data.mjs: one CSV.gz
// export each, time-ordered). The ingest streams the CSV.gz (validated by the loader, RowBinary
// to each shard, clickhouse/ingest.ts); ingest and find are timed separately, each in a fresh
// process: wall, reads/s, client CPU and peak RSS, and the servers' CPU seconds and peak RSS.
// ANPR_SCALE_COPIES (default "1,10") chooses the sizes (1 or multiples of 10).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chQuery, ensureClickHouse, startCluster } from '../../scripts/lib/clickhouse.mjs';
import { printTable } from '../table.mjs';
import { scaleCsv } from './data.mjs';

const copies = (process.env.ANPR_SCALE_COPIES || '1,10').split(',').map(Number);
if (!ensureClickHouse()) throw new Error('clickhouse-server is not installed (apt-get install clickhouse-server clickhouse-client)');
process.stdout.write(`# ANPR scale benchmark, ClickHouse engine — ${new Date().toISOString()} — node ${process.version}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, 2 shards on loopback\n`);
const serverRssKb = pids => pids.map(p => { try { return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]); } catch { return 0; } });
// utime + stime of a process, seconds (clock ticks of 1/100 s on Linux).
const cpuSeconds = pids => pids.reduce((s, p) => { try { const f = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' '); return s + (Number(f[11]) + Number(f[12])) / 100; } catch { return s; } }, 0);
const child = (args) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=20000', path.join(import.meta.dirname, 'one-clickhouse.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'Europe/London' } });
  if (r.status !== 0) throw new Error(`bench/scale/one-clickhouse.mjs ${args[0]} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
};
const rows = [];
for (const k of copies) {
  const { csv: file, base } = await scaleCsv(k);
  const chDir = path.join(import.meta.dirname, '..', '..', 'bench-results', 'scale', `clickhouse-x${k}`);
  rmSync(chDir, { recursive: true, force: true });
  const cluster = await startCluster({ dir: chDir, shards: 2 });
  try {
    const url = `clickhouse://${new URL(cluster.url).host}/anpr_bench`;
    const c0 = cpuSeconds(cluster.pids);
    const ing = child(['ingest', url, file, path.join(base.dir, 'sites.csv'), cluster.shards.map(s => s.url).join(',')]);
    const ingServerCpu = cpuSeconds(cluster.pids) - c0;
    process.stderr.write(`[bench:scale:clickhouse] ingest ${JSON.stringify({ ing, ingServerCpu, loadavg: os.loadavg() })}\n`);
    // Stored size per read (for sizing): compressed bytes of the active parts on both shards.
    const partsOf = async (s) => {
      for (let i = 0; ; i++) {
        try {
          return (await chQuery(s.url, "SELECT sum(rows), sum(data_compressed_bytes), sum(data_uncompressed_bytes) FROM system.parts WHERE database = 'anpr_bench' AND table = 'reads_local' AND active FORMAT TSV")).trim().split('\t').map(Number);
        } catch (e) { if (i >= 4) throw e; await new Promise(r => setTimeout(r, 1000)); } // a busy 18.16 may drop the connection (EPIPE)
      }
    };
    const parts = [];
    for (const s of cluster.shards) parts.push(await partsOf(s));
    const stored = parts.reduce((a, p) => a.map((x, i) => x + p[i]), [0, 0, 0]);
    ing.bytesPerRead = { compressed: stored[1] / stored[0], uncompressed: stored[2] / stored[0] };
    const find = process.env.ANPR_SCALE_CLICKHOUSE_FIND === '0' ? null : child(['find', url, base.dir]);
    const srv = serverRssKb(cluster.pids);
    rows.push({
      name: `${(ing.read / 1e6).toFixed(0)}M rows (${file.endsWith('.gz') ? 'CSV.gz' : 'CSV'}): ingest into the 2-shard ClickHouse 18.16 (streamed, RowBinary per shard) — ${Math.round(ing.read / ing.seconds).toLocaleString('en-GB')} rows/s; client CPU ${ing.cpuSeconds.toFixed(0)} s, servers' CPU ${ingServerCpu.toFixed(0)} s; stored ${ing.bytesPerRead.compressed.toFixed(1)} B/read compressed (${ing.bytesPerRead.uncompressed.toFixed(1)} uncompressed)`,
      ours: `${ing.seconds.toFixed(1)} s, client peak RSS ${(ing.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
      goal: '>= 1,000,000 rows/s', met: ing.read / ing.seconds >= 1e6,
    });
    if (find) rows.push({
      name: `${(find.reads / 1e6).toFixed(0)}M reads: county-lines (ClickHouse engine) — ${find.scored} scored; ${(find.candidateReads / 1e6).toFixed(2)}M candidate reads of ${find.keys} keys; SQL ${find.sqlSeconds.toFixed(1)} s, store ${find.loadSeconds.toFixed(1)} s; servers' peak RSS ${srv.map(x => (x / 2 ** 20).toFixed(2)).join(' + ')} GiB`,
      ours: `${find.seconds.toFixed(1)} s, client peak RSS ${(find.maxRssKb / 2 ** 20).toFixed(2)} GiB`,
    });
    process.stderr.write(`[bench:scale:clickhouse] ${JSON.stringify({ ing, ingServerCpu, find, serverRssKb: srv, loadavg: os.loadavg() })}\n`);
  } finally {
    await cluster.stop();
    rmSync(chDir, { recursive: true, force: true });
  }
}
printTable('Scale: ClickHouse ingest and county-lines find with the ClickHouse engine (issues 9, 15)', rows);
