// Ordinary traffic, by class. Each class draws its habits per vehicle from ranges; several make the
// same hub <-> market loop as runners (commuters, market residents working in the hub, delivery
// rounds, evening couriers, taxis and private hire, carers, students, leisure trips).
import { MINUTE, HOUR } from './clock.mjs';
import { hubPlace, townPlace, otherPlace, nearbyTown, errands } from './itinerary.mjs';


/** Pick a market town, weighted by a mild size preference. @example pickMarket(ctx, rng) */
export function pickMarket(ctx, rng) { return ctx.net.markets[rng.weightedIndex(ctx.marketPull)]; }

/** Pick a background town weighted by size. @example pickTown(ctx, rng) */
export function pickTown(ctx, rng) { return ctx.net.background[rng.weightedIndex(ctx.townWeights)]; }

// ---- shift workers (hub -> market commuters, market -> hub commuters) ----
function drawShift(rng) {
  const kind = rng.weighted(['day', 'evening', 'night'], [0.55, 0.2, 0.25]);
  const start = kind === 'day' ? rng.uniform(6.5, 9.5) : kind === 'evening' ? rng.uniform(13.5, 17) : rng.uniform(19.5, 23);
  const len = kind === 'day' ? rng.uniform(7.5, 10) : kind === 'evening' ? rng.uniform(6, 9) : rng.uniform(8, 12.5);
  const pattern = rng.weighted(['weekdays', 'rota', 'part'], [0.55, 0.2, 0.25]);
  const fixed = rng.shuffle([0, 1, 2, 3, 4]).slice(0, rng.int(2, 4));
  const rotaOn = rng.int(3, 4), rotaOff = rng.int(3, 4), rotaPhase = rng.int(0, 7);
  return {
    kind, start, len, jitterH: rng.uniform(5, 20) / 60, absence: rng.uniform(0.02, 0.08),
    works: (ctx, d) => pattern === 'weekdays' ? !ctx.cal.isRest(d) : pattern === 'part' ? fixed.includes(ctx.cal.dow(d)) && !ctx.cal.isRest(d)
      : (d + rotaPhase) % (rotaOn + rotaOff) < rotaOn
  };
}

function commute(ctx, it, rng, home, work, shift, offDay) {
  const { cal, net } = ctx;
  const travelH = net.router.hours(home, work);
  const leaveFrom = rng.chance(0.2) ? rng.int(0, cal.days - 1) : -99, leaveLen = rng.int(3, 9);
  for (let d = -1; d < cal.days; d++) {
    const onLeave = d >= leaveFrom && d < leaveFrom + leaveLen;
    if (shift.works(ctx, d) && !onLeave && !rng.chance(shift.absence)) {
      const dep = cal.at(d, shift.start - travelH - rng.uniform(0.1, 0.3) + rng.normal(0, shift.jitterH));
      const arr = it.go(work, dep, rng.chance(0.1) ? 1 : 0);
      const out = Math.max(arr + HOUR, cal.at(d, shift.start + shift.len + rng.normal(0, shift.jitterH * 1.5)));
      it.go(home, out);
      if (rng.chance(0.15) && shift.kind === 'day') offDay(d, 1);
    } else if (d >= 0) offDay(d, rng.int(0, 3));
  }
}

/** Hub resident working shifts in a market town. @example commuter(ctx, it, rng) */
export function commuter(ctx, it, rng) {
  const market = pickMarket(ctx, rng);
  const home = it.node, work = townPlace(market, rng, 0.3);
  commute(ctx, it, rng, home, work, drawShift(rng), (d, n) => errands(ctx, it, rng, d, n, home, () => hubPlace(ctx, rng)));
}

/** Market-town resident working shifts in the hub. @example marketResidentToHub(ctx, it, rng) */
export function marketResidentToHub(ctx, it, rng) {
  const town = ctx.net.towns[ctx.net.nodes[it.node].town];
  const home = it.node, work = hubPlace(ctx, rng, 0.3);
  commute(ctx, it, rng, home, work, drawShift(rng), (d, n) => {
    if (rng.chance(0.06)) errands(ctx, it, rng, d, 1, home, () => hubPlace(ctx, rng, 0.4));
    else errands(ctx, it, rng, d, n, home, () => (rng.chance(0.12) ? townPlace(nearbyTown(ctx, town, rng), rng) : otherPlace(town, home, rng)));
  });
}

// ---- rounds with short stops ----
function round(ctx, it, rng, towns, startH, stopsRange, hubStops, backTo) {
  const { cal } = ctx;
  let t = startH;
  for (let k = 0; k < hubStops; k++) {
    const arr = it.go(hubPlace(ctx, rng, 0.2), t);
    t = arr + rng.uniform(3, 15) * MINUTE;
  }
  for (const town of towns) {
    const n = rng.int(stopsRange[0], stopsRange[1]);
    for (let k = 0; k < n; k++) {
      const arr = it.go(townPlace(town, rng, 0.2), t);
      t = arr + rng.uniform(3, 15) * MINUTE;
    }
  }
  return it.go(backTo, t);
}

