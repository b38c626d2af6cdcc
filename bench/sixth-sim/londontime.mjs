// londontime.mjs — Europe/London civil time computed by hand (never the process TZ).
// BST (+01:00) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
// Sunday of October; otherwise GMT (+00:00). All instants here are UTC epoch seconds.

const bstCache = new Map();

function lastSunday0100Utc(year, month0) {
  const last = new Date(Date.UTC(year, month0 + 1, 0)); // last day of the month
  const dow = last.getUTCDay();
  return Date.UTC(year, month0 + 1, -dow, 1, 0, 0) / 1000;
}

export function bstRange(year) {
  let r = bstCache.get(year);
  if (!r) { r = [lastSunday0100Utc(year, 2), lastSunday0100Utc(year, 9)]; bstCache.set(year, r); }
  return r;
}

/** offset of London local time from UTC, in seconds, at a UTC instant */
export function offsetAt(utc) {
  const y = new Date(utc * 1000).getUTCFullYear();
  const [s, e] = bstRange(y);
  return utc >= s && utc < e ? 3600 : 0;
}

/** local wall-clock seconds (as if UTC) -> UTC instant; gap times roll forward, repeated times take the first */
export function localToUtc(local) {
  const a = local - 3600;
  if (offsetAt(a) === 3600) return a;
  if (offsetAt(local) === 0) return local;
  return local; // inside the spring-forward gap
}

/** ISO 8601 local time with offset, seconds precision */
export function formatLocal(utc) {
  const off = offsetAt(utc);
  return new Date((utc + off) * 1000).toISOString().slice(0, 19) + (off ? '+01:00' : '+00:00');
}

/** local hour (0-24, fractional) and weekday (0 = Monday) at a UTC instant */
export function localHourDow(utc) {
  const ls = utc + offsetAt(utc);
  const day = Math.floor(ls / 86400);
  return { hour: (ls - day * 86400) / 3600, dow: (((day + 3) % 7) + 7) % 7 };
}

/** calendar of simulation days; day 0 is the start date, negative days precede the window */
export function makeCalendar(start, days) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(start));
  if (!m) throw new Error(`start must be YYYY-MM-DD, got ${start}`);
  const base = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000;
  const T = (day, hours) => localToUtc(base + day * 86400 + Math.round(hours * 3600));
  return {
    start, days, base,
    T,
    dow: (day) => (((Math.floor(base / 86400) + day + 3) % 7) + 7) % 7,
    /** local simulation day index of a UTC instant */
    dayOf: (utc) => Math.floor((utc + offsetAt(utc) - base) / 86400),
    winStart: T(0, 0),
    winEnd: T(days, 0)
  };
}
