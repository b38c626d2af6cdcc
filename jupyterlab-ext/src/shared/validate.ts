/**
 * Validation of bundles where they enter the extension. A malformed bundle is reported
 * inside the widget with each problem as "path: expected X, got Y", never thrown at Lab.
 */
import type { MapBundle, ProfileBundle } from '@anpr/kernel-lib/contract';
import { MSG } from './messages';

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

/** At most this many problems are listed; the rest would only bury the first. */
const MAX_PROBLEMS = 8;

type Check = (value: unknown) => boolean;

const isNum: Check = v => typeof v === 'number' && Number.isFinite(v);
const isStr: Check = v => typeof v === 'string';
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A short description of a value's type, for "got ..." messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return value.length > 20 ? 'string' : JSON.stringify(value);
  return typeof value;
}

class Checker {
  readonly problems: string[] = [];

  need(ok: boolean, path: string, expected: string, actual: unknown): boolean {
    if (!ok && this.problems.length < MAX_PROBLEMS) {
      this.problems.push(MSG.missingField(path, expected, describe(actual)));
    }
    return ok;
  }

  field(obj: Record<string, unknown>, key: string, path: string, check: Check, expected: string, optional = false): void {
    const v = obj[key];
    if (optional && v === undefined) return;
    this.need(check(v), `${path}.${key}`, expected, v);
  }

  array(obj: Record<string, unknown>, key: string, path: string, each: (item: unknown, p: string) => void): void {
    const v = obj[key];
    if (!this.need(Array.isArray(v), `${path}.${key}`, 'array', v)) return;
    (v as unknown[]).forEach((item, i) => {
      if (this.problems.length < MAX_PROBLEMS) each(item, `${path}.${key}[${i}]`);
    });
  }
}

/**
 * Check a map bundle against the contract.
 * @example checkMapBundle({ version: 1, sites: [], tracks: [], areas: [] }) // returns the bundle
 */
export function checkMapBundle(data: unknown): MapBundle {
  const c = new Checker();
  if (c.need(isObj(data), 'bundle', 'object', data)) {
    const b = data as Record<string, unknown>;
    c.field(b, 'version', 'bundle', v => v === 1, '1');
    c.array(b, 'sites', 'bundle', (s, p) => {
      if (!c.need(isObj(s), p, 'object', s)) return;
      const o = s as Record<string, unknown>;
      c.field(o, 'id', p, isStr, 'string');
      c.field(o, 'name', p, isStr, 'string');
      c.field(o, 'lat', p, v => isNum(v) && Math.abs(v as number) <= 90, 'latitude');
      c.field(o, 'lon', p, v => isNum(v) && Math.abs(v as number) <= 180, 'longitude');
      c.field(o, 'reads', p, isNum, 'number', true);
      c.field(o, 'vehicles', p, isNum, 'number', true);
    });
    c.array(b, 'tracks', 'bundle', (t, p) => {
      if (!c.need(isObj(t), p, 'object', t)) return;
      const o = t as Record<string, unknown>;
      c.field(o, 'id', p, isStr, 'string');
      c.field(o, 'label', p, isStr, 'string');
      c.field(o, 'score', p, isNum, 'number', true);
      c.field(o, 'color', p, isStr, 'string', true);
      c.field(o, 'kind', p, v => v === 'vehicle' || v === 'candidate' || v === 'associate', "'vehicle' | 'candidate' | 'associate'", true);
      c.field(o, 'with', p, isStr, 'string', true);
      c.array(o, 'points', p, (pt, pp) =>
        c.need(Array.isArray(pt) && pt.length >= 3 && pt.slice(0, 3).every(isNum), pp, '[lat, lon, ms]', pt)
      );
    });
    c.array(b, 'areas', 'bundle', (a, p) => {
      if (!c.need(isObj(a), p, 'object', a)) return;
      const o = a as Record<string, unknown>;
      c.field(o, 'name', p, isStr, 'string');
      c.field(o, 'kind', p, v => v === 'hub' || v === 'market' || v === 'area', "'hub' | 'market' | 'area'");
      const g = o.geometry;
      if (c.need(isObj(g), `${p}.geometry`, 'GeoJSON geometry', g)) {
        const go = g as Record<string, unknown>;
        c.field(go, 'type', `${p}.geometry`, v => v === 'Polygon' || v === 'MultiPolygon', "'Polygon' | 'MultiPolygon'");
        c.field(go, 'coordinates', `${p}.geometry`, Array.isArray, 'array');
      }
    });
    c.field(b, 'timeRange', 'bundle', v => Array.isArray(v) && v.length === 2 && v.every(isNum), '[ms, ms]', true);
    c.field(b, 'heat', 'bundle', v => typeof v === 'boolean', 'boolean', true);
  }
  if (c.problems.length) throw new BundleError('map', c.problems);
  return data as MapBundle;
}

