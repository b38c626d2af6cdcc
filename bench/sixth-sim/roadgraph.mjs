// roadgraph.mjs — the road network: a ring-radial street network for the hub city,
// jittered street grids for every other place, and hand-listed corridors (motorway,
// A and B roads) linking them. Motorways meet places at off-centre junctions with link
// roads; A/B roads run through the town grids; every corridor enters the hub through a
// gateway node inside the hub polygon (where the cordon cameras sit).
import { makeProjection, bearing, blobPolygon, pointInPolygon, compassIndex } from './geo.mjs';
import { Rng, hashUnit } from './rng.mjs';

export const CLS = { M: 0, A: 1, B: 2, LINK: 3, URBAN: 4, LOCAL: 5 };
export const CLASS_NAMES = ['motorway', 'a_road', 'b_road', 'link', 'urban', 'local'];
export const SPEED_KMH = [105, 72, 55, 60, 34, 30];
const HUB_POLY_R = 7.4, GATE_R = 6.2, R1 = 1.8, RMID = 3.2, R2 = 4.6, MARKET_POLY_R = 2.2;

function gridSpec(p) {
  if (p.kind === 'market') return [4, 0.7];
  if (p.kind === 'village') return [2, 0.5];
  if (p.pop >= 150) return [5, 1.0];
  if (p.pop >= 40) return [4, 0.85];
  return [3, p.pop >= 10 ? 0.75 : 0.6];
}

