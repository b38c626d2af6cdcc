// decoys-service.mjs — working and leisure traffic with irregular hub <-> market
// loops: delivery rounds, evening couriers, hub- and market-based taxis /
// private hire, agency care workers with several short client visits a day,
// weekend leisure trips (Peak District / coast), tourists on multi-day stays,
// and good-weather day trippers (climbers in the Peak, surfers on the coast).

import { distKm } from './geo.mjs';
import { H, stop, tour, roundTrip, errands, pickNode, pickOther, pickMarket, around, nearby } from './tours.mjs';

const hubLife = (ctx) => [[ctx.hub, 8], ...ctx.hubNear.slice(0, 3).map((c) => [c, 1.5])];

/** multi-stop round from a hub depot; `patch` = the towns it serves */
function round({ depH, stops, dwellMin, daysP, evening }) {
  return (ctx, rng) => {
    const depot = rng.pick(ctx.hub.districts);
    const m = pickMarket(ctx, rng);
    const patch = [m, ...nearby(ctx, m, 18).slice(0, 3)];
    const dep = rng.uniform(...depH);
    return {
      home: depot,
      dayTours(v, d) {
        const r = v.rng; const dow = ctx.cal.dow(d);
        const out = evening ? errands(ctx, v, d, depot, hubLife(ctx), { p1: 0.4, p2: 0.2, eveningP: 0 }) : [];
        if (!r.chance(daysP[dow])) return out;
        const s = [];
        for (let i = r.int(...stops); i > 0; i--) s.push(stop(pickNode(r, r.pick(patch)), r.uniform(...dwellMin) * 60));
        s.push(stop(depot));
        out.push(tour(ctx.cal.at(d, around(r, dep, 20)), s));
        return out;
      },
    };
  };
}

/** taxi / private hire on day or night shifts; base in the hub or in a market */
function taxi(base) {
  return (ctx, rng) => {
    const town = base === 'hub' ? ctx.hub : pickMarket(ctx, rng);
    const home = pickNode(rng, town);
    const night = rng.chance(0.45);
    const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(4, 6)));
    const local = [town, ...nearby(ctx, town, 15).slice(0, 3)];
    return {
      home,
      dayTours(v, d) {
        const r = v.rng;
        if (!days.has(ctx.cal.dow(d))) return errands(ctx, v, d, home, [[town, 1]], { p1: 0.4, p2: 0.1, eveningP: 0.2 });
        const s = [];
        let hours = r.uniform(7, 10);
        while (hours > 0) {
          const x = r.next();
          const far = base === 'hub' ? (x < 0.07 ? pickMarket(ctx, r) : null) : (x < 0.1 ? ctx.hub : null);
          const dest = far ? pickNode(r, far) : pickNode(r, x < 0.8 ? town : r.pick(local));
          s.push(stop(dest, r.uniform(3, 30) * 60));
          hours -= far ? 1.6 : 0.5;
          if (far) { s.push(stop(pickOther(r, town, home), r.uniform(5, 25) * 60)); hours -= 0.3; }
        }
        s.push(stop(home));
        return [tour(ctx.cal.at(d, night ? r.uniform(18, 20) : r.uniform(6.5, 8.5)), s)];
      },
    };
  };
}

/** agency care worker: morning and evening rounds of short client visits */
function agencyCarer(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const m = pickMarket(ctx, rng);
  const clients = [];
  for (let i = rng.int(4, 8); i > 0; i--) clients.push(pickNode(rng, rng.chance(0.6) ? m : rng.pick([ctx.hub, ...nearby(ctx, m, 15).slice(0, 2)])));
  const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(4, 6)));
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      if (!days.has(cal.dow(d))) return errands(ctx, v, d, home, hubLife(ctx));
      const visit = (n, mins) => [...r.sample(clients, n).map((c) => stop(c, r.uniform(...mins) * 60)), stop(home)];
      return [tour(cal.at(d, r.uniform(6.8, 8)), visit(r.int(3, 5), [20, 45])),
        tour(cal.at(d, r.uniform(17, 19)), visit(r.int(2, 4), [15, 30]))];
    },
  };
}

/** weekend trips from the hub to the Peak District / the coast / market towns */
function weekendLeisure(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const fav = rng.sample(ctx.leisure, 3);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.35, p2: 0.15, eveningP: 0.2 });
      if (cal.isWeekend(d) && r.chance(ctx.goodWeather(d) ? 0.6 : 0.3)) {
        const s = [stop(pickNode(r, r.pick(fav)), r.uniform(1.5, 5) * H)];
        if (r.chance(0.3)) s.push(stop(pickNode(r, r.pick(ctx.leisure)), r.uniform(0.5, 2) * H));
        s.push(stop(home));
        out.push(tour(cal.at(d, r.uniform(9, 12.5)), s));
      }
      return out;
    },
  };
}

/** tourist from outside the region: 1-2 stays of 2-7 nights in a holiday let, day trips */
function tourist(ctx, rng) {
  const gate = rng.pick(ctx.gateways).centre;
  const stays = [];
  for (let d = rng.int(-2, 4); d < ctx.days;) {
    const base = rng.pick(ctx.leisure), len = rng.int(2, 7);
    stays.push({ from: d, to: d + len, let: pickNode(rng, base), base });
    d += len + rng.int(2, 10);
  }
  return {
    home: gate,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      const s = stays.find((x) => d >= x.from && d <= x.to);
      if (!s) return [];
      if (d === s.from) return [tour(cal.at(d, r.uniform(11, 16)), [stop(s.let)])];
      if (d === s.to) return [tour(cal.at(d, r.uniform(9.5, 11.5)), [stop(gate)])];
      if (!r.chance(0.75)) return [];
      const trip = r.chance(0.15) ? ctx.hub : r.pick([...ctx.leisure, ...ctx.markets].filter((c) => distKm(c, s.base) < 45));
      return [roundTrip(cal.at(d, r.uniform(9.5, 12)), s.let, pickNode(r, trip), r.uniform(2, 6) * H)];
    },
  };
}

/** climbers (Peak District) or surfers (coast): out on good-weather days */
function outdoor(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const spots = rng.sample(ctx.leisure, 2);
  const keen = rng.uniform(0.3, 0.7);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.3, p2: 0.2, eveningP: 0.25 });
      const p = ctx.goodWeather(d) ? (cal.isWeekend(d) ? 0.85 : keen) : 0.03;
      if (r.chance(p)) out.push(roundTrip(cal.at(d, r.uniform(6, 10)), home, pickNode(r, r.pick(spots)), r.uniform(3, 8) * H));
      return out;
    },
  };
}

export const SERVICE_CLASSES = {
  delivery_round: { weight: 6, make: round({ depH: [7, 9], stops: [5, 10], dwellMin: [4, 20], daysP: [0, 1, 1, 1, 1, 1, 0.5] }) },
  evening_courier: { weight: 4, make: round({ depH: [16.5, 19.5], stops: [3, 6], dwellMin: [2, 10], daysP: [0.3, 0.8, 0.8, 0.8, 0.8, 0.8, 0.5], evening: true }) },
  taxi_hub: { weight: 6, make: taxi('hub') },
  taxi_market: { weight: 4, make: taxi('market') },
  agency_carer: { weight: 4, make: agencyCarer },
  weekend_leisure: { weight: 8, make: weekendLeisure },
  tourist_multiday: { weight: 4, make: tourist },
};
export const outdoorClass = { weight: 3, make: outdoor };
