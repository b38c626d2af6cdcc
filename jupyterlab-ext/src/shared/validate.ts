/**
 * Validation of bundles where they enter the extension, derived from the contract: the
 * schema walked here (contract-schema.json) is generated from the contract's TypeScript types
 * (scripts/contract-schema.mjs; a test keeps the committed file equal to the generator's
 * output), so a field added to MapBundle or ProfileBundle is checked without an edit here.
 * Only what a type cannot say is written by hand (REFINEMENTS: coordinate ranges, the 7 × 24
 * grid). A malformed bundle is reported inside the widget with each problem as
 * "path: expected X, got Y", never thrown at Lab.
 */
import type { MapBundle, ProfileBundle } from '@anpr/kernel-lib/contract';
import { MSG } from './messages';
import SCHEMA from './contract-schema.json';

/** Raised for a bundle that does not match the contract; `problems` lists each mismatch. */
export class BundleError extends Error {
  constructor(
    readonly what: string,
    readonly problems: string[]
  ) {
    super(MSG.invalidBundle(what));
    this.name = 'BundleError';
  }
}

/** A node of the generated schema. */
export type Schema =
  | { type: 'string' | 'number' | 'boolean' | 'unknown' }
  | { const: unknown }
  | { enum: string[] }
  | { type: 'array'; items: Schema }
  | { type: 'tuple'; items: Schema[] }
  | { type: 'record'; values: Schema }
  | { type: 'object'; properties: Record<string, Schema>; required: string[] }
  | { anyOf: Schema[] };

/** At most this many problems are listed; the rest would only bury the first. */
const MAX_PROBLEMS = 8;

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Constraints the types cannot express, by path (array indices written `[]`, record keys `{}`).
 * Each replaces the type check at its path.
 */
const REFINEMENTS: Record<string, { expected: string; ok: (v: unknown) => boolean }> = {
  'bundle.sites[].lat': { expected: 'latitude', ok: v => isNum(v) && Math.abs(v) <= 90 },
  'bundle.sites[].lon': { expected: 'longitude', ok: v => isNum(v) && Math.abs(v) <= 180 },
  'bundle.areas[].geometry.coordinates': { expected: 'array', ok: Array.isArray },
  'bundle.hourWeekday': {
    expected: '7 rows × 24 numbers',
    ok: v => Array.isArray(v) && v.length === 7 && v.every(row => Array.isArray(row) && row.length === 24 && row.every(isNum))
  }
};

/** A short description of a value's type, for "got ..." messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.length > 20 ? 'string' : JSON.stringify(value);
  return typeof value;
}

/**
 * What a schema node expects, in words.
 * @example expected({ enum: ['hub', 'market'] }) // "'hub' | 'market'"
 */
export function expected(s: Schema): string {
  if ('const' in s) return JSON.stringify(s.const);
  if ('enum' in s) return s.enum.map(v => `'${v}'`).join(' | ');
  if ('anyOf' in s) return s.anyOf.map(expected).join(' | ');
  if (s.type === 'tuple') return `[${s.items.map(expected).join(', ')}]`;
  if (s.type === 'record') return 'object';
  return s.type;
}

/** Does `v` match `s` at the top (containers: only their kind; their contents are walked)? */
function matches(s: Schema, v: unknown): boolean {
  if ('const' in s) return v === s.const;
  if ('enum' in s) return typeof v === 'string' && s.enum.includes(v);
  if ('anyOf' in s) return s.anyOf.some(a => matches(a, v) && deepOk(a, v));
  switch (s.type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return isNum(v);
    case 'boolean':
      return typeof v === 'boolean';
    case 'unknown':
      return true;
    case 'array':
      return Array.isArray(v);
    case 'tuple':
      return Array.isArray(v) && v.length === s.items.length && s.items.every((item, i) => matches(item, v[i]) && deepOk(item, v[i]));
    case 'record':
    case 'object':
      return isObj(v);
  }
}

/** Whether `v` matches `s` all the way down (for the alternatives of anyOf and tuple items). */
function deepOk(s: Schema, v: unknown): boolean {
  const c = new Walker();
  c.walk(s, v, '', '');
  return c.problems.length === 0;
}

class Walker {
  readonly problems: string[] = [];

  private need(ok: boolean, path: string, want: string, actual: unknown): boolean {
    if (!ok && this.problems.length < MAX_PROBLEMS) this.problems.push(MSG.missingField(path, want, describe(actual)));
    return ok;
  }

  /** Check `v` against `s` at `path` (`key` is the path with indices as `[]`, for REFINEMENTS). */
  walk(s: Schema, v: unknown, path: string, key: string): void {
    const refined = REFINEMENTS[key];
    if (refined) {
      this.need(refined.ok(v), path, refined.expected, v);
      return;
    }
    if (!this.need(matches(s, v), path, expected(s), v)) return;
    if ('type' in s && s.type === 'array') {
      (v as unknown[]).forEach((item, i) => {
        if (this.problems.length < MAX_PROBLEMS) this.walk(s.items, item, `${path}[${i}]`, `${key}[]`);
      });
    } else if ('type' in s && s.type === 'record') {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        if (this.problems.length >= MAX_PROBLEMS) break;
        this.walk(s.values, item, `${path}.${k}`, `${key}.{}`);
      }
    } else if ('type' in s && s.type === 'object') {
      const o = v as Record<string, unknown>;
      for (const [k, prop] of Object.entries(s.properties)) {
        if (o[k] === undefined && !s.required.includes(k)) continue;
        this.walk(prop, o[k], `${path}.${k}`, `${key}.${k}`);
      }
    }
  }
}

function check<T>(what: string, schema: Schema, data: unknown): T {
  const w = new Walker();
  w.walk(schema, data, 'bundle', 'bundle');
  if (w.problems.length) throw new BundleError(what, w.problems);
  return data as T;
}

/**
 * Check a map bundle against the contract.
 * @example checkMapBundle({ version: 1, sites: [], tracks: [], areas: [] }) // returns the bundle
 */
export function checkMapBundle(data: unknown): MapBundle {
  return check<MapBundle>('map', SCHEMA.MapBundle as Schema, data);
}

/**
 * Check a profile bundle against the contract.
 * @example checkProfileBundle(sampleProfile) // returns the bundle, or throws BundleError
 */
export function checkProfileBundle(data: unknown): ProfileBundle {
  return check<ProfileBundle>('profile', SCHEMA.ProfileBundle as Schema, data);
}
