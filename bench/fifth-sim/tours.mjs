// tours.mjs — shared building blocks for agents: stops, round trips, dwell
// rules ("until 09:00 tomorrow"), picking nodes in towns, nearby towns, and
// the ordinary errand trips every resident makes. A tour is
// { depart: utcSec, stops: [{ node, dwell?, onArrive? }] }; dwell is seconds
// or a function of the arrival instant, evaluated when the vehicle parks.

import { distKm } from './geo.mjs';

export const stop = (node, dwell, onArrive) => ({ node, dwell, onArrive });
export const tour = (depart, stops) => ({ depart, stops });
export const H = 3600;

/** out to `dest`, park for `dwell`, back to `home` */
export const roundTrip = (depart, home, dest, dwell, onArrive) => tour(depart, [stop(dest, dwell, onArrive), stop(home)]);

/** dwell rule: stay until local hour h on a later day (at least minGapH later) */
export const untilHour = (cal, h, minGapH = 3) => (t) => cal.nextAtHour(t, h, minGapH * H) - t;

/** dwell rule: stay until an absolute instant (at least 30 minutes) */
export const untilInstant = (utc) => (t) => Math.max(1800, utc - t);

export const pickNode = (rng, c) => rng.pick(c.nodes);
export const pickOther = (rng, c, not) => {
  const opts = c.nodes.filter((n) => n !== not);
  return opts.length ? rng.pick(opts) : c.centre;
};

/** clusters sorted by distance from c, optionally filtered, within maxKm */
export function nearby(ctx, c, maxKm, filter = () => true) {
  return ctx.allPlaces.filter((o) => o !== c && filter(o)).map((o) => [o, distKm(c, o)])
    .filter(([, d]) => d <= maxKm).sort((a, b) => a[1] - b[1]).map(([o]) => o);
}

/** a market drawn with nearer markets more likely */
export function pickMarket(ctx, rng, from = ctx.hub) {
  return rng.weighted(ctx.markets, ctx.markets.map((m) => 1 / (8 + distKm(from, m))));
}

/** fixed working days: full time Mon-Fri, or 2-4 fixed weekdays part time */
export function workDays(rng, fullTimeP = 0.65, allowWeekend = false) {
  if (rng.chance(fullTimeP)) return new Set([1, 2, 3, 4, 5]);
  const pool = allowWeekend ? [0, 1, 2, 3, 4, 5, 6] : [1, 2, 3, 4, 5];
  return new Set(rng.sample(pool, rng.int(2, 4)));
}

/** a habitual hour with a little day-to-day jitter (sd in minutes) */
export const around = (rng, h, sdMin = 15) => h + rng.normal(0, sdMin / 60);

/**
 * Ordinary errands for a resident: shops, school run, gym, friends. Destinations
 * come from `choices` ([[cluster, weight], ...]); 0-2 errands a day.
 */
export function errands(ctx, v, d, home, choices, { p1 = 0.55, p2 = 0.2, eveningP = 0.25 } = {}) {
  const { cal } = ctx; const r = v.rng; const out = [];
  const go = (h0, h1, dwellH) => {
    const c = r.weighted(choices.map((x) => x[0]), choices.map((x) => x[1]));
    out.push(roundTrip(cal.at(d, r.uniform(h0, h1)), home, pickOther(r, c, home), r.uniform(...dwellH) * H));
  };
  if (r.chance(p1)) go(9.5, 15, [0.4, 2.5]);
  if (r.chance(p2)) go(15, 17.5, [0.3, 1.5]);
  if (r.chance(eveningP)) go(18, 21, [0.5, 2.5]);
  return out;
}
