/**
 * Load a reads file into a ReadStore, accounting for every row.
 *
 *   detectFormat ─► CSV / CSV.gz: csv-scanner (exact lines)  ┐
 *                   Parquet: DuckDB chunks                   ├► ReadAccumulator (validate each row,
 *                   Arrow IPC: flechette                     ┘   reject with a reason + quarantine)
 *   ─► storeFromColumns (dictionary-encode, sort) ─► dropExactDuplicates ─► LoadSummary
 *   (typed Parquet with a sites table: DuckDB encodes, sorts and de-duplicates in SQL and the
 *   sorted columns become the store directly; see parquet-sql-pass.ts)
 */
import * as msg from '../messages';
import { dropExactDuplicates } from '../reads/drop-duplicates';
import { storeFromColumnsInParallel } from '../reads/store-in-parallel';
import type { ReadStore, SiteTable, VrmFormat } from '../reads/types';
import { detectFormat } from './detect-format';
import { IngestError } from './ingest-error';
import { loadSites } from './load-sites';
import { dataAgeLimits, type DataAgeLimits } from '../privacy/data-age';
import { noteStoreSource, type DataAgeRecord } from '../privacy/provenance';
import { recordInput } from '../run/registry';
import { QuarantineWriter } from './quarantine';
import { ReadAccumulator } from './read-accumulator';
import { readCsvReads } from './read-csv-reads';
import { readArrowReads } from './read-arrow-reads';
import { readParquetReads } from './read-parquet-reads';
import type { SortedReads } from './parquet-sql-pass';
import { REJECT_REASONS, type LoadSummary, type RejectReason } from './types';
import { classifyVrm, VRM_FORMATS } from '../core/vrm';
import { openLoadCache } from './cache/load-cache';
import type { CacheOptions } from './cache/read-cache';

/** Options of `loadReads`. */
export interface LoadReadsOptions {
  /** Reads file: CSV, CSV.gz, Parquet or Arrow IPC. */
  reads: string;
  /** Sites file (any of the same formats), or an already loaded SiteTable. */
  sites?: string | SiteTable;
  /** Write rejected rows here (CSV: line, reason, then the row verbatim). */
  quarantine?: string;
  /** Reject reads later than this instant (epoch ms or Date) as `future_timestamp`. */
  notAfter?: number | Date;
  /**
   * Access by data age: measure read ages from this instant (epoch ms, Date or ISO 8601).
   * Reads older than 365 days are rejected as `beyond_retention`; older than 90 days as
   * `needs_authorisation` unless `authorisation` is given (see privacy/data-age.ts). Off when omitted.
   */
  now?: number | Date | string;
  /** Authorisation reference for reads 90–365 days old (with `now`); logged with every search of the store. */
  authorisation?: string;
  /** Called as the file is read: fraction of the file done (0..1) and reads accepted so far. */
  onProgress?: (fraction: number, readsSoFar: number) => void;
  /**
   * The reads cache (on by default): the same load again — same bytes in the reads and
   * sites files, same ingest rules, same `notAfter` / `now` / `authorisation` — comes from a
   * local columnar copy instead of parsing the file. `false` bypasses it (nothing read or
   * written); an object sets its folder and the smallest file cached. See cache/read-cache.ts.
   */
  cache?: boolean | CacheOptions;
}

/**
 * Load and validate reads. Every data row is accepted, rejected with a reason code (and its
 * line number, in the quarantine file when one is given), or removed as an exact duplicate;
 * `read = accepted + rejected + duplicates` is checked before returning.
 *
 * Row rules: VRMs are normalised (`normaliseVrm`) and classified (`classifyVrm`, counted in
 * `summary.formats`; unusual formats are kept). Timestamps follow `parseTimestamp`
 * (Europe/London for local times: spring-gap times rejected as `nonexistent_local_time`,
 * repeated autumn hour taken as the first occurrence and counted in `ambiguousLocalTimes`).
 * The site comes from the sites table by id; a read whose site is not in the table but
 * which carries lat/lon creates a site at those coordinates (first read wins). Coordinates
 * must lie in the UK box. Confidence, when given, must be 0..100. With `now`, reads older
 * than 365 days (`beyond_retention`) and, without `authorisation`, older than 90 days
 * (`needs_authorisation`) are rejected and counted in `summary.dataAge`.
 * Fatal problems (unreadable, empty, binary, wrong delimiter, missing required column)
 * throw `IngestError` naming file, line and field.
 *
 * @example
 * const { store, summary } = await loadReads({
 *   reads: 'reads.csv.gz', sites: 'sites.csv', quarantine: 'rejected.csv',
 *   onProgress: (f, n) => console.log(`${Math.round(f * 100)}% ${n} reads`),
 * });
 * summary.read === summary.accepted + summary.rejected + summary.duplicates // true
 */
