/**
 * County-lines runners: hub-based, out to the line's market town several times a week,
 * skewed to evening and night, a short stay (20-90 min) or one night, and back; on other
 * days ordinary driving around the hub. Plate swaps are handled by the engine (Agent.swapAt).
 */
import type { Behaviour, Tour } from './common';
import { HOUR, MIN } from './common';

/**
 * Runs to the line's market, or hub errands.
 * @example
 * const tours = countyLines(agent, day, world, rng);
 */
export const countyLines: Behaviour = (a, day, w, rng) => {
  const perWeek = 2 + 2 * a.scale; // 3..5 runs a week
  const weekendBoost = day.dow >= 4 ? 1.25 : 0.9;
  const tours: Tour[] = [];
  if (rng.next() < (perWeek / 7) * weekendBoost) {
    const night = rng.chance(0.65);
    const depart = day.at(night ? rng.range(17, 25.5) : rng.range(10, 17));
    if (depart >= a.freeAt) {
      const overnight = rng.chance(0.25);
      const dwell = overnight ? rng.range(9, 14) * HOUR : rng.range(20, 90) * MIN;
      const stops = [{ to: a.target, dwell }];
      if (rng.chance(0.3)) stops.push({ to: w.place(a.target.town, rng), dwell: rng.range(10, 40) * MIN });
      stops.push({ to: a.home, dwell: 0 });
      tours.push({ depart, speedKmh: rng.range(60, 90), stops });
      return tours;
    }
  }
  if (rng.chance(0.5)) {
    const depart = day.at(rng.range(12, 22));
    if (depart >= a.freeAt) tours.push({ depart, speedKmh: 50, stops: [{ to: w.place(a.home.town, rng), dwell: rng.range(0.3, 2) * HOUR }, { to: a.home, dwell: 0 }] });
  }
  return tours;
};
