/**
 * V8 flags the project's own processes start with: the `anpr` command (bin/anpr), the notebook
 * kernel (its kernelspec) and the benchmarks (scripts/bench.mjs).
 *
 * `--no-allocation-site-pretenuring`: V8 watches where objects are made and, when most objects
 * of one place in the code outlive a young-generation collection, makes that place's objects
 * in the old generation from then on. A find builds each batch's feature objects, packs them
 * and drops them; enough of them live through a collection for their places to be switched to
 * the old generation, and from then on every find fills the old generation with objects that
 * die young, and its full collections clear them. Measured on the 10M misread-heavy set
 * (2026-12-06; a load, then five finds in one process; 5 processes each, alternating): the third
 * to fifth find 1.35-2.08 s (median 1.42) with the default against 1.08-1.43 s (median 1.22)
 * without pretenuring, the first find median 2.56 → 2.24 s, the process's CPU median 21.3 →
 * 18.2 s; peak RSS 60 MB less on the CLI's first run. Results are the same bytes either way: it changes where
 * objects are made, not what is computed.
 */

/** The flags, as on a command line. */
export const V8_FLAGS: readonly string[] = ['--no-allocation-site-pretenuring'];

/**
 * The flags of {@link V8_FLAGS} that `execArgv` (a Node.js process's) does not already give,
 * none when `env.ANPR_V8_FLAGS` is '0'.
 * @example missingV8Flags(['--max-old-space-size=4096']) // ['--no-allocation-site-pretenuring']
 */
export function missingV8Flags(execArgv: readonly string[], env: Record<string, string | undefined> = process.env): string[] {
  if (env.ANPR_V8_FLAGS === '0') return [];
  return V8_FLAGS.filter((f) => !execArgv.includes(f));
}