/**
 * Check a profile bundle against the contract.
 * @example checkProfileBundle(sampleProfile) // returns the bundle, or throws BundleError
 */
export function checkProfileBundle(data: unknown): ProfileBundle {
  const c = new Checker();
  if (c.need(isObj(data), 'bundle', 'object', data)) {
    const b = data as Record<string, unknown>;
    c.field(b, 'version', 'bundle', v => v === 1, '1');
    const v = b.vehicle;
    if (c.need(isObj(v), 'bundle.vehicle', 'object', v)) {
      const o = v as Record<string, unknown>;
      c.field(o, 'pseudonym', 'bundle.vehicle', isStr, 'string');
      c.field(o, 'revealed', 'bundle.vehicle', x => typeof x === 'boolean', 'boolean');
      c.field(o, 'vrm', 'bundle.vehicle', isStr, 'string', true);
    }
    c.field(b, 'period', 'bundle', x => Array.isArray(x) && x.length === 2 && x.every(isNum), '[ms, ms]');
    c.field(b, 'score', 'bundle', isNum, 'number', true);
    c.array(b, 'reasons', 'bundle', (r, p) => c.need(isStr(r), p, 'string', r));
    const s = b.summary;
    if (c.need(isObj(s), 'bundle.summary', 'object', s)) {
      for (const k of ['reads', 'trips', 'days', 'sites']) {
        c.field(s as Record<string, unknown>, k, 'bundle.summary', isNum, 'number');
      }
    }
    const hw = b.hourWeekday;
    c.need(
      Array.isArray(hw) && hw.length === 7 && hw.every(row => Array.isArray(row) && row.length === 24 && row.every(isNum)),
      'bundle.hourWeekday',
      '7 rows × 24 numbers',
      hw
    );
    c.array(b, 'trips', 'bundle', (t, p) => {
      if (!c.need(isObj(t), p, 'object', t)) return;
      const o = t as Record<string, unknown>;
      c.field(o, 'start', p, isNum, 'number');
      c.field(o, 'end', p, isNum, 'number');
      c.field(o, 'fromSite', p, isStr, 'string');
      c.field(o, 'toSite', p, isStr, 'string');
      c.field(o, 'reads', p, isNum, 'number');
    });
    c.array(b, 'places', 'bundle', (pl, p) => {
      if (!c.need(isObj(pl), p, 'object', pl)) return;
      const o = pl as Record<string, unknown>;
      c.field(o, 'site', p, isStr, 'string');
      c.field(o, 'name', p, isStr, 'string');
      c.field(o, 'reads', p, isNum, 'number');
    });
    c.field(b, 'reads', 'bundle', Array.isArray, 'array', true);
    c.field(b, 'siteNames', 'bundle', isObj, 'object', true);
    c.field(
      b,
      'siteCoords',
      'bundle',
      x => isObj(x) && Object.values(x).every(ll => Array.isArray(ll) && ll.length === 2 && ll.every(isNum)),
      'object of [lat, lon]',
      true
    );
    c.field(b, 'stays', 'bundle', Array.isArray, 'array', true);
    c.field(b, 'associates', 'bundle', Array.isArray, 'array', true);
  }
  if (c.problems.length) throw new BundleError('profile', c.problems);
  return data as ProfileBundle;
}
