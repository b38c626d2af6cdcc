/** Great-circle distance between camera sites. */
import type { SiteTable } from '../reads/types';

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
export function siteDistanceKm(sites: SiteTable, a: number, b: number): number {
  if (a === b) return 0;
  return haversineKm(sites.lat[a], sites.lon[a], sites.lat[b], sites.lon[b]);
}
