/**
 * Timestamp parsing with Europe/London rules, implemented directly (no Intl per row).
 *
 * Accepted text forms (date and time separated by `T` or a space):
 *   ISO 8601  `YYYY-MM-DD HH:MM[:SS[.fff]]` with optional `Z` or offset `±HH[:MM]`
 *   UK        `DD/MM/YYYY HH:MM[:SS[.fff]]` (always local)
 * A timestamp with `Z` or an offset is an instant. One without is Europe/London wall time:
 *   - GMT (+00:00) outside summer time, BST (+01:00) from the last Sunday of March 01:00 UTC
 *     to the last Sunday of October 01:00 UTC (the rule in force since 1996).
 *   - Spring gap: local 01:00:00–01:59:59 on the last Sunday of March does not exist →
 *     status `nonexistent` (the read is rejected; never shifted silently).
 *   - Autumn repeat: local 01:00:00–01:59:59 on the last Sunday of October happens twice →
 *     the FIRST occurrence (BST, +01:00) is taken and status is `ambiguous` (counted).
 * Fractions of a second beyond milliseconds are truncated. Leap seconds (:60) are rejected.
 */

import { bstBoundsMs, DAY_MS, HOUR_MS } from './london-time';

/** Outcome of parsing one timestamp. */
export type TimeStatus = 'ok' | 'ambiguous' | 'nonexistent' | 'bad';

/** Reusable out-parameter so the hot loop allocates nothing per row. */
export interface ParsedTime {
  /** Epoch ms UTC (NaN unless status is ok or ambiguous). */
  ms: number;
  status: TimeStatus;
}

const HOUR = HOUR_MS;
const DAY = DAY_MS;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Boundaries (in wall ms) of the last year looked up: most rows share a year. BST starts
// and ends at 01:00 UTC, which is also local 01:00 on the spring day (start of the gap) and
// the start of the repeated local hour on the autumn day.
let cachedYear = NaN, gapStart = 0, repeatStart = 0;
function setYear(y: number): void {
  cachedYear = y;
  [gapStart, repeatStart] = bstBoundsMs(y);
}

/** londonWallToUtc when the wall time's year is already known. */
function wallToUtc(wallMs: number, y: number, out: ParsedTime): ParsedTime {
  if (y !== cachedYear) setYear(y);
  if (wallMs < gapStart || wallMs >= repeatStart + HOUR) {
    out.ms = wallMs; out.status = 'ok'; // GMT
  } else if (wallMs < gapStart + HOUR) {
    out.ms = NaN; out.status = 'nonexistent';
  } else if (wallMs < repeatStart) {
    out.ms = wallMs - HOUR; out.status = 'ok'; // BST
  } else {
    out.ms = wallMs - HOUR; out.status = 'ambiguous'; // first occurrence, BST
  }
  return out;
}

/**
 * Convert a Europe/London wall-clock time, given as "wall ms" (the epoch ms the same
 * wall-clock reading would have in UTC), to an instant. Writes `out` and returns it.
 *
 * @example
 * const out = { ms: 0, status: 'ok' as TimeStatus };
 * londonWallToUtc(Date.UTC(2025, 6, 1, 12), out).ms === Date.UTC(2025, 6, 1, 11) // BST
 * londonWallToUtc(Date.UTC(2025, 2, 30, 1, 30), out).status  // 'nonexistent'
 * londonWallToUtc(Date.UTC(2025, 9, 26, 1, 30), out).status  // 'ambiguous' (ms = 00:30Z)
 */
export function londonWallToUtc(wallMs: number, out: ParsedTime): ParsedTime {
  if (!Number.isFinite(wallMs)) { out.ms = NaN; out.status = 'bad'; return out; }
  return wallToUtc(wallMs, yearOfDay(Math.floor(wallMs / DAY)), out);
}

function yearOfDay(day: number): number {
  // civil_from_days (Howard Hinnant), year only.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function daysInMonth(y: number, m: number): number {
  return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DIM[m];
}

