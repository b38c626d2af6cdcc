/**
 * What every classic query returns: typed rows plus the parameters used, shown in a notebook
 * through the rich display protocol (an HTML table with pseudonymised plates, and the map
 * widget with the vehicles' tracks where that helps) and turned into an arquero table by
 * `toTable()`. Also the small input helpers the queries share (places, times).
 */
import { timeBoundMs, type TimeInput } from '../core/time-bound';
import * as aq from 'arquero';
import { MAP_MIME } from '../contract';
import { MIMEBUNDLE, type Displayable, type MimeBundle } from '../display/bundle';
import { escapeHtml, htmlTable } from '../display/html';
import { mapViewOf } from '../display/map-view';
import * as msg from '../messages';
import { pseudonym } from '../privacy/pseudonym';
import type { ReadStore } from '../reads/types';
import { formatLondonIso } from '../core/london-time';
import { siteAreas, type Area } from '../core/areas';

/** Where a query looks: an Area (polygon), or a list of site ids. */
export type Place = Area | readonly string[];

/** A time bound: Date, ISO 8601 string or epoch ms. */
export type { TimeInput };

/** How one column of a result is shown and tabulated. */
export interface ResultColumn<R> {
  name: string;
  value: (row: R) => unknown;
  /** 'vrm': pseudonymised unless revealed; 'time': epoch ms shown as London local ISO. */
  kind?: 'vrm' | 'time' | 'number' | 'text';
}

/** Most rows written into the HTML table (the table and `rows` hold them all). */
const HTML_ROWS = 200;

/** A query's answer: rows, the parameters used, and how to show them. */
export class QueryResult<R extends { vrm: string }> implements Displayable {
  constructor(
    /** The query's name, e.g. 'aThenB'. */
    readonly query: string,
    /** One-line description of what was asked, for captions. */
    readonly title: string,
    readonly rows: R[],
    /** The parameters used (provenance). */
    readonly params: Record<string, unknown>,
    readonly columns: ResultColumn<R>[],
    private readonly view: { store: ReadStore; areas?: Area[]; reveal?: boolean; mapVehicles?: number; mapAlso?: string[] },
  ) {}

  /**
   * Distinct VRMs of the rows, in row order.
   * @example areaSearch(store, rhyl, { from, to }).vrms() // ['AB12CDE', ...]
   */
  vrms(): string[] {
    return [...new Set(this.rows.map((r) => r.vrm))];
  }

  private cell(c: ResultColumn<R>, r: R, reveal: boolean, mode: 'html' | 'json' | 'table'): unknown {
    const v = c.value(r);
    if (c.kind === 'vrm') return reveal || typeof v !== 'string' ? v : pseudonym(v);
    if (c.kind === 'time' && typeof v === 'number') {
      if (!Number.isFinite(v)) return null;
      return mode === 'table' ? new Date(v) : formatLondonIso(v / 1000);
    }
    return v;
  }

  /**
   * The rows as an arquero table (VRMs pseudonymised unless revealed; times as Dates).
   *
   * @example
   * aThenB(store, { a: ['S1'], b: ['S2'], withinMinutes: 30 }).toTable().print();
   */
  toTable(options: { reveal?: boolean } = {}): aq.ColumnTable {
    const reveal = options.reveal ?? this.view.reveal ?? false;
    const cols: Record<string, unknown[]> = {};
    for (const c of this.columns) cols[c.name] = this.rows.map((r) => this.cell(c, r, reveal, 'table'));
    return aq.table(cols);
  }

  /**
   * Plain JSON rows (VRMs pseudonymised unless revealed; times as London ISO strings), as the CLI prints them.
   *
   * @example
   * clones(store).toJSON() // [{ vrm: 'V-…', first_time: '2025-03-03T…', … }]
   */
  toJSON(options: { reveal?: boolean } = {}): Record<string, unknown>[] {
    const reveal = options.reveal ?? this.view.reveal ?? false;
    return this.rows.map((r) => Object.fromEntries(this.columns.map((c) => [c.name, this.cell(c, r, reveal, 'json')])));
  }

