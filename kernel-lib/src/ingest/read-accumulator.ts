/**
 * Row validation and accumulation, shared by every file format.
 *
 * Readers (CSV, Parquet, Arrow) hand each row's canonical fields to `add`, which either
 * appends the read to growing typed-array columns or returns the rejection reason.
 * Nothing here allocates per accepted row except the VRM/site strings the reader made.
 */
import type { ReadColumns } from '../reads/store-from-columns';
import type { SiteTable } from '../reads/types';
import { londonWallToUtc, parseTimestamp, type ParsedTime } from '../core/london-parse';
import type { RejectReason } from './types';
import { MAX_VRM_LENGTH, normaliseVrm } from '../core/vrm';
import { haversineKm } from '../core/haversine';

/** UK bounding box for read and site coordinates. */
export const UK_BOUNDS = { minLat: 49.8, maxLat: 60.9, minLon: -8.7, maxLon: 1.8 } as const;

/**
 * A read that carries its own lat/lon at a registered site is rejected as
 * `site_position_mismatch` when that position is more than this many km from the site's
 * registered position (a wrong site id, a moved or mobile camera: where the vehicle was is
 * not known). Impossible coordinates (unparsable, or outside the UK box) are `bad_coordinates`.
 */
export const SITE_POSITION_TOLERANCE_KM = 5;

/** How a read's own coordinates compare with its site (see `ReadAccumulator.positionCode`). */
export const Position = { Ok: 0, Bad: 1, Mismatch: 2 } as const;
export type Position = (typeof Position)[keyof typeof Position];

/**
 * How a read's own coordinates (NaN = unparsable) compare with its site's registered
 * position (`siteLat` NaN: a site made from a read, nothing to compare with).
 * @example positionOf(53.5, -2.2, 53.4, -2.2) // Position.Mismatch (11 km)
 */
export function positionOf(lat: number, lon: number, siteLat: number, siteLon: number): Position {
  if (!inUk(lat, lon)) return Position.Bad;
  if (siteLat === siteLat && haversineKm(lat, lon, siteLat, siteLon) > SITE_POSITION_TOLERANCE_KM) return Position.Mismatch;
  return Position.Ok;
}

/** How a reader passes the time: text to parse, an instant in epoch ms, or London wall-clock ms. */
export const TimeKind = { Text: 0, UtcMs: 1, LondonWallMs: 2 } as const;
export type TimeKind = (typeof TimeKind)[keyof typeof TimeKind];

type Value = string | number | null | undefined;

const isBlank = (v: Value) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A decimal number written in text (surrounding spaces ignored), or NaN. Stricter than
 * `Number()`, which would read `0x10` as 16, `0b1` as 1 and `Infinity` as a number.
 * @example parseDecimal(' 53.41 ') // 53.41
 * @example parseDecimal('0x10')    // NaN
 */
export function parseDecimal(text: string): number {
  const s = text.trim();
  return DECIMAL.test(s) ? Number(s) : NaN;
}

/**
 * Value of buf[s, e) when it is 1-3 ASCII digits, else -1 (a confidence read without making a string).
 * @example smallInt(Buffer.from('97'), 0, 2) // 97
 * @example smallInt(Buffer.from('9.5'), 0, 3) // -1
 */
