/**
 * Shared argument handling of the search commands (`anpr find`, `anpr profile`): the common
 * options, the stated purpose and operator every search needs (DPA 2018 s62), reading a place
 * (site list or GeoJSON file) and numbers, and the error handling. Parsing only: the store is
 * loaded by cli/store.ts, and the run's audit record is made by cli/run-record.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { IngestError } from '../ingest/ingest-error';
import * as msg from '../messages';
import { AuditError } from '../privacy/audit';
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
