/**
 * @anpr/kernel-lib — ANPR Find & Profile analysis library.
 *
 * The import graph, bottom to top (a folder imports only its own layer and those below; checked
 * by tests/unit/import-graph.test.ts, which fails on any cycle or upward import):
 *
 *   index.ts      this file: the one export list (imported by nothing inside src)
 *   cli/          parse → verb → print (`anpr find|profile|ingest|synth|run|...`)
 *   notebook/     run manifest, recorded results
 *   score/        evaluation against ground truth, robustness
 *   profile/      one vehicle (trips, stays, base, tours, associates, county-lines score)
 *   find/         the public search verbs: each = audit gate (session passed in) + pure core + display
 *     │             county-lines.ts: findCountyLines / …DuckDB / …ClickHouse, classic queries (a-then-b, area, …)
 *   engines/      the county-lines coarse stages behind one contract (engine.ts: memory, duckdb, clickhouse)
 *     │             and the one runner (runner.ts: validation, params, areas, data-age window, batches, ranking)
 *   display/      MIME bundles for the map, profile and ranking views (withDisplay attaches them)
 *   method/       county-lines/, pure: params (one deep merge), setup, plan, features, score/, rank, relays, lines
 *   trips/        trips, stays (dwell bounds), places, bases, tours
 *   clickhouse/   ClickHouse client, SQL, ingest
 *   ingest/       CSV, CSV.gz, Parquet, Arrow → validated rows → ReadStore (nothing lost); cache/: the reads cache
 *   synth/        seeded synthetic UK scenarios with ground truth
 *   privacy/      pseudonyms, the audit log and its gate, session, data age, store provenance
 *   run/          the run registry (inputs read, results recorded)
 *   reads/        the columnar ReadStore (dictionary-encoded VRMs and sites, sorted by vehicle, time), look-alikes
 *   contract/     the MIME contract shared with the JupyterLab extension (dependency-free)
 *   core/         leaves: VRM, London time and parsing, haversine and areas, digest, deep merge, time bounds
 *   messages.ts   every user-facing message (imports nothing)
 *
 * The data's way through it, in order of thought: ingest → reads → trips → method (county-lines) /
 * find / profile → score → display.
 *
 * This file is the one export list of the package.
 */

// ---- core: London time (used by every stage) ------------------------------------------
export { HOUR_MS, DAY_MS, bstBoundsMs, londonOffsetMs, londonLocalMs, londonHour, londonDay, londonWeekday, londonOffsetSeconds, londonToUtc, formatLondonIso, londonHourWeekday } from './core/london-time';

// ---- contract -----------------------------------------------------------------------
export * from './contract';
export type { ReadStore, SiteTable, VrmFormat } from './reads/types';

// ---- ingest -------------------------------------------------------------------------
export { normaliseVrm, classifyVrm, VRM_FORMATS } from './core/vrm';
export { loadReads } from './ingest/load-reads';
export type { LoadReadsOptions } from './ingest/load-reads';
export { loadSites } from './ingest/load-sites';
export { clearCache, listCache } from './ingest/cache/read-cache';
export type { CacheOptions, CacheEntryInfo } from './ingest/cache/read-cache';
export { IngestError } from './ingest/ingest-error';
export { parseTimestamp, londonWallToUtc } from './core/london-parse';
export type { ParsedTime, TimeStatus } from './core/london-parse';
export { matchReadColumns, matchSiteColumns, READ_ALIASES, SITE_ALIASES } from './ingest/columns';
export type { ReadColumn, SiteColumn } from './ingest/columns';
export { detectFormat } from './ingest/detect-format';
export type { FileFormat } from './ingest/detect-format';
export { REJECT_REASONS } from './ingest/types';
export { UK_BOUNDS } from './ingest/read-accumulator';
export type { LoadSummary, RejectReason } from './ingest/types';

// ---- reads / store ------------------------------------------------------------------
export { buildStore } from './reads/build-store';
export type { ReadRow } from './reads/build-store';
export { sitesFromRows } from './reads/sites-from-rows';
export type { SiteRow } from './reads/sites-from-rows';
export { storeFromColumns } from './reads/store-from-columns';
export type { ReadColumns } from './reads/store-from-columns';
export { dropExactDuplicates } from './reads/drop-duplicates';
export { vehicleStore } from './reads/vehicle-store';

