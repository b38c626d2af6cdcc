// decoys-service.mjs - decoy classes whose hub<->market loops come from services and family:
// delivery rounds, evening couriers, taxis / private hire (hub- and market-based), carers and
// relatives, weekend leisure, holiday-home owners, sales reps and football supporters.

import { Plan } from './planner.mjs';
import { makePersona, ordinaryDay, gravityPick } from './life.mjs';

/** A multi-drop round: leave base at `startMin` on day k, drop at `n` addresses around `area`. */
function round(world, plan, rng, k, base, area, startMin, n, dropMin) {
  const { cal, loc: L } = world;
  plan.stay(cal.at(k, startMin));
  plan.go(base, plan.t);
  plan.stay(plan.t + rng.int(10, 30) * 60); // loading
  for (let i = 0; i < n; i++) {
    const node = rng.chance(0.7) ? area : gravityPick(world, area, rng);
    plan.go(L.at(node, rng), plan.t);
    plan.stay(plan.t + rng.int(dropMin[0], dropMin[1]) * 60);
  }
  plan.go(base, plan.t);
}

/** Daytime delivery van: depot in the hub, rounds in one or two markets. */
export function deliveryRound(world, rng) {
  const { cal, loc: L } = world;
  const depot = L.at(world.region.depot, rng);
  const p = makePersona(world, rng, world.pickHubNode(rng), { employed: false });
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  const areas = [world.pickMarket(rng), world.pickMarket(rng)];
  const sat = rng.chance(0.5);
  for (let k = 0; k < cal.days; k++) {
    const wd = cal.weekday(k);
    if (wd === 6 || (wd === 5 && !sat) || rng.chance(0.05)) { plan.run(ordinaryDay(world, p, k, rng), p.home); continue; }
    round(world, plan, rng, k, depot, rng.chance(0.75) ? areas[0] : areas[1], rng.int(390, 450), rng.int(8, 18), [3, 9]);
    plan.go(p.home, plan.t);
  }
  return plan;
}

/** Evening courier (parcels / food wholesale): 16:00-22:30 drops in a market. */
export function eveningCourier(world, rng) {
  const { cal, loc: L } = world;
  const hubBase = L.at(world.pickHubNode(rng), rng);
  const p = makePersona(world, rng, world.pickHubNode(rng), { employed: false, errandRate: 0.5 });
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  const area = world.pickMarket(rng);
  const nDays = rng.int(3, 6);
  for (let k = 0; k < cal.days; k++) {
    const wd = cal.weekday(k);
    plan.run(ordinaryDay(world, p, k, rng).filter((a) => a.start < cal.at(k, 900)), p.home);
    if (wd < nDays && rng.chance(0.9)) {
      round(world, plan, rng, k, hubBase, area, rng.int(930, 1020), rng.int(5, 12), [2, 7]);
      plan.go(p.home, plan.t);
    }
  }
  return plan;
}

/** One taxi / private-hire shift of fares around `baseNode`; rare long fares to `far` nodes. */
export function taxiShift(world, plan, rng, k, baseNode, startMin, endMin, longP, far) {
  const { cal, loc: L } = world;
  plan.stay(cal.at(k, startMin));
  const end = cal.at(k, endMin);
  while (plan.t < end) {
    const pickNode = rng.chance(0.75) ? baseNode : gravityPick(world, baseNode, rng);
    plan.go(L.at(pickNode, rng), plan.t + rng.int(3, 25) * 60);
    plan.stay(plan.t + rng.int(1, 5) * 60);
    const dropNode = far.length && rng.chance(longP) ? rng.pick(far) : gravityPick(world, pickNode, rng);
    plan.go(L.at(dropNode, rng), plan.t);
  }
}

/** Private hire based in the hub (occasional fares out to markets) or in a market. */
export function taxi(base) {
  return (world, rng) => {
    const { cal } = world;
    const homeNode = base === 'hub' ? world.pickHubNode(rng) : world.pickMarket(rng);
    const p = makePersona(world, rng, homeNode, { employed: false, errandRate: 0.4 });
    const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
    const night = rng.chance(0.4);
    const far = base === 'hub' ? [world.pickMarket(rng), world.pickMarket(rng)] : [world.pickHubNode(rng), world.pickHubNode(rng)];
    const longP = rng.float(0.03, 0.15);
    const workDays = rng.int(4, 6);
    const off = rng.int(0, 6);
    for (let k = 0; k < cal.days; k++) {
      if ((cal.weekday(k) + off) % 7 >= workDays) { plan.run(ordinaryDay(world, p, k, rng), p.home); continue; }
      const s = night ? rng.int(1080, 1200) : rng.int(390, 480);
      taxiShift(world, plan, rng, k, homeNode, s, s + rng.int(420, 600), longP, far);
      plan.go(p.home, plan.t);
    }
    return plan;
  };
}

