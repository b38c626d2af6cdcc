/**
 * Access by data age (NASPLE): most users see the last 90 days of reads; reads up to a year
 * old need an authorisation reference; reads older than a year are never used (retention).
 *
 * Days are Europe/London calendar days: the limit for "90 days before now" is the same
 * London wall-clock time 90 days earlier (so a span crossing a clock change is 90 days by
 * the calendar, one hour more or less than 90 × 24 h). A read exactly at a limit is kept
 * ("older than" is strictly before). A limit that falls in the spring-forward gap is taken as
 * GMT (an hour later than the gap's start); one in the repeated autumn hour as its first (BST)
 * occurrence.
 */
import { londonWallToUtc, type ParsedTime } from '../core/london-parse';
import * as msg from '../messages';
import { DAY_MS, londonLocalMs } from '../core/london-time';

/** Reads older than this many days need an authorisation reference. */
export const ACCESS_DAYS = 90;
/** Reads older than this many days are always excluded (retention). */
export const RETENTION_DAYS = 365;

/** What a load needs to apply the rule: the "now" ages are measured from, and an optional authorisation reference. */
export interface DataAgeOptions {
  /** Epoch ms, Date or ISO 8601 string. */
  now: number | Date | string;
  /** Authorisation reference (e.g. a superintendent's authority number) for reads 90–365 days old. */
  authorisation?: string;
}

/** The instants a load compares read times with (epoch ms UTC). */
export interface DataAgeLimits {
  now: number;
  authorisation: string | null;
  /** Reads before this are excluded as `needs_authorisation` (equals `retainFrom` when authorised). */
  accessFrom: number;
  /** Reads before this are excluded as `beyond_retention`. */
  retainFrom: number;
}

/**
 * The London calendar-day limit `days` before `now` (epoch ms).
 * @example daysBefore(Date.UTC(2025, 5, 1, 11), 90) === Date.UTC(2025, 2, 3, 12) // 12:00 BST → 12:00 GMT
 */
export function daysBefore(now: number, days: number): number {
  const wall = londonLocalMs(now) - days * DAY_MS;
  const out: ParsedTime = { ms: NaN, status: 'bad' };
  londonWallToUtc(wall, out);
  return out.status === 'nonexistent' ? wall : out.ms;
}

/**
 * Resolve the rule's limits. Throws RangeError for a `now` that is not a time.
 * @example dataAgeLimits({ now: '2025-06-01T12:00:00+01:00' }).accessFrom // Date.UTC(2025, 2, 3, 12)
 * @example dataAgeLimits({ now: '2025-06-01T12:00:00+01:00', authorisation: 'AUTH-7' }).accessFrom // 365 days before
 */
export function dataAgeLimits(o: DataAgeOptions): DataAgeLimits {
  const now = o.now instanceof Date ? o.now.getTime() : typeof o.now === 'number' ? o.now : Date.parse(o.now);
  if (!Number.isFinite(now)) throw new RangeError(msg.dataAgeBadNow(o.now));
  const authorisation = o.authorisation?.trim() ? o.authorisation.trim() : null;
  const retainFrom = daysBefore(now, RETENTION_DAYS);
  return { now, authorisation, retainFrom, accessFrom: authorisation ? retainFrom : daysBefore(now, ACCESS_DAYS) };
}
