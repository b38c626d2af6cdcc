// The road graph: hub centre and districts, town centres with generated neighbourhoods, junctions and
// gateways; edges with length (km), class and free-flow speed; Dijkstra shortest-time paths with a few
// alternative routes made by perturbing edge costs.
import { REGIONS } from './region.mjs';
import { haversineKm, bearingDeg, destination, compass8 } from './geo.mjs';

const WINDINESS = { motorway: [1.03, 1.1], trunk: [1.08, 1.2], a_road: [1.12, 1.3], b_road: [1.2, 1.4], urban: [1.15, 1.35] };
/** Number of route variants: 0 is the fastest route, the others perturbed. @example ROUTE_VARIANTS === 3 */
export const ROUTE_VARIANTS = 3;

/** Build the region's towns, nodes and edges with scenario-drawn radii, speeds and windiness. @example const net = buildNetwork('south_west', new Rng('a')); net.nodes.length > 100 */
export function buildNetwork(regionName, rng) {
  const def = REGIONS[regionName];
  if (!def) throw new Error(`unknown region ${regionName}`);
  const nodes = [], edges = [], towns = [], byKey = new Map();
  const addNode = (key, name, lat, lon, kind, town = -1) => {
    const n = { id: nodes.length, key, name, lat, lon, kind, town, adj: [] };
    nodes.push(n);
    if (key) byKey.set(key, n.id);
    return n.id;
  };
  const speeds = {
    motorway: rng.uniform(100, 112), trunk: rng.uniform(75, 88), a_road: rng.uniform(55, 68), b_road: rng.uniform(45, 55),
    urban: rng.uniform(28, 36), hubFactor: rng.uniform(0.55, 0.72)
  };
  const hubDef = def.hub;
  const allTowns = [...def.markets.map((m) => [...m, 1, 'market']), ...def.towns.map((t) => [...t, 'background'])];
  const distHub = (lat, lon) => haversineKm(hubDef.lat, hubDef.lon, lat, lon);
  const maxDistrict = Math.max(...hubDef.districts.map((d) => distHub(d[1], d[2])));
  const nearestTown = Math.min(...allTowns.map((t) => distHub(t[1], t[2])));
  const rLo = Math.max(6, maxDistrict + 1), rHi = Math.min(10, nearestTown - 2.5);
  const hubRadius = rHi > rLo ? rng.uniform(rLo, rHi) : rLo;

  // hub: centre + districts
  const hubTown = { index: 0, name: hubDef.name, kind: 'hub', lat: hubDef.lat, lon: hubDef.lon, radiusKm: hubRadius, weight: 0, node: -1, nbhds: [] };
  towns.push(hubTown);
  hubTown.node = addNode(hubDef.name, `${hubDef.name} centre`, hubDef.lat, hubDef.lon, 'hub_centre', 0);
  for (const [name, lat, lon] of hubDef.districts) hubTown.nbhds.push(addNode(name, name, lat, lon, 'district', 0));

  // market and background towns, each with a few neighbourhood nodes
  for (const [name, lat, lon, weight, kind] of allTowns) {
    const others = allTowns.filter((t) => t[0] !== name).map((t) => haversineKm(lat, lon, t[1], t[2]));
    const nearest = Math.min(...others);
    const town = { index: towns.length, name, kind, lat, lon, weight, node: -1, nbhds: [], radiusKm: 0 };
    towns.push(town);
    town.node = addNode(name, `${name} centre`, lat, lon, kind === 'market' ? 'market' : 'town', town.index);
    let k, dLo, dHi;
    if (kind === 'market') {
      town.radiusKm = Math.max(1.5, rng.uniform(1.5, Math.min(3, nearest - 1.5)));
      k = rng.int(3, 5); dLo = 0.35 * town.radiusKm; dHi = 0.75 * town.radiusKm;
    } else {
      town.radiusKm = Math.min(1.2, 0.3 * nearest);
      k = rng.int(2, 3); dLo = 0.4 * town.radiusKm; dHi = town.radiusKm;
    }
    const base = rng.uniform(0, 360);
    for (let i = 0; i < k; i++) {
      const b = base + (360 * i) / k + rng.uniform(-20, 20);
      const [la, lo] = destination(lat, lon, b, rng.uniform(dLo, dHi));
      town.nbhds.push(addNode(null, `${name} ${compass8(bearingDeg(lat, lon, la, lo))} side`, la, lo, 'nbhd', town.index));
    }
  }
  for (const [key, name, lat, lon] of def.junctions) addNode(key, name, lat, lon, 'junction');
  for (const [key, name, lat, lon] of def.gateways) addNode(key, name, lat, lon, 'gateway');

  const addEdge = (a, b, road, cls) => {
    const A = nodes[a], B = nodes[b];
    const straight = haversineKm(A.lat, A.lon, B.lat, B.lon);
    const [wLo, wHi] = WINDINESS[cls];
    const midIn = distHub((A.lat + B.lat) / 2, (A.lon + B.lon) / 2) < hubRadius;
    let speed = speeds[cls];
    if (midIn && cls !== 'motorway') speed = cls === 'urban' ? speed * speeds.hubFactor * 1.1 : speed * speeds.hubFactor;
    const zone = midIn || cls === 'urban' ? 0 : distHub((A.lat + B.lat) / 2, (A.lon + B.lon) / 2) < hubRadius + 15 ? 1 : 2;
    const e = { id: edges.length, a, b, road, cls, straight, len: Math.max(0.2, straight * rng.uniform(wLo, wHi)), speed, zone, cams: null };
    edges.push(e);
    A.adj.push(e.id); B.adj.push(e.id);
    return e.id;
  };

  // hub streets: spokes to the centre, a ring of neighbouring districts by bearing, and each district to its nearest
  const hubStreets = `${hubDef.name} city streets`;
  const ring = hubTown.nbhds.slice().sort((x, y) => bearingDeg(hubDef.lat, hubDef.lon, nodes[x].lat, nodes[x].lon) - bearingDeg(hubDef.lat, hubDef.lon, nodes[y].lat, nodes[y].lon));
  const linked = new Set();
  const link = (a, b, road) => {
    const k = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || linked.has(k)) return;
    linked.add(k); addEdge(a, b, road, 'urban');
  };
  for (const d of hubTown.nbhds) link(d, hubTown.node, hubStreets);
  for (let i = 0; i < ring.length; i++) link(ring[i], ring[(i + 1) % ring.length], hubStreets);
  for (const d of hubTown.nbhds) {
    let best = -1, bd = Infinity;
    for (const o of hubTown.nbhds) {
      if (o === d) continue;
      const dd = haversineKm(nodes[d].lat, nodes[d].lon, nodes[o].lat, nodes[o].lon);
      if (dd < bd) { bd = dd; best = o; }
    }
    link(d, best, hubStreets);
  }
  // town streets: spokes, and some links between consecutive neighbourhoods
  for (const t of towns.slice(1)) {
    const road = `${t.name} town streets`;
    for (const n of t.nbhds) link(n, t.node, road);
    if (t.nbhds.length >= 3) for (let i = 0; i < t.nbhds.length; i++) if (rng.chance(0.5)) link(t.nbhds[i], t.nbhds[(i + 1) % t.nbhds.length], road);
  }
  // main roads
  for (const [road, cls, chain] of def.roads) {
    for (let i = 0; i + 1 < chain.length; i++) {
      const a = byKey.get(chain[i]), b = byKey.get(chain[i + 1]);
      if (a === undefined || b === undefined) throw new Error(`road ${road}: unknown place ${chain[i]} or ${chain[i + 1]}`);
      addEdge(a, b, road, cls);
    }
  }
  const net = { region: regionName, hub: hubTown, towns, nodes, edges, byKey, speeds, hubRadius };
  net.markets = towns.filter((t) => t.kind === 'market');
  net.background = towns.filter((t) => t.kind === 'background');
  net.gateways = nodes.filter((n) => n.kind === 'gateway').map((n) => n.id);
  net.router = makeRouter(net, rng.fork('routes'));
  return net;
}

