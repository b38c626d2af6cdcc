// One scale run in a fresh process (so peak RSS is this run's): prints a JSON line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [dir, baseDir, memoryLimit] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const lib = require('../../kernel-lib/dist/index.js');
process.env.ANPR_AUDIT_LOG ??= path.join(import.meta.dirname, '..', '..', 'bench-results', 'audit.jsonl');
lib.session({ operator: 'benchmark', purpose: 'scale measurement on synthetic data', reference: 'npm run bench:scale' });
const hub = JSON.parse(readFileSync(path.join(baseDir, 'hub.geojson'), 'utf8'));
const markets = JSON.parse(readFileSync(path.join(baseDir, 'markets.geojson'), 'utf8'));
const t = performance.now();
const { result, coarse } = await lib.findCountyLinesDuckDB({ reads: dir, sites: path.join(baseDir, 'sites.csv'), hub, markets, memoryLimit, tempDirectory: path.join(dir, '..', 'spill') });
const seconds = (performance.now() - t) / 1000;
process.stdout.write(JSON.stringify({ reads: coarse.reads, scored: result.counts.scored, candidateReads: coarse.candidateReads, batches: coarse.batches, sqlSeconds: coarse.sqlSeconds, loadSeconds: coarse.loadSeconds, seconds, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