// ---- synth --------------------------------------------------------------------------
export { synthesize, DEFAULT_VEHICLES } from './synth/synthesize';
export type { SynthOptions, SynthResult, SynthProgress } from './synth/synthesize';
export { scenarios } from './synth/scenarios';
export type { ScenarioDef, TownRef } from './synth/scenarios';
export type { SynthTruth } from './synth/truth';
export type { VehicleClass } from './synth/behaviours/common';

// ---- trips / find / profile / score -------------------------------------------------
export { splitTrips, defaultSplitTripsOptions } from './trips/trips';
export type { Trips, SplitTripsOptions } from './trips/trips';
export { findStays, findOvernightStays, dwellBounds, spansOvernight, defaultStayOptions } from './trips/stays';
export type { Stays, StayOptions } from './trips/stays';
export { area, areasFromGeoJson, pointInArea, distanceToAreaKm, siteAreas } from './core/areas';
export type { Area, AreaInput, Ring, SiteAreasOptions } from './core/areas';
export { tripAreas } from './trips/trip-areas';
export type { TripAreas } from './trips/trip-areas';
export { sitePlaces } from './trips/places';
export type { Places, SitePlacesOptions } from './trips/places';
export { inferBases, defaultBaseOptions } from './trips/base';
export type { Bases, BaseOptions } from './trips/base';
export { findTours } from './trips/tours';
export type { Tours, TourOptions } from './trips/tours';
export { vehicleFeatures, defaultFeatureOptions } from './method/county-lines/features';
export { median, circularStdHours, clockWindowShare } from './core/stats';
export type { VehicleFeatures, FeatureContext, FeatureOptions, Loop } from './method/county-lines/features';
export { haversineKm, siteDistanceKm } from './core/haversine';
export { findLookalikes, mergeLookalikes, lookalikeKey, defaultLookalikeOptions } from './reads/lookalikes';
export type { LookalikeGroup, LookalikeOptions } from './reads/lookalikes';
export { scoreCountyLinesAdditive, defaultCountyLinesWeights, defaultCountyLinesShape, lazyScored } from './method/county-lines/score/additive';
export { scoreCountyLines, factualReasons } from './method/county-lines/score/logistic';
export type { ScorerModel } from './method/county-lines/score/logistic';
export { fittedCountyLinesModel } from './method/county-lines/score/model';
export { COUNTY_LINES_TERMS, TERM_GROUPS, termValues, termBasis, termRow, weightsFromRow } from './method/county-lines/score/terms';
export type { ScoreTerm } from './method/county-lines/score/terms';
export { fitLogistic } from './score/fit-logistic';
export { fitLogisticByGroup } from './score/fit-by-group';
export { readVariantSpec, variantScenario, evaluateScenario, minMedian } from './score/robustness';
export type { MethodVariant, VariantSpec, RobustnessRow } from './score/robustness';
export type { LogisticFit } from './score/fit-logistic';
export type { GroupedLogisticFit } from './score/fit-by-group';
export type { CountyLinesScorer, CountyLinesScoreParams, CountyLinesWeights, CountyLinesShape, ScorePart, Scored } from './method/county-lines/score/additive';
export { findCountyLines, defaultCountyLinesParams, rankCountyLines } from './find/county-lines';
export { findCountyLinesDuckDB, findCountyLinesClickHouse } from './find/county-lines';
export type { FindCountyLinesDuckDBOptions, DuckDBFindResult, FindCountyLinesClickHouseOptions, ClickHouseFindResult } from './find/county-lines';
export { parquetSource } from './engines/duckdb';
export { ingestClickHouse } from './clickhouse/ingest';
export type { IngestClickHouseOptions } from './clickhouse/ingest';
export { clickhouseTarget } from './clickhouse/target';
export type { ClickHouseTarget } from './clickhouse/target';
export { linkPlateRelays, defaultPlateRelayOptions, relaySimilarity, relayChains } from './method/county-lines/relays';
export { fillLoopCrowd } from './method/county-lines/loop-crowd';
export { suspectedLines, defaultLineOptions, handOverCandidates } from './method/county-lines/suspected-lines';
export { HANDOVER_TERMS, HANDOVER_TERM_TEXT, handOverTerms, handOverLogOdds, handOverReasons, marketFocus, sameLastStop, stopSiteOverlap } from './method/county-lines/hand-over';
export { fittedHandOverModel } from './method/county-lines/line-model';
export { maxWeightMatching } from './method/county-lines/line-matching';
export type { LineOptions, SuspectedLine, HandOver, HandOverCandidate } from './method/county-lines/suspected-lines';
export type { HandOverModel, HandOverTerm } from './method/county-lines/hand-over';
export type { PlateRelay, PlateRelayOptions } from './method/county-lines/relays';
export type {
  CountyLinesParams, CountyLinesParamsInput, CountyLinesCandidate, CountyLinesResult, FindCountyLinesOptions, FinderContext, RankContext, DiscoverMarketsParams,
} from './find/county-lines';
export { QueryResult, placeMask, toMs } from './find/result';
export type { Place, TimeInput, ResultColumn } from './find/result';
export { siteIndex, siteRange } from './find/site-index';
export type { SiteIndex } from './find/site-index';
export { plateHistory } from './find/plate-history';
export type { PlateHistoryRow, PlateHistoryOptions } from './find/plate-history';
export { areaSearch } from './find/area-search';
export type { AreaSearchRow, AreaSearchOptions } from './find/area-search';
export { aThenB } from './find/a-then-b';
export type { AThenBRow, AThenBOptions } from './find/a-then-b';
export { commonToEvents } from './find/common-to-events';
export type { QueryEvent, CommonToEventsRow, CommonToEventsOptions } from './find/common-to-events';
export { frequency } from './find/frequency';
export type { FrequencyRow, FrequencyOptions } from './find/frequency';
export { convoy, poissonTail, defaultConvoyOptions } from './find/convoy';
export type { ConvoyRow, ConvoyOptions } from './find/convoy';
export { clones, defaultClonesOptions } from './find/clones';
export type { CloneRow, ClonesOptions } from './find/clones';
export { profile, VehicleProfile } from './profile/profile';
export type { ProfileOptions, ProfileRead, ProfileTour, ProfileCountyLines } from './profile/profile';
export { averagePrecision, precisionAtK, recallAtK, decoysInTop, evaluateRanking, linePairScores } from './score/evaluate';

