/** The in-memory engine: the whole store is the one batch of candidates (the plan keeps the ones that loop). */
import type { ReadStore } from '../reads/types';
import type { FinderContext } from '../method/county-lines/types';
import type { FinderSetup } from '../method/county-lines/setup';
import type { CountyLinesEngine, CoarseBatch, SyncCountyLinesEngine } from './engine';
import { keepLookalikes, restoreLookalikes } from './kept-lookalikes';

/** The one batch of a loaded store, with its look-alike groups kept beside its cache entry, if any (kept-lookalikes.ts). */
function* wholeStore(store: ReadStore, setup: FinderSetup, context?: FinderContext): Generator<CoarseBatch> {
  const look = setup.params.lookalikes;
  if (look.enabled) restoreLookalikes(store, look);
  yield { store, context };
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
