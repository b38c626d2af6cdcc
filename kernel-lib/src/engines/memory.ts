/** The in-memory engine: the whole store is the one batch of candidates (the plan keeps the ones that loop). */
import type { ReadStore } from '../reads/types';
import type { FinderContext } from '../method/county-lines/types';
import type { FinderSetup } from '../method/county-lines/setup';
import type { CountyLinesEngine, CoarseBatch, SyncCountyLinesEngine } from './engine';
import { keepLookalikes, restoreLookalikes } from './kept-lookalikes';
import { keepFeatures, restoreFeatures } from './kept-features';
import { hasDerived } from '../ingest/cache/derived';

/**
 * The one batch of a loaded store, with what is kept beside its cache entry, if any: its look-alike
 * groups (kept-lookalikes.ts) and, for a store that is the whole data, the search's features
 * (kept-features.ts), read back when kept and kept when computed.
 */
function* wholeStore(store: ReadStore, setup: FinderSetup, context?: FinderContext): Generator<CoarseBatch> {
  const look = setup.params.lookalikes;
  if (look.enabled) restoreLookalikes(store, look);
  const keeps = !context && hasDerived(store);
  const kept = keeps ? restoreFeatures(store, setup) : null;
  if (kept) yield { store, context, kept };
  else yield { store, context, keep: keeps ? (features) => { keepFeatures(store, setup, features); } : undefined };
  if (look.enabled) keepLookalikes(store, look); // computed by the search by now; written once
}

/**
 * The engine of a loaded store (`context`: the global figures when the store is part of the data).
 * @example runCountyLinesSync(memoryEngine(store), { hub, markets })
 */
export function memoryEngine(store: ReadStore, context?: FinderContext): SyncCountyLinesEngine<{ candidateReads: number }> {
  return {
    name: 'memory',
    candidates: (_window, setup) => wholeStore(store, setup, context),
    coarse: () => ({ candidateReads: store.n }),
  };
}

/**
 * The in-memory engine of a store loaded before the run (the CLI loads it first, so that a bad
 * reads file is reported before anything else).
 * @example await runCountyLines(loadedEngine(() => store), { hub, markets })
 */
export function loadedEngine(store: () => ReadStore): CountyLinesEngine<{ candidateReads: number }> {
  return {
    name: 'memory',
    candidates: (_window, setup) => wholeStore(store(), setup),
    coarse: () => ({ candidateReads: store().n }),
  };
}
