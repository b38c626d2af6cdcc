/**
 * Regulars of a place: the hub-based vehicles that come back to it again and again on hub
 * tours, and how many of them the place would get by chance, from its popularity alone.
 *
 * A busy town next to the hub gets many hub-based vehicles, and with so many some stop there
 * often by chance (a place that takes a fifth of all stops gets, from a vehicle with ten stop
 * tours, three or more of them one time in three). A market gets regulars on purpose: vehicles
 * that go there, and mostly there, run after run. Counting regulars against the number chance
 * would give tells the two apart, whatever the region's size or traffic.
 */

/** What makes a vehicle a regular of a place. */
export interface RegularRule {
  /** A regular stops at the place on at least this many hub tours. */
  minVisits: number;
  /** ... and on at least this share of its hub tours that stop anywhere away from the hub. */
  minVisitShare: number;
}

/** Stops on hub tours: per place, the stop tours of each vehicle there; per vehicle, its stop tours anywhere. */
export interface HubStops {
  byPlace: Map<number, Map<number, number>>;
  byVehicle: Map<number, number>;
  /** Stop tours of every vehicle, in all. */
  total: number;
}

/** A place's visitors on hub tours: all, the regulars, and the regulars expected by chance. */
export interface PlaceRegulars { vehicles: number; regulars: number; expected: number }

/**
 * The stop tours at one place that make a vehicle with `stops` stop tours in all a regular of it.
 * @example visitsForRegular(10, { minVisits: 3, minVisitShare: 0.5 }) // 5
 */
export const visitsForRegular = (stops: number, r: RegularRule): number =>
  Math.max(r.minVisits, Math.ceil(r.minVisitShare * stops - 1e-9));

/**
 * P(X ≥ k) for X ~ Binomial(n, q), summed in log space (no underflow for large n).
 * @example binomialAtLeast(4, 0.5, 3) // 0.3125
 */
export function binomialAtLeast(n: number, q: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n || q <= 0) return 0;
  if (q >= 1) return 1;
  const lq = Math.log(q), lr = Math.log1p(-q);
  let lp = n * lr, below = 0; // log P(X = j), from j = 0
  for (let j = 0; j < k; j++) {
    below += Math.exp(lp);
    lp += Math.log(n - j) - Math.log(j + 1) + lq - lr;
  }
  return Math.max(0, 1 - below);
}

/**
 * For every place with stops: how many vehicles stop there on hub tours, how many of them are
 * regulars, and how many regulars it would get by chance: if every vehicle put each of its stop
 * tours at a place drawn at random, each place as often as it is the stop of all the vehicles'
 * tours taken together.
 *
 * @example
 * const stops = { byPlace: new Map([[1, new Map([[7, 4]])]]), byVehicle: new Map([[7, 5], [8, 5]]), total: 10 };
 * placeRegulars(stops, { minVisits: 3, minVisitShare: 0.5 }).get(1) // { vehicles: 1, regulars: 1, expected: 0.63488 }
 */
export function placeRegulars(stops: HubStops, r: RegularRule): Map<number, PlaceRegulars> {
  // Vehicles grouped by their number of stop tours (fewer than minVisits can be no one's regular): one binomial tail per group.
  const groups = new Map<number, number>();
  for (const n of stops.byVehicle.values()) if (n >= r.minVisits) groups.set(n, (groups.get(n) ?? 0) + 1);
  const sizes = [...groups.keys()].sort((a, b) => a - b);
  const out = new Map<number, PlaceRegulars>();
  for (const [p, at] of stops.byPlace) {
    let tours = 0, regulars = 0;
    for (const [v, n] of at) {
      tours += n;
      if (n >= visitsForRegular(stops.byVehicle.get(v) ?? n, r)) regulars++;
    }
    const q = stops.total > 0 ? tours / stops.total : 0;
    let expected = 0;
    for (const n of sizes) expected += (groups.get(n) as number) * binomialAtLeast(n, q, visitsForRegular(n, r));
    out.set(p, { vehicles: at.size, regulars, expected });
  }
  return out;
}
