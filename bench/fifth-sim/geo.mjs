// geo.mjs — small spherical-geometry helpers: distances, bearings, 8-point
// compass directions, offsets in km, jittered town polygons and a
// point-in-polygon test. Points are { lat, lon } in degrees.

const R_KM = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
const deg = (r) => (r * 180) / Math.PI;

export function distKm(a, b) {
  const dLat = rad(b.lat - a.lat), dLon = rad(b.lon - a.lon);
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** initial bearing a -> b in degrees, 0 = north, clockwise */
export function bearingDeg(a, b) {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x = Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return (deg(Math.atan2(y, x)) + 360) % 360;
}

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
export function compass8(bearing) { return COMPASS[Math.round(bearing / 45) % 8]; }

/** move a point by km north and km east (flat approximation, fine at town scale) */
export function offsetKm(p, northKm, eastKm) {
  return {
    lat: p.lat + deg(northKm / R_KM),
    lon: p.lon + deg(eastKm / (R_KM * Math.cos(rad(p.lat)))),
  };
}

export function polar(p, radiusKm, bearing) {
  return offsetKm(p, radiusKm * Math.cos(rad(bearing)), radiusKm * Math.sin(rad(bearing)));
}

export function lerp(a, b, f) {
  return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f };
}

export const round5 = (x) => Math.round(x * 1e5) / 1e5;

/**
 * Closed GeoJSON ring [[lon, lat], ...] around a centre: n vertices whose
 * radius wobbles smoothly between minFrac and maxFrac of radiusKm.
 */
export function townRing(centre, radiusKm, rng, n = 24, minFrac = 0.95, maxFrac = 1.15) {
  const phase1 = rng.uniform(0, 2 * Math.PI), phase2 = rng.uniform(0, 2 * Math.PI);
  const ring = [];
  for (let i = 0; i < n; i++) {
    const th = (2 * Math.PI * i) / n;
    const wobble = 0.5 + 0.3 * Math.sin(2 * th + phase1) + 0.2 * Math.sin(3 * th + phase2);
    const r = radiusKm * (minFrac + (maxFrac - minFrac) * Math.min(1, Math.max(0, wobble)));
    const p = polar(centre, r, deg(th));
    ring.push([round5(p.lon), round5(p.lat)]);
  }
  ring.push(ring[0].slice());
  return ring;
}

/** ray casting on a GeoJSON ring */
export function inRing(lon, lat, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
