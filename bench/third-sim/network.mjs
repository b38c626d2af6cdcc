// network.mjs — the road graph: places are nodes, roads are edges. Each edge has a road
// length (straight line x 1.2) and a speed profile: slow urban stretches inside the towns
// at either end, open-road speed in between. Fastest routes by Dijkstra, cached per pair.

import { haversineKm } from './geo.mjs';

const WIND = 1.2; // road km per straight-line km
const URBAN_KMH = { hub: 28, market: 34, town: 36, village: 45, gateway: 90 };

function roadKmh(road, fastRoads) {
  if (fastRoads.includes(road) || road.startsWith('M')) return 85;
  return road.startsWith('A') ? 64 : 52;
}

function makeEdge(id, a, b, road, fastRoads) {
  const L = haversineKm(a.lat, a.lon, b.lat, b.lon) * WIND;
  const uA = Math.min(a.r * WIND, 0.45 * L), uB = Math.min(b.r * WIND, 0.45 * L);
  const vA = URBAN_KMH[a.kind], vB = URBAN_KMH[b.kind], vR = roadKmh(road, fastRoads);
  const tA = (uA / vA) * 60, tR = ((L - uA - uB) / vR) * 60, tB = (uB / vB) * 60;
  /** minutes from a to road-km s along the edge */
  const timeAt = (s) => {
    if (s <= uA) return (s / vA) * 60;
    if (s <= L - uB) return tA + ((s - uA) / vR) * 60;
    return tA + tR + ((s - (L - uB)) / vB) * 60;
  };
  return { id, a: a.id, b: b.id, road, L, minutes: tA + tR + tB, timeAt, cams: [] };
}

export function buildNetwork(region) {
  const byId = new Map(region.places.map((p) => [p.id, p]));
  const edges = region.roads.map(([x, y, road], i) => {
    if (!byId.has(x) || !byId.has(y)) throw new Error(`road ${x}-${y}: unknown place`);
    return makeEdge(i, byId.get(x), byId.get(y), road, region.fastRoads);
  });
  const adj = new Map(region.places.map((p) => [p.id, []]));
  for (const e of edges) { adj.get(e.a).push(e); adj.get(e.b).push(e); }
  const cache = new Map();

  /** fastest route a -> b: { nodes, steps:[{edge, forward, t0}], minutes } */
  function route(from, to) {
    const key = `${from}>${to}`;
    if (cache.has(key)) return cache.get(key);
    const dist = new Map([[from, 0]]), prev = new Map(), done = new Set();
    while (true) {
      let u = null, best = Infinity;
      for (const [k, d] of dist) if (!done.has(k) && d < best) { best = d; u = k; }
      if (u === null || u === to) break;
      done.add(u);
      for (const e of adj.get(u)) {
        const v = e.a === u ? e.b : e.a;
        // gateways are ends of journeys, never shortcuts through
        if (byId.get(v).kind === 'gateway' && v !== to) continue;
        const nd = best + e.minutes;
        if (nd < (dist.get(v) ?? Infinity)) { dist.set(v, nd); prev.set(v, e); }
      }
    }
    if (!dist.has(to)) throw new Error(`no route ${from} -> ${to}`);
    const steps = [];
    for (let v = to; v !== from;) {
      const e = prev.get(v);
      const u = e.a === v ? e.b : e.a;
      steps.unshift({ edge: e, forward: e.a === u });
      v = u;
    }
    let t = 0;
    const nodes = [from];
    for (const s of steps) { s.t0 = t; t += s.edge.minutes; nodes.push(s.forward ? s.edge.b : s.edge.a); }
    const r = { nodes, steps, minutes: t };
    cache.set(key, r);
    return r;
  }

  return {
    places: region.places, byId, edges, adj, route,
    travelMin: (a, b) => (a === b ? 0 : route(a, b).minutes),
  };
}
