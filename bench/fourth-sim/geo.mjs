// geo.mjs - small spherical helpers: distance, bearing, compass points, offsets, polygons.

const R = 6371; // km
const rad = (x) => (x * Math.PI) / 180;
const deg = (x) => (x * 180) / Math.PI;

/** Great-circle distance in km between {lat, lon} points. */
export function distKm(a, b) {
  const dLat = rad(b.lat - a.lat), dLon = rad(b.lon - a.lon);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Initial bearing in degrees 0-360 from a to b. */
export function bearing(a, b) {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

export const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** Eight-point compass name of a bearing. */
export function compass(b) { return COMPASS[Math.round(((b % 360) + 360) % 360 / 45) % 8]; }

export function opposite(dir) { return COMPASS[(COMPASS.indexOf(dir) + 4) % 8]; }

/** Point offset from p by dx km east and dy km north. */
export function offsetKm(p, dx, dy) {
  return { lat: p.lat + dy / 111.2, lon: p.lon + dx / (111.2 * Math.cos(rad(p.lat))) };
}

/** Linear interpolation between two points (fine at these scales). */
export function lerp(a, b, f) { return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f }; }

/**
 * A closed irregular polygon ring [[lon, lat], ...] around a centre: `n` vertices whose
 * radius wobbles between rMin and rMax km (wobble drawn from `rng`).
 */
export function blobRing(centre, rMin, rMax, rng, n = 16) {
  const ring = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = rng.float(rMin, rMax);
    const p = offsetKm(centre, r * Math.sin(a), r * Math.cos(a));
    ring.push([round5(p.lon), round5(p.lat)]);
  }
  ring.push(ring[0].slice());
  return ring;
}

/** Ray-casting point-in-polygon for a ring [[lon, lat], ...]. */
export function inRing(ring, lat, lon) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

export function round5(x) { return Math.round(x * 1e5) / 1e5; }
