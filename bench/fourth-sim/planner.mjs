// planner.mjs - the activity engine. A Plan is one plate's itinerary: it starts somewhere and
// executes lists of activities (go to a location by a time, stay a while), producing trips and
// the camera passes of those trips. Locations are points scattered around a place node.

import { offsetKm, distKm } from './geo.mjs';
import { walkTrip } from './observe.mjs';
import { londonOffset } from './clock.mjs';

/** Scatter radius (km) of addresses around a node, by kind. */
function spread(node, marketR, districtKm) {
  if (node.kind === 'market') return 0.75 * marketR;
  if (node.kind === 'district') return districtKm;
  if (node.kind === 'town') return Math.min(3, 0.8 + Math.sqrt(node.pop) / 6);
  if (node.kind === 'village') return 0.7;
  return 0.15; // junction, services, gateway
}

export class Locator {
  constructor(net, marketR, districtKm) { this.net = net; this.marketR = marketR; this.districtKm = districtKm; }

  /** A random address near node `id` (uniform over a disc). */
  at(id, rng) {
    const node = this.net.nodes.get(id);
    const r = spread(node, this.marketR.get(id), this.districtKm) * Math.sqrt(rng.next());
    const a = rng.float(0, 2 * Math.PI);
    const p = offsetKm(node, r * Math.sin(a), r * Math.cos(a));
    return { node: id, lat: p.lat, lon: p.lon, km: 0.15 + distKm(p, node) * 1.3 };
  }
}

/** Congestion multiplier for a departure at UTC t (weekday peaks slower, nights faster). */
function traffic(cal, t) {
  const local = t + londonOffset(t);
  const h = (local % 86400) / 3600;
  const wd = cal.weekday(cal.dayOf(t));
  if (h < 6 || h >= 22) return 0.9;
  if (wd < 5 && ((h >= 7 && h < 9.5) || (h >= 16 && h < 18.5))) return 1.45;
  return wd < 5 ? 1.1 : 1.0;
}

export class Plan {
  /** world: {net, cams, cal, loc}; rng: this plate's stream; home: location; t: start instant */
  constructor(world, rng, home, t) {
    this.world = world;
    this.rng = rng;
    this.home = home;
    this.loc = home;
    this.t = t;
    this.passes = [];
    this.pace = rng.float(0.92, 1.1); // driver's own speed habit (multiplies travel time)
    this.routeStyle = null; // null = fastest; {avoidMotorway} = varied routes each trip
    this.trips = 0;
  }

  /** Rough travel seconds between two locations (fastest path, free flow). */
  estimate(a, b) {
    const net = this.world.net;
    let min = ((a.km + b.km) / 22) * 60;
    for (const s of net.path(a.node, b.node)) min += s.link.minutes;
    return min * 60 * this.pace * 1.1;
  }

  /** Drive to `dest`, leaving at `departAt` or as soon as possible after. Returns arrival. */
  go(dest, departAt) {
    if (dest === this.loc) { this.t = Math.max(this.t, departAt); return this.t; }
    const depart = Math.max(departAt, this.t + 60);
    const { net, cal } = this.world;
    const steps = this.routeStyle
      ? net.variedPath(this.loc.node, dest.node, this.rng, this.routeStyle.avoidMotorway)
      : net.path(this.loc.node, dest.node);
    const factor = traffic(cal, depart) * this.pace * this.rng.float(0.94, 1.12);
    const { arrive, passes } = walkTrip(this.world, this.loc, dest, depart, steps, factor, this.rng);
    for (const p of passes) this.passes.push(p);
    this.loc = dest;
    this.t = arrive;
    this.trips++;
    return arrive;
  }

  stay(until) { this.t = Math.max(this.t, until); }

  /**
   * Run a day's activities. acts: [{loc, start, dur, sleep?, flex?}] with start an instant and
   * dur seconds. The driver leaves in time to arrive at `start` (or late if still busy); an
   * activity already missed by more than half its length is dropped. Between activities with
   * a long gap the vehicle goes home; after the last one it goes home unless `sleep` is set.
   */
  run(acts, home = this.home) {
    acts.sort((a, b) => a.start - b.start);
    for (let i = 0; i < acts.length; i++) {
      const a = acts[i];
      const est = a.loc === this.loc ? 0 : this.estimate(this.loc, a.loc);
      if (this.t + est > a.start + a.dur * 0.5 && !a.must && !a.sleep) continue;
      const arrive = this.go(a.loc, a.start - est);
      this.stay(arrive + a.dur);
      const next = acts[i + 1];
      if (a.sleep) return;
      if (next && this.loc !== home) {
        const back = this.estimate(this.loc, home) + this.estimate(home, next.loc);
        if (next.start - this.t > back + 5400) this.go(home, this.t);
      }
    }
    if (this.loc !== home) this.go(home, this.t);
  }
}

/** Minutes-of-day helper: h:mm as minutes, with random jitter (minutes). */
export function hm(h, m = 0) { return h * 60 + m; }
