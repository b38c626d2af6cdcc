/** The data contract of the ingest layer: reason codes and the load summary. */
import type { DataAgeRecord } from '../privacy/provenance';
import type { VrmFormat } from '../reads/types';

/**
 * Why a row was rejected. Every rejected row carries exactly one (the first check it fails,
 * in this order: malformed_line, empty_vrm / vrm_too_long, bad_timestamp / nonexistent_local_time,
 * future_timestamp, beyond_retention / needs_authorisation, unknown_site / bad_coordinates,
 * site_position_mismatch, bad_confidence). The two data-age reasons occur only when the load was given a `now`;
 * their rows are not copied into the quarantine file (line and reason only).
 */
export type RejectReason =
  | 'malformed_line'          // wrong number of fields, or an unterminated quote
  | 'empty_vrm'               // VRM empty after normalisation
  | 'vrm_too_long'            // VRM longer than MAX_VRM_LENGTH (15) after normalisation
  | 'bad_timestamp'           // not a timestamp in an accepted form
  | 'nonexistent_local_time'  // local time inside the spring-forward gap (Europe/London)
  | 'future_timestamp'        // later than the load's `notAfter` (off unless given)
  | 'beyond_retention'        // older than 365 days before the load's `now` (off unless given)
  | 'needs_authorisation'     // older than 90 days before `now`, and no authorisation reference
  | 'unknown_site'            // site id not in the sites table and no coordinates on the read
  | 'bad_coordinates'         // lat/lon unparsable or outside the UK box (lat 49.8..60.9, lon -8.7..1.8): the read's own, or its site's
  | 'site_position_mismatch'  // the read's own lat/lon lie more than SITE_POSITION_TOLERANCE_KM (5 km) from its registered site
  | 'bad_confidence';         // confidence not a number in 0..100

/**
 * Version of the ingest rules (what a load accepts, rejects and how it encodes the store).
 * Part of the reads cache key: bump it whenever a rule or the store's encoding changes, so
 * that no cached load made under the old rules is used.
 */
export const INGEST_VERSION = 3;

/** All reason codes, in check order. */
export const REJECT_REASONS: readonly RejectReason[] = [
  'malformed_line', 'empty_vrm', 'vrm_too_long', 'bad_timestamp', 'nonexistent_local_time', 'future_timestamp',
  'beyond_retention', 'needs_authorisation', 'unknown_site', 'bad_coordinates', 'site_position_mismatch', 'bad_confidence',
];

/** What a load did with every row. Invariant: read = accepted + rejected + duplicates. */
export interface LoadSummary {
  /** The reads file. */
  file: string;
  /** Detected format of the reads file. */
  format: 'csv' | 'csv.gz' | 'parquet' | 'arrow';
  /** Data rows seen (blank lines are not rows). */
  read: number;
  /** Rows in the store. */
  accepted: number;
  /** Rows rejected, each with a reason (and written to the quarantine file if given). */
  rejected: number;
  /** Exact duplicates removed (same normalised VRM, site and time; the first is kept). */
  duplicates: number;
  /** Rejected rows per reason code (every code present, 0 when none). */
  reasons: Record<RejectReason, number>;
  /** Accepted reads per VRM format class. */
  formats: Record<VrmFormat, number>;
  /**
   * `ambiguous_local_time_first`: rows without an offset whose local time fell in the repeated
   * autumn hour, accepted as the first occurrence (BST, +01:00). Counted among rows that
   * passed validation, before exact-duplicate removal.
   */
  ambiguousLocalTimes: number;
  /** Distinct vehicles in the store. */
  vehicles: number;
  /** Sites in the store's site table. */
  sites: number;
  /** Sites created from coordinates on reads (not in the sites table). */
  sitesFromReads: number;
  /** Canonical column → the header it came from. */
  columns: Record<string, string>;
  /** Earliest and latest accepted read, ISO 8601 UTC (null when none). */
  firstRead: string | null;
  lastRead: string | null;
  /**
   * The data-age rule applied (when the load was given `now`): the limits and how many reads
   * each part excluded (also in `reasons` as beyond_retention / needs_authorisation); null when not applied.
   */
  dataAge: DataAgeRecord | null;
  /** Quarantine file written, if any. */
  quarantine: string | null;
  /** Wall-clock load time in ms. */
  elapsedMs: number;
  /** True when the store came from the reads cache (see cache/read-cache.ts). */
  fromCache: boolean;
}
