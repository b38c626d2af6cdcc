/**
 * Shift workers of a behaviour family: hub -> market commuters on day, evening and night
 * shifts, full time and part time, and market residents working in (or visiting) the hub.
 * Fixed weekdays, a tight but jittered departure, a steady dwell.
 */
import type { Behaviour } from './common';
import { HOUR, MIN } from './common';

/**
 * One shift on the agent's weekdays (p: departH, dwellH, jitterMin, absence, speed);
 * a visitor (p.visitor = 1) goes on p.visitsPerWeek random days for 1.5-4 h instead.
 * @example
 * const tours = shiftCommuter(agent, day, world, rng);
 */
export const shiftCommuter: Behaviour = (a, day, _w, rng) => {
  const p = a.p!;
  if (p.visitor) {
    if (!rng.chance(p.visitsPerWeek / 7)) return [];
    const depart = day.at(rng.chance(0.7) ? rng.range(9, 15) : rng.range(17, 20));
    if (depart < a.freeAt) return [];
    return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: a.target, dwell: rng.range(1.5, 4) * HOUR }, { to: a.home, dwell: 0 }] }];
  }
  if (!a.days!.includes(day.dow) || rng.chance(p.absence)) return [];
  const depart = day.at(p.departH + (p.jitterMin / 60) * rng.normal());
  if (depart < a.freeAt) return [];
  const dwell = p.dwellH * HOUR + 10 * MIN * rng.normal();
  return [{ depart, speedKmh: p.speed * (0.95 + 0.1 * rng.next()), stops: [{ to: a.target, dwell }, { to: a.home, dwell: 0 }] }];
};
