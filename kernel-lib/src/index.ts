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

// ---- reads / store ------------------------------------------------------------------

// ---- synth --------------------------------------------------------------------------

// ---- trips / find / profile / score -------------------------------------------------

// ---- display ------------------------------------------------------------------------

// ---- privacy ------------------------------------------------------------------------
