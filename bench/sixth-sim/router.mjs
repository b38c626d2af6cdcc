// router.mjs — time-of-day shortest-time routing with per-driver route variety.
// Travel time = length / free speed x congestion(band, road class). Drivers pick one of
// NV "route variants": variant 0 is the plain fastest route, others add a fixed
// pseudo-random cost factor per edge (a driver's habits), so drivers differ in the road
// they take between the same two places. Dijkstra trees and compiled routes (the list
// of camera passages with time offsets) are cached.
import { SPEED_KMH } from './roadgraph.mjs';
import { hashUnit } from './rng.mjs';
import { localHourDow } from './londontime.mjs';

export const NV = 4;
export const BANDS = ['night', 'peak', 'day', 'evening'];

/** congestion band of a UTC instant (local time, weekday peaks only) */
export function bandOf(utc) {
  const { hour: h, dow } = localHourDow(utc);
  if (h < 6 || h >= 22) return 0;
  if (dow < 5 && ((h >= 7 && h < 9.5) || (h >= 16 && h < 18.5))) return 1;
  return h < 18.5 ? 2 : 3;
}

/** congestion multipliers [band][class]; peak scale drawn per scenario */
export function congestionTable(peakScale) {
  const base = [
    [0.95, 0.95, 0.95, 0.95, 0.85, 0.9], // night
    [1.3, 1.25, 1.15, 1.2, 1.7, 1.4], // peak
    [1.08, 1.08, 1.05, 1.05, 1.25, 1.15], // day
    [1.0, 1.0, 1.0, 1.0, 1.05, 1.0] // evening
  ];
  return base.map((row, b) => row.map((f) => (b === 1 ? 1 + (f - 1) * peakScale : f)));
}

export function makeRouter(world, arcSites, congestion) {
  const { N, A, arcTo, arcCls, arcLen, arcDir, adjStart, adjArc } = world;
  const time = [], cost = [];
  for (let b = 0; b < 4; b++) {
    const t = new Float64Array(A);
    for (let k = 0; k < A; k++) t[k] = (arcLen[k] / SPEED_KMH[arcCls[k]]) * 3600 * congestion[b][arcCls[k]];
    time.push(t);
    for (let v = 0; v < NV; v++) {
      const c = new Float64Array(A);
      for (let k = 0; k < A; k++) c[k] = t[k] * (v === 0 ? 1 : 1 + 0.6 * hashUnit(`e${k >> 1}:v${v}`));
      cost.push(c);
    }
  }
  const trees = new Map(), routes = new Map();
  const dist = new Float64Array(N);
  const heapK = new Float64Array(A + N + 1), heapN = new Int32Array(A + N + 1);
  let stats = { trees: 0, routes: 0 };

  function tree(from, band, variant) {
    const key = (from * 4 + band) * NV + variant;
    let prev = trees.get(key);
    if (prev) return prev;
    stats.trees++;
    const c = cost[band * NV + variant];
    prev = new Int32Array(N).fill(-1);
    dist.fill(Infinity);
    dist[from] = 0;
    let n = 0;
    const push = (k, v) => {
      let i = n++;
      while (i > 0) { const p = (i - 1) >> 1; if (heapK[p] <= k) break; heapK[i] = heapK[p]; heapN[i] = heapN[p]; i = p; }
      heapK[i] = k; heapN[i] = v;
    };
    const pop = () => {
      const top = heapN[0];
      const k = heapK[--n], v = heapN[n];
      let i = 0;
      for (;;) {
        let ch = 2 * i + 1;
        if (ch >= n) break;
        if (ch + 1 < n && heapK[ch + 1] < heapK[ch]) ch++;
        if (heapK[ch] >= k) break;
        heapK[i] = heapK[ch]; heapN[i] = heapN[ch]; i = ch;
      }
      heapK[i] = k; heapN[i] = v;
      return top;
    };
    push(0, from);
    while (n > 0) {
      const dk = heapK[0], u = pop();
      if (dk > dist[u]) continue;
      for (let q = adjStart[u]; q < adjStart[u + 1]; q++) {
        const arc = adjArc[q], w = arcTo[arc], nd = dk + c[arc];
        if (nd < dist[w]) { dist[w] = nd; prev[w] = arc; push(nd, w); }
      }
    }
    trees.set(key, prev);
    return prev;
  }

  /** compiled route: { time (s), km, site (site indices), dir (compass index), off (s from departure) } */
  function route(from, to, band, variant) {
    const key = ((from * N + to) * 4 + band) * NV + variant;
    let r = routes.get(key);
    if (r) return r;
    stats.routes++;
    const prev = tree(from, band, variant);
    const path = [];
    for (let u = to; u !== from; ) { const arc = prev[u]; if (arc < 0) throw new Error(`no route ${from}->${to}`); path.push(arc); u = world.arcFrom[arc]; }
    path.reverse();
    const tb = time[band];
    let t = 0, km = 0;
    const site = [], dir = [], off = [];
    for (const arc of path) {
      const list = arcSites[arc];
      if (list) for (const [s, frac] of list) { site.push(s); dir.push(arcDir[arc]); off.push(t + frac * tb[arc]); }
      t += tb[arc];
      km += arcLen[arc];
    }
    r = { time: t, km, site: Int32Array.from(site), dir: Uint8Array.from(dir), off: Float64Array.from(off) };
    routes.set(key, r);
    return r;
  }

  return { route, tree, stats: () => ({ ...stats }), time };
}
