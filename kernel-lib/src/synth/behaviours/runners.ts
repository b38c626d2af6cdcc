/**
 * County-lines runners of a behaviour family: each runner has its own runs a week, time of day
 * (daytime, evening or night), mixture of stays (minutes, hours, overnight, days), local drives
 * inside the market during a stay, and markets (1-3); on other days, drives around the hub (or
 * private-hire jobs, for a vehicle that also works as one). A plate swap may bring a new driver
 * with another base in the hub and another usual hour (Agent.homes, Agent.hours). A market-based
 * runner (home in the market, target the hub) makes the same runs the other way.
 * Before its line starts and after it stops the vehicle is not on the road. A plate due for a
 * swap (Agent.swapPlan) comes into use at the next run, so every plate makes at least one run;
 * the engine reads plates by time from Agent.swapAt.
 */
import type { Behaviour, Tour, World, Agent } from './common';
import type { Rng } from '../prng';
import type { Place } from '../route';
import { HOUR, MIN, clamp } from './common';
import { draw } from '../families';

/**
 * A stay at `base` of `dwell` seconds, broken by local drives (10-40 min) inside its town.
 * @example
 * const stops = stayStops(a.target, 20 * HOUR, 1.5, world, rng); // [{ to: base, dwell }, { to: elsewhere, dwell }, { to: base, dwell }, ...]
 */
export function stayStops(base: Place, dwell: number, tripsPer8h: number, w: World, rng: Rng): Tour['stops'] {
  const trips = Math.floor(tripsPer8h * (dwell / (8 * HOUR)) + rng.next());
  const parts = Array.from({ length: trips + 1 }, () => 0.2 + rng.next());
  const total = parts.reduce((s, x) => s + x, 0);
  const stops: Tour['stops'] = [];
  parts.forEach((x, i) => {
    stops.push({ to: base, dwell: Math.max(5 * MIN, (dwell * x) / total) });
    if (i < trips) stops.push({ to: w.place(base.town, rng), dwell: rng.range(10, 40) * MIN });
  });
  return stops;
}

function stayLength(a: Agent, w: World, rng: Rng): number {
  const p = a.p!, f = w.family!.runners;
  if (rng.chance(p.overnight)) return rng.chance(p.multiDay) ? draw(f.multiDayStayD, rng) * 24 * HOUR : draw(f.overnightStayH, rng) * HOUR;
  return rng.chance(p.short) ? draw(f.shortStayMin, rng) * MIN : draw(f.hoursStayH, rng) * HOUR;
}

/**
 * A runner's day: a run to one of the line's markets, or a drive around the hub.
 * @example
 * const tours = familyRunner(agent, day, world, rng);
 */
export const familyRunner: Behaviour = (a, day, w, rng) => {
  const p = a.p!;
  if (day.end <= p.activeFrom || day.start >= p.activeTo || a.freeAt >= day.end) return [];
  const runs = Math.floor(p.runsPerWeek / 7) + (rng.next() < (p.runsPerWeek % 7) / 7 ? 1 : 0);
  const tours: Tour[] = [];
  for (let r = 0; r < runs; r++) {
    const places = a.places ?? [];
    const target = places.length && !rng.chance(p.mainShare) ? places[rng.int(places.length)] : a.target;
    const jitter = rng.normal(), later = rng.range(3, 6);
    const departAt = (plate: number) => {
      const usual = a.hours ? a.hours[plate] : p.departH;
      return day.at(r > 0 ? usual + later : p.daytime ? clamp(usual + p.jitterH * jitter, 6, 17.5) : clamp(usual + p.jitterH * jitter, 15, 28.5));
    };
    // a plate due for a swap comes into use at a run (so every plate makes one); the swap may bring a new driver (another base and hour)
    const k = a.swapAt.length;
    let depart = departAt(k);
    const swap = !!a.swapPlan && k < a.swapPlan.length && depart >= a.swapPlan[k] && p.runsOnPlate > 0;
    if (swap) depart = Math.max(a.swapPlan![k], departAt(k + 1));
    if (depart >= a.freeAt && depart >= p.activeFrom && depart < p.activeTo) {
      if (swap) { a.swapAt.push(depart); p.runsOnPlate = 0; if (a.homes) a.home = a.homes[k + 1]; }
      p.runsOnPlate = (p.runsOnPlate ?? 0) + 1;
      const stops = stayStops(target, stayLength(a, w, rng), p.localTrips, w, rng);
      stops.push({ to: a.home, dwell: 0 });
      tours.push({ depart, speedKmh: p.speed * (0.92 + 0.16 * rng.next()), stops });
    }
  }
  if (tours.length) return tours;
  if (p.hire && rng.chance(0.6)) {
    // the vehicle also works private hire: a few jobs around the hub
    const depart = day.at(rng.range(8, 20));
    if (depart >= a.freeAt && depart >= p.activeFrom && depart < p.activeTo) {
      const jobs = 3 + rng.int(6);
      const stops: Tour['stops'] = Array.from({ length: jobs }, () => ({ to: w.place(a.home.town, rng), dwell: rng.range(5, 25) * MIN }));
      stops.push({ to: a.home, dwell: 0 });
      return [{ depart, speedKmh: rng.range(55, 80), stops }];
    }
  }
  if (rng.chance(p.hubDrive)) {
    const depart = day.at(rng.range(10, 22));
    if (depart >= a.freeAt && depart >= p.activeFrom && depart < p.activeTo) {
      return [{ depart, speedKmh: 50, stops: [{ to: w.place(a.home.town, rng), dwell: rng.range(0.3, 2.5) * HOUR }, { to: a.home, dwell: 0 }] }];
    }
  }
  return [];
};
