// decoys.mjs — ordinary traffic that also makes hub<->market loops, the classes named in
// DOMAIN.md: commuters on day, evening and night shifts (full and part time), market
// residents working in the hub, delivery rounds, evening couriers, taxis and private hire,
// carers and relatives visiting, students going home at weekends, weekend day trips.
// Each make(ctx, rng) returns { v, plan } for one vehicle; its days off are ordinary days.

import { Plan } from './itinerary.mjs';
import { errands, ordinaryDay, pickDestination, pickMarket, residentProfile, visit } from './life.mjs';

const MIN = 60_000;
const WEEKDAYS = [1, 2, 3, 4, 5];

function shiftDays(rng, fullTime, pool = WEEKDAYS) {
  return new Set(fullTime ? pool : rng.sample(pool, rng.int(2, Math.min(4, pool.length - 1))));
}

/** hub resident working a shift in a market town */
function commuter(shift) {
  return (ctx, rng) => {
    const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0 });
    v.work = null; // the shift replaces the resident's own job
    const market = pickMarket(rng, ctx);
    const full = rng.chance(0.65);
    const pool = shift === 'day' ? WEEKDAYS : [0, 1, 2, 3, 4, 5, 6];
    const days = full && shift !== 'day' ? new Set(rng.sample(pool, rng.int(4, 5))) : shiftDays(rng, full, pool);
    const start = { day: rng.uniform(7, 9), evening: rng.uniform(14, 16), night: rng.uniform(21, 22.5) }[shift] * 60;
    const len = { day: rng.uniform(7.5, 9.5), evening: rng.uniform(7, 8.5), night: rng.uniform(8, 10) }[shift] * 60 * (full ? 1 : rng.uniform(0.6, 1));
    const plan = new Plan(v.home);
    const travel = ctx.net.travelMin(v.home, market) * v.speed;
    for (let d = 0; d < ctx.cal.days; d++) {
      if (days.has(ctx.cal.dow(d)) && !rng.chance(0.06)) {
        const dep = start - travel - rng.uniform(5, 20) + rng.normal(0, 7);
        visit(plan, rng, ctx, v, d, dep, market, len + rng.normal(0, 12), { localMean: 0.2 });
        if (shift === 'day') errands(plan, rng, ctx, d, 18.5 * 60, 21.5 * 60, v.errandRate * 0.6);
        else errands(plan, rng, ctx, d, 9 * 60, (shift === 'evening' ? 12.5 : 19) * 60, v.errandRate * 0.7);
      } else ordinaryDay(plan, rng, ctx, v, d);
    }
    return { v, plan };
  };
}

/** market resident working in the hub */
function reverseCommuter(ctx, rng) {
  const home = pickMarket(rng, ctx);
  const v = residentProfile(rng, ctx, home, { elsewhereShare: 0 });
  v.work = null;
  const full = rng.chance(0.7), evening = rng.chance(0.2);
  const days = shiftDays(rng, full);
  const start = (evening ? rng.uniform(13, 16) : rng.uniform(7.5, 9.5)) * 60;
  const len = rng.uniform(6, 9) * 60 * (full ? 1 : 0.75);
  const travel = ctx.net.travelMin(home, ctx.hub.id) * v.speed;
  const plan = new Plan(home);
  for (let d = 0; d < ctx.cal.days; d++) {
    if (days.has(ctx.cal.dow(d)) && !rng.chance(0.05)) {
      visit(plan, rng, ctx, v, d, start - travel - rng.uniform(5, 15) + rng.normal(0, 8), ctx.hub.id, len, { localMean: 0.3 });
      errands(plan, rng, ctx, d, evening ? 9 * 60 : 18.5 * 60, evening ? 12 * 60 : 21.5 * 60, v.errandRate * 0.7);
    } else ordinaryDay(plan, rng, ctx, v, d);
  }
  return { v, plan };
}

/** a chain of stops from `from` back to `from`: greedy nearest next stop */
function round(plan, rng, ctx, v, day, departMin, stops, dwell) {
  let t = ctx.cal.at(day, departMin), at = v.home;
  const left = stops.slice();
  while (left.length) {
    left.sort((a, b) => ctx.net.travelMin(at, a) - ctx.net.travelMin(at, b));
    const next = left.shift();
    plan.go(t, next);
    t += ctx.net.travelMin(at, next) * v.speed * MIN;
    const stay = rng.uniform(dwell[0], dwell[1]);
    if (rng.chance(0.5)) plan.local(t + 2 * MIN, stay * 0.6);
    t += stay * MIN;
    at = next;
  }
  plan.go(t, v.home);
}

function deliveryRound(ctx, rng) {
  const home = rng.chance(0.8) ? ctx.hub.id : pickDestination(rng, ctx, ctx.hub.id, { kinds: ['town'] });
  const v = { home, speed: rng.uniform(0.92, 1.05) };
  const sat = rng.chance(0.4);
  const plan = new Plan(home);
  for (let d = 0; d < ctx.cal.days; d++) {
    const dow = ctx.cal.dow(d);
    if (dow === 0 || (dow === 6 && !sat) || rng.chance(0.04)) continue;
    const stops = [pickMarket(rng, ctx)];
    for (let i = rng.int(2, 5); i > 0; i--) stops.push(pickDestination(rng, ctx, home, { kinds: ['market', 'town', 'village'], scale: 40, exclude: stops }));
    round(plan, rng, ctx, v, d, rng.uniform(6.75, 8) * 60, stops, [10, 35]);
  }
  return { v, plan };
}

