// network.mjs - the road graph of a region: nodes are places and junctions, links are road
// corridors (polylines through optional waypoints). Fastest-time routing by Dijkstra, with a
// per-source cache, plus a perturbed variant for drivers who vary their route.

import { distKm, bearing, lerp } from './geo.mjs';

/** Free-flow speeds (km/h) per road class, and the detour factor of a corridor over its chord. */
const SPEED = { M: 100, A: 62, B: 48, U: 26 };
const WIGGLE = { M: 1.08, A: 1.15, B: 1.22, U: 1.2 };

export class Network {
  constructor(region) {
    this.region = region;
    this.nodes = new Map();
    for (const [id, name, lat, lon, kind, pop] of region.places) {
      this.nodes.set(id, { id, name, lat, lon, kind, pop, links: [] });
    }
    this.links = [];
    for (const [a, b, road, cls, ...via] of region.roads) {
      const na = this.nodes.get(a), nb = this.nodes.get(b);
      if (!na || !nb) throw new Error(`road ${road} links unknown place ${na ? b : a}`);
      const pts = [na, ...via.map(([lat, lon]) => ({ lat, lon })), nb].map((p) => ({ lat: p.lat, lon: p.lon }));
      const cum = [0];
      for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1] + distKm(pts[i - 1], pts[i]) * WIGGLE[cls]);
      const km = cum[cum.length - 1];
      const link = { id: this.links.length, a, b, road, cls, pts, cum, km, minutes: (km / SPEED[cls]) * 60 };
      this.links.push(link);
      na.links.push(link);
      nb.links.push(link);
    }
    this.cache = new Map();
    this.checkConnected();
  }

  checkConnected() {
    const first = this.nodes.keys().next().value;
    const { dist } = this.dijkstra(first, null);
    for (const id of this.nodes.keys()) if (!(dist.get(id) < Infinity)) throw new Error(`place ${id} is unreachable`);
  }

  /** Dijkstra from `src`; costOf(link) overrides link minutes. Returns dist and predecessor maps. */
  dijkstra(src, costOf) {
    const dist = new Map([[src, 0]]), pred = new Map(), done = new Set();
    const heap = [[0, src]];
    while (heap.length) {
      let bi = 0;
      for (let i = 1; i < heap.length; i++) if (heap[i][0] < heap[bi][0]) bi = i;
      const [d, u] = heap[bi];
      heap[bi] = heap[heap.length - 1];
      heap.pop();
      if (done.has(u)) continue;
      done.add(u);
      for (const link of this.nodes.get(u).links) {
        const v = link.a === u ? link.b : link.a;
        const nd = d + (costOf ? costOf(link) : link.minutes);
        if (nd < (dist.get(v) ?? Infinity)) { dist.set(v, nd); pred.set(v, link); heap.push([nd, v]); }
      }
    }
    return { dist, pred };
  }

  /** Steps [{link, fwd}] from node `from` to node `to` given a predecessor map. */
  static unwind(pred, from, to) {
    const steps = [];
    let v = to;
    while (v !== from) {
      const link = pred.get(v);
      const u = link.a === v ? link.b : link.a;
      steps.push({ link, fwd: link.a === u });
      v = u;
    }
    return steps.reverse();
  }

  /** Fastest path between two nodes (cached per source). */
  path(from, to) {
    if (from === to) return [];
    let tree = this.cache.get(from);
    if (!tree) { tree = this.dijkstra(from, null).pred; this.cache.set(from, tree); }
    return Network.unwind(tree, from, to);
  }

  /**
   * A varied path: each link's cost is scaled by a random factor; `avoidMotorway` adds a
   * penalty on motorways (drivers who keep off the camera-dense trunk roads).
   */
  variedPath(from, to, rng, avoidMotorway) {
    if (from === to) return [];
    const f = new Map();
    const { pred } = this.dijkstra(from, (link) => {
      if (!f.has(link.id)) f.set(link.id, rng.float(0.75, 1.6) * (avoidMotorway && link.cls === 'M' ? 2.2 : 1));
      return link.minutes * f.get(link.id);
    });
    return Network.unwind(pred, from, to);
  }

  /** Point and travel bearing at `km` along a link, travelling forward (a->b) or backward. */
  pointOn(link, km, fwd) {
    const s = fwd ? km : link.km - km;
    let i = 1;
    while (i < link.cum.length - 1 && link.cum[i] < s) i++;
    const seg = link.cum[i] - link.cum[i - 1];
    const f = seg > 0 ? (s - link.cum[i - 1]) / seg : 0;
    const p = lerp(link.pts[i - 1], link.pts[i], Math.min(1, Math.max(0, f)));
    const b = fwd ? bearing(link.pts[i - 1], link.pts[i]) : bearing(link.pts[i], link.pts[i - 1]);
    return { lat: p.lat, lon: p.lon, bearing: b };
  }

  /** All nodes of given kinds. */
  ofKind(...kinds) { return [...this.nodes.values()].filter((n) => kinds.includes(n.kind)); }
}
