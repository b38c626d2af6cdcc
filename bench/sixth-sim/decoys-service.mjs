// decoys-service.mjs — working vehicles that also tie hub and markets together:
// daytime delivery rounds (several towns, short stops), evening couriers, taxis and
// private hire (hub- and market-based, with occasional long fares), tradespeople on
// multi-day jobs in a market, sales reps on multi-town tours with hotel nights, and
// market traders driving before dawn to markets on their market days.
import { makeAgent } from './timeline.mjs';
import { makePersona, runActs, ordinaryDay } from './diary.mjs';
import { setHome } from './decoys-loop.mjs';
import { round } from './rng.mjs';

const forDays = (env, fn) => { for (let d = env.firstDay; d < env.cal.days; d++) fn(d, env.cal.dow(d)); };
const placeName = (env, i) => env.world.places[i].name;

/** a round: drops in a sequence of towns, starting at `start` local hours */
function roundActs(env, r, towns, drops, start, stopMin) {
  const acts = [];
  let s = start;
  for (const t of towns) {
    for (let k = r.int(drops[0], drops[1]); k > 0; k--) {
      const du = r.float(stopMin[0], stopMin[1]) / 60;
      acts.push({ node: env.node(r, t), start: s, dur: du });
      s += du + 0.08;
    }
  }
  return acts;
}

function deliveryLike(env, key, cls, evening) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = env.world.hub.index;
  const depotP = evening || r.chance(0.6) ? H : env.grav.choose(r, H, 'work', (p) => p.kind === 'town');
  setHome(a, env.node(r, depotP));
  const pattern = () => {
    const towns = [];
    if (!evening || r.chance(0.8)) towns.push(env.grav.market(r, depotP, 'service'));
    for (let k = r.int(evening ? 0 : 1, evening ? 2 : 3); k > 0; k--) towns.push(env.grav.choose(r, depotP, 'service', (p) => p.index !== H));
    return towns.length ? towns : [env.grav.market(r, depotP, 'service')];
  };
  const rounds = [pattern(), pattern()];
  const days = evening ? r.sample([0, 1, 2, 3, 4, 5, 6], r.int(4, 6)) : r.chance(0.4) ? [0, 1, 2, 3, 4, 5] : [0, 1, 2, 3, 4];
  const start = evening ? r.float(17, 18.5) : r.float(7, 8.5);
  forDays(env, (d, dow) => {
    if (!days.includes(dow) || r.chance(0.04)) return;
    const towns = rounds[r.chance(0.7) ? 0 : 1];
    runActs(a, d, roundActs(env, r, towns, evening ? [4, 10] : [3, 8], start + 0.2 * r.normal(), evening ? [2, 6] : [3, 12]));
  });
  a.params = { depot: placeName(env, depotP), rounds: rounds.map((t) => t.map((i) => placeName(env, i))), days_per_week: days.length, start_h: round(start, 2) };
  return a;
}
export const deliveryRound = (env, key, cls) => deliveryLike(env, key, cls, false);
export const eveningCourier = (env, key, cls) => deliveryLike(env, key, cls, true);

/** one taxi / private-hire shift: fares mostly inside homePlace, some long fares */
export function taxiShift(a, d, o) {
  const { tl, env, rng } = a;
  const end = env.cal.T(d, o.endH);
  tl.go(o.base, env.cal.T(d, o.startH) - 900);
  tl.stayUntil(env.cal.T(d, o.startH));
  let fares = 0;
  while (tl.free < end) {
    const pickP = rng.chance(0.88) ? o.homePlace : env.grav.choose(rng, o.homePlace, 'visit');
    tl.go(env.node(rng, pickP, rng.chance(0.3)), tl.free + rng.float(3, 25) * 60);
    tl.stayUntil(tl.free + rng.float(30, 240));
    const dropP = rng.chance(o.longP) ? rng.pick(o.longPlaces) : rng.chance(0.75) ? o.homePlace : env.grav.choose(rng, o.homePlace, 'shop');
    tl.go(env.node(rng, dropP), tl.free);
    tl.stayUntil(tl.free + rng.float(30, 120));
    fares++;
  }
  tl.go(o.base, tl.free);
  return fares;
}

export const TAXI_SHIFTS = { day: [7, 17], late: [15, 25], night: [20, 30] };

function taxi(env, key, cls, inHub) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, W = env.world, H = W.hub.index;
  const homePlace = inHub ? H : env.grav.market(r, H, 'work');
  setHome(a, env.node(r, homePlace));
  const shift = r.pick(Object.keys(TAXI_SHIFTS));
  const [startH, endH] = TAXI_SHIFTS[shift];
  const dpw = r.int(4, 6), phase = r.int(0, 6);
  const longP = inHub ? r.float(0.03, 0.08) : r.float(0.05, 0.15);
  const longPlaces = inHub ? W.places.filter((p) => p.index !== H).map((p) => p.index)
    : [H, H, H, ...W.places.filter((p) => p.index !== homePlace && p.index !== H).map((p) => p.index)];
  forDays(env, (d) => {
    if ((d + phase + 70) % 7 >= dpw || r.chance(0.04)) return;
    taxiShift(a, d, { base: a.home, homePlace, startH: startH + 0.3 * r.normal(), endH: endH + 0.3 * r.normal(), longP, longPlaces });
  });
  a.params = { base: placeName(env, homePlace), shift, days_per_week: dpw, long_fare_p: round(longP, 3) };
  return a;
}
export const taxiHub = (env, key, cls) => taxi(env, key, cls, true);
export const taxiMarket = (env, key, cls) => taxi(env, key, cls, false);

