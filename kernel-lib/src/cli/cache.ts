/**
 * `anpr cache list|clear [--dir DIR] [--json]`: the reads cache (see ingest/cache/read-cache.ts).
 * Exit 0 ok, 2 bad usage.
 */
import { parseArgs } from 'node:util';
import { cacheRoot } from '../ingest/cache/cache-dir';
import { clearCache, listCache } from '../ingest/cache/read-cache';
import * as msg from '../messages';

/** One-line description for `anpr --help`. */
export const summary = 'list or clear the reads cache (loads kept as columns on local disk)';

/**
 * Run the cache command; returns the exit code.
 *
 * @example
 * await run(['clear']); // 0, prints "removed 2 cache entries from /home/a/.cache/anpr"
 */
export async function run(argv: string[]): Promise<number> {
  let values: { dir?: string; json?: boolean; help?: boolean }, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { dir: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${msg.cacheUsage()}\n`);
    return 2;
  }
  if (values.help) { process.stdout.write(msg.cacheUsage() + '\n'); return 0; }
  const [what, ...rest] = positionals;
  const dir = cacheRoot(values.dir);
  if (what === 'clear' && !rest.length) {
    const n = clearCache(dir);
    process.stdout.write((values.json ? JSON.stringify({ removed: n, dir }) : msg.cacheCleared(n, dir)) + '\n');
    return 0;
  }
  if (what === 'list' && !rest.length) {
    const entries = listCache(dir);
    if (values.json) process.stdout.write(JSON.stringify({ dir, entries }) + '\n');
    else process.stdout.write([...entries.map(msg.cacheEntryLine), msg.cacheListed(entries.length, dir)].join('\n') + '\n');
    return 0;
  }
  process.stderr.write(msg.cacheUsage() + '\n');
  return 2;
}
