// background.mjs — the bulk of the population, labelled 'background' in the
// truth: hub residents with ordinary weekly lives (work in the hub or a nearby
// town, school runs, shopping, evenings out, weekend trips, the occasional
// visit further afield), residents of every other place including the market
// towns (lots of short local trips), and through traffic between gateways.

import { distKm } from './geo.mjs';
import { H, roundTrip, errands, pickNode, pickOther, around, nearby } from './tours.mjs';

/** resident of `town` with an optional job somewhere fixed */
function resident(ctx, rng, town) {
  const home = pickNode(rng, town);
  const near = nearby(ctx, town, 25, (c) => c.kind !== 'gateway');
  const isHub = town === ctx.hub;
  const x = rng.next();
  let job = null;
  if (isHub) job = x < 0.65 ? pickOther(rng, ctx.hub, home) : x < 0.8 && near.length ? pickNode(rng, rng.pick(near.slice(0, 4))) : null;
  else if (x < 0.35) job = pickOther(rng, town, home);
  else if (x < 0.7 && near.length) job = pickNode(rng, rng.pick(near.slice(0, 3)));
  else if (x < 0.85) job = pickNode(rng, ctx.hub);
  const days = rng.chance(0.75) ? new Set([1, 2, 3, 4, 5]) : new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(2, 5)));
  const dep = rng.uniform(6.5, 9.2), len = rng.uniform(6, 9.5);
  const choices = [[town, 8], ...near.slice(0, 3).map((c) => [c, 2]), [ctx.hub, isHub ? 0 : 0.6]];
  const weekendChoices = [...choices, ...ctx.leisure.map((c) => [c, 0.15])];
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal; const weekend = cal.isWeekend(d);
      const out = errands(ctx, v, d, home, weekend ? weekendChoices : choices,
        job ? { p1: 0.3, p2: 0.25, eveningP: 0.3 } : { p1: 0.65, p2: 0.25, eveningP: 0.2 });
      if (job && days.has(cal.dow(d)) && r.chance(0.9)) {
        out.push(roundTrip(cal.at(d, around(r, dep)), home, job, around(r, len, 20) * H));
      }
      if (r.chance(0.015)) {
        const far = r.pick(ctx.allPlaces.filter((c) => c.kind !== 'gateway'));
        out.push(roundTrip(cal.at(d, r.uniform(9, 14)), home, pickNode(r, far), r.uniform(1, 5) * H));
      }
      return out;
    },
  };
}

function hubResident(ctx, rng) { return resident(ctx, rng, ctx.hub); }

function placeResident(ctx, rng) {
  const towns = ctx.allPlaces.filter((c) => c.kind !== 'gateway' && c !== ctx.hub);
  return resident(ctx, rng, rng.weighted(towns, towns.map((c) => c.size ** 2)));
}

/** long-distance vehicles crossing the region between gateways 1-5 times a week */
function through(ctx, rng) {
  const gates = ctx.gateways;
  const a = rng.pick(gates);
  const b = rng.pick(gates.filter((g) => g !== a && distKm(g, a) > 20));
  const perWeek = rng.uniform(1, 5);
  const targets = [b, b, ctx.hub, rng.pick(ctx.allPlaces.filter((c) => c.kind === 'town' || c.kind === 'market'))];
  return {
    home: a.centre,
    dayTours(v, d) {
      const r = v.rng;
      if (!r.chance(perWeek / 7)) return [];
      const dest = r.pick(targets);
      return [roundTrip(ctx.cal.at(d, r.uniform(0, 24)), a.centre, pickNode(r, dest), r.uniform(0.5, 12) * H)];
    },
  };
}

export const BACKGROUND_KINDS = [
  { share: 0.55, make: hubResident },
  { share: 0.36, make: placeResident },
  { share: 0.09, make: through },
];
