/** Great-circle distance between points and between camera sites. */

/** What distances need of a site table: positions by site code. */
export interface SitePositions { lat: ArrayLike<number>; lon: ArrayLike<number> }

const R_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * Great-circle (haversine) distance in km between two WGS84 points.
 *
 * @example
 * Math.round(haversineKm(53.4084, -2.9916, 53.4808, -2.2426)) // 50 (Liverpool–Manchester)
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * Distance in km between two sites of a SiteTable (by site code).
 *
 * @example
 * siteDistanceKm(store.sites, 0, 1)
 */
export function siteDistanceKm(sites: SitePositions, a: number, b: number): number {
  if (a === b) return 0;
  if (sites !== cachedSites) cacheSites(sites);
  if (cachedMatrix !== null) return cachedMatrix[a * cachedN + b];
  return haversineKm(sites.lat[a], sites.lon[a], sites.lat[b], sites.lon[b]);
}

// Site-to-site distances are asked for once per pair of consecutive reads (trips, stays, tours,
// look-alikes): for a table of at most MATRIX_MAX_SITES sites, the whole matrix (same values,
// from haversineKm) is built once — at most 8 MB — and reused while the same table is asked about.
const MATRIX_MAX_SITES = 1024;
let cachedSites: SitePositions | null = null;
let cachedMatrix: Float64Array | null = null;
let cachedN = 0;
function cacheSites(sites: SitePositions): void {
  const n = sites.lat.length;
  cachedSites = sites; cachedN = n; cachedMatrix = null;
  if (n > MATRIX_MAX_SITES) return;
  const m = new Float64Array(n * n);
  const { lat, lon } = sites;
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) m[a * n + b] = a === b ? 0 : haversineKm(lat[a], lon[a], lat[b], lon[b]);
  cachedMatrix = m;
}
