/**
 * The common export time forms read straight from bytes, for the streaming ingest's hot loop:
 * `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `-HH:MM`, `Z`; `T` or a space). Anything else — local times,
 * fractions, other layouts, out-of-range fields — returns false and the caller uses
 * `parseTimestamp` (ingest/london-time.ts); for the forms it takes, the result is exactly
 * `parseTimestamp`'s (a test compares the two on many strings).
 */
import type { ParsedTime } from '../ingest/london-time';

const dim = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
let lastDate = -1, lastDay = 0;

const d2 = (b: Uint8Array, i: number) => {
  const a = b[i] - 48, c = b[i + 1] - 48;
  return a >= 0 && a <= 9 && c >= 0 && c <= 9 ? a * 10 + c : -1;
};

/**
 * Parse buf[s, e) when it is an instant in the common form; true and `out` set, else false.
 * @example
 * const out = { ms: 0, status: 'bad' as const }; fastInstant(Buffer.from('2025-03-03T05:07:13+00:00'), 0, 25, out); // true, out.ms = Date.UTC(2025, 2, 3, 5, 7, 13)
 */
export function fastInstant(b: Uint8Array, s: number, e: number, out: ParsedTime): boolean {
  const len = e - s;
  if (len !== 25 && len !== 20) return false;
  if (b[s + 4] !== 45 || b[s + 7] !== 45 || (b[s + 10] !== 84 && b[s + 10] !== 32) || b[s + 13] !== 58 || b[s + 16] !== 58) return false;
  const y1 = d2(b, s), y2 = d2(b, s + 2), mo = d2(b, s + 5), d = d2(b, s + 8), h = d2(b, s + 11), mi = d2(b, s + 14), sec = d2(b, s + 17);
  if (y1 < 1 || y2 < 0 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return false;
  const y = y1 * 100 + y2;
  const leap = mo === 2 && (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? 1 : 0;
  if (d > dim[mo - 1] + leap) return false;
  let offset = 0;
  const z = b[s + 19];
  if (len === 20) {
    if (z !== 90 && z !== 122) return false; // Z or z
  } else {
    if ((z !== 43 && z !== 45) || b[s + 22] !== 58) return false;
    const oh = d2(b, s + 20), om = d2(b, s + 23);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return false;
    offset = (oh * 60 + om) * 60_000 * (z === 43 ? 1 : -1);
  }
  const key = y * 10000 + mo * 100 + d;
  if (key !== lastDate) { lastDate = key; lastDay = Date.UTC(y, mo - 1, d); }
  out.ms = lastDay + h * 3_600_000 + mi * 60_000 + sec * 1000 - offset;
  out.status = 'ok';
  return true;
}
