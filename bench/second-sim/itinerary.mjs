// A vehicle's timeline: where it is and when it is free. Driving along a route turns into camera
// passages handed to the observer; travel time comes from edge length, speed class, hub slow-down,
// rush-hour congestion, the driver's pace and a little noise.
import { MINUTE, HOUR, DAY, utcToWall, wallToUtc, localHour, isRestDay, dateToWall, weekdayOfWall } from './clock.mjs';

/** Draw the scenario's congestion parameters. @example drawTraffic(rng).amStart // ~7 */
export function drawTraffic(rng) {
  return {
    amStart: rng.uniform(6.75, 7.5), amEnd: rng.uniform(9, 9.75), pmStart: rng.uniform(15.75, 16.5), pmEnd: rng.uniform(18, 18.75),
    peak: [rng.uniform(0.5, 0.7), rng.uniform(0.72, 0.88), rng.uniform(0.92, 0.98)],
    weekendMidday: rng.uniform(0.8, 0.92), night: rng.uniform(1.05, 1.12)
  };
}

/** Calendar helpers for a window of local days starting at a date. @example const cal = makeCalendar('2025-03-17', 21); cal.at(0, 8) // UTC ms of 08:00 local on day 0 */
export function makeCalendar(start, days) {
  const wall0 = dateToWall(start);
  const rest = new Map();
  const cal = {
    start, days, wall0,
    winStart: wallToUtc(wall0), winEnd: wallToUtc(wall0 + days * DAY),
    /** UTC ms of local day d (from the start) at hours (may be negative or beyond 24). @example cal.at(1, 25.5) // 01:30 local on day 2 */
    at: (d, hours) => wallToUtc(wall0 + d * DAY + Math.round(hours * HOUR)),
    /** Local day index of a UTC instant. @example cal.dayOf(cal.winStart) === 0 */
    dayOf: (utc) => Math.floor((utcToWall(utc) - wall0) / DAY),
    /** Local hour (float) of a UTC instant. @example cal.hourOf(cal.at(0, 8.5)) === 8.5 */
    hourOf: (utc) => localHour(utc),
    /** Weekend or bank holiday. @example cal.isRest(5) // a Saturday when the start is a Monday */
    isRest: (d) => { let r = rest.get(d); if (r === undefined) { r = isRestDay(wall0 + d * DAY); rest.set(d, r); } return r; },
    /** 0 = Monday ... 6 = Sunday. @example cal.dow(0) === 0 // for a Monday start */
    dow: (d) => weekdayOfWall(wall0 + d * DAY)
  };
  return cal;
}

/** Where a vehicle is and when it is next free; go() drives it and reports camera passages. @example const it = new Itinerary(ctx, rng, home, ctx.cal.winStart, plate); it.go(work, ctx.cal.at(0, 8)) */
export class Itinerary {
  /** A vehicle at a node from time t with a plate record. @example new Itinerary(ctx, rng, 5, 0, plate) */
  constructor(ctx, rng, node, t, plate) {
    this.ctx = ctx; this.rng = rng; this.node = node; this.t = t; this.plate = plate;
    this.pace = rng.uniform(0.9, 1.1);
    this.switchAt = Infinity; this.nextPlate = null;
    this.drives = 0;
  }

  /** From ms on, the vehicle carries another plate (a change of car). @example it.changePlateAt(ms, plate2) */
  changePlateAt(ms, plate) { this.switchAt = ms; this.nextPlate = plate; }

  /** Drive to a node leaving at depart (or a few minutes after the vehicle is free); returns the arrival time. @example it.go(market.node, ctx.cal.at(2, 21)) */
  go(to, depart, variant = 0) {
    const { ctx, rng } = this;
    if (!(depart >= this.t)) depart = this.t + rng.uniform(1, 8) * MINUTE;
    if (depart >= this.switchAt) { this.plate = this.nextPlate; this.switchAt = Infinity; }
    if (to === this.node) { this.t = depart; return depart; }
    const { net, traffic: tr, obs, cal } = ctx;
    const path = net.router.path(this.node, to, variant);
    const edges = net.edges;
    let t = depart;
    const rest = cal.isRest(cal.dayOf(depart));
    const live = depart < cal.winEnd + DAY && depart > cal.winStart - 2 * DAY;
    for (let i = 0; i < path.length; i++) {
      const code = path[i];
      const e = edges[code >> 1];
      const fwd = (code & 1) === 0;
      const h = localHour(t);
      let f = 1;
      if (!rest && ((h >= tr.amStart && h < tr.amEnd) || (h >= tr.pmStart && h < tr.pmEnd))) f = tr.peak[e.zone];
      else if (rest && e.zone === 0 && h >= 11 && h < 16) f = tr.weekendMidday;
      else if (h >= 22 || h < 6) f = tr.night;
      const dur = (e.len / (e.speed * f * this.pace * (0.92 + 0.16 * rng.next()))) * HOUR;
      if (live && e.cams) {
        for (const slot of e.cams) obs.pass(fwd ? slot.fwd : slot.bwd, t + (fwd ? slot.t : 1 - slot.t) * dur, this.plate, rng);
      }
      t += dur;
    }
    this.node = to; this.t = t; this.drives++;
    return t;
  }

  /** Go to a node, stay dwellMs, and come back to `back` (default: where it started); returns the return arrival. @example it.visit(shop, ctx.cal.at(1, 10), 45 * 60000) */
  visit(to, depart, dwellMs, back = this.node, variant = 0) {
    const arr = this.go(to, depart, variant);
    return this.go(back, arr + dwellMs, variant);
  }
}

/** Weighted hub district (uniform) or the hub centre. @example hubPlace(ctx, rng, 0.2) */
export function hubPlace(ctx, rng, centreShare = 0.15) {
  const hub = ctx.net.hub;
  return rng.chance(centreShare) ? hub.node : rng.pick(hub.nbhds);
}

/** A place in a town: one of its neighbourhoods or its centre. @example townPlace(town, rng) */
export function townPlace(town, rng, centreShare = 0.25) {
  return rng.chance(centreShare) ? town.node : rng.pick(town.nbhds);
}

/** Another place in the same town (or the centre) different from `from` where possible. @example otherPlace(town, home, rng) */
export function otherPlace(town, from, rng) {
  const all = [town.node, ...town.nbhds].filter((n) => n !== from);
  return rng.pick(all);
}

/** A background or market town near a town (among the k nearest, not the hub). @example nearbyTown(ctx, town, rng, 4) */
export function nearbyTown(ctx, town, rng, k = 4) {
  return rng.pick(ctx.nearest.get(town.index).slice(0, k));
}

/** A day's errands from home: n round trips to places drawn by placeOf, in time order. @example errands(ctx, it, rng, d, 2, home, () => hubPlace(ctx, rng)) */
export function errands(ctx, it, rng, d, n, home, placeOf) {
  const times = [];
  for (let i = 0; i < n; i++) times.push(rng.uniform(8, 21.5));
  times.sort((a, b) => a - b);
  for (const h of times) {
    const dep = ctx.cal.at(d, h);
    if (dep < it.t) continue;
    const dest = placeOf();
    if (dest === home) continue;
    it.visit(dest, dep, rng.uniform(10, 100) * MINUTE, home);
  }
}