// ---- display ------------------------------------------------------------------------
export { MIMEBUNDLE, isDisplayable } from './display/bundle';
export type { MimeBundle, Displayable } from './display/bundle';
export { show } from './display/show';
export { progressBar } from './display/progress';
export type { Progress, ProgressOptions } from './display/progress';
export { mapView, MapView } from './display/map-view';
export type { MapViewOptions } from './display/map-view';
export { mapSvg } from './display/map-svg';
export type { MapSvgOptions } from './display/map-svg';
export { profileView, ProfileView } from './display/profile-view';
export { lineProfileView } from './display/line-view';
export type { ProfileViewOptions } from './display/profile-view';
export { escapeHtml, htmlTable } from './display/html';
export { vegaLite, vegaLiteSvg, VegaLiteView, VEGALITE_MIME } from './display/vega-lite';
export { rankingView, RankingView } from './display/ranking-view';
export type { RankingViewOptions } from './display/ranking-view';

// ---- reproducible runs (manifest, results digest; `anpr run`) ------------------------
export { canonicalJson, canonicalValue, sha256Hex, resultsDigest } from './core/digest';
export { recordInput, readJson, resetRun } from './run/registry';
export { fileSha256 } from './core/digest';
export { recordResults, RESULTS_MIME, RecordedResult } from './notebook/record-results';
export type { RecordedInput } from './run/registry';
export { runManifest, RunManifest, buildManifest, manifestFromNotebook, runVersions, MANIFEST_MIME } from './notebook/manifest';
export type { RunManifestData, ManifestInput, ManifestVersions, ExecutedRun } from './notebook/manifest';

// ---- privacy ------------------------------------------------------------------------
export { pseudonym, keyFilePath } from './privacy/pseudonym';
export { redactPlates, candidateReasons } from './privacy/redact';
export { appendAudit, readAudit, verifyAudit, auditLogPath, auditParams, auditEntryHash, auditLink, AuditError, AUDIT_GENESIS } from './privacy/audit';
export type { AuditEntry, AuditEntryInput, AuditInput, AuditProblem, AuditVerification } from './privacy/audit';
export { session, currentSession, endSession, auditConsultation } from './privacy/session';
export type { AuditSession } from './privacy/session';
export { dataAgeLimits, daysBefore, ACCESS_DAYS, RETENTION_DAYS } from './privacy/data-age';
export type { DataAgeOptions, DataAgeLimits } from './privacy/data-age';
export { storeDataAge, storeInputs } from './privacy/provenance';
export type { DataAgeRecord } from './privacy/provenance';
export { toCsv, csvCell } from './privacy/csv-export';
export type { CsvSource } from './privacy/csv-export';
