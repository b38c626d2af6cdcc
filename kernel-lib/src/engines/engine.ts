/**
 * The one contract of a county-lines engine: the coarse stage. An engine finds, in the window,
 * the stores of candidate vehicles (all the data in memory; the looping look-alike keys' reads
 * from DuckDB or ClickHouse) with the data's global figures; the runner (runner.ts) does the rest
 * the same way for every engine: validation, areas, data-age window, per-batch features, ranking.
 */
import type { ReadStore } from '../reads/types';
import type { FinderSetup } from '../method/county-lines/setup';
import type { FinderContext } from '../method/county-lines/types';
import type { StoreFeatures } from '../method/county-lines/store-features';

/** The window an engine searches (epoch ms; undefined = open). `accessFrom`: the data-age limit, when one applies. */
export interface FinderWindow { from?: number; to?: number; accessFrom?: number }

/** A batch's features, packed, with the figures the ranking needs (what kept-features.ts keeps). */
export type KeptFeatures = StoreFeatures;

/**
 * Candidates of one batch: a store, and the global figures when it holds only part of the data.
 * An engine whose one batch is the whole data may give its features already computed (`kept`),
 * or ask to be given them once computed, before the ranking (`keep`).
 */
export interface CoarseBatch { store: ReadStore; context?: FinderContext; kept?: KeptFeatures; keep?: (features: KeptFeatures) => void }

/** An engine: its coarse stage, and what that stage did. */
export interface CountyLinesEngine<Coarse = unknown> {
  /** The engine's name in messages ('memory', 'DuckDB', 'ClickHouse'). */
  readonly name: string;
  /** The message when markets are not given, for an engine that cannot discover them. */
  readonly needsMarkets?: () => string;
  /** The candidate stores, batch by batch (synchronous for the in-memory engine). */
  candidates(window: FinderWindow, setup: FinderSetup): Iterable<CoarseBatch> | AsyncIterable<CoarseBatch>;
  /** What the coarse stage did, read after the ranking. */
  coarse(): Coarse;
}

/** An engine whose candidates come synchronously (the in-memory one). */
export interface SyncCountyLinesEngine<Coarse = unknown> extends CountyLinesEngine<Coarse> {
  candidates(window: FinderWindow, setup: FinderSetup): Iterable<CoarseBatch>;
}