export function smallInt(buf: Uint8Array, s: number, e: number): number {
  if (e - s > 3 || e <= s) return -1;
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

const toNumber = (v: Value): number => (typeof v === 'number' ? v : isBlank(v) ? NaN : parseDecimal(v as string));
const inUk = (lat: number, lon: number) =>
  lat >= UK_BOUNDS.minLat && lat <= UK_BOUNDS.maxLat && lon >= UK_BOUNDS.minLon && lon <= UK_BOUNDS.maxLon;

export interface AccumulatorOptions {
  /** Sites table, if one was given. */
  sites: SiteTable | null;
  /** Reject reads later than this (epoch ms) as future_timestamp. */
  notAfter?: number;
  /** Reject reads before this (epoch ms) as beyond_retention (data-age rule; off unless given). */
  retainFrom?: number;
  /** Reject reads before this (epoch ms, ≥ retainFrom) as needs_authorisation. */
  accessFrom?: number;
  /** Grow the columns in shared memory, so that a worker can read them without a copy (reads/store-in-parallel.ts). */
  shared?: boolean;
}

/**
 * Internal: validates rows and accumulates accepted reads column-wise.
 *
 * @example
 * const acc = new ReadAccumulator({ sites });
 * acc.add('AB12 CDE', '2025-01-01 10:00', TimeKind.Text, 'S1', null, null, '90', null); // null = accepted
 * const { columns, sites: table } = acc.finish();
 */
export class ReadAccumulator {
  n = 0;
  ambiguous = 0;
  sitesFromReads = 0;
  readonly reasons = new Map<RejectReason, number>();
  private cap = 1 << 16;
  private vehicle: Uint32Array = new Uint32Array(this.cap);
  private time: Float64Array = new Float64Array(this.cap);
  private site: Uint32Array = new Uint32Array(this.cap);
  private confidence: Uint8Array = new Uint8Array(this.cap);
  private readonly rawCode = new Map<string, number>(); // raw VRM text -> code (-1 = empty)
  private readonly normCode = new Map<string, number>();
  private readonly vrms: string[] = [];
  private readonly siteCode = new Map<string, number>();
  private readonly siteOk: boolean[] = [];
  /** Per site code: 1 when it was made from a read's coordinates (no registered position to compare with). */
  private readonly siteFromRead: number[] = [];
  private readonly sites: { id: string[]; name: string[]; lat: number[]; lon: number[]; road: string[]; direction: string[] };
  /** Reads later than this (epoch ms) are rejected as future_timestamp (Infinity = off). */
  readonly notAfter: number;
  /** Reads before this are rejected as beyond_retention (-Infinity = off). */
  readonly retainFrom: number;
  /** Reads before this (and not before retainFrom) are rejected as needs_authorisation (-Infinity = off). */
  readonly accessFrom: number;
  private readonly t: ParsedTime = { ms: NaN, status: 'bad' };
  private readonly shared: boolean;

  constructor(opts: AccumulatorOptions) {
    const s = opts.sites;
    this.sites = { id: [], name: [], lat: [], lon: [], road: [], direction: [] };
    if (s) {
      for (let k = 0; k < s.id.length; k++) {
        this.pushSite(s.id[k], s.name[k], s.lat[k], s.lon[k], s.road[k], s.direction[k]);
      }
    }
    this.notAfter = opts.notAfter ?? Infinity;
    this.retainFrom = opts.retainFrom ?? -Infinity;
    this.accessFrom = Math.max(opts.accessFrom ?? -Infinity, this.retainFrom);
    this.shared = opts.shared ?? false;
  }

  private pushSite(id: string, name: string, lat: number, lon: number, road: string, direction: string): number {
    const code = this.sites.id.length;
    this.sites.id.push(id); this.sites.name.push(name); this.sites.lat.push(lat); this.sites.lon.push(lon);
    this.sites.road.push(road); this.sites.direction.push(direction);
    this.siteCode.set(id, code);
    this.siteOk.push(inUk(lat, lon));
    this.siteFromRead.push(0);
    return code;
  }

  /** Sites known so far (from the sites table and made from reads); codes are below this. */
  get siteCount(): number {
    return this.sites.id.length;
  }

  /** Count a rejection that the reader detected itself (malformed_line). */
  reject(reason: RejectReason): RejectReason {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + 1);
    return reason;
  }

  /** Vehicle dictionary code of a raw VRM (normalised); -1 when it is empty after normalisation, -2 when longer than MAX_VRM_LENGTH. */
  vrmCode(rawVrm: string): number {
    const norm = normaliseVrm(rawVrm);
    if (norm === '') return -1;
    if (norm.length > MAX_VRM_LENGTH) return -2;
    let code = this.normCode.get(norm);
    if (code === undefined) { code = this.vrms.length; this.vrms.push(norm); this.normCode.set(norm, code); }
    return code;
  }

  /** Site code of a site id already known (sites table or made from reads), or -1. */
  knownSite(siteId: string): number {
    return this.siteCode.get(siteId.trim()) ?? -1;
  }

  /**
   * Sites a reader may resolve on its own (e.g. in SQL): ids a lookup finds as given (no
   * surrounding whitespace), with their codes, whose coordinates lie in the UK box. A read
   * at any other site id must go through `add`.
   *
   * @example
   * new ReadAccumulator({ sites }).settledSites() // [{ id: 'S1', code: 0, lat: 53.4, lon: -2.2 }, …]
   */
  settledSites(): { id: string; code: number; lat: number; lon: number }[] {
    const out: { id: string; code: number; lat: number; lon: number }[] = [];
    for (const [id, code] of this.siteCode)
      if (this.siteOk[code] && id === id.trim())
        out.push({ id, code, lat: this.siteFromRead[code] ? NaN : this.sites.lat[code], lon: this.sites.lon[code] }); // NaN: made from a read, no register to compare with
    return out;
  }

  /**
   * Validate one row; append it when valid. Returns null when accepted, else the reason.
   * `site` may be blank when lat/lon are given (a site id "lat,lon" is then made up).
   */
  add(vrm: Value, time: Value, timeKind: TimeKind, site: Value, lat: Value, lon: Value,
    confidence: Value, direction: Value): RejectReason | null {
    // VRM
    const rawVrm = vrm === null || vrm === undefined ? '' : String(vrm);
    let code = this.rawCode.get(rawVrm);
    if (code === undefined) {
      code = this.vrmCode(rawVrm);
      if (this.rawCode.size < 4_000_000) this.rawCode.set(rawVrm, code);
    }
    if (code < 0) return this.reject(code === -1 ? 'empty_vrm' : 'vrm_too_long');

    // Time
    const t = this.t;
    if (timeKind === TimeKind.Text) {
      if (typeof time === 'string') parseTimestamp(time, t);
      else { t.ms = NaN; t.status = 'bad'; }
    } else if (typeof time === 'number' && Number.isFinite(time)) {
      if (timeKind === TimeKind.UtcMs) { t.ms = time; t.status = 'ok'; } else londonWallToUtc(time, t);
    } else { t.ms = NaN; t.status = 'bad'; }
    const timeReason = this.timeReason(t);
    if (timeReason !== null) return timeReason;

    // Site
    const siteId = isBlank(site) ? '' : String(site).trim();
    let sc = siteId === '' ? undefined : this.siteCode.get(siteId);
    if (sc === undefined) {
      if (isBlank(lat) && isBlank(lon)) return this.reject('unknown_site');
      const la = toNumber(lat), lo = toNumber(lon);
      if (!inUk(la, lo)) return this.reject('bad_coordinates');
      const id = siteId !== '' ? siteId : `${la.toFixed(5)},${lo.toFixed(5)}`;
      sc = this.siteCode.get(id);
      if (sc === undefined) {
        const dir = isBlank(direction) ? '' : String(direction).trim();
        sc = this.pushSite(id, id, la, lo, '', dir);
        this.siteFromRead[sc] = 1;
        this.sitesFromReads++;
      }
    } else if (this.siteOk[sc] && !(isBlank(lat) && isBlank(lon))) {
      // A read at a registered site that carries its own position: it must agree with the register.
      const pos = this.positionCode(sc, toNumber(lat), toNumber(lon));
      if (pos !== Position.Ok) return this.reject(pos === Position.Bad ? 'bad_coordinates' : 'site_position_mismatch');
    }

    // Confidence
    if (isBlank(confidence)) return this.push(code, t, sc, 0, false);
    return this.push(code, t, sc, toNumber(confidence), true);
  }

  /**
   * Check a read's own coordinates (NaN = unparsable; call only when at least one was given)
   * against site `site`: Position.Bad (impossible), Position.Mismatch (more than
   * SITE_POSITION_TOLERANCE_KM from a registered site) or Position.Ok. Counts nothing.
   */
  positionCode(site: number, lat: number, lon: number): Position {
    return positionOf(lat, lon, this.siteFromRead[site] === 0 ? this.sites.lat[site] : NaN, this.sites.lon[site]);
  }

  /**
   * Append rows `from` to `to` of a parallel reader's columns (csv-block-worker.ts), reads it
   * already validated with these rules: codes through `map` to `vrmCode`s, times `ok` and
   * within the limits, valid registered sites, own positions Ok, confidence 0..100 or 255.
   * Keeps file order with `add`/`addCoded`; time, site and confidence are copied as blocks.
   */
  appendSettledRun(map: ArrayLike<number>, code: Int32Array | Uint32Array, time: Float64Array, site: Int32Array | Uint32Array,
    confidence: Uint8Array, from: number, to: number): void {
    const m = to - from, i0 = this.n;
    if (i0 + m > this.cap) this.grow(i0 + m);
    this.time.set(time.subarray(from, to), i0);
    this.site.set(site.subarray(from, to), i0);
    this.confidence.set(confidence.subarray(from, to), i0);
    const vehicle = this.vehicle;
    for (let k = from; k < to; k++) vehicle[i0 + k - from] = map[code[k]];
    this.n = i0 + m;
  }

  /** Whether site code `site` has a valid (UK box) position. */
  siteValid(site: number): boolean {
    return this.siteOk[site];
  }

  /** A site's position [lat, lon] (for readers that pre-check read coordinates, e.g. in SQL). */
  sitePosition(site: number): [number, number] {
    return [this.sites.lat[site], this.sites.lon[site]];
  }

  /**
   * Fast path for readers that resolved codes themselves: `code` from `vrmCode`, `t` parsed,
   * `site` from `knownSite` (must be >= 0; unknown sites go through `add`), `confidence`
   * checked for 0..100 when `hasConfidence` (NaN is rejected), `position` from `positionCode`
   * when the read carries its own coordinates.
   */
  addCoded(code: number, t: ParsedTime, site: number, confidence: number, hasConfidence: boolean, position: Position = Position.Ok): RejectReason | null {
    if (code < 0) return this.reject(code === -1 ? 'empty_vrm' : 'vrm_too_long');
    const timeReason = this.timeReason(t);
    if (timeReason !== null) return timeReason;
    if (position !== Position.Ok && this.siteOk[site]) return this.reject(position === Position.Bad ? 'bad_coordinates' : 'site_position_mismatch');
    return this.push(code, t, site, confidence, hasConfidence);
  }

  private timeReason(t: ParsedTime): RejectReason | null {
    if (t.status === 'ok' || t.status === 'ambiguous') {
      if (t.ms > this.notAfter) return this.reject('future_timestamp');
      if (t.ms < this.accessFrom) return this.reject(t.ms < this.retainFrom ? 'beyond_retention' : 'needs_authorisation');
      return null;
    }
    return this.reject(t.status === 'nonexistent' ? 'nonexistent_local_time' : 'bad_timestamp');
  }

  private push(code: number, t: ParsedTime, sc: number, confidence: number, hasConfidence: boolean): RejectReason | null {
    if (!this.siteOk[sc]) return this.reject('bad_coordinates');
    let conf = 255;
    if (hasConfidence) {
      if (!(confidence >= 0 && confidence <= 100)) return this.reject('bad_confidence');
      conf = Math.round(confidence);
    }
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.vehicle[i] = code;
    this.time[i] = t.ms;
    this.site[i] = sc;
    this.confidence[i] = conf;
    if (t.status === 'ambiguous') this.ambiguous++;
    return null;
  }

  /** Make room for at least `n` accepted reads in total (avoids repeated growth when the row count is known). */
  reserve(n: number): void {
    if (n > this.cap) this.grow(n);
  }

  private grow(min = 0): void {
    const cap = Math.max(this.cap * 2, min);
    const room = (bytes: number) => (this.shared ? new SharedArrayBuffer(bytes * cap) : new ArrayBuffer(bytes * cap));
    const v = new Uint32Array(room(4)); v.set(this.vehicle); this.vehicle = v;
    const t = new Float64Array(room(8)); t.set(this.time); this.time = t;
    const s = new Uint32Array(room(4)); s.set(this.site); this.site = s;
    const c = new Uint8Array(room(1)); c.set(this.confidence); this.confidence = c;
    this.cap = cap;
  }

  /** The accepted reads as columns (views trimmed to n) and the final site table. */
  finish(): { columns: ReadColumns; sites: SiteTable } {
    const n = this.n;
    const columns: ReadColumns = {
      vrms: this.vrms,
      vehicle: this.vehicle.subarray(0, n),
      time: this.time.subarray(0, n),
      site: this.site.subarray(0, n),
      confidence: this.confidence.subarray(0, n),
    };
    const s = this.sites;
    const sites: SiteTable = {
      id: s.id, name: s.name, lat: Float64Array.from(s.lat), lon: Float64Array.from(s.lon), road: s.road, direction: s.direction,
    };
    this.rawCode.clear();
    return { columns, sites };
  }
}
