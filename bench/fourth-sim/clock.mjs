// clock.mjs - Europe/London civil time computed by hand (no TZ database, no process TZ).
// BST (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October; otherwise GMT (UTC+0). All instants are UTC seconds since the epoch.

const DAY = 86400;

/** UTC seconds of 01:00 UTC on the last Sunday of a month (month 1-12). */
function lastSunday0100(year, month) {
  const lastDay = new Date(Date.UTC(year, month, 0)); // day 0 of next month = last day
  const dow = lastDay.getUTCDay(); // 0 = Sunday
  const day = lastDay.getUTCDate() - dow;
  return Date.UTC(year, month - 1, day, 1, 0, 0) / 1000;
}

const cache = new Map();
function bstBounds(year) {
  let b = cache.get(year);
  if (!b) { b = [lastSunday0100(year, 3), lastSunday0100(year, 10)]; cache.set(year, b); }
  return b;
}

/** Offset of London from UTC in seconds (0 or 3600) at UTC instant t. */
export function londonOffset(t) {
  const year = new Date(t * 1000).getUTCFullYear();
  const [from, to] = bstBounds(year);
  return t >= from && t < to ? 3600 : 0;
}

/** UTC seconds for a London wall-clock time; minutes may exceed 1440 (rolls to next day). */
export function londonToUtc(year, month, day, minutes) {
  const wall = Date.UTC(year, month - 1, day, 0, 0, 0) / 1000 + Math.round(minutes * 60);
  let t = wall - londonOffset(wall);
  const off = londonOffset(t);
  t = wall - off;
  return t;
}

/** Parse 'YYYY-MM-DD' into {y, m, d}. */
export function parseDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`bad date '${s}', want YYYY-MM-DD`);
  return { y: +m[1], m: +m[2], d: +m[3] };
}

/**
 * Calendar of the simulation window: day k (may be negative) -> local date, weekday, and
 * a function giving the UTC instant of a local minute-of-day on that day.
 */
export class Calendar {
  constructor(startIso, days) {
    this.start = parseDate(startIso);
    this.days = days;
    this.t0 = this.at(0, 0);
    this.t1 = this.at(days, 0);
  }

  /** Local date {y, m, d} of day k. */
  date(k) {
    const dt = new Date(Date.UTC(this.start.y, this.start.m - 1, this.start.d + k));
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }

  /** Weekday of day k: 0 = Monday ... 6 = Sunday. */
  weekday(k) {
    const dt = new Date(Date.UTC(this.start.y, this.start.m - 1, this.start.d + k));
    return (dt.getUTCDay() + 6) % 7;
  }

  /** UTC seconds of local minute-of-day `minutes` on day k. */
  at(k, minutes) {
    const { y, m, d } = this.date(k);
    return londonToUtc(y, m, d, minutes);
  }

  /** Day index containing UTC instant t (local calendar). */
  dayOf(t) {
    const local = t + londonOffset(t);
    const startLocal = Date.UTC(this.start.y, this.start.m - 1, this.start.d) / 1000;
    return Math.floor((local - startLocal) / DAY);
  }
}

const pad = (n) => String(n).padStart(2, '0');

/** ISO 8601 London local time with offset, e.g. 2025-06-02T18:10:00+01:00. */
export function isoLondon(t) {
  const off = londonOffset(t);
  const dt = new Date((t + off) * 1000);
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}` +
    `T${pad(dt.getUTCHours())}:${pad(dt.getUTCMinutes())}:${pad(dt.getUTCSeconds())}` +
    (off ? '+01:00' : '+00:00');
}
