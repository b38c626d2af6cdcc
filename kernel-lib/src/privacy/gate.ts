/**
 * The audit gate (DPA 2018 s62) with the session passed in: no session, no search; with one,
 * the search runs and then exactly one entry is appended, before the result is returned
 * (nothing is shown unlogged). A search that throws is not logged. The gate reads no global:
 * the public verbs take the session at the edge (the notebook's `session()`, or the CLI's
 * --operator/--purpose) and hand it here, once per verb.
 */
import * as msg from '../messages';
import { appendAudit, AuditError, type AuditEntry, type AuditInput } from './audit';

/** Who searches and why (an `AuditSession`), and the log to write to. */
export interface AuditWho { readonly operator: string; readonly purpose: string; readonly reference?: string; readonly auditLog?: string }

/** What one entry records of a search: parameters (plates pseudonymised on write), counts, input files. */
export interface AuditRecord {
  params: Record<string, unknown>;
  counts: { returned: number; [name: string]: number };
  inputs?: (string | AuditInput)[];
}

/**
 * Append one entry for `session` (who and why) and `kind` (what was run).
 * @example auditFor(s, 'find clones', { params: { from: null }, counts: { returned: 3 }, inputs: ['reads.csv'] })
 */
export function auditFor(session: AuditWho, kind: string, record: AuditRecord): AuditEntry {
  const { params, counts, inputs = [] } = record;
  return appendAudit({ operator: session.operator, purpose: session.purpose, reference: session.reference, kind, params, counts, inputs }, { log: session.auditLog });
}

/**
 * Run a search under `session`: AuditError (what to supply) without one; else run, log, return.
 * @example gate(currentSession(), 'find county-lines', () => rank(), (r) => ({ params: { hub: r.hub }, counts: { returned: r.candidates.length } }))
 */
export function gate<T>(session: AuditWho | null, kind: string, run: () => T, record: (result: T) => AuditRecord): T {
  if (!session) throw new AuditError(msg.sessionRequired(kind));
  const result = run();
  auditFor(session, kind, record(result));
  return result;
}

/**
 * {@link gate} for a search that returns a promise (the engines reading files or a database).
 * @example await gateAsync(session, 'find county-lines (DuckDB)', () => runCountyLines(engine, options), record)
 */
export async function gateAsync<T>(session: AuditWho | null, kind: string, run: () => Promise<T>, record: (result: T) => AuditRecord): Promise<T> {
  if (!session) throw new AuditError(msg.sessionRequired(kind));
  const result = await run();
  auditFor(session, kind, record(result));
  return result;
}