/** A router with cached shortest-time trees per (variant, source); paths are Int32Arrays of edge*2 + (1 if against the edge's a->b). @example net.router.path(from, to, 0) */
export function makeRouter(net, rng) {
  const { nodes, edges } = net;
  const n = nodes.length;
  const costs = [];
  for (let v = 0; v < ROUTE_VARIANTS; v++) {
    const c = new Float64Array(edges.length);
    for (const e of edges) c[e.id] = (e.len / e.speed) * (v === 0 ? 1 : rng.uniform(0.8, 1.5));
    costs.push(c);
  }
  const trees = new Map(), paths = new Map();
  const tree = (v, src) => {
    const key = v * n + src;
    let t = trees.get(key);
    if (t) return t;
    const dist = new Float64Array(n).fill(Infinity), prev = new Int32Array(n).fill(-1), done = new Uint8Array(n);
    dist[src] = 0;
    const c = costs[v];
    for (;;) {
      let u = -1, best = Infinity;
      for (let i = 0; i < n; i++) if (!done[i] && dist[i] < best) { best = dist[i]; u = i; }
      if (u < 0) break;
      done[u] = 1;
      for (const eid of nodes[u].adj) {
        const e = edges[eid];
        const w = e.a === u ? e.b : e.a;
        const d = best + c[eid];
        if (d < dist[w]) { dist[w] = d; prev[w] = eid; }
      }
    }
    t = { dist, prev };
    trees.set(key, t);
    return t;
  };
  return {
    /** Directed edge codes from `from` to `to` (empty if equal). @example net.router.path(a, b, 1) */
    path(from, to, v = 0) {
      const key = (v * n + from) * n + to;
      let p = paths.get(key);
      if (p) return p;
      const { prev } = tree(v, from);
      const out = [];
      let cur = to;
      while (cur !== from) {
        const eid = prev[cur];
        if (eid < 0) throw new Error(`no route from ${nodes[from].name} to ${nodes[to].name}`);
        const e = edges[eid];
        const fwd = e.b === cur;
        out.push(eid * 2 + (fwd ? 0 : 1));
        cur = fwd ? e.a : e.b;
      }
      p = Int32Array.from(out.reverse());
      paths.set(key, p);
      return p;
    },
    /** Free-flow travel time in hours on the fastest route. @example net.router.hours(a, b) // 0.9 */
    hours(from, to) { return tree(0, from).dist[to]; }
  };
}