  /**
   * Plain text table (first `max` rows), for the CLI.
   * @example console.log(clones(store).toText(20))
   */
  toText(max = 50, options: { reveal?: boolean } = {}): string {
    const json = this.toJSON(options).slice(0, max);
    const head = this.columns.map((c) => c.name);
    const cells = json.map((r) => head.map((h) => fmtCell(r[h])));
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i].length)));
    const line = (xs: string[]) => xs.map((x, i) => x.padEnd(widths[i])).join('  ').trimEnd();
    return [this.title, line(head), ...cells.map(line), msg.queryRowsShown(Math.min(max, this.rows.length), this.rows.length)].join('\n');
  }

  [MIMEBUNDLE](): MimeBundle {
    const reveal = this.view.reveal ?? false;
    const json = this.toJSON({ reveal }).slice(0, HTML_ROWS);
    const head = this.columns.map((c) => c.name);
    const html = `<div class="anpr-query"><p><b>${escapeHtml(this.title)}</b>: ${this.rows.length} row${this.rows.length === 1 ? '' : 's'}` +
      `${this.rows.length > HTML_ROWS ? ` (first ${HTML_ROWS} shown)` : ''}.</p>` +
      htmlTable(head, json.map((r) => head.map((h) => fmtCell(r[h])))) + '</div>';
    const data: Record<string, unknown> = { 'text/html': html };
    const nMap = this.view.mapVehicles ?? 0;
    if (nMap > 0 && this.rows.length > 0) {
      data[MAP_MIME] = mapViewOf(this.view.store, { // part of the logged query
        title: this.title, areas: this.view.areas, vehicles: [...(this.view.mapAlso ?? []), ...this.vrms().slice(0, nMap)], reveal,
      }).bundle;
    }
    return { data };
  }
}

function fmtCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toPrecision(4);
  if (Array.isArray(v)) return v.join('; ');
  return String(v);
}

/**
 * Epoch ms of a time bound (undefined stays undefined).
 * @example toMs('2025-03-03T08:00:00Z', 'from') // 1740988800000
 */
export function toMs(x: TimeInput | undefined, which: string): number | undefined {
  return timeBoundMs(x, (v) => msg.badQueryTime(which, v));
}

/**
 * 1 per site code in the place (an Area's sites, or the listed site ids), else 0.
 * @example placeMask(store, ['S1', 'S2'])
 */
export function placeMask(store: ReadStore, place: Place, which = 'place'): Uint8Array {
  const ns = store.sites.id.length;
  const mask = new Uint8Array(ns);
  if (Array.isArray(place)) {
    const code = new Map(store.sites.id.map((id, s) => [id, s]));
    for (const id of place as readonly string[]) {
      const s = code.get(id);
      if (s === undefined) throw new RangeError(msg.unknownQuerySite(which, id));
      mask[s] = 1;
    }
  } else {
    const sa = siteAreas(store.sites, [place as Area]);
    for (let s = 0; s < ns; s++) if (sa[s] === 0) mask[s] = 1;
  }
  return mask;
}

/**
 * A place's display name.
 * @example placeName(['S1', 'S2']) // 'sites S1, S2'
 */
export function placeName(place: Place): string {
  return Array.isArray(place) ? `sites ${(place as readonly string[]).join(', ')}` : (place as Area).name;
}

/**
 * Areas among places (for the map).
 * @example placeAreas(hub, ['S1']) // [hub]
 */
export function placeAreas(...places: (Place | undefined)[]): Area[] {
  return places.filter((p): p is Area => p !== undefined && !Array.isArray(p));
}

/**
 * Vehicle code of a VRM (normalised first), or throw the not-found message.
 * @example vehicleCode(store, 'ab12 cde') // index of 'AB12CDE' in store.vrms
 */
export function vehicleCode(store: ReadStore, vrm: string): number {
  const key = vrm.toUpperCase().replace(/[^A-Z0-9]/g, '');
  let lo = 0, hi = store.vrms.length;
  while (lo < hi) { const m = (lo + hi) >>> 1; if (store.vrms[m] < key) lo = m + 1; else hi = m; }
  if (store.vrms[lo] === key) return lo;
  const v = store.vrms.indexOf(key);
  if (v < 0) throw new RangeError(msg.vehicleNotFound(vrm));
  return v;
}

/**
 * First read index of vehicle v at or after t (binary search within its reads).
 * @example firstReadAtOrAfter(store, 0, Date.parse('2025-03-04')) // read index
 */
export function firstReadAtOrAfter(store: ReadStore, v: number, t: number): number {
  let lo = store.vehicleStart[v], hi = store.vehicleStart[v + 1];
  while (lo < hi) { const m = (lo + hi) >>> 1; if (store.time[m] < t) lo = m + 1; else hi = m; }
  return lo;
}