export async function loadReads(options: LoadReadsOptions): Promise<{ store: ReadStore; summary: LoadSummary }> {
  const t0 = Date.now();
  const file = options.reads;
  const format = detectFormat(file);
  recordInput(file); // for the run manifest (hashed only when a manifest is made)
  const notAfter = options.notAfter instanceof Date ? options.notAfter.getTime() : options.notAfter;
  const age = options.now === undefined ? null : dataAgeLimits({ now: options.now, authorisation: options.authorisation });
  const onProgress = options.onProgress ?? (() => undefined);
  const sourceFiles = typeof options.sites === 'string' ? [file, options.sites] : [file];
  const cache = await openLoadCache(options.cache, {
    reads: file, sites: options.sites ?? null, format, notAfter: notAfter ?? null, now: age?.now ?? null,
    authorisation: age?.authorisation ?? null, quarantine: options.quarantine ?? null,
  });
  if (cache.hit) {
    const { store, summary, inputs } = cache.hit;
    if (typeof options.sites === 'string') recordInput(options.sites);
    summary.elapsedMs = Date.now() - t0;
    noteStoreSource(store, sourceFiles, summary.dataAge, inputs);
    onProgress(1, store.n);
    return { store, summary };
  }
  const sites = typeof options.sites === 'string' ? await loadSites(options.sites) : options.sites ?? null;
  const acc = new ReadAccumulator({ sites, notAfter, retainFrom: age?.retainFrom, accessFrom: age?.accessFrom, shared: true });
  let q: QuarantineWriter | null = null;
  if (options.quarantine) {
    try { q = new QuarantineWriter(options.quarantine); } catch (e) {
      throw new IngestError(msg.fileNotWritable(options.quarantine, (e as Error).message), options.quarantine, 0, 'quarantine');
    }
  }
  let read: number, columns: Record<string, string>, presorted: SortedReads | undefined;
  try {
    const r = format === 'parquet' ? await readParquetReads(file, acc, q, onProgress)
      : format === 'arrow' ? await readArrowReads(file, acc, q, onProgress)
      : await readCsvReads(file, format === 'csv.gz', acc, q, onProgress);
    read = r.read; columns = r.columns; presorted = (r as { sorted?: SortedReads }).sorted;
  } finally {
    q?.close();
  }
  const { columns: cols, sites: siteTable } = acc.finish();
  const { store, removed } = presorted ? storeFromSorted(presorted, siteTable) : dropExactDuplicates(await storeFromColumnsInParallel(cols, siteTable), { inPlace: true });
  const summary = summarise(file, format, read, acc, store, removed, columns, q?.path ?? null, t0, age);
  const inputs = await cache.save(store, summary);
  noteStoreSource(store, sourceFiles, summary.dataAge, inputs);
  onProgress(1, store.n);
  return { store, summary };
}

/** A store from reads the Parquet SQL path already sorted and de-duplicated. */
function storeFromSorted(r: SortedReads, sites: SiteTable): { store: ReadStore; removed: number } {
  const { vrms, vehicle, time, site, confidence, vehicleStart, duplicates } = r;
  return { store: { n: vehicle.length, vehicle, time, site, confidence, vrms, vehicleStart, sites }, removed: duplicates };
}

function summarise(file: string, format: LoadSummary['format'], read: number, acc: ReadAccumulator, store: ReadStore,
  duplicates: number, columns: Record<string, string>, quarantine: string | null, t0: number, age: DataAgeLimits | null): LoadSummary {
  const reasons = Object.fromEntries(REJECT_REASONS.map((r) => [r, acc.reasons.get(r) ?? 0])) as Record<RejectReason, number>;
  const rejected = REJECT_REASONS.reduce((s, r) => s + reasons[r], 0);
  const formats = Object.fromEntries(VRM_FORMATS.map((f) => [f, 0])) as Record<VrmFormat, number>;
  for (let v = 0; v < store.vrms.length; v++) formats[classifyVrm(store.vrms[v])] += store.vehicleStart[v + 1] - store.vehicleStart[v];
  if (read !== store.n + rejected + duplicates)
    throw new IngestError(msg.countInvariantBroken(file, read, store.n, rejected, duplicates), file);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < store.n; i++) { const t = store.time[i]; if (t < lo) lo = t; if (t > hi) hi = t; }
  return {
    file, format, read, accepted: store.n, rejected, duplicates, reasons, formats,
    ambiguousLocalTimes: acc.ambiguous, vehicles: store.vrms.length, sites: store.sites.id.length,
    sitesFromReads: acc.sitesFromReads, columns,
    firstRead: store.n ? new Date(lo).toISOString() : null, lastRead: store.n ? new Date(hi).toISOString() : null,
    dataAge: age && dataAgeRecord(age, reasons), quarantine, elapsedMs: Date.now() - t0, fromCache: false,
  };
}

function dataAgeRecord(age: DataAgeLimits, reasons: Record<RejectReason, number>): DataAgeRecord {
  return {
    now: new Date(age.now).toISOString(), authorisation: age.authorisation, accessFrom: new Date(age.accessFrom).toISOString(),
    needsAuthorisation: reasons.needs_authorisation, beyondRetention: reasons.beyond_retention,
  };
}
