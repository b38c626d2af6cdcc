/**
 * Huge pages for large allocations. The store's columns, the ingest's buffers and the finder's
 * scratch are large typed arrays, which Node.js takes from glibc's malloc; each first touch of
 * a fresh 4 KiB page is a page fault. On the virtual machines measured here (Firecracker with
 * PVM) a fault costs ~16 µs, so filling 80 MB of fresh memory took 300-430 ms against 14 ms
 * for memory already touched, and fresh memory was the largest single cost of a 10M-read load.
 * glibc 2.35+ asks the kernel for transparent huge pages (2 MiB, one fault each) on its large
 * blocks when the tunable `glibc.malloc.hugetlb=1` is set at process start (the kernel's THP
 * mode must be `madvise` or `always`; elsewhere the tunable is ignored). Measured end to end
 * (`anpr find county-lines` on 9.9M reads): first run 14.1-14.6 s → 11.4-12.4 s, cached re-run
 * 4.7-5.2 s → 3.3-4.4 s. Results are the same bytes either way.
 */

/** The glibc tunable that turns huge pages on for malloc's large blocks. */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * Whether `env` (a process environment) already asks glibc for huge pages.
 * @example hasHugePages({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' }) // true
 */
export function hasHugePages(env: Record<string, string | undefined>): boolean {
  return (env.GLIBC_TUNABLES ?? '').split(':').some((t) => t.startsWith('glibc.malloc.hugetlb='));
}

/**
 * `env` with the huge-pages tunable added to any tunables it already sets (unchanged when it
 * sets `glibc.malloc.hugetlb` itself, or when ANPR_HUGE_PAGES=0).
 * @example withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES // 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1'
 */
export function withHugePages<E extends Record<string, string | undefined>>(env: E): E {
  if (hasHugePages(env) || env.ANPR_HUGE_PAGES === '0') return env;
  const prior = env.GLIBC_TUNABLES;
  return { ...env, GLIBC_TUNABLES: prior ? `${prior}:${HUGE_PAGES_TUNABLE}` : HUGE_PAGES_TUNABLE };
}
