// london-time.mjs — Europe/London civil time computed by hand (GMT in winter,
// BST = UTC+1 from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
// last Sunday of October). Never depends on the process TZ. Times are integer
// UTC seconds since the epoch throughout the simulator.

const bstCache = new Map();

function lastSundayAt0100Utc(year, monthIndex) {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  const day = lastDay.getUTCDate() - lastDay.getUTCDay();
  return Date.UTC(year, monthIndex, day, 1, 0, 0) / 1000;
}

function bstRange(year) {
  let r = bstCache.get(year);
  if (!r) {
    r = [lastSundayAt0100Utc(year, 2), lastSundayAt0100Utc(year, 9)];
    bstCache.set(year, r);
  }
  return r;
}

/** London offset from UTC, in seconds, at a UTC instant */
export function offsetAt(utcSec) {
  const year = new Date(utcSec * 1000).getUTCFullYear();
  const [from, to] = bstRange(year);
  return utcSec >= from && utcSec < to ? 3600 : 0;
}

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** ISO 8601 local London time with offset, e.g. 2025-06-02T18:10:00+01:00 */
export function formatLondon(utcSec) {
  const off = offsetAt(utcSec);
  const d = new Date((utcSec + off) * 1000);
  const sign = off >= 0 ? '+' : '-';
  const oh = pad(Math.floor(Math.abs(off) / 3600));
  const om = pad(Math.floor((Math.abs(off) % 3600) / 60));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${sign}${oh}:${om}`;
}

/** local wall-clock seconds (as if UTC) -> UTC seconds */
export function localToUtc(localSec) {
  let u = localSec - offsetAt(localSec);
  u = localSec - offsetAt(u);
  return u;
}

/** Calendar of the simulated window: local day indices from the start date. */
export class Calendar {
  constructor(start, days) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(start);
    if (!m) throw new Error(`bad --start ${start}; want YYYY-MM-DD`);
    this.startLocal = Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000; // local midnight, as if UTC
    this.days = days;
    this.startUtc = this.at(0, 0);
    this.endUtc = this.at(days, 0);
  }
  /** UTC seconds at local day d (may be <0 or >=days) and decimal local hour h (may be >=24) */
  at(d, h) { return Math.round(localToUtc(this.startLocal + d * 86400 + h * 3600)); }
  /** local day index of a UTC instant */
  dayOf(utcSec) { return Math.floor((utcSec + offsetAt(utcSec) - this.startLocal) / 86400); }
  /** decimal local hour of a UTC instant */
  hourOf(utcSec) {
    const local = utcSec + offsetAt(utcSec) - this.startLocal;
    return (local - Math.floor(local / 86400) * 86400) / 3600;
  }
  /** 0 = Sunday .. 6 = Saturday */
  dow(d) { return new Date((this.startLocal + d * 86400) * 1000).getUTCDay(); }
  isWeekend(d) { const w = this.dow(d); return w === 0 || w === 6; }
  /** first instant at local hour h strictly after utcSec + minGapSec */
  nextAtHour(utcSec, h, minGapSec = 0) {
    const t0 = utcSec + minGapSec;
    let d = this.dayOf(t0);
    let t = this.at(d, h);
    while (t <= t0) t = this.at(++d, h);
    return t;
  }
}
