// decoys-regular.mjs — ordinary traffic with a fixed routine that loops
// hub <-> market: hub->market commuters (day / evening / night shifts, full or
// part time), market residents working in the hub, relatives and carers on
// regular visits, students home at weekends, tradespeople on multi-week jobs
// in market towns, and early-shift quarry (Peak) / port (coast) workers.

import { H, roundTrip, errands, pickNode, pickMarket, workDays, around, untilInstant, untilHour } from './tours.mjs';

const hubLife = (ctx) => [[ctx.hub, 8], ...ctx.hubNear.slice(0, 3).map((c) => [c, 1.5])];

/** hub resident with a job in a market town: shift day / evening / night */
function commuter(shift) {
  return (ctx, rng) => {
    const home = rng.pick(ctx.hub.districts);
    const work = pickNode(rng, pickMarket(ctx, rng));
    const days = workDays(rng, 0.65, shift !== 'day');
    const dep = { day: rng.uniform(6.3, 8.6), evening: rng.uniform(13.5, 16.5), night: rng.uniform(20, 22.3) }[shift];
    const len = { day: rng.uniform(7.5, 9.5), evening: rng.uniform(5.5, 8), night: rng.uniform(8, 10.5) }[shift];
    return {
      home,
      dayTours(v, d) {
        const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.35, p2: 0.15, eveningP: 0.15 });
        if (days.has(ctx.cal.dow(d)) && v.rng.chance(0.95)) {
          out.push(roundTrip(ctx.cal.at(d, around(v.rng, dep)), home, work, around(v.rng, len, 20) * H));
        }
        return out;
      },
    };
  };
}

/** lives in a market town, works in the hub */
function marketResident(ctx, rng) {
  const town = pickMarket(ctx, rng);
  const home = pickNode(rng, town);
  const work = pickNode(rng, ctx.hub);
  const days = workDays(rng, 0.7);
  const dep = rng.uniform(6.2, 8.5), len = rng.uniform(7.5, 9.5);
  return {
    home,
    dayTours(v, d) {
      const out = errands(ctx, v, d, home, [[town, 6], [ctx.hub, 1]], { p1: 0.4, p2: 0.25, eveningP: 0.2 });
      if (days.has(ctx.cal.dow(d)) && v.rng.chance(0.93)) {
        out.push(roundTrip(ctx.cal.at(d, around(v.rng, dep)), home, work, around(v.rng, len, 20) * H));
      }
      return out;
    },
  };
}

/** relative or unpaid carer visiting someone in a market town 1-3 times a week */
function carer(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const visit = pickNode(rng, pickMarket(ctx, rng));
  const days = new Set(rng.sample([0, 1, 2, 3, 4, 5, 6], rng.int(1, 3)));
  const dep = rng.uniform(9, 18.5), len = rng.uniform(1, 4);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.4, p2: 0.2, eveningP: 0.2 });
      if (days.has(cal.dow(d)) && r.chance(0.85)) {
        const overnight = cal.dow(d) === 6 && r.chance(0.2);
        out.push(roundTrip(cal.at(d, around(r, dep, 25)), home, visit, overnight ? untilHour(cal, r.uniform(10, 15)) : around(r, len, 20) * H));
      }
      return out;
    },
  };
}

/** student at the hub university going home to a market town at weekends */
function student(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const family = pickNode(rng, pickMarket(ctx, rng));
  const p = rng.uniform(0.4, 0.9);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const cal = ctx.cal;
      const out = errands(ctx, v, d, home, [[ctx.hub, 1]], { p1: 0.45, p2: 0.25, eveningP: 0.35 });
      if (cal.dow(d) === 5 && r.chance(p)) {
        const back = cal.at(d + 2, r.uniform(14, 21));
        out.push(roundTrip(cal.at(d, r.uniform(13.5, 20)), home, family, untilInstant(back)));
      }
      return out;
    },
  };
}

/** builder / plumber working a 1-3 week job in a market town, then the next one */
function tradesVan(ctx, rng) {
  const home = rng.pick(ctx.hub.districts);
  const jobs = [];
  for (let d = -1; d <= ctx.days + 1;) {
    const len = rng.int(5, 15);
    const town = rng.chance(0.6) ? pickMarket(ctx, rng) : rng.pick(ctx.hubNear.slice(0, 6));
    jobs.push({ from: d, to: d + len, site: pickNode(rng, town) });
    d += len;
  }
  const dep = rng.uniform(6.5, 8);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng; const dow = ctx.cal.dow(d);
      const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.2, p2: 0.2, eveningP: 0.15 });
      const job = jobs.find((j) => d >= j.from && d < j.to);
      if ((dow >= 1 && dow <= 5 && r.chance(0.92)) || (dow === 6 && r.chance(0.3))) {
        out.push(roundTrip(ctx.cal.at(d, around(r, dep)), home, job.site, r.uniform(6.5, 9.5) * H));
      }
      return out;
    },
  };
}

/** early shift at a quarry (Peak District) or a harbour (coast); ports depend on weather */
function earlyShift(ctx, rng) {
  const sites = ctx.workSites;
  const home = rng.pick(ctx.hub.districts);
  const work = pickNode(rng, rng.pick(sites));
  const days = workDays(rng, 0.75, true);
  const port = ctx.region.workClass === 'port_worker';
  const dep = port ? rng.uniform(3.3, 5.2) : rng.uniform(5, 6.3);
  return {
    home,
    dayTours(v, d) {
      const r = v.rng;
      const out = errands(ctx, v, d, home, hubLife(ctx), { p1: 0.25, p2: 0.25, eveningP: 0.15 });
      const go = days.has(ctx.cal.dow(d)) && (!port || ctx.goodWeather(d) || r.chance(0.35));
      if (go) out.push(roundTrip(ctx.cal.at(d, around(r, dep)), home, work, r.uniform(8, 11) * H));
      return out;
    },
  };
}

export const REGULAR_CLASSES = {
  commuter_day: { weight: 9, make: commuter('day') },
  commuter_evening: { weight: 4, make: commuter('evening') },
  commuter_night: { weight: 3, make: commuter('night') },
  market_resident_commuter: { weight: 9, make: marketResident },
  carer_visits: { weight: 5, make: carer },
  student_weekend: { weight: 4, make: student },
  trades_van: { weight: 4, make: tradesVan },
};
export const earlyShiftClass = { weight: 3, make: earlyShift };