/** Daytime van from a hub depot visiting one or several towns with short stops. @example deliveryRound(ctx, it, rng) */
export function deliveryRound(ctx, it, rng) {
  const { cal, net } = ctx;
  const depot = it.node;
  const rounds = [];
  const nRounds = rng.chance(0.5) ? 1 : rng.int(2, 3);
  for (let r = 0; r < nRounds; r++) {
    const k = rng.int(1, 4), towns = [];
    for (let i = 0; i < k; i++) towns.push(rng.chance(0.55) ? pickMarket(ctx, rng) : pickTown(ctx, rng));
    rounds.push([...new Set(towns)]);
  }
  const saturday = rng.chance(0.3), start = rng.uniform(6, 8.5);
  for (let d = 0; d < cal.days; d++) {
    const dow = cal.dow(d);
    if (dow === 6 || (dow === 5 && !saturday) || (cal.isRest(d) && dow < 5) || rng.chance(0.04)) continue;
    const towns = rounds[(d + rng.int(0, nRounds - 1)) % nRounds];
    round(ctx, it, rng, towns, cal.at(d, start + rng.normal(0, 0.25)), [2, 6], rng.chance(0.5) ? rng.int(1, 4) : 0, depot);
  }
}

/** Evening courier: depot pick-up, hub drops and one or two towns, 4-6 evenings a week. @example eveningCourier(ctx, it, rng) */
export function eveningCourier(ctx, it, rng) {
  const { cal } = ctx;
  const home = it.node, depot = hubPlace(ctx, rng, 0);
  const perWeek = rng.int(4, 6), start = rng.uniform(15.5, 18.5);
  const usual = [pickMarket(ctx, rng), rng.chance(0.5) ? pickMarket(ctx, rng) : pickTown(ctx, rng)];
  for (let d = 0; d < cal.days; d++) {
    if (!rng.chance(perWeek / 7)) continue;
    const arr = it.go(depot, cal.at(d, start + rng.normal(0, 0.3)));
    const towns = rng.chance(0.7) ? usual.slice(0, rng.int(1, 2)) : [rng.chance(0.5) ? pickMarket(ctx, rng) : pickTown(ctx, rng)];
    round(ctx, it, rng, towns, arr + rng.uniform(15, 40) * MINUTE, [2, 5], rng.int(2, 6), home);
  }
}

// ---- taxis and private hire ----
function cabShifts(ctx, it, rng, opts) {
  const { cal, net } = ctx;
  const home = it.node, rank = net.hub.node;
  const night = rng.chance(opts.nightShare);
  const sStart = night ? rng.uniform(17.5, 20) : rng.uniform(6.5, 9), sLen = rng.uniform(8, 11);
  const perWeek = rng.int(4, 6), pLong = rng.uniform(opts.long[0], opts.long[1]);
  for (let d = 0; d < cal.days; d++) {
    if (!rng.chance(perWeek / 7)) continue;
    const end = cal.at(d, sStart + sLen);
    let t = it.go(opts.rank ? rank : hubPlace(ctx, rng), cal.at(d, sStart + rng.normal(0, 0.3)));
    for (let job = 0; job < 40 && t < end; job++) {
      t += rng.uniform(opts.wait[0], opts.wait[1]) * MINUTE;
      const pickup = opts.rank && rng.chance(0.35) ? rank : hubPlace(ctx, rng, 0.2);
      t = it.go(pickup, t);
      if (rng.chance(pLong / opts.jobsPerShift)) {
        const town = rng.chance(0.7) ? pickMarket(ctx, rng) : pickTown(ctx, rng);
        const drop = townPlace(town, rng, 0.3);
        t = it.go(drop, t + rng.uniform(1, 5) * MINUTE);
        if (rng.chance(0.25)) { t = it.go(pickup, t + rng.uniform(0.5, 2.5) * HOUR); }
        else t = it.go(opts.rank ? rank : hubPlace(ctx, rng), t + rng.uniform(2, 15) * MINUTE);
      } else {
        t = it.go(hubPlace(ctx, rng, 0.25), t + rng.uniform(1, 4) * MINUTE);
      }
    }
    it.go(home, it.t + rng.uniform(5, 30) * MINUTE);
  }
}

/** Hackney taxi: rank-based short jobs around the hub, now and then a long job to a town. @example taxi(ctx, it, rng) */
export function taxi(ctx, it, rng) {
  cabShifts(ctx, it, rng, { nightShare: 0.45, long: [0.03, 0.15], wait: [5, 30], rank: true, jobsPerShift: 10 });
}

