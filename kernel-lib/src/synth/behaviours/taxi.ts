/**
 * Taxis and private hire: a day or night shift of many short trips inside the hub, and now
 * and then a long run out to another town with a short wait (often at night).
 */
import type { Behaviour } from './common';
import { MIN } from './common';

/**
 * One shift of hub jobs, sometimes with a long run.
 * @example
 * const tours = taxi(agent, day, world, rng);
 */
export const taxi: Behaviour = (a, day, w, rng) => {
  if (rng.chance(0.12)) return [];
  const night = a.scale > 1;
  const depart = day.at(night ? rng.range(18, 21) : rng.range(6.5, 9));
  const jobs = 8 + rng.int(9);
  const long = rng.chance(0.12) ? rng.int(jobs) : -1;
  const stops = [];
  for (let k = 0; k < jobs; k++) {
    const town = k === long ? (rng.chance(0.5) ? rng.pick(w.markets) : rng.pick(w.others)) : a.home.town;
    stops.push({ to: w.place(town, rng), dwell: (k === long ? rng.range(5, 30) : rng.range(5, 25)) * MIN });
  }
  stops.push({ to: a.home, dwell: 0 });
  return [{ depart, speedKmh: rng.range(55, 80), stops }];
};
