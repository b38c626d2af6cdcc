/**
 * The one gate every library search passes (DPA 2018 s62): no session, no search; with a
 * session, one audit entry per search. Each public find/profile entry point wraps its body:
 *
 *   export function clones(store, options) {
 *     return consult('find clones', store, () => {
 *       ...the search...
 *     }, queryAudit);
 *   }
 *
 * The session is checked before any work. The entry is appended after the search and before
 * the result is returned (nothing is shown unlogged): kind, parameters (plates pseudonymised),
 * counts returned, the data-age rule the store was loaded under, and the SHA-256 of the
 * store's input files when it came from `loadReads`. A search that throws is not logged.
 *
 * Searches made inside another (profile's associates and clone flags, a result's map drawn
 * when displayed) are part of it and are not logged again; the CLI, which logs each run
 * itself with its place files and what it printed, runs its library calls the same way
 * (`withinConsultation`), so every CLI run is logged once.
 */
import { gate } from './gate';
import { storeDataAge, storeInputs } from './provenance';
import { currentSession } from './session';

/** What an audit entry records about one search's result. */
export interface ConsultationRecord {
  params: Record<string, unknown>;
  counts: { returned: number; [name: string]: number };
}

const KEY = Symbol.for('anpr.privacy.consultationDepth');
const g = globalThis as unknown as { [KEY]?: number };

/**
 * Run one search under the session: throws AuditError (what to supply) when no session is
 * set, else runs it and appends one audit entry. Inside another consultation it just runs.
 * @example consult('find clones', store, () => clonesOf(store), queryAudit)
 */
export function consult<T>(kind: string, store: object, run: () => T, describe: (result: T) => ConsultationRecord): T {
  if ((g[KEY] ?? 0) > 0) return run();
  return gate(currentSession(), kind, () => withinConsultation(run), (result) => {
    const { params, counts } = describe(result);
    return { params: { ...params, dataAge: storeDataAge(store) ?? 'not applied' }, counts, inputs: storeInputs(store) };
  });
}

/**
 * Run `body` as part of a consultation already logged (or about to be logged by the caller,
 * as the CLI does): the searches it makes are neither gated nor logged again.
 * @example withinConsultation(() => mapView(store, { vehicles: result.vrms() }))
 */
export function withinConsultation<T>(body: () => T): T {
  g[KEY] = (g[KEY] ?? 0) + 1;
  try {
    return body();
  } finally {
    g[KEY] = (g[KEY] ?? 1) - 1;
  }
}

/**
 * True while a consultation runs (a view that is a search only with named vehicles gates itself with it).
 * @example if (options.vehicles?.length && !consulting()) return consult('map view', store, () => mapView(store, options), describe);
 */
export function consulting(): boolean {
  return (g[KEY] ?? 0) > 0;
}

/**
 * The audit record of a query result (a `QueryResult`): its parameters and the rows returned.
 * @example consult('find a-then-b', store, () => run(), queryAudit)
 */
export function queryAudit(r: { params: Record<string, unknown>; rows: readonly unknown[] }): ConsultationRecord {
  return { params: r.params, counts: { returned: r.rows.length } };
}
