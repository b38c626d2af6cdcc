// gravity.mjs — destination choice: P(j | i, activity) ∝ attraction_a(j) / d(i,j)^beta_a.
// Zones are the places; attraction depends on the activity (jobs, shops, leisure
// appeal, people to visit); intrazonal distance is a fraction of the town's size, so
// most short activities stay local. Betas are drawn per scenario and recorded.

export const ACTIVITIES = ['work', 'shop', 'visit', 'leisure', 'service'];

export function drawBetas(rng) {
  return {
    work: rng.float(1.4, 2.0), shop: rng.float(1.8, 2.4), visit: rng.float(1.1, 1.6),
    leisure: rng.float(0.9, 1.4), service: rng.float(1.6, 2.2)
  };
}

export function makeGravity(world, betas) {
  const P = world.places;
  const attr = {
    work: P.map((p) => p.pop * (p.kind === 'hub' ? 1.4 : 1)),
    shop: P.map((p) => Math.pow(p.pop, 1.1) * (p.kind === 'hub' ? 1.3 : p.kind === 'market' ? 1.25 : 1)),
    visit: P.map((p) => p.pop),
    leisure: P.map((p) => Math.pow(p.pop, 0.5) * p.scenic * (p.kind === 'market' ? 1.5 : 1)),
    service: P.map((p) => p.pop)
  };
  const dist = P.map((a) => P.map((b) => (a === b ? 0.6 * a.extent + 1.2 : Math.hypot(a.x - b.x, a.y - b.y))));
  const tables = new Map();
  const weights = (i, act) => {
    const key = `${i}:${act}`;
    let w = tables.get(key);
    if (!w) { w = P.map((p, j) => attr[act][j] / Math.pow(dist[i][j], betas[act])); tables.set(key, w); }
    return w;
  };
  return {
    dist,
    /** place index chosen from origin place i for an activity; optional filter(place) */
    choose(rng, i, act, filter) {
      const w = weights(i, act);
      return rng.weighted(filter ? w.map((x, j) => (filter(P[j]) ? x : 0)) : w);
    },
    /** a market weighted by gravity from place i (for decoys whose loop ends in a market) */
    market(rng, i, act = 'visit') {
      return this.choose(rng, i, act, (p) => p.kind === 'market');
    }
  };
}

/** a random address node inside a place; centre-biased for town-centre activities */
export function nodeIn(world, rng, placeIndex, central = false) {
  const p = world.places[placeIndex];
  if (central && rng.chance(0.6)) return p.centre;
  return p.nodes[rng.int(0, p.nodes.length - 1)];
}
