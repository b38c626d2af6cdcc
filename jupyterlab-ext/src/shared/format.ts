/**
 * Date and number formatting. All times are shown in Europe/London, whatever the
 * browser's own time zone, because that is the zone the data and the analysts work in.
 */

const TIME_ZONE = 'Europe/London';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false
});

const dateOnly = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: '2-digit'
});

/**
 * Format epoch milliseconds as a Europe/London date and time.
 * @example formatDateTime(Date.UTC(2026, 6, 1, 12, 0)) // 'Wed, 01 Jul 2026, 13:00'
 */
export function formatDateTime(ms: number): string {
  return dateTime.format(new Date(ms));
}

/**
 * Format epoch milliseconds as a Europe/London calendar date.
 * @example formatDate(Date.UTC(2026, 0, 5)) // 'Mon, 05 Jan 2026'
 */
export function formatDate(ms: number): string {
  return dateOnly.format(new Date(ms));
}

const shortDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'short',
  month: 'short',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false
});

/**
 * Format epoch milliseconds as a Europe/London date and time without the year (tables).
 * @example formatShortDateTime(Date.UTC(2026, 6, 1, 12, 0)) // 'Wed 01 Jul, 13:00'
 */
export function formatShortDateTime(ms: number): string {
  return shortDateTime.format(new Date(ms));
}

const timeOnly = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
const dayKey = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Format epoch milliseconds as a Europe/London time of day.
 * @example formatTime(Date.UTC(2026, 6, 1, 12, 5)) // '13:05'
 */
export function formatTime(ms: number): string {
  return timeOnly.format(new Date(ms));
}

/**
 * True when both instants fall on the same Europe/London calendar day.
 * @example sameLondonDay(Date.UTC(2026, 6, 1, 22, 30), Date.UTC(2026, 6, 1, 23, 30)) // false (23:30 and 00:30 BST)
 */
export function sameLondonDay(a: number, b: number): boolean {
  return dayKey.format(new Date(a)) === dayKey.format(new Date(b));
}

/**
 * Format a period [start, end] of epoch milliseconds.
 * @example formatPeriod([Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 9)]) // 'Mon, 05 Jan 2026 – Fri, 09 Jan 2026'
 */
export function formatPeriod(period: [number, number]): string {
  return `${formatDate(period[0])} – ${formatDate(period[1])}`;
}

/** Format a count with thousands separators. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
