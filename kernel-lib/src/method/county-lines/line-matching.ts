/**
 * Maximum-weight one-to-one matching between "earlier" and "later" items (a bipartite graph),
 * solved exactly per connected component with the Hungarian method. Used to chain plates into
 * suspected lines: each plate hands over to at most one plate and takes over from at most one,
 * and the matching picks the set of hand-overs with the largest total weight, not the locally
 * best link first (a greedy choice lets one strong wrong link block two right ones). The exact
 * method costs O(n³) in a component's size n, so a component of more than `maxExact` items (none
 * among the finder's suspects on the 10M-read benchmark, whose largest has a few dozen) is matched
 * greedily instead, heaviest pair first.
 */

/** A candidate pairing of earlier item `a` with later item `b`, worth `weight` (> 0). */
export interface MatchEdge { a: number; b: number; weight: number }

/**
 * The matched pairs (each `a` and each `b` at most once) with the largest total weight, in the
 * order of `a`. Deterministic: ties resolve by the order of the items.
 *
 * @example maxWeightMatching([{ a: 0, b: 0, weight: 2 }, { a: 0, b: 1, weight: 3 }, { a: 1, b: 1, weight: 3 }])
 * // [{ a: 0, b: 0, weight: 2 }, { a: 1, b: 1, weight: 3 }]  (total 5, where the greedy best-first gives 3)
 */
export function maxWeightMatching(edges: readonly MatchEdge[], maxExact = 600): MatchEdge[] {
  // Components by union-find over the two sides ('a' items and 'b' items are distinct nodes).
  const id = (side: 0 | 1, x: number) => `${side}:${x}`;
  const parent = new Map<string, string>();
  const find = (x: string): string => { let r = x; while (parent.get(r) !== r) r = parent.get(r)!; parent.set(x, r); return r; };
  for (const e of edges) {
    if (!(e.weight > 0)) continue;
    for (const k of [id(0, e.a), id(1, e.b)]) if (!parent.has(k)) parent.set(k, k);
    const ra = find(id(0, e.a)), rb = find(id(1, e.b));
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, MatchEdge[]>();
  for (const e of edges) {
    if (!(e.weight > 0)) continue;
    const r = find(id(0, e.a));
    const g = groups.get(r); if (g) g.push(e); else groups.set(r, [e]);
  }
  const out: MatchEdge[] = [];
  for (const g of groups.values()) out.push(...(g.length > 1 && componentSize(g) > maxExact ? greedy(g) : matchComponent(g)));
  return out.sort((x, y) => x.a - y.a);
}

function componentSize(edges: readonly MatchEdge[]): number {
  return Math.max(new Set(edges.map((e) => e.a)).size, new Set(edges.map((e) => e.b)).size);
}

/** Heaviest pair first (ties by a, then b), each side once. */
function greedy(edges: readonly MatchEdge[]): MatchEdge[] {
  const usedA = new Set<number>(), usedB = new Set<number>(), out: MatchEdge[] = [];
  for (const e of [...edges].sort((x, y) => y.weight - x.weight || x.a - y.a || x.b - y.b)) {
    if (usedA.has(e.a) || usedB.has(e.b)) continue;
    usedA.add(e.a); usedB.add(e.b); out.push(e);
  }
  return out;
}

/** One component: a square cost matrix (−weight on an edge, 0 = leave unmatched), Hungarian method. */
function matchComponent(edges: readonly MatchEdge[]): MatchEdge[] {
  const as = [...new Set(edges.map((e) => e.a))].sort((x, y) => x - y);
  const bs = [...new Set(edges.map((e) => e.b))].sort((x, y) => x - y);
  if (edges.length === 1) return [edges[0]];
  const ai = new Map(as.map((x, i) => [x, i])), bi = new Map(bs.map((x, i) => [x, i]));
  const n = Math.max(as.length, bs.length);
  const cost = new Float64Array(n * n);
  const best = new Map<number, MatchEdge>();
  for (const e of edges) {
    const k = ai.get(e.a)! * n + bi.get(e.b)!;
    if (-e.weight < cost[k]) { cost[k] = -e.weight; best.set(k, e); }
  }
  const rowToCol = hungarian(cost, n);
  const out: MatchEdge[] = [];
  for (let i = 0; i < as.length; i++) {
    const k = i * n + rowToCol[i];
    if (cost[k] < 0) out.push(best.get(k)!);
  }
  return out;
}

/** Minimum-cost assignment of an n×n matrix (row-major): the column of each row. O(n³). */
function hungarian(cost: Float64Array, n: number): Int32Array {
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1), v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1), way = new Int32Array(n + 1);
  const minv = new Float64Array(n + 1), used = new Uint8Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(INF); used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0], row = (i0 - 1) * n;
      let delta = INF, j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[row + j - 1] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0);
  }
  const rowToCol = new Int32Array(n);
  for (let j = 1; j <= n; j++) if (p[j]) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}
