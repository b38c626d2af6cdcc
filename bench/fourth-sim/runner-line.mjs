// runner-line.mjs - draws one county line's make-up from the scenario's parameter ranges:
// hub base, markets served, schedule, run rate and bursts, dwell and overnight (trap house)
// habits, plate policy, active window, vehicle type, and the optional extra behaviours
// (escort "clean" car, services meet, varied routes avoiding motorways, split drops).

import { distKm } from './geo.mjs';

const DEPART = { // local minutes-of-day windows for departures from the hub
  day: [540, 960], evening: [990, 1290], night: [1290, 1590],
};

export function departMinute(rng, schedule) {
  const s = schedule === 'mixed' ? rng.pick(['day', 'evening', 'night']) : schedule;
  const [a, b] = DEPART[s];
  return rng.int(a, b);
}

/** Draw a line. P = scenario params (shares and ranges). */
export function drawLine(world, rng, P) {
  const { net, cal, loc: L } = world;
  const markets = net.ofKind('market');
  const main = world.pickMarket(rng);
  const mainNode = net.nodes.get(main);
  const near = markets.filter((m) => m.id !== main).sort((a, b) => distKm(a, mainNode) - distKm(b, mainNode));
  const extra = rng.weightedKey({ 0: 0.45, 1: 0.35, 2: 0.2 });
  const served = [main, ...rng.sample(near.slice(0, 3), +extra).map((m) => m.id)];
  const days = cal.days;
  const vehicle = rng.weightedKey({ own: 1 - P.hireShare - P.privateHireShare, hire: P.hireShare, private_hire: P.privateHireShare });

  const line = {
    main, markets: served,
    schedule: rng.weightedKey({ day: 0.3, evening: 0.3, night: 0.25, mixed: 0.15 }),
    runsPerWeek: rng.float(1, 7),
    burst: rng.chance(P.burstShare) ? rng.int(2, 3) : 1,
    overnightShare: rng.float(P.overnightRange[0], P.overnightRange[1]),
    nightsMean: rng.float(0.2, 2.5),
    dwellMin: rng.int(10, 40),
    dwellMax: rng.int(60, 420),
    vehicle,
    swapEvery: vehicle === 'hire' ? rng.int(3, 10) : vehicle === 'own' && rng.chance(P.swapShare) ? rng.int(1, 14) : 0,
    newCarShare: vehicle === 'hire' ? 1 : rng.float(0.1, 0.6),
    activeFrom: rng.chance(P.lateStartShare) ? rng.int(1, Math.max(1, Math.floor(days / 2))) : 0,
    activeTo: days,
    localTrips: rng.chance(P.localTripShare) ? rng.int(1, 4) : 0,
    escort: vehicle !== 'private_hire' && rng.chance(P.escortShare),
    servicesMeet: rng.chance(P.servicesShare),
    variedRoutes: rng.chance(P.variedRouteShare),
    avoidMotorway: rng.chance(0.5),
    splitDrop: rng.chance(P.splitDropShare),
    homeLife: vehicle !== 'hire' || rng.chance(0.5),
  };
  if (rng.chance(P.earlyStopShare)) line.activeTo = Math.max(line.activeFrom + 3, rng.int(Math.floor(days / 2), days - 1));
  line.activeTo = Math.min(days, line.activeTo);
  if (vehicle === 'private_hire') line.overnightShare = 0; // the hired driver goes home

  const baseNode = world.pickHubNode(rng);
  line.base = L.at(baseNode, rng); // the line's stash / "deal line" holder's address in the hub
  line.trap = {}; line.drops = {};
  for (const m of served) {
    line.trap[m] = L.at(m, rng);
    line.drops[m] = Array.from({ length: rng.int(2, 5) }, () => L.at(m, rng));
  }
  if (line.servicesMeet) line.services = servicesOnTheWay(world, line.base, mainNode, rng);
  if (!line.services) line.servicesMeet = false;
  return line;
}

/** A motorway services node roughly on the way from base to market (detour < 30%), if any. */
function servicesOnTheWay(world, base, market, rng) {
  let best = null, bestDetour = 1.3;
  for (const s of world.net.ofKind('services')) {
    const d = (distKm(base, s) + distKm(s, market)) / Math.max(1, distKm(base, market));
    if (d < bestDetour) { bestDetour = d; best = s; }
  }
  return best ? world.loc.at(best.id, rng) : null;
}

/** Runs on day k (0, 1, or a burst of several). */
export function runsToday(line, rng) {
  const perDay = line.runsPerWeek / 7;
  if (line.burst > 1) return rng.chance(perDay / line.burst * 1.2) ? line.burst : (rng.chance(perDay * 0.3) ? 1 : 0);
  return rng.chance(Math.min(1, perDay)) ? 1 : 0;
}
