/** Build a SiteTable from plain site rows. */
import * as msg from '../messages';
import type { SiteTable } from './types';

/** One camera site as a plain object. */
export interface SiteRow {
  site_id: string;
  name?: string;
  lat: number;
  lon: number;
  road?: string;
  direction?: string;
}

/**
 * Build a SiteTable (column-wise) from site rows, keeping row order: site code = row index.
 * Missing name defaults to the site id; missing road/direction to ''. Throws (RangeError)
 * on an empty or repeated site id, or non-finite coordinates.
 *
 * @example
 * const sites = sitesFromRows([
 *   { site_id: 'M62-J10-E', name: 'M62 J10 eastbound', lat: 53.40, lon: -2.55, road: 'M62', direction: 'E' },
 *   { site_id: 'A56-N', lat: 53.49, lon: -2.25 },
 * ]);
 * sites.id    // ['M62-J10-E', 'A56-N']
 * sites.name  // ['M62 J10 eastbound', 'A56-N']
 */
export function sitesFromRows(rows: readonly SiteRow[]): SiteTable {
  const n = rows.length;
  const t: SiteTable = {
    id: new Array(n), name: new Array(n), lat: new Float64Array(n), lon: new Float64Array(n),
    road: new Array(n), direction: new Array(n),
  };
  const seen = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const id = r.site_id == null ? '' : String(r.site_id).trim();
    if (id === '') throw new RangeError(msg.emptySiteId(i));
    const first = seen.get(id);
    if (first !== undefined) throw new RangeError(msg.duplicateSiteId(id, i, first));
    seen.set(id, i);
    const lat = Number(r.lat), lon = Number(r.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) throw new RangeError(msg.badSiteCoordinates(id, r.lat, r.lon));
    t.id[i] = id;
    t.name[i] = r.name == null || r.name === '' ? id : String(r.name);
    t.lat[i] = lat;
    t.lon[i] = lon;
    t.road[i] = r.road == null ? '' : String(r.road);
    t.direction[i] = r.direction == null ? '' : String(r.direction);
  }
  return t;
}
