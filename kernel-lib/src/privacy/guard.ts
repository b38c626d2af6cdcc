/**
 * The edge of every library search (DPA 2018 s62): a public verb takes the session set by
 * `session()` here, once, and hands it to the gate (gate.ts): no session, no search; with one,
 * one audit entry per search. Each public find/profile verb wraps its ungated core once:
 *
 *   export function clones(store, options) {
 *     return consult('find clones', store, () => clonesQuery(store, options), queryAudit);
 *   }
 *
 * The entry records kind, parameters (plates pseudonymised), counts returned, the data-age rule
 * the store was loaded under, and the SHA-256 of the store's input files when it came from
 * `loadReads`. A search that throws is not logged.
 *
 * Searches made inside another (profile's associates and clone flags, a result's map drawn
 * when displayed) call the ungated cores (`clonesQuery`, `mapViewOf`, …), so they are part of
 * the one entry; the CLI gates each run itself with its own session and record (cli/run-record.ts).
 */
import { gate } from './gate';
import { storeDataAge, storeInputs } from './provenance';
import { currentSession } from './session';

/** What an audit entry records about one search's result. */
export interface ConsultationRecord {
  params: Record<string, unknown>;
  counts: { returned: number; [name: string]: number };
}

/**
 * Run one search under the session: throws AuditError (what to supply) when no session is
 * set, else runs it and appends one audit entry (with the store's data-age rule and input files).
 * @example consult('find clones', store, () => clonesQuery(store, options), queryAudit)
 */
export function consult<T>(kind: string, store: object, run: () => T, describe: (result: T) => ConsultationRecord): T {
  return gate(currentSession(), kind, run, (result) => {
    const { params, counts } = describe(result);
    return { params: { ...params, dataAge: storeDataAge(store) ?? 'not applied' }, counts, inputs: storeInputs(store) };
  });
}

/**
 * The audit record of a query result (a `QueryResult`): its parameters and the rows returned.
 * @example consult('find a-then-b', store, () => run(), queryAudit)
 */
export function queryAudit(r: { params: Record<string, unknown>; rows: readonly unknown[] }): ConsultationRecord {
  return { params: r.params, counts: { returned: r.rows.length } };
}
