// One ClickHouse scale step in a fresh process (so peak RSS is this step's): prints a JSON line.
//   ingest URL FILE SITES SHARD_URLS   |   find URL BASE_DIR
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [step, url, a, b, shards] = process.argv.slice(2);
const lib = createRequire(import.meta.url)('../../kernel-lib/dist/index.js');
const t = performance.now();
const cpu0 = process.cpuUsage();
const cpu = () => { const c = process.cpuUsage(cpu0); return (c.user + c.system) / 1e6; };
if (step === 'ingest') {
  const r = await lib.ingestClickHouse(url, a, b, { shards: shards.split(',') });
  process.stdout.write(JSON.stringify({ ...r, reasons: undefined, seconds: (performance.now() - t) / 1000, cpuSeconds: cpu(), maxRssKb: process.resourceUsage().maxRSS }) + '\n');
} else {
  process.env.ANPR_AUDIT_LOG ??= path.join(import.meta.dirname, '..', '..', 'bench-results', 'audit.jsonl');
  lib.session({ operator: 'benchmark', purpose: 'scale measurement on synthetic data', reference: 'bench/scale/clickhouse.mjs' });
  const hub = JSON.parse(readFileSync(path.join(a, 'hub.geojson'), 'utf8'));
  const markets = JSON.parse(readFileSync(path.join(a, 'markets.geojson'), 'utf8'));
  const { result, coarse } = await lib.findCountyLinesClickHouse({ url, sites: path.join(a, 'sites.csv'), hub, markets });
  process.stdout.write(JSON.stringify({ ...coarse, scored: result.counts.scored, top: result.candidates.slice(0, 5).map(c => [c.vrm, c.score]), seconds: (performance.now() - t) / 1000, cpuSeconds: cpu(), maxRssKb: process.resourceUsage().maxRSS }) + '\n');
}
