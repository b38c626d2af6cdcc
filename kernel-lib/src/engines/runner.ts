/**
 * The one runner of the county-lines finder, for every engine (engine.ts):
 *
 *   options ─ finderSetup (validation, params merged once, hub and markets as Areas, from/to)
 *           ─ data-age window (`now`, `authorisation`)
 *           ─ engine.candidates(window, setup): batch by batch ─ storeFeatures (per batch)
 *           ─ packed (feature-rows.ts) ─ rankRows over every batch's rows (relays linked across batches)
 *
 * Pure of audit and display: the public verbs (find/county-lines.ts) gate and display it.
 */
import { dataAgeLimits } from '../privacy/data-age';
import { finderSetup, type FinderSetup } from '../method/county-lines/setup';
import { rankRows } from '../method/county-lines/rank';
import { FeatureRows } from '../method/county-lines/feature-rows';
import { storeFeatures } from '../method/county-lines/store-features';
import * as msg from '../messages';
import { LookalikeList } from './lookalike-list';
import type { CountyLinesRanking, FindCountyLinesOptions } from '../method/county-lines/types';
import type { CoarseBatch, CountyLinesEngine, FinderWindow, KeptFeatures, SyncCountyLinesEngine } from './engine';

/** The runner's options: the finder's, plus the data-age rule the engine applies to what it reads. */
export interface RunnerOptions extends FindCountyLinesOptions {
  /** Access by data age, as in `loadReads` (engines reading files or a database). */
  now?: number | Date | string;
  authorisation?: string;
}

interface Run { setup: FinderSetup; window: FinderWindow; t0: number; rows: FeatureRows; lookalikes: LookalikeList; mergedPlates: number; first: KeptFeatures | null; last: KeptFeatures | null }

function begin(engine: CountyLinesEngine, options: RunnerOptions): Run {
  const setup = finderSetup(options);
  if (engine.needsMarkets && options.markets === undefined) throw new TypeError(engine.needsMarkets());
  const window: FinderWindow = { from: setup.from, to: setup.to };
  if (options.now !== undefined) window.accessFrom = dataAgeLimits({ now: options.now, authorisation: options.authorisation }).accessFrom;
  return { setup, window, t0: Date.now(), rows: new FeatureRows(), lookalikes: new LookalikeList(), mergedPlates: 0, first: null, last: null };
}

function add(run: Run, batch: CoarseBatch): void {
  let kept: KeptFeatures;
  if (batch.kept) {
    if (run.rows.n > 0) throw new Error(msg.keptFeaturesNotAlone());
    kept = batch.kept;
    run.rows = kept.rows;
  } else {
    const first = run.rows.n === 0;
    kept = storeFeatures(batch.store, run.setup, batch.context, run.rows); // packed into the run's rows
    if (batch.keep && first) batch.keep(kept); // before the ranking fills relays and crowds
  }
  for (const g of kept.lookalikes) run.lookalikes.add(g);
  run.mergedPlates += kept.mergedPlates;
  run.first ??= kept;
  run.last = kept;
}

function end(run: Run, plateName?: (vrm: string) => string): CountyLinesRanking {
  // No batch (an engine that found no candidates): the markets as given, no reads.
  const first = run.first, last = run.last;
  const markets = first ? first.markets : run.setup.markets.map((m) => ({ name: m.name, discovered: false }));
  const lookalikes = run.lookalikes;
  return rankRows(run.rows, {
    hub: run.setup.hub.name, markets, params: run.setup.params, lookalikes: () => lookalikes.toArray(), // objects when first read
    firstTime: last ? last.firstTime : Infinity, lastTime: last ? last.lastTime : -Infinity,
    counts: { reads: last ? last.reads : 0, vehicles: last ? last.vehicles : 0, mergedPlates: run.mergedPlates }, t0: run.t0, plateName,
  });
}

/**
 * Run the finder on an engine whose candidates come synchronously (the in-memory one).
 * @example runCountyLinesSync(memoryEngine(store), { hub, markets }).candidates[0].vrm
 */
export function runCountyLinesSync(engine: SyncCountyLinesEngine, options: RunnerOptions, plateName?: (vrm: string) => string): CountyLinesRanking {
  const run = begin(engine, options);
  for (const batch of engine.candidates(run.window, run.setup)) add(run, batch);
  return end(run, plateName);
}

/**
 * Run the finder on any engine.
 * @example const ranking = await runCountyLines(duckdbEngine({ reads: 'reads/', sites: 'sites.csv' }), { hub, markets });
 */
export async function runCountyLines(engine: CountyLinesEngine, options: RunnerOptions, plateName?: (vrm: string) => string): Promise<CountyLinesRanking> {
  const run = begin(engine, options);
  for await (const batch of engine.candidates(run.window, run.setup)) add(run, batch);
  return end(run, plateName);
}