function eveningCourier(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0 });
  v.work = null;
  const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(4, 6)));
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) {
    if (!days.has(ctx.cal.dow(d))) { ordinaryDay(plan, rng, ctx, v, d); continue; }
    errands(plan, rng, ctx, d, 9 * 60, 15.5 * 60, v.errandRate);
    const stops = [];
    for (let i = rng.int(2, 5); i > 0; i--) stops.push(rng.chance(0.5) ? pickMarket(rng, ctx) : pickDestination(rng, ctx, v.home, { scale: 30, exclude: stops }));
    round(plan, rng, ctx, v, d, rng.uniform(17, 18.5) * 60, [...new Set(stops)], [4, 15]);
  }
  return { v, plan };
}

function taxi(ctx, rng) {
  const hubBased = rng.chance(0.75);
  const home = hubBased ? ctx.hub.id : pickMarket(rng, ctx);
  const v = { home, speed: rng.uniform(0.95, 1.12) };
  const night = rng.chance(0.45);
  const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(5, 6)));
  const plan = new Plan(home);
  for (let d = 0; d < ctx.cal.days; d++) {
    if (!days.has(ctx.cal.dow(d))) { errands(plan, rng, ctx, d, 10 * 60, 20 * 60, 1.2); continue; }
    const s0 = (night ? rng.uniform(18, 20) : rng.uniform(6.5, 8.5)) * 60, s1 = s0 + rng.uniform(8, 10.5) * 60;
    for (let t = s0; t < s1;) {
      if (rng.chance(hubBased ? 0.05 : 0.08)) { // a long fare out and back
        const to = hubBased ? pickDestination(rng, ctx, home, { kinds: ['market', 'town', 'village'], scale: 30 }) : ctx.hub.id;
        const back = visit(plan, rng, ctx, v, d, t, to, rng.uniform(3, 12));
        t += (back - ctx.cal.at(d, t)) / MIN + ctx.net.travelMin(to, home) * v.speed + 10;
      } else {
        const away = rng.uniform(15, 40);
        plan.local(ctx.cal.at(d, t), away);
        t += away + rng.uniform(10, 35);
      }
    }
  }
  return { v, plan };
}

function carer(ctx, rng) {
  const fromHub = rng.chance(0.65);
  const home = fromHub ? ctx.hub.id : pickMarket(rng, ctx);
  const v = residentProfile(rng, ctx, home, { elsewhereShare: 0.1 });
  const target = fromHub ? pickMarket(rng, ctx) : ctx.hub.id;
  const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(1, 4)));
  const evening = rng.chance(0.6), hour = evening ? rng.uniform(17.5, 19.5) : rng.uniform(10, 14);
  const plan = new Plan(home);
  for (let d = 0; d < ctx.cal.days; d++) {
    if (!days.has(ctx.cal.dow(d)) || rng.chance(0.1)) { ordinaryDay(plan, rng, ctx, v, d); continue; }
    if (!evening) errands(plan, rng, ctx, d, 7 * 60, 9 * 60, 0.3);
    else if (v.work && v.work !== home && v.workDays.has(ctx.cal.dow(d))) ordinaryDay(plan, rng, ctx, { ...v, errandRate: 0 }, d);
    const stay = rng.chance(0.05) ? rng.uniform(12, 16) * 60 : rng.uniform(60, 180);
    visit(plan, rng, ctx, v, d, hour * 60 + rng.normal(0, 15), target, stay, { localMean: 0.4 });
  }
  return { v, plan };
}

function student(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0 });
  v.workStart = rng.uniform(9, 11) * 60; v.workLen = rng.uniform(3, 6) * 60; // lectures
  const homeTown = pickMarket(rng, ctx);
  const sundayReturn = rng.chance(0.7);
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) {
    const dow = ctx.cal.dow(d);
    if (dow === 5 && rng.chance(0.75)) {
      const dep = rng.uniform(15, 20) * 60;
      plan.go(ctx.cal.at(d, dep), homeTown);
      errands(plan, rng, ctx, d + 1, 10 * 60, 22 * 60, 2);
      errands(plan, rng, ctx, d + 2, 10 * 60, 15 * 60, 1);
      const ret = sundayReturn ? ctx.cal.at(d + 2, rng.uniform(16, 21) * 60) : ctx.cal.at(d + 3, rng.uniform(6.5, 8) * 60);
      plan.go(ret, v.home);
      d += sundayReturn ? 2 : 3; // a Monday-morning return replaces Monday's ordinary day
    } else ordinaryDay(plan, rng, ctx, v, d);
  }
  return { v, plan };
}

function weekendLeisure(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0.1 });
  v.outingRate = 0.02;
  const p = rng.uniform(0.15, 0.4);
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) {
    if (ctx.cal.isWeekend(d) && rng.chance(p)) {
      errands(plan, rng, ctx, d, 8 * 60, 9.3 * 60, 0.4);
      visit(plan, rng, ctx, v, d, rng.uniform(9.5, 11.5) * 60, pickMarket(rng, ctx, { leisure: true }), rng.uniform(3, 7) * 60, { localMean: 1.5 });
    } else ordinaryDay(plan, rng, ctx, v, d);
  }
  return { v, plan };
}

export const DOMAIN_DECOYS = {
  commuter_day: commuter('day'),
  commuter_evening: commuter('evening'),
  commuter_night: commuter('night'),
  market_resident_hub_commuter: reverseCommuter,
  delivery_round: deliveryRound,
  evening_courier: eveningCourier,
  taxi_private_hire: taxi,
  carer_visitor: carer,
  student_weekend: student,
  weekend_leisure: weekendLeisure,
};
