// Resident bytes per read of the store, measured in a fresh process (so garbage from other
// benchmarks cannot hide or inflate it): `node --expose-gc bench/memory.mjs READS SITES [CACHE_DIR]`
// (with CACHE_DIR, loaded through the reads cache).
// Prints one JSON line.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const lib = require('../kernel-lib/dist/index.js');
const [reads, sites, cacheDir] = process.argv.slice(2);

const settle = () => { global.gc(); global.gc(); };
settle();
const before = process.memoryUsage();
const { store } = await lib.loadReads({ reads, sites, cache: cacheDir ? { dir: cacheDir } : false });
// A cached store reads its columns and plates on first use (ingest/cache/store-file.ts): use them, so all of it is counted.
const used = store.time.length + store.site.length + store.vehicle.length + store.confidence.length + store.vrms.length;
settle();
const after = process.memoryUsage();
process.stdout.write(JSON.stringify({
  n: store.n,
  heapAndBuffersPerRead: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / store.n,
  rssPerRead: (after.rss - before.rss) / store.n,
  keep: used > 0 && store.vrms.length > 0
}) + '\n');
