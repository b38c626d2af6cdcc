// routing.mjs — shortest-time routes on the road graph (Dijkstra, cached per
// origin and route profile), hour-of-day congestion by road class, and the
// drive itself: walking a route edge by edge and reporting every camera site
// passed, with the instant it was passed.

import { ROAD_CLASSES } from './road-network.mjs';

/** route profiles: cost multipliers per road class */
export const PROFILES = {
  normal: { trunk: 1, primary: 1, minor: 1, urban: 1 },
  // camera-shy drivers: keep off trunk and A roads where they reasonably can
  avoid: { trunk: 2.2, primary: 1.6, minor: 1, urban: 1 },
};

/** congestion multiplier on free-flow time, by class and local hour */
export function congestion(cls, hour, weekend) {
  const night = hour < 5 || hour >= 22;
  if (night) return 0.92;
  const peak = !weekend && ((hour >= 7 && hour < 9.5) || (hour >= 16 && hour < 18.5));
  const busy = weekend ? hour >= 11 && hour < 16 : hour >= 9.5 && hour < 16;
  const f = { urban: [1.7, 1.25], primary: [1.35, 1.12], trunk: [1.3, 1.05], minor: [1.12, 1.04] }[cls];
  return peak ? f[0] : busy ? f[1] : 1;
}

class MinHeap {
  constructor() { this.k = []; this.v = []; }
  push(key, val) {
    const { k, v } = this; let i = k.length; k.push(key); v.push(val);
    while (i > 0) { const p = (i - 1) >> 1; if (k[p] <= key) break; k[i] = k[p]; v[i] = v[p]; i = p; }
    k[i] = key; v[i] = val;
  }
  pop() {
    const { k, v } = this; const topV = v[0]; const lastK = k.pop(), lastV = v.pop();
    if (k.length) {
      let i = 0; const n = k.length;
      for (;;) {
        let c = 2 * i + 1; if (c >= n) break;
        if (c + 1 < n && k[c + 1] < k[c]) c++;
        if (k[c] >= lastK) break;
        k[i] = k[c]; v[i] = v[c]; i = c;
      }
      k[i] = lastK; v[i] = lastV;
    }
    return topV;
  }
  get size() { return this.k.length; }
}

export class Router {
  /** @param net road network; @param edgeCams Map edgeId*2+dir -> [[siteIndex, fracAlongTravel]] */
  constructor(net, edgeCams) {
    this.net = net;
    this.edgeCams = edgeCams;
    this.trees = new Map();
    this.paths = new Map();
  }
  tree(from, profile) {
    const key = `${profile}:${from}`;
    let t = this.trees.get(key);
    if (t) return t;
    const { nodes, edges, adj } = this.net;
    const mult = PROFILES[profile];
    const dist = new Float64Array(nodes.length).fill(Infinity);
    const prevEdge = new Int32Array(nodes.length).fill(-1);
    dist[from] = 0;
    const h = new MinHeap(); h.push(0, from);
    while (h.size) {
      const u = h.pop();
      for (const [eid, w] of adj[u]) {
        const e = edges[eid];
        const c = dist[u] + (e.lenKm / ROAD_CLASSES[e.cls].speed) * mult[e.cls];
        if (c < dist[w] - 1e-12) { dist[w] = c; prevEdge[w] = eid; h.push(c, w); }
      }
    }
    t = prevEdge;
    this.trees.set(key, t);
    return t;
  }
  /** list of [edgeId, dir] (dir 1 = a->b) from -> to */
  path(from, to, profile = 'normal') {
    const key = `${profile}:${from}>${to}`;
    let p = this.paths.get(key);
    if (p) return p;
    const prev = this.tree(from, profile);
    p = [];
    let n = to;
    while (n !== from) {
      const e = this.net.edges[prev[n]];
      const dir = e.b === n ? 1 : 0;
      p.push([e.id, dir]);
      n = dir ? e.a : e.b;
    }
    p.reverse();
    this.paths.set(key, p);
    return p;
  }
  /**
   * Drive from -> to leaving at departUtc. Calls onCamera(siteIndex, utcSec)
   * for each camera passed; returns the arrival instant.
   */
  drive(from, to, departUtc, { profile = 'normal', pace = 1, hour = 12, weekend = false }, onCamera) {
    if (from === to) return departUtc;
    const { edges } = this.net;
    let t = departUtc;
    for (const [eid, dir] of this.path(from, to, profile)) {
      const e = edges[eid];
      const dur = (e.lenKm / ROAD_CLASSES[e.cls].speed) * 3600 * congestion(e.cls, hour, weekend) * pace;
      const cams = this.edgeCams.get(eid * 2 + dir);
      if (cams) for (const [site, frac] of cams) onCamera(site, t + dur * frac);
      t += dur;
    }
    return Math.round(t);
  }
}
