// Small spherical-geometry helpers (km, degrees).

const R_EARTH = 6371.0088;
const RAD = Math.PI / 180;

/** Great-circle distance in km. @example haversineKm(51.45, -2.59, 51.02, -3.10) // ~ 60 */
export function haversineKm(lat1, lon1, lat2, lon2) {
  const a = Math.sin(((lat2 - lat1) * RAD) / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(((lon2 - lon1) * RAD) / 2) ** 2;
  return 2 * R_EARTH * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Initial bearing in degrees (0 = north, clockwise). @example bearingDeg(51, -2, 52, -2) === 0 */
export function bearingDeg(lat1, lon1, lat2, lon2) {
  const y = Math.sin((lon2 - lon1) * RAD) * Math.cos(lat2 * RAD);
  const x = Math.cos(lat1 * RAD) * Math.sin(lat2 * RAD) - Math.sin(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.cos((lon2 - lon1) * RAD);
  return ((Math.atan2(y, x) / RAD) + 360) % 360;
}

/** The point at a distance (km) and bearing (degrees) from a start point, as [lat, lon]. @example destination(51, -2, 0, 111.2) // ~[52, -2] */
export function destination(lat, lon, bearing, km) {
  const d = km / R_EARTH, b = bearing * RAD, p1 = lat * RAD, l1 = lon * RAD;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [p2 / RAD, l2 / RAD];
}

const POINTS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];
const WORDS = ['northbound', 'north-eastbound', 'eastbound', 'south-eastbound', 'southbound', 'south-westbound', 'westbound', 'north-westbound'];
/** Eight-point compass of a bearing. @example compass8(95) === 'E' */
export function compass8(bearing) { return POINTS[Math.round((((bearing % 360) + 360) % 360) / 45) % 8]; }

/** Travel word of a compass point. @example boundWord('SW') === 'south-westbound' */
export function boundWord(point) { return WORDS[POINTS.indexOf(point)]; }

/** A closed ring of n points (+ the first repeated) approximating a circle, as GeoJSON [lon, lat] pairs. @example circleRing(51.45, -2.59, 8, 48).length === 49 */
export function circleRing(lat, lon, km, n = 48) {
  const ring = [];
  for (let i = 0; i < n; i++) {
    const [la, lo] = destination(lat, lon, (360 * i) / n, km);
    ring.push([+lo.toFixed(6), +la.toFixed(6)]);
  }
  ring.push(ring[0].slice());
  return ring;
}
