/**
 * Regular commuters, the decoys closest to a county-lines runner's route:
 * hub residents working in a market town (out in the morning, 8-9 h dwell, back), and
 * market-town residents who drive into the hub, to work or for a shorter visit.
 */
import type { Behaviour } from './common';
import { HOUR, MIN } from './common';

/**
 * Hub -> market -> hub on weekdays at regular times, ~8-9 h at work.
 * @example
 * const tours = commuterToMarket(agent, day, world, rng);
 */
export const commuterToMarket: Behaviour = (a, day, _w, rng) => {
  if (day.dow >= 5 || rng.chance(0.08)) return [];
  const depart = day.at(a.habit + 0.15 * rng.normal());
  const dwell = (8 + a.scale * 0.8) * HOUR + 15 * MIN * rng.normal();
  return [{ depart, speedKmh: rng.range(60, 85), stops: [{ to: a.target, dwell }, { to: a.home, dwell: 0 }] }];
};

/**
 * Market -> hub -> market: most commute on weekdays; some (scale > 1.2) visit the hub once
 * or twice a week for 1.5-4 h, daytime or evening.
 * @example
 * const tours = marketResidentToHub(agent, day, world, rng);
 */
export const marketResidentToHub: Behaviour = (a, day, _w, rng) => {
  if (a.scale <= 1.2) {
    if (day.dow >= 5 || rng.chance(0.1)) return [];
    const depart = day.at(a.habit - 0.7 + 0.2 * rng.normal());
    return [{ depart, speedKmh: rng.range(60, 85), stops: [{ to: a.target, dwell: (8.3 + 0.5 * rng.normal()) * HOUR }, { to: a.home, dwell: 0 }] }];
  }
  if (!rng.chance(0.22)) return [];
  const depart = day.at(rng.chance(0.7) ? rng.range(9, 15) : rng.range(17, 20));
  return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: a.target, dwell: rng.range(1.5, 4) * HOUR }, { to: a.home, dwell: 0 }] }];
};
