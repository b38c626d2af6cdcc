/**
 * Areas: named polygons (hub, market towns, drawn areas) and which sites, hence which reads
 * fall in them (trips: trips/trip-areas.ts).
 *
 * Point-in-polygon (even-odd ray casting with a bounding-box prefilter) runs once per SITE:
 * sites are few, reads many, so every read's area is then one array lookup.
 */
import * as msg from '../messages';
import type { SitePositions } from './haversine';

/** A ring: [lon, lat] positions, GeoJSON order. */
export type Ring = number[][];

/** A named area: one or more polygons (each: outer ring then holes) and its bounding box. */
export interface Area {
  name: string;
  /** Polygons, each an array of rings ([lon, lat] positions). */
  polygons: Ring[][];
  /** [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
}

/** GeoJSON accepted by {@link area}: Feature, FeatureCollection, Polygon or MultiPolygon. */
export type AreaInput =
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'MultiPolygon'; coordinates: number[][][][] }
  | { type: 'Feature'; geometry: unknown; properties?: Record<string, unknown> | null }
  | { type: 'FeatureCollection'; features: unknown[] }
  | Area;

function isArea(x: unknown): x is Area {
  return typeof x === 'object' && x !== null && Array.isArray((x as Area).polygons) && Array.isArray((x as Area).bbox);
}

function collect(g: any, out: Ring[][], nameFilter: string | undefined, names: string[]): void {
  if (!g || typeof g !== 'object') throw new TypeError(msg.badAreaGeoJson(typeof g));
  switch (g.type) {
    case 'Polygon': out.push(g.coordinates); return;
    case 'MultiPolygon': for (const p of g.coordinates) out.push(p); return;
    case 'GeometryCollection': for (const x of g.geometries ?? []) collect(x, out, undefined, names); return;
    case 'Feature': {
      const nm = g.properties?.name;
      if (nameFilter !== undefined && nm !== nameFilter) return;
      if (typeof nm === 'string') names.push(nm);
      if (g.geometry) collect(g.geometry, out, undefined, names);
      return;
    }
    case 'FeatureCollection': for (const f of g.features ?? []) collect(f, out, nameFilter, names); return;
    default: throw new TypeError(msg.badAreaGeoJson(String(g.type)));
  }
}

/**
 * Make an Area from GeoJSON (Feature, FeatureCollection, Polygon, MultiPolygon).
 * With a FeatureCollection and `name`, only features whose `properties.name` equals `name`
 * are used (all features otherwise). The area's name is `name`, else the feature name(s).
 *
 * @example
 * const hub = area({ type: 'Polygon', coordinates: [[[-3.1, 53.3], [-2.8, 53.3], [-2.8, 53.5], [-3.1, 53.5], [-3.1, 53.3]]] }, 'Liverpool');
 * pointInArea(hub, 53.4, -2.98) // true
 */
export function area(geojson: AreaInput, name?: string): Area {
  if (isArea(geojson)) return name === undefined ? geojson : { ...geojson, name };
  const polygons: Ring[][] = [];
  const names: string[] = [];
  collect(geojson, polygons, name, names);
  if (polygons.length === 0) throw new RangeError(msg.emptyArea(name));
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const p of polygons) for (const r of p) for (const pt of r) {
    if (pt[0] < minLon) minLon = pt[0]; if (pt[0] > maxLon) maxLon = pt[0];
    if (pt[1] < minLat) minLat = pt[1]; if (pt[1] > maxLat) maxLat = pt[1];
  }
  return { name: name ?? ([...new Set(names)].join(' + ') || 'area'), polygons, bbox: [minLon, minLat, maxLon, maxLat] };
}

/**
 * One Area per feature of a FeatureCollection (e.g. markets.geojson), named by `properties.name`
 * (or `properties[nameProperty]`), falling back to "area N".
 *
 * @example
 * const markets = areasFromGeoJson(JSON.parse(fs.readFileSync('markets.geojson', 'utf8')));
 * markets.map((m) => m.name) // ['Rhyl', 'Chester', ...]
 */
