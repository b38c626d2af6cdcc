// background.mjs - the bulk of the traffic, labelled 'background' in truth: residents of the
// hub and of every other place living ordinary weeks, tradespeople's vans doing jobs around
// their home area, and through traffic entering and leaving at the region's edge gateways.

import { Plan } from './planner.mjs';
import { makePersona, liveOrdinary, gravityPick, ordinaryDay } from './life.mjs';

const LIVED = ['district', 'town', 'market', 'village'];

/** Home node for a resident: population-weighted, hub districts boosted (a big city). */
export function pickHome(world, rng, hubBoost) {
  const nodes = world.net.ofKind(...LIVED);
  return rng.weighted(nodes, (n) => n.pop * (n.kind === 'district' ? hubBoost : 1)).id;
}

function resident(world, rng, plate, params) {
  const p = makePersona(world, rng, pickHome(world, rng, params.hubBoost));
  const plan = new Plan(world, rng, p.home, world.cal.t0 - 3600);
  liveOrdinary(world, plan, p, rng);
  return plan;
}

function tradesperson(world, rng) {
  const { cal, loc: L } = world;
  const home = pickHome(world, rng, 1.5);
  const p = makePersona(world, rng, home, { employed: false, errandRate: 0.3 });
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  const merchant = L.at(rng.chance(0.5) ? home : gravityPick(world, home, rng), rng);
  const sat = rng.chance(0.4);
  for (let k = 0; k < cal.days; k++) {
    const wd = cal.weekday(k);
    if (wd === 6 || (wd === 5 && !sat) || p.awayDays.has(k) || rng.chance(0.06)) {
      plan.run(ordinaryDay(world, p, k, rng), p.home);
      continue;
    }
    let m = rng.int(420, 480);
    const acts = [];
    if (rng.chance(0.35)) { acts.push({ loc: merchant, start: cal.at(k, m), dur: rng.int(15, 40) * 60 }); m += 60; }
    const jobs = wd === 5 ? 1 : rng.int(1, 4);
    for (let j = 0; j < jobs; j++) {
      const len = rng.int(60, 300);
      acts.push({ loc: L.at(gravityPick(world, home, rng), rng), start: cal.at(k, m + 30), dur: len * 60 });
      m += len + 50;
    }
    plan.run(acts, p.home);
  }
  return plan;
}

function through(world, rng) {
  const { cal, net, loc: L } = world;
  const gates = net.ofKind('gateway');
  const gate = rng.pick(gates);
  const home = L.at(gate.id, rng);
  const plan = new Plan(world, rng, home, cal.t0 - 3600);
  const rate = rng.float(0.08, 0.45);
  const towns = net.ofKind('town', 'market', 'district');
  for (let k = 0; k < cal.days; k++) {
    if (!rng.chance(rate)) continue;
    const m = rng.int(330, 1200);
    if (rng.chance(0.6)) { // across the region and back later
      const other = rng.pick(gates.filter((g) => g !== gate));
      const far = L.at(other.id, rng);
      plan.run([{ loc: far, start: cal.at(k, m), dur: rng.int(2, 30) * 3600 }], home);
    } else { // a visit to a town in the region
      const town = rng.weighted(towns, (n) => n.pop);
      plan.run([{ loc: L.at(town.id, rng), start: cal.at(k, m), dur: rng.int(60, 420) * 60 }], home);
    }
  }
  return plan;
}

/** Build the background population: returns [{plate, cls:'background', plan}]. */
export function buildBackground(world, root, plates, n, params) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const rng = root.fork(`bg:${i}`);
    const kind = rng.weightedKey({ resident: 0.85, trades: 0.07, through: 0.08 });
    const plate = plates.make({ dateless: rng.chance(0.04), recent: kind === 'trades' && rng.chance(0.3) });
    const plan = kind === 'resident' ? resident(world, rng, plate, params)
      : kind === 'trades' ? tradesperson(world, rng) : through(world, rng);
    out.push({ plate, cls: 'background', plan, rng });
  }
  return out;
}
