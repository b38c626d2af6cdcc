/** The in-memory engine: the whole store is the one batch of candidates (the plan keeps the ones that loop). */
import type { ReadStore } from '../reads/types';
import type { FinderContext } from '../method/county-lines/types';
import type { CountyLinesEngine, SyncCountyLinesEngine } from './engine';

/**
 * The engine of a loaded store (`context`: the global figures when the store is part of the data).
 * @example runCountyLinesSync(memoryEngine(store), { hub, markets })
 */
export function memoryEngine(store: ReadStore, context?: FinderContext): SyncCountyLinesEngine<{ candidateReads: number }> {
  return {
    name: 'memory',
    candidates: () => [{ store, context }],
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
    candidates: () => [{ store: store() }],
    coarse: () => ({ candidateReads: store().n }),
  };
}
