/**
 * Where the reads cache lives: `ANPR_CACHE_DIR`, else `$XDG_CACHE_HOME/anpr`, else
 * `~/.cache/anpr` (user-local state, never inside the repository). The folder is created
 * with mode 0700 (and set to 0700 when it already exists), since entries hold reads.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The cache root folder (not created).
 * @example cacheRoot() // '/home/analyst/.cache/anpr'
 * @example cacheRoot('/tmp/my-cache') // '/tmp/my-cache'
 */
export function cacheRoot(dir?: string): string {
  if (dir) return path.resolve(dir);
  if (process.env.ANPR_CACHE_DIR) return path.resolve(process.env.ANPR_CACHE_DIR);
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'anpr');
}

/**
 * Create `dir` (and parents) and make it mode 0700; returns it.
 * @example ensurePrivateDir(cacheRoot()) // '/home/analyst/.cache/anpr', drwx------
 */
export function ensurePrivateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return dir;
}
