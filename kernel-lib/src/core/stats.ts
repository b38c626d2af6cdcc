/** Small statistics of the features: median, and spread of clock hours (circular). */

/** Median of numbers (NaN for none). @example median([3, 1, 2]) // 2 */
export function median(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return NaN;
  // Sorted in a reused typed buffer (numeric sort, no copy of the array per call).
  if (medianScratch.length < n) medianScratch = new Float64Array(Math.max(n, 2 * medianScratch.length));
  for (let i = 0; i < n; i++) medianScratch[i] = xs[i];
  const s = medianScratch.subarray(0, n).sort();
  const m = n >> 1;
  return n % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
let medianScratch = new Float64Array(64);

/**
 * Circular standard deviation of clock hours, in hours (23:30 and 00:30 are 1 h apart).
 *
 * @example
 * circularStdHours([23.5, 0.5]) // ≈ 0.5
 */
export function circularStdHours(hours: readonly number[]): number {
  if (hours.length === 0) return NaN;
  let c = 0, s = 0;
  for (const h of hours) { const a = (h / 24) * 2 * Math.PI; c += Math.cos(a); s += Math.sin(a); }
  const r = Math.min(1, Math.hypot(c, s) / hours.length);
  if (r <= 1e-12) return Infinity; // spread evenly round the clock
  return (Math.sqrt(-2 * Math.log(r)) * 24) / (2 * Math.PI);
}

/**
 * Largest share of clock hours within ±halfWidth hours (circularly) of one of them.
 *
 * @example
 * clockWindowShare([7.5, 7.8, 8.2, 16.5], 1) // 0.75
 */
export function clockWindowShare(hours: readonly number[], halfWidth: number): number {
  if (hours.length === 0) return NaN;
  let best = 0;
  for (const h of hours) {
    let c = 0;
    for (const g of hours) { const d = Math.abs(h - g) % 24; if (Math.min(d, 24 - d) <= halfWidth) c++; }
    if (c > best) best = c;
  }
  return best / hours.length;
}
