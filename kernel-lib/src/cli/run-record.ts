/**
 * What a search command records of its run: the session (who and why, from --operator /
 * --purpose / --reference / --audit-log), the audit record the gate appends (once per run), and
 * the provenance record printed with the result.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { auditParams, type AuditInput } from '../privacy/audit';
import type { AuditRecord, AuditWho } from '../privacy/gate';
import { storeDataAge, storeInputs } from '../privacy/provenance';
import type { ReadStore } from '../reads/types';
import type { Values } from './args';

/**
 * The run's session: who and why, and the audit log (--audit-log, else ANPR_AUDIT_LOG, else the default).
 * @example cliSession(values, { purpose: 'op X', operator: 'A1' }) // { operator: 'A1', purpose: 'op X' }
 */
export function cliSession(values: Values, who: { purpose: string; operator: string }): AuditWho {
  return {
    operator: who.operator, purpose: who.purpose,
    ...(typeof values.reference === 'string' ? { reference: values.reference } : {}),
    ...(typeof values['audit-log'] === 'string' ? { auditLog: values['audit-log'] } : {}),
  };
}

/**
 * The provenance record printed with every result: who, why, when, on what, with which parameters.
 * @example runRecord('find clones', values, { purpose: 'op X', operator: 'A1' }, store, result.params, 12)
 */
export function runRecord(command: string, values: Values, who: { purpose: string; operator: string }, store: ReadStore, params: Record<string, unknown>, ms: number): Record<string, unknown> {
  return {
    command, purpose: who.purpose, operator: who.operator, at: new Date().toISOString(),
    reads: values.reads, sites: values.sites ?? null, readsLoaded: store.n, vehicles: store.vehicleStart.length - 1,
    // Plates in the parameters (a convoy target, say) are pseudonymised unless revealed.
    revealed: values.reveal === true, params: values.reveal === true ? params : auditParams(params), dataAge: storeDataAge(store), seconds: ms / 1000,
  };
}

/**
 * The run's audit record, for the gate to append (the run's only entry): parameters (plates
 * pseudonymised on write) with --reveal and the data-age rule applied (--now, --authorisation,
 * reads excluded), SHA-256 of every input file (--reads, --sites and any place option naming a
 * file), and counts.
 * @example cliAuditRecord(values, result.params, { returned: result.rows.length }, store)
 */
export function cliAuditRecord(values: Values, params: Record<string, unknown>, counts: { returned: number; [k: string]: number }, store?: ReadStore): AuditRecord {
  const files: string[] = [];
  for (const k of ['reads', 'sites', 'hub', 'markets', 'a', 'b', 'area']) {
    const v = values[k];
    // Files are hashed; a folder or glob of Parquet reads (the DuckDB engine) is recorded by name in the params.
    if (typeof v === 'string' && (k === 'sites' || statSync(v, { throwIfNoEntry: false })?.isFile() || (k === 'reads' && !existsSync(v) && !/[*?[]/.test(v)))) files.push(v);
  }
  for (const ev of (values.event as string[] | undefined) ?? []) {
    const place = ev.replace(/@[^@]*$/, '');
    if (existsSync(place)) files.push(place);
  }
  return { params: { ...params, revealed: values.reveal === true, dataAge: (store && storeDataAge(store)) ?? 'not applied' }, inputs: hashedInputs(files, store), counts };
}

/** The files, each with the SHA-256 the store's load already has (the reads cache hashes them) or as a path to hash. */
function hashedInputs(files: string[], store?: ReadStore): (string | AuditInput)[] {
  const known = new Map(store ? storeInputs(store).map((i) => [i.file, i] as const) : []);
  return [...new Set(files)].map((f) => known.get(path.resolve(f)) ?? f);
}
