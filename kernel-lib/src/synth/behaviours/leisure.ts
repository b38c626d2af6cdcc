/**
 * Leisure and local traffic: weekend days out to the coast, evening trips out and back late
 * (night travel, like runners), and market-town residents who mostly stay in their town.
 */
import type { Behaviour } from './common';
import { HOUR } from './common';

/**
 * Weekend days out to a leisure town; Friday/Saturday evenings out.
 * @example
 * const tours = leisure(agent, day, world, rng);
 */
export const leisure: Behaviour = (a, day, w, rng) => {
  const tours = [];
  if (day.dow >= 5 && rng.chance(0.45 * a.scale)) {
    const dest = a.target.town !== a.home.town && rng.chance(0.5) ? a.target : w.place(rng.pick(w.leisure), rng);
    tours.push({ depart: day.at(rng.range(9, 12.5)), speedKmh: rng.range(55, 85), stops: [{ to: dest, dwell: rng.range(3, 7) * HOUR }, { to: a.home, dwell: 0 }] });
  } else if ((day.dow === 4 || day.dow === 5 ? 0.25 : 0.04) * a.scale > rng.next()) {
    const dest = w.place(rng.chance(0.5) ? rng.pick(w.leisure) : rng.pick(w.markets), rng);
    tours.push({ depart: day.at(rng.range(18, 20.5)), speedKmh: rng.range(55, 85), stops: [{ to: dest, dwell: rng.range(1.5, 4) * HOUR }, { to: a.home, dwell: 0 }] });
  }
  return tours;
};

/**
 * A market-town resident: errands inside the town most days, now and then a day trip
 * to a nearby town or the hub.
 * @example
 * const tours = marketLocal(agent, day, world, rng);
 */
export const marketLocal: Behaviour = (a, day, w, rng) => {
  const tours = [];
  const n = rng.int(4);
  let t = day.at(rng.range(7, 10));
  for (let k = 0; k < n; k++) {
    const dwell = rng.range(0.5, 3) * HOUR;
    tours.push({ depart: t, speedKmh: 45, stops: [{ to: w.place(a.home.town, rng), dwell }, { to: a.home, dwell: 0 }] });
    t += dwell + rng.range(1, 4) * HOUR;
  }
  if (rng.chance(0.08)) {
    const dest = rng.chance(0.25) ? 0 : rng.weighted(w.gravity[a.home.town]);
    tours.push({ depart: Math.max(t, day.at(rng.range(9, 18))), speedKmh: rng.range(55, 85), stops: [{ to: w.place(dest, rng), dwell: rng.range(1, 5) * HOUR }, { to: a.home, dwell: 0 }] });
  }
  return tours;
};