export function buildWorld(region) {
  const rng = new Rng('geo:' + region.name);
  const hubDef = region.places.find((p) => p.kind === 'hub');
  const proj = makeProjection(hubDef.lat, hubDef.lon);
  const nx = [], ny = [], nplace = [];
  const edges = [];
  const places = region.places.map((p, i) => {
    const [x, y] = proj.toXY(p.lat, p.lon);
    return { ...p, index: i, x, y, nodes: [], perimeter: [], entries: [], centre: -1, poly: null, extent: 0 };
  });
  const byName = new Map(places.map((p) => [p.name, p]));
  const hub = places.find((p) => p.kind === 'hub');
  const markets = places.filter((p) => p.kind === 'market');

  // polygons first, so corridor nodes can be kept outside them
  hub.poly = blobPolygon(hub.x, hub.y, HUB_POLY_R, rng, 16, 0.06);
  for (const m of markets) m.poly = blobPolygon(m.x, m.y, MARKET_POLY_R, rng, 12, 0.07);
  const guarded = [hub, ...markets];

  const addNode = (x, y, place) => { nx.push(x); ny.push(y); nplace.push(place); return nx.length - 1; };
  const addFreeNode = (x, y) => {
    for (const g of guarded) {
      if (pointInPolygon(x, y, g.poly)) {
        const r = Math.hypot(x - g.x, y - g.y) || 1e-6;
        const R = (g === hub ? HUB_POLY_R : MARKET_POLY_R) * 1.12 + 0.4;
        x = g.x + ((x - g.x) / r) * R; y = g.y + ((y - g.y) / r) * R;
      }
    }
    return addNode(x, y, -1);
  };
  const addEdge = (a, b, cls, road, tort = 1.15) => { edges.push({ a, b, cls, road, tort }); return edges.length - 1; };
  const polar = (p, r, deg) => [p.x + r * Math.sin((deg * Math.PI) / 180), p.y + r * Math.cos((deg * Math.PI) / 180)];

  // ---- hub: ring-radial network
  {
    const c = addNode(hub.x, hub.y, hub.index);
    const ring1 = [], mid = [], ring2 = [];
    for (let k = 0; k < 6; k++) ring1.push(addNode(...polar(hub, R1, k * 60), hub.index));
    for (let k = 0; k < 12; k++) mid.push(addNode(...polar(hub, RMID, k * 30), hub.index));
    for (let k = 0; k < 12; k++) ring2.push(addNode(...polar(hub, R2, k * 30 + 15), hub.index));
    const R = region.rings;
    for (let k = 0; k < 6; k++) {
      addEdge(c, ring1[k], CLS.URBAN, R.radial, 1.2);
      addEdge(ring1[k], ring1[(k + 1) % 6], CLS.URBAN, R.inner, 1.2);
    }
    for (let k = 0; k < 12; k++) {
      addEdge(ring2[k], ring2[(k + 1) % 12], CLS.URBAN, R.outer, 1.15);
      addEdge(mid[k], ring1[Math.round(k / 2) % 6], CLS.URBAN, R.radial, 1.2);
      addEdge(mid[k], ring2[k], CLS.LOCAL, `${hub.name} local`, 1.25);
      addEdge(mid[k], ring2[(k + 11) % 12], CLS.LOCAL, `${hub.name} local`, 1.25);
    }
    hub.centre = c;
    hub.nodes = [c, ...ring1, ...mid, ...ring2];
    hub.ring2 = ring2;
    hub.gateways = [];
    hub.extent = R2;
  }
  const hubGateway = (deg, road) => {
    const g = addNode(...polar(hub, GATE_R, deg), hub.index);
    const k = (((Math.round((deg - 15) / 30) % 12) + 12) % 12);
    const e = addEdge(g, hub.ring2[k], CLS.URBAN, road, 1.1);
    hub.gateways.push({ edge: e, node: g, road });
    return g;
  };

  // ---- other places: jittered grids
  for (const p of places) {
    if (p === hub) continue;
    const [n, s] = gridSpec(p);
    const id = [];
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const jx = (hashUnit(`${p.name}:${i}:${j}:x`) - 0.5) * 0.24 * s;
        const jy = (hashUnit(`${p.name}:${i}:${j}:y`) - 0.5) * 0.24 * s;
        const node = addNode(p.x + (i - (n - 1) / 2) * s + jx, p.y + (j - (n - 1) / 2) * s + jy, p.index);
        id.push(node);
        p.nodes.push(node);
        if (i === 0 || j === 0 || i === n - 1 || j === n - 1) p.perimeter.push(node);
      }
    }
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        if (i + 1 < n) addEdge(id[j * n + i], id[j * n + i + 1], CLS.LOCAL, `${p.name} local`, 1.25);
        if (j + 1 < n) addEdge(id[j * n + i], id[(j + 1) * n + i], CLS.LOCAL, `${p.name} local`, 1.25);
      }
    }
    let best = Infinity;
    for (const node of p.nodes) {
      const d = Math.hypot(nx[node] - p.x, ny[node] - p.y);
      if (d < best) { best = d; p.centre = node; }
      p.extent = Math.max(p.extent, Math.hypot(nx[node] - p.x, ny[node] - p.y));
    }
  }
  const nearestPerimeter = (p, tx, ty) => {
    let best = -1, bd = Infinity;
    for (const node of p.perimeter) {
      const d = Math.hypot(nx[node] - tx, ny[node] - ty);
      if (d < bd) { bd = d; best = node; }
    }
    return best;
  };

  // ---- corridors
  const corridors = [];
  for (const [road, type, names] of region.corridors) {
    const cls = type === 'M' ? CLS.M : type === 'A' ? CLS.A : CLS.B;
    const ps = names.map((nm) => { const p = byName.get(nm); if (!p) throw new Error(`corridor ${road}: unknown place ${nm}`); return p; });
    const att = ps.map((p, i) => {
      const prev = ps[i - 1], next = ps[i + 1];
      const toward = (q) => bearing(p.x, p.y, q.x, q.y);
      const dirFrom = prev || p, dirTo = next || p;
      const along = bearing(dirFrom.x, dirFrom.y, dirTo.x, dirTo.y);
      if (type === 'M' && (p !== hub || (prev && next))) {
        const side = hashUnit(`${road}:${p.name}:side`) < 0.5 ? 90 : -90;
        const R = (p === hub ? HUB_POLY_R * 1.12 + 0.6 : p.extent + 1.5);
        const j = addNode(...polar(p, R, along + side), -1);
        const link = `${road} J${p.name.split(' ')[0]} link`;
        if (p === hub) addEdge(j, hubGateway(along + side, link), CLS.LINK, link, 1.1);
        else {
          const pn = nearestPerimeter(p, nx[j], ny[j]);
          const e = addEdge(j, pn, CLS.LINK, link, 1.1);
          p.entries.push({ edge: e, inner: pn, outer: j, road: link });
        }
        return { prev: j, next: j };
      }
      if (p === hub) {
        return { prev: prev ? hubGateway(toward(prev), road) : -1, next: next ? hubGateway(toward(next), road) : -1 };
      }
      const at = (q) => { const [tx, ty] = polar(p, 10, toward(q)); return nearestPerimeter(p, tx, ty); };
      return { prev: prev ? at(prev) : -1, next: next ? at(next) : -1 };
    });
    const rec = { road, type, places: names.slice(), edges: [] };
    for (let i = 0; i + 1 < ps.length; i++) {
      const a = att[i].next, b = att[i + 1].prev;
      const D = Math.hypot(nx[b] - nx[a], ny[b] - ny[a]);
      const nSeg = Math.max(1, Math.round(D / 4));
      const W = (hashUnit(`${road}:${names[i]}:${names[i + 1]}`) - 0.5) * Math.min(2.4, 0.1 * D);
      const ux = (nx[b] - nx[a]) / (D || 1), uy = (ny[b] - ny[a]) / (D || 1);
      let prevNode = a;
      for (let k = 1; k <= nSeg; k++) {
        let node = b;
        if (k < nSeg) {
          const t = k / nSeg, w = W * Math.sin(Math.PI * t);
          node = addFreeNode(nx[a] + (nx[b] - nx[a]) * t - uy * w, ny[a] + (ny[b] - ny[a]) * t + ux * w);
        }
        const e = addEdge(prevNode, node, cls, road, 1.12);
        rec.edges.push(e);
        for (const q of [ps[i], ps[i + 1]]) {
          if (q === hub) continue;
          const inA = nplace[prevNode] === q.index, inB = nplace[node] === q.index;
          if (inA !== inB) q.entries.push({ edge: e, inner: inA ? prevNode : node, outer: inA ? node : prevNode, road });
        }
        prevNode = node;
      }
    }
    corridors.push(rec);
  }

  // ---- arcs (2e: a->b, 2e+1: b->a), lengths, bearings, adjacency
  const N = nx.length, E = edges.length, A = 2 * E;
  const arcFrom = new Int32Array(A), arcTo = new Int32Array(A), arcCls = new Uint8Array(A);
  const arcLen = new Float64Array(A), arcDir = new Uint8Array(A), arcBearing = new Float64Array(A);
  const deg = new Int32Array(N + 1);
  edges.forEach((e, i) => {
    e.len = Math.hypot(nx[e.b] - nx[e.a], ny[e.b] - ny[e.a]) * e.tort;
    for (const [k, f, t] of [[2 * i, e.a, e.b], [2 * i + 1, e.b, e.a]]) {
      arcFrom[k] = f; arcTo[k] = t; arcCls[k] = e.cls; arcLen[k] = e.len;
      arcBearing[k] = bearing(nx[f], ny[f], nx[t], ny[t]);
      arcDir[k] = compassIndex(arcBearing[k]);
      deg[f + 1]++;
    }
  });
  for (let i = 0; i < N; i++) deg[i + 1] += deg[i];
  const adjStart = Int32Array.from(deg), fill = Int32Array.from(deg.subarray(0, N)), adjArc = new Int32Array(A);
  for (let k = 0; k < A; k++) adjArc[fill[arcFrom[k]]++] = k;

  // connectivity check
  const seen = new Uint8Array(N), stack = [hub.centre];
  seen[hub.centre] = 1;
  while (stack.length) {
    const u = stack.pop();
    for (let q = adjStart[u]; q < adjStart[u + 1]; q++) { const v = arcTo[adjArc[q]]; if (!seen[v]) { seen[v] = 1; stack.push(v); } }
  }
  if (seen.indexOf(0) >= 0) throw new Error(`road graph of ${region.name} is not connected`);

  return {
    region, proj, places, hub, markets, corridors, edges,
    node: { x: Float64Array.from(nx), y: Float64Array.from(ny), place: Int32Array.from(nplace) },
    N, E, A, arcFrom, arcTo, arcCls, arcLen, arcDir, arcBearing, adjStart, adjArc
  };
}