export function areasFromGeoJson(fc: { type: string; features?: unknown[] }, nameProperty = 'name'): Area[] {
  if (fc?.type !== 'FeatureCollection') return [area(fc as AreaInput)];
  return (fc.features ?? []).map((f: any, i) => {
    const nm = f?.properties?.[nameProperty];
    return area(f?.type === 'Feature' ? f.geometry : f, typeof nm === 'string' ? nm : `area ${i + 1}`);
  });
}

function inRing(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * True when (lat, lon) lies in the area (even-odd rule: holes excluded).
 *
 * @example
 * pointInArea(hub, 53.40, -2.98) // true
 */
export function pointInArea(a: Area, lat: number, lon: number): boolean {
  const [x0, y0, x1, y1] = a.bbox;
  if (lon < x0 || lon > x1 || lat < y0 || lat > y1) return false;
  for (const poly of a.polygons) {
    let inside = false;
    for (const ring of poly) if (inRing(ring, lon, lat)) inside = !inside;
    if (inside) return true;
  }
  return false;
}

/** Options of {@link siteAreas}. */
export interface SiteAreasOptions {
  /**
   * Sites outside every area but within this distance (km) of an area's boundary count as in
   * the nearest such area. Cordon cameras often sit on the boundary of a hand-drawn area
   * (a ring road, a town entrance), and should count as that town. Default 0.
   */
  bufferKm?: number;
}

/**
 * Distance (km) from a point to an area's boundary (equirectangular, fine at town scale);
 * use with `pointInArea` to tell inside from outside.
 *
 * @example
 * distanceToAreaKm(hub, 53.30, -2.98) // ≈ 4 (km south of the hub's edge)
 */
export function distanceToAreaKm(a: Area, lat: number, lon: number): number {
  const kx = 111.32 * Math.cos((lat * Math.PI) / 180), ky = 110.57;
  let best = Infinity;
  for (const poly of a.polygons) for (const ring of poly) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const ax = (ring[j][0] - lon) * kx, ay = (ring[j][1] - lat) * ky;
      const bx = (ring[i][0] - lon) * kx, by = (ring[i][1] - lat) * ky;
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const d = Math.hypot(ax + t * dx, ay + t * dy);
      if (d < best) best = d;
    }
  }
  return best;
}

/**
 * Area index per site (first area containing the site wins; else, with `bufferKm`, the
 * nearest area whose boundary is within bufferKm; -1 = in none).
 *
 * @example
 * const siteArea = siteAreas(store.sites, [hub, ...markets], { bufferKm: 1 });
 * siteArea[store.site[0]] // area index of read 0, or -1
 */
export function siteAreas(sites: SitePositions, areas: readonly Area[], options: SiteAreasOptions = {}): Int32Array {
  const buffer = Math.max(0, options.bufferKm ?? 0);
  const out = new Int32Array(sites.lat.length).fill(-1);
  for (let s = 0; s < out.length; s++) {
    const lat = sites.lat[s], lon = sites.lon[s];
    for (let k = 0; k < areas.length; k++) {
      if (pointInArea(areas[k], lat, lon)) { out[s] = k; break; }
    }
    if (out[s] >= 0 || buffer === 0) continue;
    const padLat = buffer / 110.57, padLon = buffer / (111.32 * Math.max(0.1, Math.cos((lat * Math.PI) / 180)));
    let best = buffer;
    for (let k = 0; k < areas.length; k++) {
      const [x0, y0, x1, y1] = areas[k].bbox;
      if (lon < x0 - padLon || lon > x1 + padLon || lat < y0 - padLat || lat > y1 + padLat) continue;
      const d = distanceToAreaKm(areas[k], lat, lon);
      if (d <= best) { best = d; out[s] = k; }
    }
  }
  return out;
}
