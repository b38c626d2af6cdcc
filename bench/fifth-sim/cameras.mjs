// cameras.mjs — procedural ANPR camera placement. Rules: hub approach roads
// (most, often both carriageways), some hub centre radials, market-town
// approaches with a drawn coverage level per market (good / partial / one road /
// a single one-way camera), approaches to other towns, a share of major
// junctions, trunk-road sections, region gateways, and a few minor roads.
// A "site" reads one direction of travel; a two-way location is two sites.

import { distKm, bearingDeg, compass8, lerp, offsetKm } from './geo.mjs';

export function placeCameras(net, region, rng) {
  const { nodes, edges, adj } = net;
  const sites = [], edgeCams = new Map(), usedEdges = new Set(), names = new Map();
  const addSite = (e, dir, fracFromA, label) => {
    const [from, to] = dir ? [nodes[e.a], nodes[e.b]] : [nodes[e.b], nodes[e.a]];
    const brg = bearingDeg(from, to);
    const direction = compass8(brg);
    // keep-left: the carriageway sits a few metres left of the centre line
    const base = lerp(nodes[e.a], nodes[e.b], fracFromA);
    const left = (brg - 90) * (Math.PI / 180);
    const p = offsetKm(base, 0.006 * Math.cos(left), 0.006 * Math.sin(left));
    let name = `${label} (${direction}-bound)`;
    const seen = names.get(name) ?? 0;
    names.set(name, seen + 1);
    if (seen) name = `${name} #${seen + 1}`;
    const idx = sites.length;
    sites.push({ name, lat: p.lat, lon: p.lon, road: e.road, direction });
    const key = e.id * 2 + dir;
    if (!edgeCams.has(key)) edgeCams.set(key, []);
    edgeCams.get(key).push([idx, dir ? fracFromA : 1 - fracFromA]);
  };
  /** a camera location on edge e, distKm from node `from`; dirs 'both' | 'in' | 'out' */
  const addLocation = (e, from, dKm, label, dirs = 'both') => {
    if (usedEdges.has(e.id)) return false;
    usedEdges.add(e.id);
    const straight = Math.max(0.05, distKm(nodes[e.a], nodes[e.b]));
    const f = Math.min(0.45, dKm / straight);
    const fracFromA = from === e.a ? f : 1 - f;
    const inbound = from === e.a ? 0 : 1; // travelling towards `from`
    if (dirs === 'both' || dirs === 'in') addSite(e, inbound, fracFromA, label);
    if (dirs === 'both' || dirs === 'out') addSite(e, 1 - inbound, fracFromA, label);
    return true;
  };
  const rank = { trunk: 0, primary: 1, minor: 2, urban: 3 };
  const approaches = (c) => {
    const inside = new Set(c.nodes);
    const out = [];
    for (const n of c.nodes) for (const [eid, w] of adj[n]) if (!inside.has(w)) out.push([edges[eid], n]);
    return out.sort((x, y) => rank[x[0].cls] - rank[y[0].cls] || x[0].id - y[0].id);
  };

  // 1. hub approaches and centre radials
  const hub = net.hub;
  for (const [e, n] of approaches(hub)) {
    if (rng.chance(0.85)) addLocation(e, n, 0.6, `${hub.name} ${e.road} city approach`, rng.chance(0.8) ? 'both' : 'in');
  }
  for (const [eid] of adj[hub.centre]) {
    const e = edges[eid];
    if (rng.chance(0.8)) addLocation(e, hub.centre, 0.8, `${hub.name} city centre ${e.road}`);
  }
  for (const e of edges) {
    if (e.road === `${hub.name} Ring Road` && rng.chance(0.5)) addLocation(e, e.a, distKm(nodes[e.a], nodes[e.b]) / 2, `${hub.name} Ring Road`);
  }

  // 2. market towns, each with a drawn coverage level (at least two poorly covered)
  const coverage = {};
  const order = rng.shuffle(net.markets);
  const nPoor = rng.int(2, 3);
  order.forEach((m, i) => {
    const level = i < nPoor ? (rng.chance(0.5) ? 'single' : 'one_road') : i < nPoor + 2 ? 'partial' : 'good';
    coverage[m.name] = level;
    const app = approaches(m);
    const label = (e) => `${m.name} ${e.road} approach`;
    if (level === 'single') {
      const [e, n] = app[rng.int(0, Math.min(1, app.length - 1))];
      addLocation(e, n, 0.5, label(e), rng.chance(0.6) ? 'in' : 'out');
    } else if (level === 'one_road') {
      const [e, n] = app[0];
      addLocation(e, n, 0.5, label(e));
    } else if (level === 'partial') {
      for (const [e, n] of app.slice(0, 2)) addLocation(e, n, 0.5, label(e));
    } else {
      let placed = 0;
      for (const [e, n] of app) {
        if (placed < 5 && (e.cls !== 'minor' || rng.chance(0.4)) && addLocation(e, n, 0.5, label(e))) placed++;
      }
      const [eid] = rng.pick(adj[m.centre]);
      addLocation(edges[eid], m.centre, 0.3, `${edges[eid].road} (town centre)`);
    }
  });

  // 3. other towns and villages
  for (const c of net.places) {
    const app = approaches(c);
    if (!app.length) continue;
    if (c.kind === 'town') {
      for (const [e, n] of app) if (e.cls !== 'minor' && rng.chance(0.75)) addLocation(e, n, 0.5, `${c.name} ${e.road} approach`);
    } else if (rng.chance(c.kind === 'small_town' ? 0.7 : 0.3)) {
      const [e, n] = app[0];
      addLocation(e, n, 0.4, `${c.name} ${e.road}`);
    }
  }

  // 4. gateways, major junctions, trunk sections, a few minor roads
  for (const g of net.gateways) for (const [eid] of adj[g.centre]) {
    const e = edges[eid];
    if (e.cls !== 'minor') addLocation(e, g.centre, 1.5, `${e.road} near ${nodes[g.centre === e.a ? e.b : e.a].near}`);
  }
  for (const n of nodes) {
    if (n.role !== 'junction' && n.role !== 'grid') continue;
    const big = adj[n.id].map(([eid]) => edges[eid]).filter((e) => e.cls === 'trunk' || e.cls === 'primary');
    if (adj[n.id].length >= 3 && big.length && rng.chance(0.45)) {
      const e = rng.pick(big);
      const other = adj[n.id].map(([eid]) => edges[eid].road).find((r) => r !== e.road) ?? e.road;
      addLocation(e, n.id, 0.3, `${e.road}/${other} junction near ${n.near}`);
    }
  }
  for (const e of edges) {
    const mid = distKm(nodes[e.a], nodes[e.b]) / 2;
    if (e.cls === 'trunk' && rng.chance(0.3)) addLocation(e, e.a, mid, `${e.road} near ${nodes[e.a].near}`);
    else if (e.cls === 'minor' && rng.chance(0.06)) addLocation(e, e.a, mid, `${e.road} near ${nodes[e.a].near}`);
  }

  sites.forEach((s, i) => { s.site_id = `${region.code}${String(i + 1).padStart(4, '0')}`; });
  return { sites, edgeCams, coverage };
}
