/**
 * Binary search over anything sorted by a number: the first position whose key is at least `t`.
 */

/**
 * The first k in [0, n) with key(k) ≥ t, or n when there is none; key must not decrease with k.
 * @example firstAtLeast(4, (k) => [1, 3, 3, 8][k], 3) // 1
 */
export function firstAtLeast(n: number, key: (k: number) => number, t: number): number {
  let lo = 0, hi = n;
  while (lo < hi) { const mid = (lo + hi) >>> 1; if (key(mid) < t) lo = mid + 1; else hi = mid; }
  return lo;
}
