/**
 * Taxis and private hire of a behaviour family: a day or night shift of jobs around the hub,
 * now and then a run out to a market or another town at a random time with a short wait.
 * Private hire has fewer, longer jobs and more runs out.
 */
import type { Behaviour, Tour } from './common';
import { MIN } from './common';
import { draw, drawInt } from '../families';

/**
 * One shift (p: night, shiftsPerWeek, longRunChance, marketShare).
 * @example
 * const tours = hireShift(agent, day, world, rng);
 */
export const hireShift: Behaviour = (a, day, w, rng) => {
  const p = a.p!, f = w.family!.decoys[a.cls as 'taxi' | 'private_hire'];
  if (!rng.chance(p.shiftsPerWeek / 7)) return [];
  const depart = day.at(p.night ? rng.range(17, 22) : rng.range(6.5, 11));
  if (depart < a.freeAt) return [];
  const jobs = Math.max(1, drawInt(f.jobs, rng));
  const long = rng.chance(p.longRunChance) ? rng.int(jobs) : -1;
  const stops: Tour['stops'] = [];
  for (let k = 0; k < jobs; k++) {
    if (k === long) {
      const town = rng.chance(p.marketShare) ? rng.pick(w.markets) : rng.pick(w.others);
      stops.push({ to: w.place(town, rng), dwell: draw(f.waitMin, rng) * MIN });
    } else stops.push({ to: w.place(a.home.town, rng), dwell: rng.range(5, 25) * MIN });
  }
  stops.push({ to: a.home, dwell: 0 });
  return [{ depart, speedKmh: rng.range(55, 80), stops }];
};
