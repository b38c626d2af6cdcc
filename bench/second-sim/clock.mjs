// Europe/London civil time without the process time zone.
// BST (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
// "Wall" milliseconds are a local wall-clock time written as if it were UTC (Date.UTC of the local fields).

/** One minute in ms. @example 5 * MINUTE === 300000 */
export const MINUTE = 60_000;
/** One hour in ms. @example 2 * HOUR === 7200000 */
export const HOUR = 3_600_000;
/** One day in ms (24 h; civil days around a clock change are handled by wallToUtc). @example DAY === 86400000 */
export const DAY = 86_400_000;

/** UTC ms of 01:00 UTC on the last Sunday of a month (1-12). @example lastSunday0100Utc(2025, 3) === Date.UTC(2025, 2, 30, 1) */
export function lastSunday0100Utc(year, month) {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

const bstCache = new Map();
/** [start, end) of BST in UTC ms for a year. @example bstBounds(2025) // [2025-03-30T01:00Z, 2025-10-26T01:00Z] */
export function bstBounds(year) {
  let b = bstCache.get(year);
  if (!b) { b = [lastSunday0100Utc(year, 3), lastSunday0100Utc(year, 10)]; bstCache.set(year, b); }
  return b;
}

let cacheLo = 0, cacheHi = -1, cacheStart = 0, cacheEnd = 0;
/** Minutes east of UTC in London (0 or 60) at a UTC instant. @example londonOffsetMinutes(Date.UTC(2025, 5, 1)) === 60 */
export function londonOffsetMinutes(utcMs) {
  if (!(utcMs >= cacheLo && utcMs < cacheHi)) {
    const y = new Date(utcMs).getUTCFullYear();
    cacheLo = Date.UTC(y, 0, 1); cacheHi = Date.UTC(y + 1, 0, 1);
    [cacheStart, cacheEnd] = bstBounds(y);
  }
  return utcMs >= cacheStart && utcMs < cacheEnd ? 60 : 0;
}

/** London wall-clock ms of a UTC instant. @example utcToWall(Date.UTC(2025, 5, 1, 12)) === Date.UTC(2025, 5, 1, 13) */
export function utcToWall(utcMs) { return utcMs + londonOffsetMinutes(utcMs) * MINUTE; }

/** UTC ms of a London wall-clock time; a repeated hour gives the first (BST) instant, a skipped hour is read as GMT (lands after the jump). @example wallToUtc(Date.UTC(2025, 5, 1, 13)) === Date.UTC(2025, 5, 1, 12) */
export function wallToUtc(wallMs) {
  const bst = wallMs - HOUR;
  if (londonOffsetMinutes(bst) === 60) return bst;
  return wallMs;
}

/** UTC ms of local midnight + hours on a local date 'YYYY-MM-DD' plus dayOffset days (hours may exceed 24). @example localToUtc('2025-03-30', 0, 3) === Date.UTC(2025, 2, 30, 2) */
export function localToUtc(date, dayOffset = 0, hours = 0) {
  return wallToUtc(dateToWall(date) + dayOffset * DAY + Math.round(hours * HOUR));
}

/** Wall ms of local midnight of 'YYYY-MM-DD'. @example dateToWall('2025-03-17') === Date.UTC(2025, 2, 17) */
export function dateToWall(date) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`bad date ${date}; expected YYYY-MM-DD`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new Error(`bad date ${date}`);
  return ms;
}

const p2 = (n) => (n < 10 ? '0' : '') + n;
/** ISO 8601 London local time with offset, seconds precision. @example formatLondon(Date.UTC(2025, 2, 30, 1, 10, 5)) === '2025-03-30T02:10:05+01:00' */
export function formatLondon(utcMs) {
  const off = londonOffsetMinutes(utcMs);
  const d = new Date(Math.floor((utcMs + off * MINUTE) / 1000) * 1000);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}${off ? '+01:00' : '+00:00'}`;
}

/** Local hour of day (float, 0-24) in London at a UTC instant. @example localHour(Date.UTC(2025, 0, 1, 8, 30)) === 8.5 */
export function localHour(utcMs) {
  const w = utcToWall(utcMs);
  return (((w % DAY) + DAY) % DAY) / HOUR;
}

/** Day of week of a wall ms, 0 = Monday ... 6 = Sunday. @example weekdayOfWall(Date.UTC(2025, 2, 17)) === 0 */
export function weekdayOfWall(wallMs) { return (Math.floor(wallMs / DAY) + 3) % 7; }

/** Easter Sunday (Gregorian) as wall ms. @example easterWall(2025) === Date.UTC(2025, 3, 20) */
export function easterWall(y) {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return Date.UTC(y, month - 1, day);
}

const bankCache = new Map();
/** England and Wales bank holidays of a year as a Set of wall-midnight ms (regular rules, no one-off days). @example bankHolidays(2025).has(Date.UTC(2025, 3, 21)) */
export function bankHolidays(y) {
  let s = bankCache.get(y);
  if (s) return s;
  const wd = (ms) => weekdayOfWall(ms);
  const firstMonday = (month) => { let ms = Date.UTC(y, month, 1); while (wd(ms) !== 0) ms += DAY; return ms; };
  const lastMonday = (month) => { let ms = Date.UTC(y, month + 1, 0); while (wd(ms) !== 0) ms -= DAY; return ms; };
  let ny = Date.UTC(y, 0, 1);
  while (wd(ny) >= 5) ny += DAY;
  const e = easterWall(y);
  const xmasDow = wd(Date.UTC(y, 11, 25));
  const xmas = xmasDow === 4 ? [25, 28] : xmasDow === 5 ? [27, 28] : xmasDow === 6 ? [26, 27] : [25, 26];
  s = new Set([ny, e - 2 * DAY, e + DAY, firstMonday(4), lastMonday(4), lastMonday(7), Date.UTC(y, 11, xmas[0]), Date.UTC(y, 11, xmas[1])]);
  bankCache.set(y, s);
  return s;
}

/** True if the local date of a wall ms is a weekend day or bank holiday. @example isRestDay(Date.UTC(2025, 3, 18)) // Good Friday */
export function isRestDay(wallMs) {
  const mid = Math.floor(wallMs / DAY) * DAY;
  return weekdayOfWall(mid) >= 5 || bankHolidays(new Date(mid).getUTCFullYear()).has(mid);
}
