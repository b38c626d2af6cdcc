/**
 * Area polygons for the outputs: the hub and each market town as a 32-gon around the town
 * centre, radius its built-up radius (scaled by population).
 */
import type { Town } from './geography';
import { offsetPoint } from './geography';

/** A GeoJSON polygon feature with a name. */
export interface AreaFeature {
  type: 'Feature';
  properties: { name: string; kind: string; population: number; radius_km: number };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

/**
 * A town as a closed 32-gon polygon feature (coordinates [lon, lat], 5 decimals).
 * @example
 * townPolygon(towns[0]).properties.name; // 'Liverpool'
 */
export function townPolygon(t: Town): AreaFeature {
  const ring: [number, number][] = [];
  for (let k = 0; k <= 32; k++) {
    const [lat, lon] = offsetPoint(t.lat, t.lon, ((k % 32) * 360) / 32, t.radiusKm);
    ring.push([+lon.toFixed(5), +lat.toFixed(5)]);
  }
  return {
    type: 'Feature',
    properties: { name: t.name, kind: t.kind, population: t.population, radius_km: +t.radiusKm.toFixed(2) },
    geometry: { type: 'Polygon', coordinates: [ring] }
  };
}

/**
 * A FeatureCollection of town polygons.
 * @example
 * areasCollection(towns.filter((t) => t.kind === 'market')).features.length; // 8
 */
export function areasCollection(ts: Town[]): { type: 'FeatureCollection'; features: AreaFeature[] } {
  return { type: 'FeatureCollection', features: ts.map(townPolygon) };
}
