// londonTime.mjs — Europe/London local time without the process TZ.
// "Wall" milliseconds are local clock readings encoded as if they were UTC (Date.UTC of the
// local fields). BST runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October; otherwise GMT (+00:00).

const MIN = 60_000;
export const DAY_MS = 86_400_000;

/** UTC ms of 01:00 UTC on the last Sunday of the given month (0-based). */
export function lastSunday0100Utc(year, month) {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/** London offset from UTC in minutes (0 or 60) at a UTC instant. */
export function londonOffsetMin(utcMs) {
  const y = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSunday0100Utc(y, 2) && utcMs < lastSunday0100Utc(y, 9) ? 60 : 0;
}

/** UTC instant of a London wall-clock reading (gap times roll forward, repeated hour takes GMT). */
export function wallToUtc(wallMs) {
  const guess = wallMs - londonOffsetMin(wallMs) * MIN;
  return wallMs - londonOffsetMin(guess) * MIN;
}

export function utcToWall(utcMs) { return utcMs + londonOffsetMin(utcMs) * MIN; }

const p2 = (n) => String(n).padStart(2, '0');

/** ISO 8601 local London time with offset, whole seconds: 2025-06-02T18:10:00+01:00 */
export function formatLondon(utcMs) {
  const off = londonOffsetMin(utcMs);
  const d = new Date(utcMs + off * MIN);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T` +
    `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}+${p2(off / 60)}:00`;
}

/** Wall ms of local midnight of a YYYY-MM-DD date. */
export function parseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(s));
  if (!m) throw new Error(`bad date '${s}', want YYYY-MM-DD`);
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== s) throw new Error(`bad date '${s}'`);
  return ms;
}

/** A calendar for the window: day i, local minutes -> UTC instant; weekday of day i. */
export function makeCalendar(start, days) {
  const startWall = parseDate(start);
  return {
    days,
    startWall,
    /** UTC ms for local clock time `minutes` after local midnight of day `day` (minutes may exceed 1440). */
    at: (day, minutes) => wallToUtc(startWall + day * DAY_MS + Math.round(minutes * MIN)),
    /** 0 = Sunday ... 6 = Saturday */
    dow: (day) => new Date(startWall + day * DAY_MS).getUTCDay(),
    isWeekend: (day) => { const w = new Date(startWall + day * DAY_MS).getUTCDay(); return w === 0 || w === 6; },
    windowStart: wallToUtc(startWall),
    windowEnd: wallToUtc(startWall + days * DAY_MS),
  };
}
