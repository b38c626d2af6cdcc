/** A time bound given as Date, ISO 8601 string or epoch ms, read as epoch ms. */

/** What a search's `from` / `to` may be. */
export type TimeInput = Date | string | number;

/**
 * Epoch ms of a time bound; undefined (or null) stays undefined; a RangeError with `bad(value)`
 * as its message when the value is not a time. The one time-bound parser of the finder and the queries.
 * @example timeBoundMs('2025-03-10T00:00:00Z', (v) => `bad from ${v}`) // 1741564800000
 */
export function timeBoundMs(x: TimeInput | null | undefined, bad: (value: unknown) => string): number | undefined {
  if (x === undefined || x === null) return undefined;
  const t = x instanceof Date ? x.getTime() : typeof x === 'number' ? x : Date.parse(x);
  if (!Number.isFinite(t)) throw new RangeError(bad(x));
  return t;
}