/** Generic: ordinary life plus a special activity list on days chosen by `special(k, wd)`. */
function withSpecial(world, rng, homeNode, special, opts = {}) {
  const p = makePersona(world, rng, homeNode, opts);
  const plan = new Plan(world, rng, p.home, world.cal.t0 - 3600);
  const state = { p, plan };
  for (let k = 0; k < world.cal.days; k++) {
    const acts = special(k, world.cal.weekday(k), state);
    if (acts) plan.run(acts.list, acts.home ?? p.home);
    else plan.run(ordinaryDay(world, p, k, rng), p.home);
  }
  return plan;
}

/** Carer or relative visiting someone in a market (or, living in a market, someone in the hub). */
export function carerVisits(world, rng) {
  const { cal, loc: L } = world;
  const fromHub = rng.chance(0.65);
  const homeNode = fromHub ? world.pickHubNode(rng) : world.pickMarket(rng);
  const target = L.at(fromHub ? world.pickMarket(rng) : world.pickHubNode(rng), rng);
  const days = rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(1, 4));
  const at = rng.int(570, 1080);
  return withSpecial(world, rng, homeNode, (k, wd) => days.includes(wd) && rng.chance(0.85)
    ? { list: [{ loc: target, start: cal.at(k, at + rng.int(-40, 40)), dur: rng.int(60, 200) * 60 }] } : null);
}

/** Hub resident taking weekend day trips (occasionally one night) to a market. */
export function weekendLeisure(world, rng) {
  const { cal, loc: L } = world;
  const dest = L.at(world.pickMarket(rng, true), rng);
  const share = rng.float(0.3, 0.75);
  return withSpecial(world, rng, world.pickHubNode(rng), (k, wd) => {
    if (wd < 5 || !rng.chance(share / 1.5)) return null;
    const sleep = wd === 5 && rng.chance(0.2);
    return { list: [{ loc: dest, start: cal.at(k, rng.int(570, 780)), dur: rng.int(150, 420) * 60, sleep }] };
  });
}

/** Hub resident with a holiday home in a market: Friday evening to Sunday afternoon. */
export function holidayHome(world, rng) {
  const { cal, loc: L } = world;
  const second = L.at(world.pickMarket(rng, true), rng);
  const share = rng.float(0.5, 0.9);
  let going = false;
  return withSpecial(world, rng, world.pickHubNode(rng), (k, wd) => {
    if (wd === 4) { going = rng.chance(share); return going ? { list: [{ loc: second, start: cal.at(k, rng.int(1050, 1230)), dur: 60, sleep: true }] } : null; }
    if (wd === 5 && going) return { list: rng.chance(0.6) ? [{ loc: L.at(second.node, rng), start: cal.at(k, rng.int(600, 900)), dur: 5400 }] : [], home: second };
    if (wd === 6 && going) { going = false; return { list: [{ loc: second, start: cal.at(k, rng.int(780, 1020)), dur: 60 }] }; }
    return null;
  }, { employed: true });
}

/** Sales rep based in the hub visiting 2-4 towns a day, markets among them. */
export function salesRep(world, rng) {
  const { cal, loc: L } = world;
  const patch = [world.pickMarket(rng), world.pickMarket(rng), ...world.net.ofKind('town').map((n) => n.id)];
  const accounts = rng.sample(patch.slice(2), 6).concat(patch.slice(0, 2)).map((id) => L.at(id, rng));
  return withSpecial(world, rng, world.pickHubNode(rng), (k, wd) => {
    if (wd >= 5 || rng.chance(0.1)) return null;
    let m = rng.int(480, 570);
    const list = [];
    for (let i = 0, n = rng.int(2, 4); i < n; i++) { list.push({ loc: rng.pick(accounts), start: cal.at(k, m), dur: rng.int(40, 120) * 60 }); m += rng.int(120, 170); }
    return { list };
  }, { employed: false, errandRate: 0.4 });
}

/** Market-town supporter driving to home matches at the hub stadium (Saturdays, some midweeks). */
export function matchDay(world, rng) {
  const { cal, loc: L } = world;
  const ground = L.at(world.region.stadium, rng);
  const pub = L.at(world.pickHubNode(rng), rng);
  return withSpecial(world, rng, world.pickMarket(rng), (k, wd) => {
    const week = Math.floor((k + cal.weekday(0)) / 7);
    const home = (week + world.matchPhase) % 2 === 0; // home games alternate weeks, same for all fans
    if (wd === 5 && home && rng.chance(0.85)) return { list: [{ loc: pub, start: cal.at(k, rng.int(690, 780)), dur: 5400 }, { loc: ground, start: cal.at(k, 870), dur: 9000, must: true }] };
    if (wd === 1 && (week + world.matchPhase) % 3 === 0 && rng.chance(0.7)) return { list: [{ loc: ground, start: cal.at(k, 1155), dur: 8400 }] };
    return null;
  });
}
