// cameras.mjs — the ANPR camera layout. Camera *points* sit on roads (on a road edge at a
// distance from one end) or in a town centre; each point has one or two *sites*, one per
// direction of travel read. Coverage is deliberately partial: the hub is dense (radial
// roads and centre), market towns get 1-4 points (some only one or two), other towns and
// villages rarely any, and only some road links carry a camera.

import { boundWord, bearingDeg, compass8, offsetPoint, opposite, COMPASS } from './geo.mjs';

const STREETS = ['High Street', 'Market Place', 'Station Road', 'London Road', 'Church Street', 'Bridge Street', 'North Road', 'Queen Street', 'King Street', 'Castle Gate'];
const WIND = 1.2;

export function layoutCameras(region, net, rng) {
  const points = [], sites = [];
  const townCams = new Map(region.places.map((p) => [p.id, { centre: [], inner: [] }]));
  const prefix = region.prefix;
  let pid = 0;

  function addSite(point, dir, name, road, lat, lon) {
    const site = { id: `${prefix}${String(point.pid).padStart(3, '0')}${dir}`, name, lat, lon, road, direction: dir, point };
    sites.push(site);
    return site;
  }
  const dirsWanted = (pBoth) => (rng.chance(pBoth) ? 'both' : rng.pick(['fwd', 'back']));

  /** a camera point on edge e, at road-km s from e.a; town = place whose entrance it covers (or null) */
  function edgePoint(e, s, town, pBoth) {
    const A = net.byId.get(e.a), B = net.byId.get(e.b);
    const f = Math.min(0.98, Math.max(0.02, s / e.L));
    const lat = A.lat + (B.lat - A.lat) * f, lon = A.lon + (B.lon - A.lon) * f;
    const fwdDir = compass8(bearingDeg(A.lat, A.lon, B.lat, B.lon));
    const backDir = compass8(bearingDeg(B.lat, B.lon, A.lat, A.lon));
    const point = { pid: ++pid, kind: 'edge', edge: e, s, town: town?.id ?? null, fwd: null, back: null };
    const near = town ?? (s < e.L / 2 && A.kind !== 'gateway' ? A : B.kind !== 'gateway' ? B : A);
    const label = town ? `${town.name} ${e.road}` : `${e.road} near ${near.name}`;
    const which = dirsWanted(pBoth);
    if (which !== 'back') point.fwd = addSite(point, fwdDir, `${label} ${boundWord(fwdDir)}`, e.road, lat, lon);
    if (which !== 'fwd') point.back = addSite(point, backDir, `${label} ${boundWord(backDir)}`, e.road, lat, lon);
    points.push(point);
    e.cams.push(point);
    if (town) townCams.get(town.id).inner.push(point);
    return point;
  }
  /** a camera point on the town side of edge e, `km` straight-line from the town centre */
  function entrance(town, e, km, pBoth) {
    const sFromTown = Math.min(km * WIND, 0.6 * e.L);
    return edgePoint(e, e.a === town.id ? sFromTown : e.L - sFromTown, town, pBoth);
  }
  function centrePoint(town, minF, maxF) {
    const [lat, lon] = offsetPoint(town.lat, town.lon, rng.uniform(0, 360), town.r * rng.uniform(minF, maxF));
    const axis = rng.pick(COMPASS), street = rng.pick(STREETS);
    const point = { pid: ++pid, kind: 'centre', town: town.id, sites: [] };
    const which = dirsWanted(0.85);
    if (which !== 'back') point.sites.push(addSite(point, axis, `${town.name} ${street} ${boundWord(axis)}`, street, lat, lon));
    const opp = opposite(axis);
    if (which !== 'fwd') point.sites.push(addSite(point, opp, `${town.name} ${street} ${boundWord(opp)}`, street, lat, lon));
    points.push(point);
    townCams.get(town.id).centre.push(point);
  }

  const places = region.places;
  const hub = places.find((p) => p.kind === 'hub');
  // hub: most radial roads watched at the edge of the city, some also further in; centre cameras
  for (const e of net.adj.get(hub.id)) {
    if (rng.chance(0.92)) entrance(hub, e, hub.r * rng.uniform(0.45, 0.8), 0.8);
    if (rng.chance(0.35)) entrance(hub, e, hub.r * rng.uniform(0.2, 0.4), 0.7);
  }
  for (let i = 0; i < hub.centreCams; i++) centrePoint(hub, 0.08, 0.55);

  // markets: 1-4 points; the first two (shuffled) get only one or two
  const markets = rng.shuffle(places.filter((p) => p.kind === 'market'));
  markets.forEach((m, i) => {
    const k = i < 2 ? rng.int(1, 2) : [1, 2, 2, 3, 3, 4][rng.int(0, 5)];
    const roads = rng.shuffle(net.adj.get(m.id));
    for (let j = 0; j < k; j++) {
      if (roads.length && rng.chance(0.55)) entrance(m, roads.pop(), m.r * rng.uniform(0.35, 0.75), 0.5);
      else centrePoint(m, 0, 0.4);
    }
  });
  // other towns and villages: rarely
  for (const p of places) {
    if (p.kind !== 'town' && p.kind !== 'village') continue;
    if (!rng.chance(p.kind === 'town' ? 0.4 : 0.12)) continue;
    if (rng.chance(0.5)) entrance(p, rng.pick(net.adj.get(p.id)), p.r * rng.uniform(0.4, 0.8), 0.5);
    else centrePoint(p, 0, 0.4);
  }
  // road links: fast roads often, A roads sometimes, B roads rarely; every gateway road once
  for (const e of net.edges) {
    const A = net.byId.get(e.a), B = net.byId.get(e.b);
    if (A.kind === 'gateway' || B.kind === 'gateway') {
      const s = rng.uniform(2, 6);
      edgePoint(e, A.kind === 'gateway' ? s : e.L - s, null, 1);
      continue;
    }
    const p = region.fastRoads.includes(e.road) || e.road.startsWith('M') ? 0.65 : e.road.startsWith('A') ? 0.35 : 0.08;
    const lo = A.r * WIND * 1.3, hi = e.L - B.r * WIND * 1.3;
    if (hi - lo > 2 && rng.chance(p)) edgePoint(e, rng.uniform(lo + 0.3 * (hi - lo), hi - 0.3 * (hi - lo)), null, 0.7);
  }
  for (const e of net.edges) e.cams.sort((x, y) => x.s - y.s);
  return { points, sites, townCams, siteById: new Map(sites.map((s) => [s.id, s])) };
}
