// runners.mjs - county-lines runners, simulated as a day-by-day state machine per line.
// The driver lives in the hub; on run days the car collects at the line's base, drives to a
// market (maybe via a services meet), drops at the trap house or an address, dwells (minutes
// to days; overnight stays sleep at the trap house with local drop trips), maybe on to a second
// market, and returns to base. Plates are kept or swapped ("eras"); an escort may follow.

import { Plan } from './planner.mjs';
import { makePersona, ordinaryDay } from './life.mjs';
import { drawLine, departMinute, runsToday } from './runner-line.mjs';
import { taxiShift } from './decoys-service.mjs';

/** Start a plate era (a plate on a car with a driver's habits) at instant t. */
function newEra(c, t, prev) {
  const { world, line, rng } = c;
  const i = c.eras.length;
  const erng = rng.fork(`era:${i}`);
  const newCar = !prev || erng.chance(line.newCarShare);
  const newDriver = !prev || (newCar && erng.chance(0.5));
  const plate = c.plates.make({ recent: line.vehicle === 'hire' || (line.vehicle === 'own' && erng.chance(0.1)) });
  const persona = newDriver ? makePersona(world, erng, world.pickHubNode(erng), { employed: false, errandRate: erng.float(0.3, 1.2) }) : prev.persona;
  const e = { plate, persona, runs: 0, startDay: world.cal.dayOf(t), rng: erng,
    schedule: newDriver && prev && erng.chance(0.4) ? departSchedule(erng) : (prev ? prev.schedule : line.schedule) };
  e.plan = new Plan(world, erng, persona.home, t);
  if (!newCar) e.plan.pace = prev.plan.pace;
  if (line.variedRoutes) e.plan.routeStyle = { avoidMotorway: line.avoidMotorway };
  c.eras.push(e);
  return e;
}

const departSchedule = (rng) => rng.pick(['day', 'evening', 'night', 'mixed']);

/** A few short drop trips from where the car is staying to local addresses in market m. */
function localRound(c, plan, m, n, stayLoc) {
  const { rng, line } = c;
  for (let i = 0; i < n; i++) {
    plan.go(rng.pick(line.drops[m]), plan.t + rng.int(10, 120) * 60);
    plan.stay(plan.t + rng.int(3, 20) * 60);
    plan.go(stayLoc, plan.t);
  }
}

function returnLeg(c, e) {
  const { plan } = e;
  plan.go(c.line.base, plan.t);
  plan.stay(plan.t + c.rng.int(5, 25) * 60);
  plan.go(e.persona.home, plan.t);
}

/** One hub -> market (-> market) -> hub run departing around local minute `dep` on day k. */
function runOnce(c, e, k, dep) {
  const { world, line, rng } = c;
  const { cal } = world;
  const plan = e.plan;
  const want = cal.at(k, dep);
  c.totalRuns++;
  if (plan.loc !== line.base) {
    plan.go(line.base, want - plan.estimate(plan.loc, line.base) - rng.int(10, 30) * 60);
    plan.stay(plan.t + rng.int(5, 20) * 60);
  }
  plan.stay(want);
  if (plan.t >= cal.t0 && plan.t < cal.t1) e.runs++;
  const m = rng.chance(0.7) ? line.main : rng.pick(line.markets);
  const dest = rng.chance(0.75) ? line.trap[m] : rng.pick(line.drops[m]);
  if (c.escort) followWith(c, plan.t, dest);
  if (line.servicesMeet && rng.chance(0.6)) { plan.go(line.services, plan.t); plan.stay(plan.t + rng.int(10, 35) * 60); }
  plan.go(dest, plan.t);
  if (rng.chance(line.overnightShare)) { // stay at the trap house for one night or more
    const nights = 1 + Math.min(4, rng.poisson(line.nightsMean));
    c.stay = { m, loc: line.trap[m], until: cal.at(k + nights, departMinute(rng, e.schedule) - 600 + rng.int(0, 300)) };
    if (dest !== line.trap[m]) plan.go(line.trap[m], plan.t + rng.int(10, 60) * 60);
    if (line.localTrips) localRound(c, plan, m, rng.int(1, line.localTrips), line.trap[m]);
    return;
  }
  const dwell = rng.logUniform(line.dwellMin, line.dwellMax) * 60;
  const end = plan.t + dwell;
  if (line.localTrips && dwell > 2400) localRound(c, plan, m, rng.int(1, line.localTrips), dest);
  plan.stay(end);
  if (line.splitDrop && rng.chance(0.5)) {
    const other = line.markets.find((x) => x !== m);
    plan.go(other ? rng.pick(line.drops[other]) : rng.pick(line.drops[m]), plan.t);
    plan.stay(plan.t + rng.int(5, 30) * 60);
  }
  returnLeg(c, e);
}

