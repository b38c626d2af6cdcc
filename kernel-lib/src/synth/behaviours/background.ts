/**
 * Background traffic: people living in any town (by population) making zero to two outings
 * a day to destinations drawn by a gravity model, departing on the everyday profile.
 */
import type { Behaviour } from './common';
import { HOUR, profileHour } from './common';

/**
 * Background outings for a day.
 * @example
 * const tours = background(agent, day, world, rng);
 */
export const background: Behaviour = (a, day, w, rng) => {
  const weekend = day.dow >= 5;
  const x = rng.next() / a.scale;
  const n = x < (weekend ? 0.45 : 0.35) ? 0 : x < 0.92 ? 1 : 2;
  const tours = [];
  let earliest = day.start;
  for (let k = 0; k < n; k++) {
    if (earliest > day.at(20)) break;
    const dest = rng.weighted(w.gravity[a.home.town]);
    const hour = profileHour(day.dow, rng);
    const depart = Math.max(earliest, day.at(hour));
    const dwell = (dest === a.home.town ? rng.range(0.3, 2.5) : hour >= 15 ? rng.range(0.5, 3) : rng.range(0.5, 8)) * HOUR;
    tours.push({ depart, speedKmh: rng.range(50, 90), stops: [{ to: w.place(dest, rng), dwell }, { to: a.home, dwell: 0 }] });
    earliest = depart + dwell + 2 * HOUR;
  }
  return tours;
};
