/**
 * Europe/London civil time, the domain's time zone, without the platform's time-zone
 * database or Intl in hot loops: GMT (+00:00), except BST (+01:00) from 01:00 UTC on the
 * last Sunday of March to 01:00 UTC on the last Sunday of October (the rule since 1996).
 *
 * One module for every stage: ingest (wall time → instant, in core/london-parse.ts, which
 * uses `bstBoundsMs`), synth (instant → ISO text), trips and find (local hour, day, weekday).
 * Instants are epoch milliseconds UTC unless a name says seconds.
 */

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const boundsCache = new Map<number, [number, number]>();

/**
 * BST of a year as [start, end) in epoch ms UTC: 01:00 UTC on the last Sundays of March and
 * October. (Numerically these also equal the local wall-clock "ms" of the spring gap's start
 * and of the repeated autumn hour's start.)
 * @example bstBoundsMs(2025) // [Date.UTC(2025, 2, 30, 1), Date.UTC(2025, 9, 26, 1)]
 */
export function bstBoundsMs(year: number): [number, number] {
  let b = boundsCache.get(year);
  if (!b) {
    const mar = new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const oct = new Date(Date.UTC(year, 9, 31)).getUTCDay();
    b = [Date.UTC(year, 2, 31 - mar, 1), Date.UTC(year, 9, 31 - oct, 1)];
    boundsCache.set(year, b);
  }
  return b;
}

// The year of the previous call: reads come in time order, so this is almost always a hit.
let yearStart = NaN, yearEnd = NaN, bstStart = NaN, bstEnd = NaN;

/**
 * Offset of Europe/London from UTC at instant `t`, in ms (0 or 3,600,000).
 * @example londonOffsetMs(Date.UTC(2025, 6, 1)) // 3600000 (BST)
 */
export function londonOffsetMs(t: number): number {
  if (!(t >= yearStart && t < yearEnd)) {
    const year = new Date(t).getUTCFullYear();
    yearStart = Date.UTC(year, 0, 1);
    yearEnd = Date.UTC(year + 1, 0, 1);
    [bstStart, bstEnd] = bstBoundsMs(year);
  }
  return t >= bstStart && t < bstEnd ? HOUR_MS : 0;
}

/**
 * Europe/London wall-clock time of `t` expressed as "epoch ms" (so UTC getters and integer
 * division by DAY_MS give local fields).
 * @example londonLocalMs(Date.UTC(2025, 6, 1, 12)) === Date.UTC(2025, 6, 1, 13) // BST
 */
export function londonLocalMs(t: number): number {
  return t + londonOffsetMs(t);
}

/**
 * Local hour of day as a fraction 0 <= h < 24.
 * @example londonHour(Date.UTC(2025, 6, 1, 18, 30)) // 19.5
 */
export function londonHour(t: number): number {
  const l = londonLocalMs(t);
  return (((l % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS;
}

/**
 * Local "analysis day": days since 1970-01-01 local, with the day boundary moved to
 * `boundaryHour` (default 03:00), so a late-night return counts for the evening before.
 * @example londonDay(Date.UTC(2025, 0, 2, 1), 3) === londonDay(Date.UTC(2025, 0, 1, 22), 3) // true
 */
export function londonDay(t: number, boundaryHour = 3): number {
  return Math.floor((londonLocalMs(t) - boundaryHour * HOUR_MS) / DAY_MS);
}

/**
 * Local weekday of `t`, 0 = Sunday .. 6 = Saturday (calendar day, midnight boundary).
 * @example londonWeekday(Date.UTC(2025, 0, 4, 12)) // 6 (Saturday)
 */
export function londonWeekday(t: number): number {
  const d = Math.floor(londonLocalMs(t) / DAY_MS);
  return (((d + 4) % 7) + 7) % 7;
}

/**
 * Offset of Europe/London from UTC, in seconds (0 or 3600), at a UTC instant in seconds.
 * @example londonOffsetSeconds(Date.UTC(2025, 6, 1) / 1000) // 3600 (BST)
 */
export function londonOffsetSeconds(utcSec: number): number {
  return londonOffsetMs(utcSec * 1000) / 1000;
}

/**
 * UTC epoch seconds of a London wall-clock time `secOfDay` seconds after local midnight of
 * the given date (month 1-12). Times in the spring-forward gap land an hour later.
 * @example londonToUtc(2025, 3, 30, 12 * 3600) // 2025-03-30T11:00:00Z (BST), in seconds
 */
export function londonToUtc(year: number, month: number, day: number, secOfDay: number): number {
  const local = Date.UTC(year, month - 1, day) / 1000 + secOfDay;
  const guess = local - londonOffsetSeconds(local);
  return local - londonOffsetSeconds(guess);
}

const pad2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i);
const dateCache = new Map<number, string>();

/**
 * ISO 8601 with the London offset, to the second: `2025-03-04T19:12:05+00:00`.
 * @example formatLondonIso(Date.UTC(2025, 5, 1, 12) / 1000) // '2025-06-01T13:00:00+01:00'
 */
export function formatLondonIso(utcSec: number): string {
  const s = Math.floor(utcSec);
  const off = londonOffsetSeconds(s);
  const local = s + off;
  const dayNo = Math.floor(local / 86400);
  let date = dateCache.get(dayNo);
  if (date === undefined) {
    date = new Date(dayNo * 86400000).toISOString().slice(0, 10);
    if (dateCache.size > 4096) dateCache.clear();
    dateCache.set(dayNo, date);
  }
  const r = local - dayNo * 86400;
  const h = Math.floor(r / 3600), m = Math.floor((r % 3600) / 60), sec = r % 60;
  return date + 'T' + pad2[h] + ':' + pad2[m] + ':' + pad2[sec] + (off ? '+01:00' : '+00:00');
}

/**
 * Reads by local weekday (0 = Monday) × local hour, and the number of distinct local
 * calendar days, for times[a..b). One pass, no Intl.
 * @example londonHourWeekday(store.time, 0, 3) // { hourWeekday: [[...24], ...7], days: 1 }
 */
export function londonHourWeekday(times: ArrayLike<number>, a = 0, b = times.length): { hourWeekday: number[][]; days: number } {
  const hourWeekday = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const days = new Set<number>();
  for (let i = a; i < b; i++) {
    const t = times[i];
    const l = londonLocalMs(t);
    hourWeekday[(londonWeekday(t) + 6) % 7][Math.floor((((l % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS)]++;
    days.add(Math.floor(l / DAY_MS));
  }
  return { hourWeekday, days: days.size };
}
