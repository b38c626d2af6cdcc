// road-network.mjs — procedural road graph for a region. Each real town is a
// small cluster of nodes (the hub: centre + ring of districts; markets and big
// towns: centre + estates). Between towns: a jittered grid of minor (B) roads,
// primary (A) roads linking each major town to its nearest majors, and the
// region's trunk roads, all subdivided into junction nodes. Roads are invented.

import { distKm, polar, lerp, offsetKm } from './geo.mjs';

export const ROAD_CLASSES = {
  trunk: { speed: 100, wind: 1.1 },
  primary: { speed: 72, wind: 1.2 },
  minor: { speed: 52, wind: 1.3 },
  urban: { speed: 30, wind: 1.25 },
};

const STREETS = ['Abbey Lane', 'Brook Road', 'Castle Street', 'Dale Road', 'Elm Parkway', 'Forge Lane',
  'Granary Way', 'Hill Street', 'Ivy Road', 'Kiln Lane', 'Market Street', 'Station Road', 'Mill Lane', 'Church Street'];

export function buildNetwork(region, rng) {
  const nodes = [], edges = [], pairSet = new Set(), clusters = new Map();
  const usedRoads = new Set();
  const addNode = (p, role, cluster = null) => {
    nodes.push({ id: nodes.length, lat: p.lat, lon: p.lon, role, cluster });
    return nodes.length - 1;
  };
  const addEdge = (a, b, cls, road) => {
    if (a === b) return -1;
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (pairSet.has(key)) return -1;
    pairSet.add(key);
    const lenKm = Math.max(0.25, distKm(nodes[a], nodes[b]) * ROAD_CLASSES[cls].wind);
    edges.push({ id: edges.length, a, b, cls, road, lenKm });
    return edges.length - 1;
  };
  const roadName = (letter, prefix) => {
    for (;;) {
      const n = letter === 'A' ? `A${prefix}${rng.int(10, 99)}` : `B${prefix}${rng.int(100, 999)}`;
      if (!usedRoads.has(n)) { usedRoads.add(n); return n; }
    }
  };

  // --- town clusters -------------------------------------------------------
  const makeCluster = (place, kind) => {
    const c = { name: place.name, kind, lat: place.lat, lon: place.lon, size: place.size,
      leisure: !!place.leisure, port: !!place.port, districts: [], estates: [], outer: [] };
    c.centre = addNode(place, kind === 'gateway' ? 'gateway' : 'centre', place.name);
    if (kind === 'hub') {
      const k = region.hubRadiusKm > 5 ? 8 : 6;
      const streets = rng.shuffle(STREETS);
      for (let i = 0; i < k; i++) {
        const p = polar(place, rng.uniform(0.42, 0.72) * region.hubRadiusKm, (i * 360) / k + rng.uniform(-12, 12));
        const d = addNode(p, 'district', place.name);
        c.districts.push(d);
        addEdge(c.centre, d, 'urban', streets[i % streets.length]);
      }
      for (let i = 0; i < k; i++) addEdge(c.districts[i], c.districts[(i + 1) % k], 'urban', `${place.name} Ring Road`);
      c.outer = c.districts.slice();
    } else if (kind !== 'gateway') {
      const nEst = kind === 'market' ? 3 : place.size >= 4 ? 2 : place.size >= 2 ? 1 : 0;
      const base = rng.uniform(0, 360);
      for (let i = 0; i < nEst; i++) {
        const e = addNode(polar(place, rng.uniform(0.6, 1.4), base + (i * 360) / nEst + rng.uniform(-25, 25)), 'estate', place.name);
        c.estates.push(e);
        addEdge(c.centre, e, 'urban', `${place.name} ${STREETS[rng.int(0, STREETS.length - 1)]}`);
      }
      c.outer = [c.centre, ...c.estates];
    } else c.outer = [c.centre];
    c.nodes = [c.centre, ...c.districts, ...c.estates];
    clusters.set(place.name, c);
    return c;
  };
  const hub = makeCluster(region.hub, 'hub');
  const markets = region.markets.map((p) => makeCluster(p, 'market'));
  const places = region.places.map((p) => makeCluster(p, p.size >= 3 ? 'town' : p.size >= 2 ? 'small_town' : 'village'));
  const gateways = region.gateways.map((p) => makeCluster(p, 'gateway'));
  const all = [hub, ...markets, ...places, ...gateways];

  // --- jittered grid of minor roads -----------------------------------------
  const S = region.gridKm;
  const lats = all.map((c) => c.lat), lons = all.map((c) => c.lon);
  const origin = offsetKm({ lat: Math.min(...lats), lon: Math.min(...lons) }, -6, -6);
  const far = offsetKm({ lat: Math.max(...lats), lon: Math.max(...lons) }, 6, 6);
  const rows = Math.ceil(distKm(origin, { lat: far.lat, lon: origin.lon }) / S) + 1;
  const cols = Math.ceil(distKm(origin, { lat: origin.lat, lon: far.lon }) / S) + 1;
  const grid = [];
  const rowRoad = [], colRoad = [];
  for (let i = 0; i < rows; i++) rowRoad.push(roadName('B', region.bRoadPrefix));
  for (let j = 0; j < cols; j++) colRoad.push(roadName('B', region.bRoadPrefix));
  for (let i = 0; i < rows; i++) {
    grid.push([]);
    for (let j = 0; j < cols; j++) {
      const p = offsetKm(origin, i * S + rng.uniform(-0.3, 0.3) * S, j * S + rng.uniform(-0.3, 0.3) * S);
      let near = Infinity;
      for (const c of all) if (c.kind !== 'gateway') near = Math.min(near, distKm(p, c));
      const ok = near > 2.5 && near < 13 && distKm(p, hub) > region.hubRadiusKm + 1.5;
      grid[i].push(ok ? addNode(p, 'grid') : -1);
    }
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) {
    const a = grid[i][j];
    if (a < 0) continue;
    if (j + 1 < cols && grid[i][j + 1] >= 0 && rng.chance(0.8)) addEdge(a, grid[i][j + 1], 'minor', rowRoad[i]);
    if (i + 1 < rows && grid[i + 1][j] >= 0 && rng.chance(0.8)) addEdge(a, grid[i + 1][j], 'minor', colRoad[j]);
  }
  const gridNodes = nodes.filter((n) => n.role === 'grid').map((n) => n.id);
  const nearestGrid = (p, k, maxKm) => gridNodes.map((g) => [g, distKm(p, nodes[g])])
    .filter(([, d]) => d <= maxKm).sort((x, y) => x[1] - y[1] || x[0] - y[0]).slice(0, k).map(([g]) => g);
  const nearestOuter = (c, p) => c.outer.reduce((best, n) => (distKm(nodes[n], p) < distKm(nodes[best], p) ? n : best), c.outer[0]);

  // --- attach towns to the grid -----------------------------------------------
  for (const c of all) {
    const k = c.kind === 'hub' ? 8 : c.kind === 'gateway' ? 2 : c.size >= 3 ? 3 : 2;
    const maxKm = c.kind === 'hub' ? region.hubRadiusKm + 8 : 14;
    for (const g of nearestGrid(c, k, maxKm)) addEdge(g, nearestOuter(c, nodes[g]), 'minor', roadName('B', region.bRoadPrefix));
  }

  // --- primary and trunk links, subdivided into junctions ---------------------
  const linked = new Set();
  const link = (cA, cB, cls, road) => {
    const key = [cA.name, cB.name].sort().join('|');
    if (linked.has(key)) return;
    linked.add(key);
    const a = nearestOuter(cA, cB), b = nearestOuter(cB, cA);
    const straight = distKm(nodes[a], nodes[b]);
    const n = Math.max(1, Math.round(straight / 6));
    let prev = a;
    for (let s = 1; s < n; s++) {
      const p = offsetKm(lerp(nodes[a], nodes[b], s / n), rng.uniform(-0.8, 0.8), rng.uniform(-0.8, 0.8));
      const j = addNode(p, 'junction');
      addEdge(prev, j, cls, road);
      const g = nearestGrid(p, 1, cls === 'trunk' ? 5 : 4)[0];
      if (g !== undefined) addEdge(j, g, 'minor', roadName('B', region.bRoadPrefix));
      prev = j;
    }
    addEdge(prev, b, cls, road);
  };
  for (const t of region.trunks) {
    for (let i = 0; i + 1 < t.via.length; i++) link(clusters.get(t.via[i]), clusters.get(t.via[i + 1]), 'trunk', t.road);
  }
  const majors = all.filter((c) => c.kind === 'hub' || c.kind === 'market' || c.kind === 'town' || c.kind === 'gateway');
  for (const c of majors) {
    const near = majors.filter((o) => o !== c && !(o.kind === 'gateway' && c.kind === 'gateway'))
      .map((o) => [o, distKm(c, o)]).filter(([, d]) => d <= 40).sort((x, y) => x[1] - y[1]).slice(0, 3);
    for (const [o] of near) link(c, o, 'primary', roadName('A', region.aRoadPrefix));
  }
  // small towns and villages get an A-road link to their nearest major town
  for (const c of places.filter((p) => p.kind !== 'town')) {
    const o = majors.filter((m) => m.kind !== 'gateway').reduce((best, m) => (distKm(c, m) < distKm(c, best) ? m : best));
    if (distKm(c, o) < 25) link(c, o, c.size >= 2 ? 'primary' : 'minor', roadName(c.size >= 2 ? 'A' : 'B', region.aRoadPrefix));
  }

  // --- make sure everything is connected ---------------------------------------
  const parent = nodes.map((_, i) => i);
  const find = (x) => { while (parent[x] !== x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; };
  for (const e of edges) parent[find(e.a)] = find(e.b);
  for (;;) {
    const root = find(hub.centre);
    const inMain = nodes.filter((n) => find(n.id) === root).map((n) => n.id);
    const out = nodes.filter((n) => find(n.id) !== root).map((n) => n.id);
    if (!out.length) break;
    let best = null;
    for (const o of out) for (const m of inMain) {
      const d = distKm(nodes[o], nodes[m]);
      if (!best || d < best[2]) best = [o, m, d];
    }
    addEdge(best[0], best[1], 'minor', roadName('B', region.bRoadPrefix));
    parent[find(best[0])] = find(best[1]);
  }

  const adj = nodes.map(() => []);
  for (const e of edges) { adj[e.a].push([e.id, e.b]); adj[e.b].push([e.id, e.a]); }
  // nearest named place for every node (used for camera names)
  const named = all.filter((c) => c.kind !== 'gateway');
  for (const n of nodes) {
    n.near = n.cluster ?? named.reduce((best, c) => (distKm(n, c) < distKm(n, best) ? c : best)).name;
  }
  return { nodes, edges, adj, clusters, hub, markets, places, gateways };
}
