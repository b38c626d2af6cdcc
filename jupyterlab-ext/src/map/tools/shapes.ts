/**
 * Drawn shapes as data (no DOM, no Leaflet): a polygon, rectangle or circle the analyst drew,
 * its GeoJSON (a circle becomes a polygon of CIRCLE_VERTICES vertices, which is what
 * kernel-lib's `area()` accepts), which sites fall inside it, and the notebook code that
 * defines it with kernel-lib.
 */
import type { MapSite } from '@anpr/kernel-lib/contract';

/** Vertices of the polygon that stands for a drawn circle. */
export const CIRCLE_VERTICES = 64;
/** Decimal places kept in drawn coordinates (~1 m). */
const DECIMALS = 5;
const EARTH_RADIUS_M = 6_371_008.8;

/** A shape drawn on the map; `ring` is closed, [lon, lat] positions (GeoJSON order). */
export interface DrawnShape {
  name: string;
  kind: 'polygon' | 'rectangle' | 'circle';
  ring: [number, number][];
  /** For circles: centre [lat, lon] and radius in metres. */
  circle?: { center: [number, number]; radiusM: number };
}

const round = (v: number) => Number(v.toFixed(DECIMALS));

/**
 * Close a ring (first position repeated at the end) and round its positions.
 * @example closeRing([[-3, 53], [-2, 53], [-2, 54]]) // [[-3, 53], [-2, 53], [-2, 54], [-3, 53]]
 */
export function closeRing(ring: [number, number][]): [number, number][] {
  const out = ring.map(([lon, lat]) => [round(lon), round(lat)] as [number, number]);
  if (out.length && (out[0][0] !== out[out.length - 1][0] || out[0][1] !== out[out.length - 1][1])) out.push([...out[0]] as [number, number]);
  return out;
}

/**
 * A polygon from clicked [lat, lon] vertices (at least 3).
 * @example polygonShape('area1', [[53.4, -3], [53.5, -3], [53.5, -2.9]]).ring.length // 4
 */
export function polygonShape(name: string, latlngs: [number, number][]): DrawnShape {
  return { name, kind: 'polygon', ring: closeRing(latlngs.map(([lat, lon]) => [lon, lat])) };
}

/**
 * A rectangle from two opposite corners [lat, lon].
 * @example rectangleShape('area1', [53.4, -3], [53.5, -2.9]).ring // [[-3, 53.4], [-2.9, 53.4], [-2.9, 53.5], [-3, 53.5], [-3, 53.4]]
 */
export function rectangleShape(name: string, a: [number, number], b: [number, number]): DrawnShape {
  const [s, n] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
  const [w, e] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
  return { name, kind: 'rectangle', ring: closeRing([[w, s], [e, s], [e, n], [w, n]]) };
}

/**
 * A circle of `radiusM` metres around `center` [lat, lon], as a geodesic polygon of
 * CIRCLE_VERTICES vertices.
 * @example circleShape('area1', [53.4, -2.98], 1000).ring.length // 65
 */
export function circleShape(name: string, center: [number, number], radiusM: number, vertices = CIRCLE_VERTICES): DrawnShape {
  const toRad = Math.PI / 180;
  const lat1 = center[0] * toRad;
  const lon1 = center[1] * toRad;
  const d = radiusM / EARTH_RADIUS_M;
  const ring: [number, number][] = [];
  for (let i = 0; i < vertices; i++) {
    const bearing = (2 * Math.PI * i) / vertices;
    const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearing));
    const lon2 = lon1 + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
    ring.push([lon2 / toRad, lat2 / toRad]);
  }
  return { name, kind: 'circle', ring: closeRing(ring), circle: { center, radiusM: Math.round(radiusM) } };
}

/**
 * Great-circle distance in metres between two [lat, lon] points.
 * @example Math.round(distanceM([53.4, -3], [53.5, -3])) // 11120
 */
export function distanceM(a: [number, number], b: [number, number]): number {
  const toRad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * toRad;
  const dLon = (b[1] - a[1]) * toRad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * toRad) * Math.cos(b[0] * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * True when (lat, lon) is inside the ring (even-odd rule, as kernel-lib's pointInArea).
 * @example insideRing([[-3, 53], [-2, 53], [-2, 54], [-3, 53]], 53.2, -2.5) // true
 */
export function insideRing(ring: [number, number][], lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Ids of the sites inside a shape, in bundle order.
 * @example sitesInShape(shape, bundle.sites) // ['S001', 'S007']
 */
export function sitesInShape(shape: DrawnShape, sites: MapSite[]): string[] {
  return sites.filter(s => insideRing(shape.ring, s.lat, s.lon)).map(s => s.id);
}

/**
 * The GeoJSON Polygon geometry of a shape.
 * @example shapeGeometry(rectangleShape('a', [53, -3], [54, -2])).type // 'Polygon'
 */
export function shapeGeometry(shape: DrawnShape): { type: 'Polygon'; coordinates: [number, number][][] } {
  return { type: 'Polygon', coordinates: [shape.ring] };
}

/**
 * All shapes as a GeoJSON FeatureCollection (name and kind in each feature's properties).
 * @example JSON.stringify(shapesGeoJson([shape]))
 */
export function shapesGeoJson(shapes: DrawnShape[]): { type: 'FeatureCollection'; features: unknown[] } {
  return {
    type: 'FeatureCollection',
    features: shapes.map(s => ({
      type: 'Feature',
      properties: { name: s.name, kind: s.kind, ...(s.circle ? { center: s.circle.center, radius_m: s.circle.radiusM } : {}) },
      geometry: shapeGeometry(s)
    }))
  };
}

/**
 * A JavaScript identifier from a shape name.
 * @example identifier('area 1') // 'area_1'
 */
export function identifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(id) ? id : `_${id}`;
}

/**
 * The notebook cell that defines the drawn shapes with kernel-lib: one `area(...)` per shape,
 * each with a comment saying what was drawn and how many of the map's sites it holds; and
 * the selected sites (if any) as `sites1`, a list of site ids (kernel-lib's queries take it as a place).
 * @example areaCode([circleShape('area1', [53.4, -2.98], 1000)], bundle.sites)
 * // 'import { area } from "@anpr/kernel-lib";\n// area1: circle, radius 1000 m ...\nconst area1 = area({...}, "area1");'
 */
export function areaCode(shapes: DrawnShape[], sites: MapSite[], mapTitle?: string, selected: string[] = []): string {
  const lines = [`// Drawn on the map${mapTitle ? ` "${mapTitle.replace(/[\r\n]+/g, ' ')}"` : ''}. Re-runs headless: the area is code now.`];
  if (selected.length) {
    lines.push(`// ${selected.length} selected site${selected.length === 1 ? '' : 's'}: a place for anpr.areaSearch, aThenB, frequency (site ids).`);
    lines.push(`const sites1 = ${JSON.stringify(selected)};`);
  }
  if (!shapes.length) return lines.join('\n');
  lines.push('import { area } from "@anpr/kernel-lib";');
  for (const s of shapes) {
    const what = s.kind === 'circle' && s.circle ? `circle, radius ${s.circle.radiusM} m around ${s.circle.center.map(round).join(', ')}` : `${s.kind}, ${s.ring.length - 1} vertices`;
    lines.push(`// ${s.name}: ${what}; ${sitesInShape(s, sites).length} of the map's sites inside.`);
    lines.push(`const ${identifier(s.name)} = area(${JSON.stringify(shapeGeometry(s))}, ${JSON.stringify(s.name)});`);
  }
  return lines.join('\n');
}
