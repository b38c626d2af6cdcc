/**
 * Shared argument handling of the search commands (`anpr find`, `anpr profile`): the common
 * options, the stated purpose and operator every search needs (DPA 2018 s62), loading the
 * store, reading a place (site list or GeoJSON file), and the provenance record printed with
 * every result.
 */
import { existsSync, statSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { IngestError } from '../ingest/ingest-error';
import { loadReads } from '../ingest/load-reads';
import * as msg from '../messages';
import { appendAudit, AuditError, type AuditEntry, type AuditInput, auditParams } from '../privacy/audit';
import { storeDataAge, storeInputs } from '../privacy/provenance';
import type { ReadStore } from '../reads/types';
import { area, type Area } from '../core/areas';

/**
 * Options every search command takes.
 * @example parseArgs({ args, options: { ...commonOptions, vrm: { type: 'string' } } })
 */
export const commonOptions = {
  reads: { type: 'string' }, sites: { type: 'string' }, purpose: { type: 'string' }, operator: { type: 'string' },
  reference: { type: 'string' }, 'audit-log': { type: 'string' }, now: { type: 'string' }, authorisation: { type: 'string' },
  from: { type: 'string' }, to: { type: 'string' }, top: { type: 'string' },
  json: { type: 'boolean', default: false }, reveal: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
  'no-cache': { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Parsed values: strings, booleans, or string lists (multiple options). */
export type Values = Record<string, string | boolean | string[] | undefined>;

/** A usage error: the message goes to stderr and the command exits 2. */
export class UsageError extends Error {}

/**
 * Parse argv with the common options plus `extra`; throws UsageError on unknown options.
 * @example parseCommand(['--reads', 'r.csv', 'area'], { area: { type: 'string' } }, true)
 */
export function parseCommand(argv: string[], extra: ParseArgsConfig['options'] = {}, allowPositionals = false): { values: Values; positionals: string[] } {
  try {
    const r = parseArgs({ args: argv, options: { ...commonOptions, ...extra }, strict: true, allowPositionals });
    return { values: r.values as Values, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * Who is searching and why, from --purpose/--operator or ANPR_PURPOSE/ANPR_OPERATOR; null when either is missing.
 * @example purposeOf({ purpose: 'op X', operator: 'A1' }) // { purpose: 'op X', operator: 'A1' }
 */
export function purposeOf(values: Values): { purpose: string; operator: string } | null {
  const purpose = (values.purpose as string | undefined) ?? process.env.ANPR_PURPOSE;
  const operator = (values.operator as string | undefined) ?? process.env.ANPR_OPERATOR;
  if (!purpose?.trim() || !operator?.trim()) return null;
  return { purpose, operator };
}

/**
 * Load --reads (CSV, CSV.gz, Parquet) with --sites; with --now, the data-age rule applies
 * (reads older than 90 days need --authorisation REF, older than 365 days are never used);
 * the reads cache serves a load it holds unless --no-cache.
 * @example const store = await loadStore('find area', { reads: 'reads.csv.gz', sites: 'sites.csv', now: '2025-04-01T00:00:00Z' });
 */
export async function loadStore(command: string, values: Values): Promise<ReadStore> {
  if (typeof values.reads !== 'string') throw new UsageError(msg.cliBadOption(command, 'reads', values.reads ?? null, 'a reads file (CSV, CSV.gz or Parquet)'));
  if (values.authorisation !== undefined && values.now === undefined) throw new UsageError(msg.cliBadOption(command, 'now', null, 'an ISO 8601 time with --authorisation (the data-age rule measures from it)'));
  if (values.now !== undefined && !Number.isFinite(Date.parse(String(values.now)))) throw new UsageError(msg.cliBadOption(command, 'now', values.now, 'an ISO 8601 time such as 2025-04-01T09:00:00Z'));
  const { store } = await loadReads({
    reads: values.reads, sites: typeof values.sites === 'string' ? values.sites : undefined,
    now: typeof values.now === 'string' ? values.now : undefined, authorisation: typeof values.authorisation === 'string' ? values.authorisation : undefined,
    cache: values['no-cache'] !== true, // --no-cache: parse the file even when the reads cache holds this load
  });
  return store;
}

/**
 * A GeoJSON file as JSON (a UsageError naming the option when unreadable).
 * @example readGeoJson('find', 'hub', 'hub.geojson') // { type: 'FeatureCollection', ... }
 */
export function readGeoJson(command: string, option: string, file: string): any {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(msg.cliBadOption(command, option, file, `a readable GeoJSON file (${(e as Error).message})`));
  }
}

/**
 * A place option: a GeoJSON file (an Area) or comma-separated site ids.
 * @example readPlace('find a-then-b', 'a', 'S0001,S0002') // ['S0001', 'S0002']
 */
export function readPlace(command: string, option: string, spec: unknown): Area | string[] {
  if (typeof spec !== 'string' || !spec) throw new UsageError(msg.cliBadOption(command, option, spec ?? null, 'comma-separated site ids or a GeoJSON file'));
  if (/\.(geo)?json$/i.test(spec) || existsSync(spec)) return area(readGeoJson(command, option, spec));
  return spec.split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * A positive number option (or the default).
 * @example numberOption('find', { within: '30' }, 'within') // 30
 */
export function numberOption(command: string, values: Values, option: string, dflt?: number): number {
  const v = values[option];
  if (v === undefined) {
    if (dflt === undefined) throw new UsageError(msg.cliBadOption(command, option, null, 'a number'));
    return dflt;
  }
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(msg.cliBadOption(command, option, v, 'a positive number'));
  return n;
}

/**
 * The provenance record printed with every result: who, why, when, on what, with which parameters.
 * @example runRecord('find clones', values, { purpose: 'op X', operator: 'A1' }, store, result.params, 12)
 */
export function runRecord(command: string, values: Values, who: { purpose: string; operator: string }, store: ReadStore, params: Record<string, unknown>, ms: number): Record<string, unknown> {
  return {
    command, purpose: who.purpose, operator: who.operator, at: new Date().toISOString(),
    reads: values.reads, sites: values.sites ?? null, readsLoaded: store.n, vehicles: store.vrms.length,
    // Plates in the parameters (a convoy target, say) are pseudonymised unless revealed.
    revealed: values.reveal === true, params: values.reveal === true ? params : auditParams(params), dataAge: storeDataAge(store), seconds: ms / 1000,
  };
}

/**
 * Append the run to the audit log (--audit-log, else ANPR_AUDIT_LOG, else the default):
 * who, why, --reference, parameters (plates pseudonymised) with the data-age rule applied
 * (--now, --authorisation, reads excluded), SHA-256 of every input file (--reads, --sites and
 * any place option naming a file), and counts. Call it before printing results: when the log
 * cannot be written nothing is shown (AuditError, exit 2). This is the run's only entry: the
 * library calls run inside `withinConsultation`, so they do not log again.
 * @example logRun('find clones', values, who, result.params, { returned: result.rows.length }, store)
 */
export function logRun(kind: string, values: Values, who: { purpose: string; operator: string }, params: Record<string, unknown>, counts: { returned: number; [k: string]: number }, store?: ReadStore): AuditEntry {
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
  return appendAudit({
    operator: who.operator, purpose: who.purpose, reference: typeof values.reference === 'string' ? values.reference : undefined,
    kind, params: { ...params, revealed: values.reveal === true, dataAge: (store && storeDataAge(store)) ?? 'not applied' }, inputs: hashedInputs(files, store), counts,
  }, { log: typeof values['audit-log'] === 'string' ? values['audit-log'] : undefined });
}

/** The files, each with the SHA-256 the store's load already has (the reads cache hashes them) or as a path to hash. */
function hashedInputs(files: string[], store?: ReadStore): (string | AuditInput)[] {
  const known = new Map(store ? storeInputs(store).map((i) => [i.file, i] as const) : []);
  return [...new Set(files)].map((f) => known.get(path.resolve(f)) ?? f);
}

/**
 * Run a search command body with the shared error handling: usage and input errors print to
 * stderr and exit 2.
 * @example return guard('find', usage, async () => { ...; return 0; });
 */
export async function guard(command: string, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`${e.message}\n${usage}\n`); return 2; }
    if (e instanceof AuditError) { process.stderr.write(`anpr ${command}: ${e.message}\n`); return 2; }
    if (e instanceof IngestError || e instanceof RangeError || e instanceof TypeError) { process.stderr.write(`anpr ${command}: ${(e as Error).message}\n`); return 2; }
    throw e;
  }
}

/**
 * Parse a command's own options (strict; its options include `help`): on a bad option, print
 * the error and `usage` to stderr and give exit code 2; on --help, print `usage` and give 0;
 * else the parsed values.
 * @example
 * const r = parseOwnOptions(argv, { reads: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } }, usage);
 * if (typeof r === 'number') return r;
 */
export function parseOwnOptions<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O, usage: string): ParsedOwn<O> | number {
  let values: ParsedOwn<O>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true }) as unknown as { values: ParsedOwn<O> });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${usage}\n`);
    return 2;
  }
  if ((values as { help?: boolean }).help) { process.stdout.write(usage + '\n'); return 0; }
  return values;
}

/** The values `parseArgs` gives for `options` (strict, no positionals). */
export type ParsedOwn<O extends NonNullable<ParseArgsConfig['options']>> = ReturnType<typeof parseArgs<{ options: O; strict: true }>>['values'];
