/**
 * Every user-facing message of kernel-lib, in one place (as vega-lite's log/message.ts).
 *
 * Messages are functions of their facts, so wording changes in one spot and tests can
 * assert on the same text the user sees. Keep sections in pipeline order.
 */

// ---- ingest -------------------------------------------------------------------------

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

/** show: called outside a notebook kernel. */
export const noKernelDisplay = () => 'show() found no running tslab kernel: the bundle is returned but not displayed.';

// ---- privacy / audit ----------------------------------------------------------------

// ---- cli ----------------------------------------------------------------------------