/** Private hire: booked jobs around the hub, more long jobs to market and other towns. @example privateHire(ctx, it, rng) */
export function privateHire(ctx, it, rng) {
  cabShifts(ctx, it, rng, { nightShare: 0.35, long: [0.1, 0.35], wait: [10, 50], rank: false, jobsPerShift: 7 });
}

// ---- visits ----
/** Carer: regular evening visits from the hub to a relative in a market town, 1-3 h. @example carer(ctx, it, rng) */
export function carer(ctx, it, rng) {
  const { cal } = ctx;
  const home = it.node, relative = rng.pick(pickMarket(ctx, rng).nbhds);
  const days = rng.shuffle([0, 1, 2, 3, 4, 5, 6]).slice(0, rng.int(2, 6));
  const hour = rng.uniform(17, 20), weekendDay = rng.chance(0.3);
  for (let d = 0; d < cal.days; d++) {
    const dow = cal.dow(d);
    const planned = days.includes(dow);
    if ((planned && rng.chance(0.1)) || (!planned && !rng.chance(0.05))) { if (rng.chance(0.4)) errands(ctx, it, rng, d, rng.int(1, 2), home, () => hubPlace(ctx, rng)); continue; }
    const h = weekendDay && dow >= 5 ? rng.uniform(11, 15) : hour + rng.normal(0, 0.35);
    it.visit(relative, cal.at(d, h), rng.uniform(1, 3) * HOUR, home);
  }
}

/** Student in the hub who goes home to a market town most weekends. @example student(ctx, it, rng) */
export function student(ctx, it, rng) {
  const { cal } = ctx;
  const lodging = it.node, market = pickMarket(ctx, rng), family = rng.pick(market.nbhds);
  const pHome = rng.uniform(0.5, 0.9);
  for (let d = 0; d < cal.days; d++) {
    const dow = cal.dow(d);
    if (dow === 4 && rng.chance(pHome)) {
      const friday = rng.chance(0.7);
      const arr = it.go(family, friday ? cal.at(d, rng.uniform(14, 21)) : cal.at(d + 1, rng.uniform(8, 12)));
      const backDay = rng.chance(0.75) ? d + 2 : d + 3;
      const back = backDay === d + 2 ? cal.at(backDay, rng.uniform(14, 21)) : cal.at(backDay, rng.uniform(6, 8.5));
      const n = rng.int(0, 3);
      for (let i = 0; i < n; i++) {
        const dep = arr + rng.uniform(0.1, 0.9) * (back - arr);
        if (dep < it.t + 30 * MINUTE || dep > back - 2 * HOUR) continue;
        it.visit(otherPlace(market, family, rng), dep, rng.uniform(20, 120) * MINUTE, family);
      }
      it.go(lodging, back);
      d = cal.dayOf(it.t);
      continue;
    }
    if (dow < 5 && rng.chance(0.3)) errands(ctx, it, rng, d, 1, lodging, () => hubPlace(ctx, rng));
  }
}

/** Weekend and bank-holiday day trips to market (and some other) towns, favourites repeated. @example leisure(ctx, it, rng) */
export function leisure(ctx, it, rng) {
  const { cal } = ctx;
  const home = it.node;
  const favourites = [];
  for (let i = rng.int(1, 3); i > 0; i--) favourites.push(rng.chance(0.8) ? pickMarket(ctx, rng) : pickTown(ctx, rng));
  const p = rng.uniform(0.15, 0.5);
  for (let d = 0; d < cal.days; d++) {
    if (!cal.isRest(d)) { if (rng.chance(0.35)) errands(ctx, it, rng, d, 1, home, () => hubPlace(ctx, rng)); continue; }
    if (!rng.chance(p)) continue;
    const town = rng.chance(0.7) ? rng.pick(favourites) : rng.chance(0.6) ? pickMarket(ctx, rng) : pickTown(ctx, rng);
    const spot = townPlace(town, rng, 0.5);
    let t = it.go(spot, cal.at(d, rng.uniform(9, 12.5))) + rng.uniform(2, 6) * HOUR;
    if (rng.chance(0.3)) { t = it.go(otherPlace(town, spot, rng), t - rng.uniform(0.5, 1.5) * HOUR) + rng.uniform(0.3, 1.2) * HOUR; }
    it.go(home, t);
  }
}

