/**
 * Delivery rounds and evening couriers of a behaviour family, from a hub depot on fixed
 * weekdays: either several drops in one market town (20-35 min stops by default) or a
 * multi-town round, back the same day or evening.
 */
import type { Behaviour, Tour } from './common';
import { MIN, nearestFirst } from './common';
import { draw, drawInt } from '../families';

/**
 * A round (p: single, departH, jitterMin; per-stop ranges from the scenario's family).
 * @example
 * const tours = deliveryRound(agent, day, world, rng);
 */
export const deliveryRound: Behaviour = (a, day, w, rng) => {
  const p = a.p!, f = w.family!.decoys[a.cls as 'delivery_round' | 'evening_courier'];
  if (!a.days!.includes(day.dow) || rng.chance(0.04)) return [];
  const depart = day.at(p.departH + (p.jitterMin / 60) * rng.normal());
  if (depart < a.freeAt) return [];
  const n = Math.max(1, drawInt(f.stops, rng));
  const stops: Tour['stops'] = [];
  if (p.single) {
    for (let k = 0; k < n; k++) stops.push({ to: w.place(a.target.town, rng), dwell: draw(f.stopMin, rng) * MIN });
  } else {
    const pool = rng.chance(0.6) ? w.markets : w.others;
    const chosen: number[] = [a.target.town];
    for (let k = 0; k < n * 3 && chosen.length < n; k++) { const t = rng.pick(pool); if (!chosen.includes(t)) chosen.push(t); }
    nearestFirst(w, a.home, chosen, (t) => {
      const at = w.place(t, rng);
      stops.push({ to: at, dwell: draw(f.stopMin, rng) * MIN });
      return at;
    });
  }
  stops.push({ to: a.home, dwell: 0 });
  return [{ depart, speedKmh: rng.range(55, 75), stops }];
};
