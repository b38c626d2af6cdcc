/**
 * @anpr/kernel-lib — ANPR Find & Profile analysis library.
 *
 * The pipeline, one folder per stage, in order of thought:
 *
 *   ingest/   CSV, CSV.gz, Parquet, Arrow -> validated rows (nothing lost: read = accepted + rejected + duplicates)
 *     |
 *   reads/    columnar ReadStore: dictionary-encoded VRMs and sites, sorted by (vehicle, time)
 *     |
 *   trips/    trips, stays (dwell bounds), areas, base, tours, per-vehicle features
 *     |
 *   find/     county-lines finder and the classic ANPR queries      profile/  one vehicle
 *     |                                                                |
 *   score/    transparent scores with reasons; evaluation against ground truth
 *     |
 *   display/  MIME bundles for the map and profile widgets (contract/ is the shared, dependency-free contract)
 *
 * synth/ makes seeded synthetic UK scenarios with ground truth; privacy/ pseudonymises plates.
 *
 * This file is the one export list of the package.
 */

// ---- contract -----------------------------------------------------------------------
export * from './contract';
export type { ReadStore, SiteTable, VrmFormat } from './reads/types';

// ---- ingest -------------------------------------------------------------------------
export { normaliseVrm, classifyVrm, VRM_FORMATS } from './ingest/vrm';

// ---- reads / store ------------------------------------------------------------------
export { buildStore } from './reads/build-store';
export type { ReadRow } from './reads/build-store';
export { sitesFromRows } from './reads/sites-from-rows';
export type { SiteRow } from './reads/sites-from-rows';
export { storeFromColumns } from './reads/store-from-columns';
export type { ReadColumns } from './reads/store-from-columns';

// ---- synth --------------------------------------------------------------------------

// ---- trips / find / profile / score -------------------------------------------------

// ---- display ------------------------------------------------------------------------
export { MIMEBUNDLE, isDisplayable } from './display/bundle';
export type { MimeBundle, Displayable } from './display/bundle';
export { show } from './display/show';
export { mapView, MapView } from './display/map-view';
export type { MapViewOptions, AreaLike } from './display/map-view';
export { profileView, ProfileView } from './display/profile-view';
export type { ProfileViewOptions } from './display/profile-view';
export { escapeHtml, htmlTable } from './display/html';

// ---- privacy ------------------------------------------------------------------------
export { pseudonym, keyFilePath } from './privacy/pseudonym';
