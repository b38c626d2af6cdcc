/**
 * Delivery vans: from a hub depot to several towns with short drops, back by evening;
 * a few run an evening route. Short dwells in market towns make them look like runners.
 */
import type { Behaviour } from './common';
import { MIN, nearestFirst } from './common';

/**
 * A multi-drop round from the depot, weekdays and some Saturdays.
 * @example
 * const tours = deliveryVan(agent, day, world, rng);
 */
export const deliveryVan: Behaviour = (a, day, w, rng) => {
  if (day.dow === 6 || (day.dow === 5 && !rng.chance(0.3)) || rng.chance(0.05)) return [];
  const evening = a.scale > 1.3;
  const depart = day.at(evening ? rng.range(16.5, 19) : a.habit + 0.3 * rng.normal());
  const n = 3 + rng.int(4);
  const pool = rng.chance(0.6) ? w.markets : w.others;
  const chosen: number[] = [];
  for (let k = 0; k < n * 3 && chosen.length < n; k++) { const t = rng.pick(pool); if (!chosen.includes(t)) chosen.push(t); }
  // nearest-neighbour order from the depot (town to town centre)
  const order: number[] = [];
  nearestFirst(w, a.home, chosen, (t) => { order.push(t); return w.towns[t]; });
  const stops = order.map((t) => ({ to: w.place(t, rng), dwell: rng.range(10, 40) * MIN }));
  stops.push({ to: a.home, dwell: 0 });
  return [{ depart, speedKmh: rng.range(55, 75), stops }];
};