export function tradesperson(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = env.world.hub.index;
  const baseP = r.chance(0.75) ? H : env.grav.choose(r, H, 'work', (p) => p.kind === 'town');
  setHome(a, env.node(r, baseP));
  const marketP = r.float(0.35, 0.7), stayP = r.float(0, 0.5);
  const jobs = [];
  let d = env.firstDay;
  while (d < env.cal.days) {
    const place = r.chance(marketP) ? env.grav.market(r, baseP, 'service') : env.grav.choose(r, baseP, 'service');
    const site = env.node(r, place), len = r.int(2, 5), stay = r.chance(stayP) && place !== baseP;
    const lodging = env.node(r, place);
    jobs.push({ place: placeName(env, place), days: len, stay_over: stay });
    let worked = 0;
    while (worked < len && d < env.cal.days) {
      const dow = env.cal.dow(d);
      if (dow < 5 || (dow === 5 && r.chance(0.2))) {
        const last = worked === len - 1;
        const act = { node: site, start: r.float(7.5, 8.3), dur: r.float(7, 9) };
        if (stay) {
          runActs(a, d, [act], last ? a.home : lodging);
          if (!last && r.chance(0.4)) { const t = env.cal.T(d, r.float(19, 20.5)); a.tl.go(env.node(r, place, true), t); a.tl.stayUntil(a.tl.free + 2400); a.tl.go(lodging, a.tl.free); }
        } else runActs(a, d, [act]);
        worked++;
      } else if (stay && worked > 0) {
        a.tl.go(a.home, env.cal.T(d, 9)); // home for the weekend, back on Monday
      }
      d++;
    }
    for (let gap = r.int(0, 2); gap > 0 && d < env.cal.days; gap--, d++) {
      if (env.cal.dow(d) < 5) runActs(a, d, [{ node: env.node(r, env.grav.choose(r, baseP, 'service')), start: r.float(8, 10), dur: r.float(2, 5) }]);
    }
  }
  a.params = { base: placeName(env, baseP), market_job_p: round(marketP, 2), stay_over_p: round(stayP, 2), jobs: jobs.length };
  return a;
}

export function salesRep(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, P = env.world.places;
  const homeP = r.weighted(P.map((p) => p.pop));
  setHome(a, env.node(r, homeP));
  const hotelP = r.float(0.05, 0.25);
  let at = homeP;
  forDays(env, (d, dow) => {
    if (dow >= 5) { if (at !== homeP) { a.tl.go(a.home, env.cal.T(d, 9)); at = homeP; } return; }
    if (r.chance(0.05)) return;
    const acts = [];
    let s = r.float(8.3, 9.3), cur = at;
    for (let n = r.int(3, 5); n > 0; n--) {
      cur = env.grav.choose(r, cur, 'visit', (p) => p.index !== cur);
      const du = r.float(0.5, 1.5);
      acts.push({ node: env.node(r, cur, true), start: s, dur: du });
      s += du + 0.5;
    }
    const hotel = dow < 4 && cur !== homeP && r.chance(hotelP);
    runActs(a, d, acts, hotel ? env.node(r, cur) : a.home);
    at = hotel ? cur : homeP;
  });
  a.params = { home: placeName(env, homeP), hotel_p: round(hotelP, 2) };
  return a;
}

export function marketTrader(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = env.world.hub.index;
  const homeP = r.chance(0.6) ? H : env.grav.choose(r, H, 'work', (p) => p.kind === 'town');
  setHome(a, env.node(r, homeP));
  const slots = [];
  for (const m of env.world.markets) for (const dow of env.marketDays[m.name]) slots.push({ m: m.index, dow });
  const mine = r.sample(slots, r.int(2, 4));
  const wholesaleP = r.float(0, 0.6);
  const persona = makePersona(env, r.fork('persona'), homeP, 'occasional');
  forDays(env, (d, dow) => {
    const slot = mine.find((s) => s.dow === dow);
    if (slot && !r.chance(0.05)) {
      runActs(a, d, [{ node: env.world.places[slot.m].centre, start: r.float(6, 7), dur: r.float(8.5, 10) }]);
    } else if (dow < 5 && r.chance(wholesaleP / 5)) {
      runActs(a, d, [{ node: env.world.hub.centre, start: r.float(4.5, 5.5), dur: r.float(0.5, 1.2) }]);
    } else ordinaryDay(a, persona, d);
  });
  a.params = { home: placeName(env, homeP), markets: mine.map((s) => `${placeName(env, s.m)}/${s.dow}`) };
  return a;
}