/** Read `n` ASCII digits at `i`; -1 if any is not a digit. */
function digits(s: string, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(i + k) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parse a timestamp string (forms and London rules in this file's header comment) into
 * `out`. Surrounding spaces are ignored. Returns `out`.
 *
 * @example
 * const out = { ms: 0, status: 'ok' as TimeStatus };
 * parseTimestamp('2025-03-30T01:30:00Z', out).ms    // Date.UTC(2025, 2, 30, 1, 30)
 * parseTimestamp('2025-07-01 09:00:00+02:00', out).ms // Date.UTC(2025, 6, 1, 7)
 * parseTimestamp('30/03/2025 01:30', out).status       // 'nonexistent'
 * parseTimestamp('26/10/2025 01:30', out).status       // 'ambiguous'
 * parseTimestamp('yesterday', out).status              // 'bad'
 */
export function parseTimestamp(text: string, out: ParsedTime): ParsedTime {
  out.ms = NaN; out.status = 'bad';
  let s = text;
  if (s.length === 0) return out;
  if (s.charCodeAt(0) === 32 || s.charCodeAt(s.length - 1) === 32) s = s.trim();
  const len = s.length;
  let y: number, mo: number, d: number, i: number;
  if (len >= 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) { // YYYY-MM-DD
    y = digits(s, 0, 4); mo = digits(s, 5, 2); d = digits(s, 8, 2); i = 10;
  } else if (len >= 10 && s.charCodeAt(2) === 47 && s.charCodeAt(5) === 47) { // DD/MM/YYYY
    d = digits(s, 0, 2); mo = digits(s, 3, 2); y = digits(s, 6, 4); i = 10;
  } else return out;
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return out;
  const sep = s.charCodeAt(i);
  if (sep !== 84 && sep !== 32 && sep !== 116) return out; // 'T', ' ', 't'
  i++;
  const h = digits(s, i, 2);
  if (h < 0 || h > 23 || s.charCodeAt(i + 2) !== 58) return out;
  const mi = digits(s, i + 3, 2);
  if (mi < 0 || mi > 59) return out;
  i += 5;
  let sec = 0, frac = 0;
  if (s.charCodeAt(i) === 58) {
    sec = digits(s, i + 1, 2);
    if (sec < 0 || sec > 59) return out;
    i += 3;
    const c = s.charCodeAt(i);
    if (c === 46 || c === 44) { // fraction
      i++;
      let k = 0, scale = 100;
      while (i < len) {
        const dg = s.charCodeAt(i) - 48;
        if (!(dg >= 0 && dg <= 9)) break;
        if (k < 3) frac += dg * scale;
        scale /= 10; k++; i++;
      }
      if (k === 0) return out;
    }
  }
  const wall = daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * 60_000 + sec * 1000 + frac;
  if (i === len) return wallToUtc(wall, y, out);
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === len) { out.ms = wall; out.status = 'ok'; return out; } // Z
  if (z !== 43 && z !== 45 && z !== 0x2212) return out;
  const oh = digits(s, i + 1, 2);
  if (oh < 0) return out;
  let om = 0, j = i + 3;
  if (j < len) {
    if (s.charCodeAt(j) === 58) j++;
    om = digits(s, j, 2);
    j += 2;
    if (om < 0 || om > 59) return out;
  }
  if (j !== len || oh > 14) return out;
  const offset = (oh * 60 + om) * 60_000 * (z === 43 ? 1 : -1);
  out.ms = wall - offset; out.status = 'ok';
  return out;
}

/** Digits b[i, i+n) as a number, or -1. */
function byteDigits(b: Uint8Array, i: number, n: number): number {
  let v = 0;
  for (let k = 0; k < n; k++) {
    const c = b[i + k] - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The common instant forms `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS±HH:MM` (`T`, `t` or
 * a space between date and time) read straight from bytes, with exactly `parseTimestamp`'s
 * checks and result. Returns false, leaving `out` alone, for any other text (the caller then
 * uses `parseTimestamp`); true when `out` holds parseTimestamp's answer (ok or bad).
 *
 * @example
 * const out = { ms: NaN, status: 'bad' as const };
 * parseInstantBytes(Buffer.from('2025-03-10T09:00:00+01:00'), 0, 25, out); // true; out.ms = Date.UTC(2025, 2, 10, 8)
 */
export function parseInstantBytes(b: Uint8Array, s: number, e: number, out: ParsedTime): boolean {
  const len = e - s;
  if (len !== 20 && len !== 25) return false;
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || b[s + 13] !== 58 || b[s + 16] !== 58) return false;
  const sep = b[s + 10];
  if (sep !== 84 && sep !== 32 && sep !== 116) return false;
  const z = b[s + 19];
  if (len === 20 ? z !== 90 && z !== 122 : (z !== 43 && z !== 45) || b[s + 22] !== 58) return false;
  const y = byteDigits(b, s, 4), mo = byteDigits(b, s + 5, 2), d = byteDigits(b, s + 8, 2);
  const h = byteDigits(b, s + 11, 2), mi = byteDigits(b, s + 14, 2), sec = byteDigits(b, s + 17, 2);
  if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0) return false;
  out.ms = NaN; out.status = 'bad';
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return true;
  const wall = daysFromCivil(y, mo, d) * DAY + h * HOUR + mi * 60_000 + sec * 1000;
  if (len === 20) { out.ms = wall; out.status = 'ok'; return true; }
  const oh = byteDigits(b, s + 20, 2), om = byteDigits(b, s + 23, 2);
  if (oh < 0 || om < 0) return false;
  if (om > 59 || oh > 14) return true;
  out.ms = wall - (oh * 60 + om) * 60_000 * (z === 43 ? 1 : -1); out.status = 'ok';
  return true;
}
