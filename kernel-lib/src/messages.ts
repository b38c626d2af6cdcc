/**
 * Every user-facing message of kernel-lib, in one place (as vega-lite's log/message.ts).
 *
 * Messages are functions of their facts, so wording changes in one spot and tests can
 * assert on the same text the user sees. Keep sections in pipeline order.
 */

// ---- ingest -------------------------------------------------------------------------

/** Fatal: the file does not exist or cannot be opened. */
export const fileNotReadable = (file: string, detail: string) =>
  `Cannot read ${file}: ${detail}.`;

/** Fatal: the file has no content (or only blank lines). */
export const emptyFile = (file: string) =>
  `${file} is empty: expected a header line and reads (CSV), or a Parquet/Arrow file.`;

/** Fatal: binary content that is not gzip, Parquet or Arrow. */
export const binaryFile = (file: string, offset: number) =>
  `${file} looks binary (a NUL byte at offset ${offset}) and is not gzip, Parquet or Arrow IPC; expected reads as CSV, CSV.gz, Parquet or Arrow.`;

/** Fatal: the header is one field holding another delimiter. */
export const wrongDelimiter = (file: string, delimiter: string) =>
  `${file} line 1: the header has no commas but contains ${JSON.stringify(delimiter)}; reads must be comma-separated CSV. Re-export with commas.`;

/** Fatal: a required column is missing. */
export const missingColumn = (file: string, field: string, aliases: readonly string[], found: readonly string[]) =>
  `${file} line 1: required column "${field}" not found (accepted names: ${aliases.join(', ')}). Columns found: ${found.length ? found.map((f) => JSON.stringify(f)).join(', ') : '(none)'}.`;

/** Fatal: neither a site id column nor coordinates. */
export const missingSiteColumns = (file: string, found: readonly string[]) =>
  `${file} line 1: reads need a site column (site_id, Camera, Site, Camera ID, Location ID) or both lat and lon. Columns found: ${found.map((f) => JSON.stringify(f)).join(', ')}.`;

/** Fatal: a column of a typed file (Parquet/Arrow) has a type we cannot read. */
export const unsupportedColumnType = (file: string, field: string, type: string) =>
  `${file}: column "${field}" has type ${type}, which cannot be read as that field.`;

/** Fatal: DuckDB or the Arrow reader failed on the file. */
export const unreadableFile = (file: string, format: string, detail: string) =>
  `${file} could not be read as ${format}: ${detail}`;

/** Fatal: a sites file row has a site id already seen. */
export const duplicateSiteInFile = (file: string, line: number, siteId: string, firstLine: number) =>
  `${file} line ${line}: site id "${siteId}" repeats line ${firstLine}; site ids must be unique.`;

/** Fatal: a sites file row has no site id. */
export const emptySiteInFile = (file: string, line: number) =>
  `${file} line ${line}: empty site_id.`;

/** Internal check: the load lost or invented rows. */
export const countInvariantBroken = (file: string, read: number, accepted: number, rejected: number, duplicates: number) =>
  `Internal error loading ${file}: read ${read} != accepted ${accepted} + rejected ${rejected} + duplicates ${duplicates}. Please report this.`;

/** Human-readable load summary lines (CLI and notebook). */
export const loadSummaryText = (s: {
  file: string; format: string; read: number; accepted: number; rejected: number; duplicates: number;
  reasons: Record<string, number>; formats: Record<string, number>; ambiguousLocalTimes: number;
  vehicles: number; sites: number; sitesFromReads: number; firstRead: string | null; lastRead: string | null;
  quarantine: string | null; elapsedMs: number;
}) => {
  const lines = [
    `${s.file} (${s.format}): ${s.read} rows read, ${s.accepted} accepted, ${s.rejected} rejected, ${s.duplicates} exact duplicates removed.`,
  ];
  const reasons = Object.entries(s.reasons).filter(([, n]) => n > 0);
  if (reasons.length) lines.push('rejected by reason: ' + reasons.map(([k, n]) => `${k} ${n}`).join(', '));
  if (s.ambiguousLocalTimes) lines.push(`ambiguous_local_time_first: ${s.ambiguousLocalTimes} local times in the repeated autumn hour were taken as the first (BST) occurrence.`);
  lines.push(`${s.vehicles} vehicles, ${s.sites} sites${s.sitesFromReads ? ` (${s.sitesFromReads} made from read coordinates)` : ''}.`);
  lines.push('VRM formats: ' + Object.entries(s.formats).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(', '));
  if (s.firstRead) lines.push(`reads from ${s.firstRead} to ${s.lastRead}.`);
  if (s.quarantine) lines.push(`rejected rows written to ${s.quarantine}.`);
  lines.push(`loaded in ${(s.elapsedMs / 1000).toFixed(2)} s.`);
  return lines.join('\n');
};

// ---- reads / store ------------------------------------------------------------------

/** buildStore: a read names a site id that the site table does not hold. */
export const unknownSiteInStore = (siteId: string, row: number) =>
  `Read ${row} names site "${siteId}", which is not in the site table. Add the site to the sites table or drop the read.`;

/** buildStore: a read has no usable VRM. */
export const emptyVrmInStore = (raw: string, row: number) =>
  `Read ${row} has VRM ${JSON.stringify(raw)}, which is empty after normalisation (upper case, letters and digits only).`;

/** buildStore: a read time is not a finite epoch-ms number. */
export const badTimeInStore = (time: unknown, row: number) =>
  `Read ${row} has time ${String(time)}; expected epoch milliseconds UTC (a finite number).`;

/** buildStore: a confidence is outside 0..100. */
export const badConfidenceInStore = (confidence: unknown, row: number) =>
  `Read ${row} has confidence ${String(confidence)}; expected a number from 0 to 100, or leave it out.`;

/** storeFromColumns: column lengths differ. */
export const columnLengthMismatch = (column: string, expected: number, actual: number) =>
  `Column "${column}" has ${actual} values; expected ${expected} (one per read).`;

/** sitesFromRows: two rows share a site id. */
export const duplicateSiteId = (siteId: string, row: number, firstRow: number) =>
  `Site row ${row} repeats site id "${siteId}" (first seen in row ${firstRow}); site ids must be unique.`;

/** sitesFromRows: a site has no id. */
export const emptySiteId = (row: number) => `Site row ${row} has an empty site_id; every site needs one.`;

/** sitesFromRows: coordinates are not finite numbers. */
export const badSiteCoordinates = (siteId: string, lat: unknown, lon: unknown) =>
  `Site "${siteId}" has lat=${String(lat)}, lon=${String(lon)}; expected finite decimal degrees.`;

// ---- synth --------------------------------------------------------------------------

// ---- trips / find / profile / score -------------------------------------------------

// ---- display ------------------------------------------------------------------------

/** show: the value has no rich representation. */
export const notDisplayable = (x: unknown) =>
  `show() needs a map, profile or other displayable result; got ${x === null ? 'null' : typeof x}. Use mapView(...) or profileView(...) to make one.`;

/** profileView: the VRM is not in the store. */
export const vehicleNotFound = (vrm: string) =>
  `No reads for VRM "${vrm}" in this store. Check the plate (it is normalised: upper case, no spaces) or the period loaded.`;

// ---- privacy / audit ----------------------------------------------------------------

// ---- cli ----------------------------------------------------------------------------
