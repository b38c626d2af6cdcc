// geo.mjs — small spherical-geometry helpers: distances, bearings, compass points,
// offsetting a point, irregular town polygons and point-in-polygon.

const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

export function haversineKm(lat1, lon1, lat2, lon2) {
  const dLat = rad(lat2 - lat1), dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** initial bearing in degrees [0, 360) from point 1 to point 2 */
export function bearingDeg(lat1, lon1, lat2, lon2) {
  const y = Math.sin(rad(lon2 - lon1)) * Math.cos(rad(lat2));
  const x = Math.cos(rad(lat1)) * Math.sin(rad(lat2)) - Math.sin(rad(lat1)) * Math.cos(rad(lat2)) * Math.cos(rad(lon2 - lon1));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

export const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
export function compass8(bearing) { return COMPASS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8]; }
export function opposite(dir) { return COMPASS[(COMPASS.indexOf(dir) + 4) % 8]; }
const WORDS = { N: 'northbound', NE: 'north-eastbound', E: 'eastbound', SE: 'south-eastbound', S: 'southbound', SW: 'south-westbound', W: 'westbound', NW: 'north-westbound' };
export function boundWord(dir) { return WORDS[dir]; }

/** point `km` away from (lat, lon) along `bearing` */
export function offsetPoint(lat, lon, bearing, km) {
  const d = km / R, b = rad(bearing), p1 = rad(lat), l1 = rad(lon);
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [deg(p2), deg(l2)];
}

/** closed ring [[lon,lat],...] of an irregular circle of radius rKm (radius varies 0.92-1.08) */
export function townRing(lat, lon, rKm, rng, n = 28) {
  const ring = [];
  for (let i = 0; i < n; i++) {
    const r = rKm * rng.uniform(0.92, 1.08);
    const [la, lo] = offsetPoint(lat, lon, (360 * i) / n, r);
    ring.push([+lo.toFixed(5), +la.toFixed(5)]);
  }
  ring.push(ring[0].slice());
  return ring;
}

/** ray casting; ring is [[lon,lat],...] */
export function pointInRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