/** Lives in a market town and drives in and around it; rarely to the hub. @example marketLocal(ctx, it, rng) */
export function marketLocal(ctx, it, rng) {
  const { cal } = ctx;
  const home = it.node, town = ctx.net.towns[ctx.net.nodes[home].town];
  const workKind = rng.weighted(['town', 'near', 'none'], [0.6, 0.25, 0.15]);
  const work = workKind === 'town' ? otherPlace(town, home, rng) : workKind === 'near' ? townPlace(nearbyTown(ctx, town, rng, 3), rng) : -1;
  const start = rng.uniform(7, 9.5), len = rng.uniform(6, 9.5), perDay = rng.uniform(0.8, 2.5);
  for (let d = 0; d < cal.days; d++) {
    if (work >= 0 && !cal.isRest(d) && !rng.chance(0.05)) {
      const arr = it.go(work, cal.at(d, start + rng.normal(0, 0.2)));
      it.go(home, Math.max(arr + HOUR, cal.at(d, start + len + rng.normal(0, 0.3))));
    }
    const n = rng.poisson(perDay);
    errands(ctx, it, rng, d, n, home, () => {
      const r = rng.next();
      return r < 0.008 ? hubPlace(ctx, rng, 0.3) : r < 0.1 ? townPlace(nearbyTown(ctx, town, rng, 3), rng) : otherPlace(town, home, rng);
    });
  }
}

// ---- background ----
/** The bulk: hub residents, background-town residents and through traffic. @example background(ctx, it, rng, 'hub_resident') */
export function background(ctx, it, rng, kind) {
  const { cal, net } = ctx;
  if (kind === 'through') return through(ctx, it, rng);
  const home = it.node;
  const town = net.towns[net.nodes[home].town];
  const inHub = town.kind === 'hub';
  const commutes = rng.chance(inHub ? 0.6 : 0.55);
  let work = -1;
  if (commutes) {
    const r = rng.next();
    if (inHub) work = r < 0.9 ? hubPlace(ctx, rng, 0.3) : townPlace(nearbyTown(ctx, town, rng, 6), rng);
    else work = r < 0.35 ? otherPlace(town, home, rng) : r < 0.75 ? townPlace(nearbyTown(ctx, town, rng, 4), rng) : hubPlace(ctx, rng, 0.3);
    if (work === home) work = -1;
  }
  const start = rng.uniform(6.5, 9.5), len = rng.uniform(7, 9.5), jitter = rng.uniform(0.05, 0.4);
  const perDay = rng.uniform(0.3, 1.6), trip = rng.uniform(0.01, 0.06), drives = rng.uniform(0.7, 1);
  const local = inHub ? () => hubPlace(ctx, rng, 0.2) : () => (rng.chance(0.3) ? townPlace(nearbyTown(ctx, town, rng, 4), rng) : otherPlace(town, home, rng));
  for (let d = 0; d < cal.days; d++) {
    if (work >= 0 && !cal.isRest(d) && rng.chance(drives)) {
      const arr = it.go(work, cal.at(d, start + rng.normal(0, jitter)));
      it.go(home, Math.max(arr + HOUR, cal.at(d, start + len + rng.normal(0, jitter))));
    }
    if (rng.chance(trip * (cal.isRest(d) ? 2.5 : 1))) {
      const dest = rng.chance(0.25) ? pickMarket(ctx, rng) : rng.chance(0.3) && !inHub ? net.hub : pickTown(ctx, rng);
      const dep = cal.at(d, rng.uniform(9, 14));
      if (dep > it.t) it.visit(dest === net.hub ? hubPlace(ctx, rng, 0.5) : townPlace(dest, rng, 0.4), dep, rng.uniform(1.5, 6) * HOUR, home);
    }
    errands(ctx, it, rng, d, rng.poisson(perDay * (cal.isRest(d) ? 1.3 : 1)), home, local);
  }
}

function through(ctx, it, rng) {
  const { cal, net } = ctx;
  const gw = net.gateways;
  const a = rng.pick(gw);
  let b = rng.pick(gw);
  if (b === a) b = gw[(gw.indexOf(a) + 1) % gw.length];
  const regular = rng.chance(0.4);
  const hour = rng.uniform(5, 20), perWeek = regular ? rng.int(2, 5) : rng.uniform(0.3, 2.5);
  for (let d = -1; d < cal.days; d++) {
    if (!rng.chance(perWeek / 7)) continue;
    const [from, to] = rng.chance(0.5) ? [a, b] : [b, a];
    it.node = from;
    const h = regular ? hour + rng.normal(0, 0.7) : rng.weighted([rng.uniform(0, 6), rng.uniform(6, 20), rng.uniform(20, 24)], [1, 6, 1.5]);
    it.go(to, cal.at(d, h), rng.chance(0.15) ? rng.int(1, 2) : 0);
    if (rng.chance(0.4)) { it.node = to; it.go(from, it.t + rng.uniform(0.5, 10) * HOUR); }
  }
}

/** Behaviour of each decoy class. @example DECOYS.carer */
export const DECOYS = {
  commuter, market_resident_to_hub: marketResidentToHub, delivery_round: deliveryRound, evening_courier: eveningCourier,
  taxi, private_hire: privateHire, carer, student, leisure, market_local: marketLocal
};
