// One scale run in a fresh process (so peak RSS is this run's): prints a JSON line.
//   DIR_OR_GLOB BASE_DIR MEMORY_LIMIT SPILL_DIR [BATCH_READS] [PASS_READS]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [dir, baseDir, memoryLimit, spill, batch, passReads] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const lib = require('../../kernel-lib/dist/index.js');
process.env.ANPR_AUDIT_LOG ??= path.join(import.meta.dirname, '..', '..', 'bench-results', 'audit.jsonl');
lib.session({ operator: 'benchmark', purpose: 'scale measurement on synthetic data', reference: 'npm run bench:scale' });
const hub = JSON.parse(readFileSync(path.join(baseDir, 'hub.geojson'), 'utf8'));
const markets = JSON.parse(readFileSync(path.join(baseDir, 'markets.geojson'), 'utf8'));
const t = performance.now();
const cpu0 = process.cpuUsage();
const { result, coarse } = await lib.findCountyLinesDuckDB({
  reads: dir, sites: path.join(baseDir, 'sites.csv'), hub, markets, memoryLimit, tempDirectory: spill, batchReads: batch ? Number(batch) : undefined, passReads: passReads ? Number(passReads) : undefined,
});
const seconds = (performance.now() - t) / 1000;
const c = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({
  reads: coarse.reads, scored: result.counts.scored, keys: coarse.keys, candidateReads: coarse.candidateReads, batches: coarse.batches, passes: coarse.passes ?? 1,
  sqlSeconds: coarse.sqlSeconds, sqlSteps: coarse.sqlSteps, loadSeconds: coarse.loadSeconds, featureSeconds: coarse.featureSeconds, seconds,
  cpuSeconds: (c.user + c.system) / 1e6, maxRssKb: process.resourceUsage().maxRSS,
}) + '\n');
