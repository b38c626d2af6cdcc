/**
 * Visits of a behaviour family: carers and relatives (regular evening visits on fixed
 * weekdays, 1-3 h), students going home at weekends (Friday out, Sunday back, every 1-2
 * weeks), and weekend leisure (one-off day trips and repeaters, short breaks with a night or
 * two away, a few evenings out).
 */
import type { Behaviour } from './common';
import { HOUR, MIN, clamp } from './common';

/**
 * An evening visit on the agent's weekdays (p: departH, dwellH, jitterMin).
 * @example
 * const tours = carerVisit(agent, day, world, rng);
 */
export const carerVisit: Behaviour = (a, day, _w, rng) => {
  const p = a.p!;
  if (!a.days!.includes(day.dow) || rng.chance(0.06)) return [];
  const depart = day.at(p.departH + (p.jitterMin / 60) * rng.normal());
  if (depart < a.freeAt) return [];
  const dwell = clamp(p.dwellH + 0.3 * rng.normal(), 0.75, 4) * HOUR;
  return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: a.target, dwell }, { to: a.home, dwell: 0 }] }];
};

/**
 * Home for the weekend every p.everyWeeks weeks (p.phase), else now and then a drive in the hub.
 * @example
 * const tours = studentWeekend(agent, day, world, rng);
 */
export const studentWeekend: Behaviour = (a, day, w, rng) => {
  const p = a.p!;
  const week = Math.floor((day.index - day.dow + 7) / 7);
  if (day.dow === 4 && (week + p.phase) % p.everyWeeks === 0) {
    const depart = day.at(p.outH + 0.5 * rng.normal());
    if (depart >= a.freeAt) {
      const dwell = (48 + p.backH - p.outH - 1 + 0.7 * rng.normal()) * HOUR;
      return [{ depart, speedKmh: rng.range(60, 85), stops: [{ to: a.target, dwell }, { to: a.home, dwell: 0 }] }];
    }
  }
  if (day.dow < 5 && rng.chance(p.hubDrive)) {
    const depart = day.at(rng.range(9, 21));
    if (depart >= a.freeAt) return [{ depart, speedKmh: 45, stops: [{ to: w.place(a.home.town, rng), dwell: rng.range(0.5, 3) * HOUR }, { to: a.home, dwell: 0 }] }];
  }
  return [];
};

/**
 * A day trip at the weekend (a one-off on day p.oneOff, or a repeater's), or an evening out.
 * @example
 * const tours = leisureTrips(agent, day, world, rng);
 */
export const leisureTrips: Behaviour = (a, day, w, rng) => {
  const p = a.p!;
  const dest = () => (rng.chance(0.75) ? a.target : w.place(rng.chance(p.market) ? rng.pick(w.markets) : rng.pick(w.leisure), rng));
  if (p.repeater && day.dow === 4 && rng.chance(p.repeatChance * p.overnight)) {
    // a short break: Friday evening out, back on Sunday afternoon
    const depart = day.at(rng.range(17, 20.5));
    if (depart >= a.freeAt) return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: dest(), dwell: (48 + rng.range(13, 18) - 19 - 1.5) * HOUR }, { to: a.home, dwell: 0 }] }];
  }
  const trip = p.repeater ? day.dow >= 5 && rng.chance(p.repeatChance) : day.index === p.oneOff;
  if (trip) {
    const depart = day.at(p.departH + 0.75 * rng.normal());
    const away = day.dow === 5 && rng.chance(p.overnight) ? (24 + rng.range(13, 18) - p.departH - 1.5) * HOUR : clamp(p.dwellH + 0.8 * rng.normal(), 1.5, 10) * HOUR;
    if (depart >= a.freeAt) return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: dest(), dwell: away }, { to: a.home, dwell: 0 }] }];
  }
  if ((day.dow === 4 || day.dow === 5) && rng.chance(p.evening)) {
    const dest = w.place(rng.chance(p.market) ? rng.pick(w.markets) : rng.pick(w.leisure), rng);
    const depart = day.at(rng.range(18, 20.5));
    if (depart >= a.freeAt) return [{ depart, speedKmh: rng.range(55, 85), stops: [{ to: dest, dwell: rng.range(90, 240) * MIN }, { to: a.home, dwell: 0 }] }];
  }
  return [];
};
