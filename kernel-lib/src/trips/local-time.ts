/**
 * Europe/London local time for hot loops: UTC offset by the UK rule (BST from 01:00 UTC on
 * the last Sunday of March to 01:00 UTC on the last Sunday of October), independent of the
 * process time zone and without Intl per read.
 */

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const bstCache = new Map<number, [number, number]>();

function bstRange(year: number): [number, number] {
  let r = bstCache.get(year);
  if (!r) {
    const mar = new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const oct = new Date(Date.UTC(year, 9, 31)).getUTCDay();
    r = [Date.UTC(year, 2, 31 - mar, 1), Date.UTC(year, 9, 31 - oct, 1)];
    bstCache.set(year, r);
  }
  return r;
}

/**
 * Europe/London wall-clock time of `t` (epoch ms UTC) expressed as "epoch ms" (so UTC getters
 * and integer division by DAY_MS give local fields).
 *
 * @example
 * londonLocalMs(Date.UTC(2025, 6, 1, 12)) === Date.UTC(2025, 6, 1, 13) // BST
 * londonLocalMs(Date.UTC(2025, 0, 1, 12)) === Date.UTC(2025, 0, 1, 12) // GMT
 */
export function londonLocalMs(t: number): number {
  // Fast path: the calendar year of the previous call (reads come in time order per vehicle).
  if (!(t >= yearStart && t < yearEnd)) {
    const year = new Date(t).getUTCFullYear();
    yearStart = Date.UTC(year, 0, 1); yearEnd = Date.UTC(year + 1, 0, 1);
    [bstStart, bstEnd] = bstRange(year);
  }
  return t >= bstStart && t < bstEnd ? t + HOUR_MS : t;
}
let yearStart = NaN, yearEnd = NaN, bstStart = NaN, bstEnd = NaN;

/**
 * Local hour of day as a fraction 0 <= h < 24.
 *
 * @example
 * londonHour(Date.UTC(2025, 6, 1, 18, 30)) // 19.5
 */
export function londonHour(t: number): number {
  const l = londonLocalMs(t);
  return (((l % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/**
 * Local "analysis day": days since 1970-01-01 local, with the day boundary moved to
 * `boundaryHour` (default 03:00), so a late-night return counts for the evening before.
 *
 * @example
 * londonDay(Date.UTC(2025, 0, 2, 1), 3) === londonDay(Date.UTC(2025, 0, 1, 22), 3) // true
 */
export function londonDay(t: number, boundaryHour = 3): number {
  return Math.floor((londonLocalMs(t) - boundaryHour * HOUR_MS) / DAY_MS);
}

/**
 * Local weekday of `t`, 0 = Sunday .. 6 = Saturday (calendar day, midnight boundary).
 *
 * @example
 * londonWeekday(Date.UTC(2025, 0, 4, 12)) // 6 (Saturday)
 */
export function londonWeekday(t: number): number {
  const d = Math.floor(londonLocalMs(t) / DAY_MS);
  return (((d + 4) % 7) + 7) % 7;
}
