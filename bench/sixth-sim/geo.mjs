// geo.mjs — flat-earth geometry for a county-sized region: km projection around the hub,
// bearings and 8-point compass, point-in-polygon, irregular "blob" polygons.

export function makeProjection(lat0, lon0) {
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110.574;
  return {
    toXY: (lat, lon) => [(lon - lon0) * kx, (lat - lat0) * ky],
    toLatLon: (x, y) => [lat0 + y / ky, lon0 + x / kx]
  };
}

export const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'];

/** bearing in degrees clockwise from north, from (x1,y1) to (x2,y2) */
export function bearing(x1, y1, x2, y2) {
  const b = (Math.atan2(x2 - x1, y2 - y1) * 180) / Math.PI;
  return (b + 360) % 360;
}

export const compassIndex = (deg) => Math.round(deg / 45) % 8;

export function pointInPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** irregular polygon around (cx,cy): n vertices, radius r*(1±jitter), counter-clockwise */
export function blobPolygon(cx, cy, r, rng, n = 14, jitter = 0.08) {
  const pts = [];
  for (let k = 0; k < n; k++) {
    const a = (2 * Math.PI * k) / n;
    const rr = r * (1 + jitter * (2 * rng.next() - 1));
    pts.push([cx + rr * Math.cos(a), cy + rr * Math.sin(a)]);
  }
  return pts;
}

/** smallest radius of a polygon from a centre (lower bound of the inscribed circle at vertices) */
export function minVertexRadius(poly, cx, cy) {
  let m = Infinity;
  for (const [x, y] of poly) m = Math.min(m, Math.hypot(x - cx, y - cy));
  return m;
}
