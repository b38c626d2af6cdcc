// decoys-own.mjs — decoy classes of this simulator's own invention, each plausible traffic
// that loops between hub and market towns: sales reps touring towns (sometimes a hotel
// night in a market town), tradespeople on multi-day jobs (some sleeping in digs), market
// traders working weekly market days, and agency nurses on irregular day/night shifts.

import { Plan } from './itinerary.mjs';
import { errands, ordinaryDay, pickDestination, pickMarket, residentProfile, visit } from './life.mjs';

const MIN = 60_000;

function salesRep(ctx, rng) {
  const home = rng.chance(0.6) ? ctx.hub.id : pickDestination(rng, ctx, ctx.hub.id, { kinds: ['town', 'market'] });
  const v = residentProfile(rng, ctx, home, { elsewhereShare: 0 });
  v.work = null;
  const hotelP = rng.uniform(0, 0.35);
  const plan = new Plan(home);
  let at = home;
  for (let d = 0; d < ctx.cal.days; d++) {
    const dow = ctx.cal.dow(d);
    if (dow === 0 || dow === 6 || rng.chance(0.05)) {
      if (at !== home) { plan.go(ctx.cal.at(d, rng.uniform(8, 10) * 60), home); at = home; }
      ordinaryDay(plan, rng, ctx, v, d);
      continue;
    }
    let t = ctx.cal.at(d, rng.uniform(7.5, 9) * 60);
    const n = rng.int(2, 4), seen = [at];
    for (let i = 0; i < n; i++) {
      const next = rng.chance(0.5) ? pickMarket(rng, ctx) : pickDestination(rng, ctx, at, { kinds: ['market', 'town'], scale: 35, exclude: seen });
      if (seen.includes(next)) continue;
      plan.go(t, next);
      t += ctx.net.travelMin(at, next) * v.speed * MIN;
      const stay = rng.uniform(45, 120);
      plan.local(t + 5 * MIN, stay * 0.5);
      t += stay * MIN;
      seen.push(next); at = next;
    }
    const overnight = dow >= 2 && dow <= 4 && rng.chance(hotelP) && ctx.net.byId.get(at).kind === 'market';
    if (!overnight) { plan.go(t, home); at = home; errands(plan, rng, ctx, d, 19 * 60, 21.5 * 60, 0.5); }
    else plan.local(t + 60 * MIN, rng.uniform(30, 90)); // out for dinner from the hotel
  }
  return { v, plan };
}

function tradesperson(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0 });
  v.work = null;
  const digsP = rng.uniform(0, 0.5);
  const plan = new Plan(v.home);
  let d = rng.int(0, 3);
  for (let pre = 0; pre < d; pre++) ordinaryDay(plan, rng, ctx, v, pre);
  while (d < ctx.cal.days) {
    const site = rng.chance(0.7) ? pickMarket(rng, ctx) : pickDestination(rng, ctx, v.home, { kinds: ['town', 'village'], scale: 30 });
    const len = rng.int(2, 6), digs = len >= 4 && rng.chance(digsP);
    const start = rng.uniform(6.75, 7.75) * 60, travel = ctx.net.travelMin(v.home, site) * v.speed;
    let worked = 0;
    for (; worked < len && d < ctx.cal.days; d++) {
      const dow = ctx.cal.dow(d);
      if (dow === 0) { ordinaryDay(plan, rng, ctx, v, d); continue; }
      if (dow === 6) { errands(plan, rng, ctx, d, 7.5 * 60, 9 * 60, 1); ordinaryDay(plan, rng, ctx, v, d); continue; }
      const lastDay = worked === len - 1 || dow === 5;
      if (digs) {
        // stays near the job Mon-Thu nights: leaves home on the first day, back on the last
        if (worked === 0 || dow === 1) plan.go(ctx.cal.at(d, start - travel), site);
        plan.local(ctx.cal.at(d, start + rng.uniform(0, 20)), rng.uniform(20, 60)); // merchant run near the job
        if (lastDay) plan.go(ctx.cal.at(d, start + rng.uniform(8, 9.5) * 60), v.home);
        else plan.local(ctx.cal.at(d, start + rng.uniform(10.5, 12) * 60), rng.uniform(30, 90)); // evening meal out
      } else {
        visit(plan, rng, ctx, v, d, start - travel + rng.normal(0, 8), site, rng.uniform(8, 9.5) * 60, { localMean: 0.6 });
        errands(plan, rng, ctx, d, 18.5 * 60, 21 * 60, 0.6);
      }
      worked++;
    }
    for (let gap = rng.int(0, 3); gap > 0 && d < ctx.cal.days; gap--, d++) {
      errands(plan, rng, ctx, d, 7.5 * 60, 16 * 60, 3); // small jobs around the city
    }
  }
  return { v, plan };
}

function marketTrader(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0 });
  v.work = null;
  const stalls = new Map(); // day of week -> market town
  for (const dow of rng.sample([1, 2, 3, 4, 5, 6], rng.int(2, 4))) stalls.set(dow, pickMarket(rng, ctx));
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) {
    const m = stalls.get(ctx.cal.dow(d));
    if (m) {
      visit(plan, rng, ctx, v, d, rng.uniform(5.25, 6.5) * 60, m, rng.uniform(8, 10) * 60);
      errands(plan, rng, ctx, d, 18 * 60, 20.5 * 60, 0.4);
    } else {
      if (ctx.cal.dow(d) !== 0 && rng.chance(0.6)) plan.local(ctx.cal.at(d, rng.uniform(4.75, 5.75) * 60), rng.uniform(40, 90)); // wholesale market
      ordinaryDay(plan, rng, ctx, v, d);
    }
  }
  return { v, plan };
}

function agencyNurse(ctx, rng) {
  const home = rng.chance(0.5) ? ctx.hub.id : pickMarket(rng, ctx);
  const v = residentProfile(rng, ctx, home, { elsewhereShare: 0 });
  v.work = null;
  const hospitals = [ctx.hub.id, ...ctx.markets.filter((m) => m.pop >= 3).map((m) => m.id)];
  const plan = new Plan(home);
  const p = rng.uniform(0.35, 0.6);
  let restUntil = -1;
  for (let d = 0; d < ctx.cal.days; d++) {
    if (d <= restUntil || !rng.chance(p)) { ordinaryDay(plan, rng, ctx, v, d); continue; }
    const where = rng.chance(0.4) ? ctx.hub.id : rng.pick(hospitals);
    const night = rng.chance(0.45);
    const start = (night ? 19 : 7) * 60, len = 12.5 * 60;
    if (where === home) plan.local(ctx.cal.at(d, start - 25), len + 50);
    else visit(plan, rng, ctx, v, d, start - ctx.net.travelMin(home, where) * v.speed - rng.uniform(10, 25), where, len + rng.uniform(10, 30));
    if (!night) errands(plan, rng, ctx, d, 20.5 * 60, 22 * 60, 0.3);
    if (night) restUntil = d + 1; // no booking the day after a night shift
  }
  return { v, plan };
}

export const OWN_DECOYS = {
  sales_rep: salesRep,
  tradesperson_multiday: tradesperson,
  market_trader: marketTrader,
  agency_nurse: agencyNurse,
};