/** The escort ("clean") car meets at base and follows a few minutes behind, then goes home. */
function followWith(c, t, dest) {
  const { line, rng, escort } = c;
  const plan = escort.plan;
  plan.go(line.base, t - plan.estimate(plan.loc, line.base) - 600);
  plan.stay(t + rng.int(60, 300));
  plan.go(rng.chance(0.5) ? dest : rng.pick(line.drops[dest.node] ?? [dest]), plan.t);
  plan.stay(plan.t + rng.int(5, 40) * 60);
  plan.go(escort.persona.home, plan.t);
  escort.runs++;
  escort.busy.add(c.world.cal.dayOf(t));
}

/** Simulate one line. Returns { vehicles: [{plate, plan, rng}], truth }. */
export function simulateLine(world, rng, plates, P, idx) {
  const line = drawLine(world, rng, P);
  const { cal } = world;
  const c = { world, line, rng, plates, eras: [], stay: null, escort: null, totalRuns: 0 };
  let e = newEra(c, cal.t0 - 3600, null);
  if (line.escort) {
    const erng = rng.fork('escort');
    const persona = makePersona(world, erng, world.pickHubNode(erng), { employed: rng.chance(0.5) });
    c.escort = { plate: plates.make({}), persona, runs: 0, busy: new Set(), rng: erng,
      plan: new Plan(world, erng, persona.home, cal.t0 - 3600) };
  }
  for (let k = 0; k < cal.days; k++) {
    const active = k >= line.activeFrom && k < line.activeTo;
    if (c.stay) { // the car is sleeping in the market
      const { m, loc, until } = c.stay;
      const plan = e.plan;
      if (line.localTrips && rng.chance(0.8)) { plan.stay(cal.at(k, rng.int(600, 1200))); localRound(c, plan, m, rng.int(1, line.localTrips), loc); }
      if (until < cal.at(k + 1, 0)) { plan.stay(until); returnLeg(c, e); c.stay = null; }
      continue;
    }
    if (active && line.swapEvery && k - e.startDay >= line.swapEvery) {
      e.lastUse = e.plan.t;
      e = newEra(c, e.plan.t + rng.float(3, 48) * 3600, e);
    }
    const plan = e.plan;
    if (plan.t >= cal.at(k + 1, 0)) continue; // between plates: the new one is not on the road yet
    let n = active ? runsToday(line, rng) : 0;
    const forced = active && k === line.activeTo - 1 && c.totalRuns === 0 && n === 0;
    if (forced) n = 1; // every line runs at least once, early enough to be seen
    if (n === 0) {
      if (line.vehicle === 'private_hire') taxiShift(world, plan, rng, k, e.persona.homeNode, 420, 1020, 0.03, []);
      else if (line.homeLife) plan.run(ordinaryDay(world, e.persona, k, rng), e.persona.home);
      if (line.vehicle === 'private_hire') plan.go(e.persona.home, plan.t);
    } else {
      let dep = forced ? rng.int(600, 1140) : departMinute(rng, e.schedule);
      if (line.vehicle === 'private_hire') { taxiShift(world, plan, rng, k, e.persona.homeNode, 420, dep - 60, 0.03, []); }
      for (let r = 0; r < n && !c.stay; r++) { runOnce(c, e, k, dep); dep += rng.int(90, 240); }
    }
    if (c.escort && !c.escort.busy.has(k)) c.escort.plan.run(ordinaryDay(world, c.escort.persona, k, c.escort.rng), c.escort.persona.home);
  }
  const vehicles = c.eras.map((x) => ({ plate: x.plate, plan: x.plan, rng: x.rng, runs: x.runs }));
  if (c.escort) vehicles.splice(1, 0, { plate: c.escort.plate, plan: c.escort.plan, rng: c.escort.rng, runs: c.escort.runs });
  const truth = {
    id: `line-${idx + 1}`, market: line.main, markets: line.markets, vrms: vehicles.map((v) => v.plate),
    runs: vehicles.map((v) => v.runs), schedule: line.schedule, hire: line.vehicle !== 'own', vehicle: line.vehicle,
    plate_policy: line.swapEvery ? `swap every ${line.swapEvery} days` : 'fixed',
    active_days: [line.activeFrom, line.activeTo], escort: line.escort, services_meet: line.servicesMeet,
    varied_routes: line.variedRoutes, split_drop: line.splitDrop, local_trips: line.localTrips > 0,
    overnight_share: +line.overnightShare.toFixed(3), runs_per_week: +line.runsPerWeek.toFixed(2),
  };
  return { vehicles, truth };
}
