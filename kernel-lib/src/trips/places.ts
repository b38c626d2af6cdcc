/**
 * Places: every site mapped to a "place" — a named area if it lies in one, otherwise a
 * cluster of nearby sites — so base, tours and features speak of towns, not cameras.
 */
import * as msg from '../messages';
import type { SiteTable } from '../reads/types';
import type { Area } from '../core/areas';
import { siteAreas } from '../core/areas';
import { haversineKm } from '../core/haversine';

/** Places, column-wise. Places 0..areas.length-1 are the areas, in order; clusters follow. */
export interface Places {
  n: number;
  name: string[];
  /** Area index for area places, -1 for site clusters. */
  area: Int32Array;
  /** Centroid of the place's sites (NaN for an area with no sites). */
  lat: Float64Array;
  lon: Float64Array;
  /** Place index per site. */
  sitePlace: Int32Array;
}

/** Options of {@link sitePlaces}. */
export interface SitePlacesOptions {
  /** Radius (km) of a site cluster around its leading site. Default 4. */
  clusterKm?: number;
  /** Sites within this distance (km) of an area's boundary belong to it (see `siteAreas`). Default 0. */
  areaBufferKm?: number;
  /** Weight per site (e.g. reads); heavier sites lead clusters. Default: site order. */
  siteWeight?: ArrayLike<number>;
}

/**
 * Map sites to places: the first area containing the site, else a cluster (leader
 * clustering: sites in decreasing weight order each lead a cluster of the unassigned sites
 * within `clusterKm`). Deterministic. Clusters are named "near <leading site name>".
 *
 * @example
 * const places = sitePlaces(store.sites, [hub, ...markets]);
 * places.name[places.sitePlace[store.site[0]]] // e.g. 'Liverpool' or 'near M56 J14'
 */
export function sitePlaces(sites: SiteTable, areas: readonly Area[], options: SitePlacesOptions = {}): Places {
  const clusterKm = options.clusterKm ?? 4;
  const ns = sites.id.length;
  const sa = siteAreas(sites, areas, { bufferKm: options.areaBufferKm ?? 0 });
  const sitePlace = new Int32Array(ns).fill(-1);
  const name: string[] = areas.map((a) => a.name);
  const area: number[] = areas.map((_, i) => i);
  for (let s = 0; s < ns; s++) if (sa[s] >= 0) sitePlace[s] = sa[s];
  const order = Array.from({ length: ns }, (_, i) => i);
  const w = options.siteWeight;
  if (w) order.sort((a, b) => (w[b] - w[a]) || (a - b));
  // Grid buckets of clusterKm so the neighbour search is local.
  const cellDeg = clusterKm / 111;
  const key = (lat: number, lon: number) => `${Math.floor(lat / cellDeg)},${Math.floor(lon / cellDeg)}`;
  const grid = new Map<string, number[]>();
  for (let s = 0; s < ns; s++) {
    if (sitePlace[s] >= 0) continue;
    const k = key(sites.lat[s], sites.lon[s]);
    const cell = grid.get(k); if (cell) cell.push(s); else grid.set(k, [s]);
  }
  for (const s of order) {
    if (sitePlace[s] >= 0) continue;
    const p = name.length;
    name.push(msg.placeNear(sites.name[s])); area.push(-1);
    sitePlace[s] = p;
    const ci = Math.floor(sites.lat[s] / cellDeg);
    const cosLat = Math.max(0.2, Math.cos(sites.lat[s] * Math.PI / 180));
    const span = Math.ceil(1 / cosLat);
    const cj = Math.floor(sites.lon[s] / cellDeg);
    for (let di = -1; di <= 1; di++) for (let dj = -span; dj <= span; dj++) {
      const cell = grid.get(`${ci + di},${cj + dj}`);
      if (!cell) continue;
      for (const t of cell) {
        if (sitePlace[t] < 0 && haversineKm(sites.lat[s], sites.lon[s], sites.lat[t], sites.lon[t]) <= clusterKm) sitePlace[t] = p;
      }
    }
  }
  const n = name.length;
  const lat = new Float64Array(n), lon = new Float64Array(n), cnt = new Float64Array(n);
  for (let s = 0; s < ns; s++) { const p = sitePlace[s]; lat[p] += sites.lat[s]; lon[p] += sites.lon[s]; cnt[p]++; }
  for (let p = 0; p < n; p++) { lat[p] = cnt[p] ? lat[p] / cnt[p] : NaN; lon[p] = cnt[p] ? lon[p] / cnt[p] : NaN; }
  return { n, name, area: Int32Array.from(area), lat, lon, sitePlace };
}
