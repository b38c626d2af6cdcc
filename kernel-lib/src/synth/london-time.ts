/**
 * Europe/London civil time without the platform's time-zone database: GMT (+00:00) except
 * BST (+01:00) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
 * of October. Times are epoch seconds (UTC) unless named otherwise.
 */

const bstCache = new Map<number, [number, number]>();

function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1) / 1000;
}

function bstBounds(year: number): [number, number] {
  let b = bstCache.get(year);
  if (!b) { b = [lastSundayUtc(year, 2), lastSundayUtc(year, 9)]; bstCache.set(year, b); }
  return b;
}

/**
 * Offset of Europe/London from UTC, in seconds (0 or 3600), at a UTC instant.
 * @example
 * londonOffsetSeconds(Date.UTC(2025, 6, 1) / 1000); // 3600 (BST)
 */
export function londonOffsetSeconds(utcSec: number): number {
  if (!(utcSec >= lastYear[0] && utcSec < lastYear[1])) {
    const year = new Date(utcSec * 1000).getUTCFullYear();
    lastYear = [Date.UTC(year, 0, 1) / 1000, Date.UTC(year + 1, 0, 1) / 1000, ...bstBounds(year)];
  }
  return utcSec >= lastYear[2] && utcSec < lastYear[3] ? 3600 : 0;
}
let lastYear: number[] = [0, 0, 0, 0];

/**
 * UTC epoch seconds of a London wall-clock time `secOfDay` seconds after local midnight of
 * the given date (month 1-12). Times in the spring-forward gap land an hour later.
 * @example
 * londonToUtc(2025, 3, 30, 12 * 3600); // 2025-03-30T11:00:00Z (BST)
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
 * @example
 * formatLondonIso(Date.UTC(2025, 5, 1, 12) / 1000); // '2025-06-01T13:00:00+01:00'
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
