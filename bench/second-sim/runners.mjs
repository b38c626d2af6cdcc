// County-lines runners. A line belongs to the hub and serves a main market (sometimes one or two
// more). Its vehicle leaves a base in the hub, drives to a trap house or meeting place in the market,
// stays (15 minutes to 2-3 days; some lines often stay overnight), sometimes drives around inside the
// market, and returns. Runs are by day, evening or night with varying departure times; plates may be
// swapped (sometimes with a change of car, driver, base and habit), lines may start or stop inside
// the window, some use hire cars that do ordinary hire work on other days, and some vehicles also
// drive locally in the hub.
import { MINUTE, HOUR, DAY } from './clock.mjs';
import { Itinerary, hubPlace, townPlace, otherPlace } from './itinerary.mjs';

const clamp = (x, lo, hi) => Math.max(lo, Math.min(hi, x));

/** Draw the scenario's runner parameters (line count scaled by vehicles / 3000, 15-40 at 3000). @example drawRunnerScenario(rng, 3000).lines */
export function drawRunnerScenario(rng, vehicles, marketCount) {
  const weights = [];
  for (let i = 0; i < marketCount; i++) weights.push(rng.next() ** 1.5);
  const none = rng.int(1, 2);
  for (const i of rng.shuffle([...weights.keys()]).slice(0, none)) weights[i] = 0;
  const day = rng.uniform(0.2, 0.4), evening = rng.uniform(0.3, 0.45);
  return {
    lines: Math.max(2, Math.round(rng.uniform(15, 40) * Math.min(1, vehicles / 3000))),
    marketWeights: weights,
    schedule: [day, evening, Math.max(0.15, 1 - day - evening)],
    keepPlateShare: rng.uniform(0.3, 0.5),
    hireShare: rng.uniform(0.08, 0.18),
    lateStartShare: rng.uniform(0.1, 0.3),
    earlyStopShare: rng.uniform(0.1, 0.3),
    inMarketAtStartShare: rng.uniform(0.15, 0.4)
  };
}

/** Draw one line's habits. @example drawLine(ctx, rng, scen) */
export function drawLine(ctx, rng, scen) {
  const { net, cal } = ctx;
  const markets = net.markets;
  const main = markets[rng.weightedIndex(scen.marketWeights)];
  const extra = [];
  if (rng.chance(0.25)) {
    const near = markets.filter((m) => m !== main).sort((a, b) => ctx.townDist(main, a) - ctx.townDist(main, b));
    const k = rng.chance(0.7) ? 1 : 2;
    extra.push(...near.slice(0, k));
  }
  const schedule = rng.weighted(['day', 'evening', 'night'], scen.schedule);
  const days = cal.days;
  let startDay = 0, stopDay = days;
  if (rng.chance(scen.lateStartShare)) startDay = rng.uniform(Math.min(1, days * 0.3), Math.max(Math.min(1, days * 0.3), days * 0.6));
  if (rng.chance(scen.earlyStopShare)) stopDay = rng.uniform(Math.min(days - 0.5, Math.max(startDay + 2, days * 0.4)), days - 0.5);
  if (stopDay - startDay < 2) stopDay = days;
  const swapping = !rng.chance(scen.keepPlateShare);
  return {
    main, extra, extraShare: rng.uniform(0.15, 0.4), schedule,
    habit: habitHour(schedule, rng), jitterH: rng.uniform(0.5, 2.5),
    runsPerWeek: 1 + 6 * rng.next() ** 1.4,
    overnight: rng.uniform(0, 0.8), dwellMedianH: rng.uniform(0.4, 4), dwellSigma: rng.uniform(0.4, 0.9),
    localShare: rng.uniform(0.1, 0.9), hubLocalShare: rng.uniform(0, 0.7), altRouteShare: rng.uniform(0.1, 0.4),
    traps: rng.shuffle(main.nbhds).slice(0, rng.int(1, 2)),
    base: hubPlace(ctx, rng, 0),
    swapping, swapDays: rng.uniform(1, 14), driverChange: rng.uniform(0.2, 0.5),
    hire: rng.chance(scen.hireShare), depot: hubPlace(ctx, rng, 0),
    startMs: cal.at(0, startDay * 24), stopMs: cal.at(0, stopDay * 24),
    inMarketAtStart: startDay === 0 && rng.chance(scen.inMarketAtStartShare)
  };
}

function habitHour(schedule, rng) {
  return schedule === 'day' ? rng.uniform(9, 16) : schedule === 'evening' ? rng.uniform(17, 21.5) : rng.uniform(22, 27);
}

/** Ordinary hire work for a hire car's plate between two instants (from and back to the depot). @example hireWork(ctx, rng, depot, plate, from, until) */
export function hireWork(ctx, rng, depot, plate, from, until) {
  const { cal, net } = ctx;
  const it = new Itinerary(ctx, rng, depot, from, plate);
  const use = rng.uniform(0.35, 0.7);
  for (let d = cal.dayOf(from) + 1; ; d++) {
    const dep = cal.at(d, rng.uniform(8, 18));
    if (dep >= until || dep >= cal.winEnd) break;
    if (!rng.chance(use)) continue;
    const r = rng.next();
    const dest = r < 0.5 ? hubPlace(ctx, rng, 0.2) : r < 0.9 ? townPlace(rng.pick(net.background), rng) : townPlace(rng.pick(net.markets), rng);
    const dwell = rng.chance(0.2) ? rng.uniform(14, 40) * HOUR : rng.uniform(1, 8) * HOUR;
    const arr = it.go(dest, dep);
    if (dest !== depot && arr + dwell < until) it.go(depot, arr + dwell);
    d = Math.max(d, cal.dayOf(it.t));
  }
}

/** Simulate one line over the window; returns its plates in order of use and runs per plate. @example runLine(ctx, rng, line) // { vrms: ['ZK19ABC'], runs: [5] } */
export function runLine(ctx, rng, line) {
  const { cal, obs } = ctx;
  const vrms = [], runs = [], hireCars = [];
  const newPlate = (from) => {
    const text = ctx.newPlate();
    vrms.push(text); runs.push(0);
    const plate = obs.plate(text, rng);
    if (line.hire) {
      hireCars.push({ plate, from });
      if (from > cal.winStart + DAY) hireWork(ctx, rng.fork(`hire-before:${text}`), line.depot, plate, cal.winStart - DAY, from - 6 * HOUR);
    }
    return plate;
  };
  let plate = newPlate(line.startMs);
  let plateStart = line.startMs, plateLife = line.swapDays * rng.uniform(0.6, 1.4) * DAY;
  const it = new Itinerary(ctx, rng, line.hire ? line.depot : line.base, line.startMs, plate);
  let lastDwell = 0;
  if (line.inMarketAtStart) {
    it.node = rng.pick(line.traps);
    it.go(line.base, cal.at(0, rng.uniform(6, 20)));
  }
  if (line.hire) it.go(line.base, line.startMs + rng.uniform(1, 8) * HOUR);
  let lastReturn = it.t;
  const retire = (until) => {
    if (line.hire) hireWork(ctx, rng.fork(`hire-after:${plate.text}`), line.depot, plate, until + rng.uniform(2, 20) * HOUR, cal.winEnd);
  };
  for (let guard = 0; guard < 1000; guard++) {
    const cycle = (7 / line.runsPerWeek) * DAY;
    const earliest = lastReturn + Math.max(1.5 * HOUR, cycle * rng.uniform(0.5, 1.5) - lastDwell);
    let depart = nextAtHabit(ctx, rng, line, earliest);
    if (depart >= line.stopMs || depart >= cal.winEnd) break;
    if (line.swapping && runs[runs.length - 1] > 0 && depart - plateStart > plateLife) {
      // a new plate: the old one is retired; the new one starts hours to a couple of days later
      retire(lastReturn);
      const gap = rng.uniform(3, 48) * HOUR;
      if (rng.chance(line.driverChange)) {
        line.base = hubPlace(ctx, rng, 0);
        line.habit = rng.chance(0.8) ? habitHour(line.schedule, rng) : habitHour(rng.pick(['day', 'evening', 'night']), rng);
        it.pace = rng.uniform(0.9, 1.1);
      }
      depart = Math.max(depart, nextAtHabit(ctx, rng, line, lastReturn + gap));
      if (depart >= line.stopMs || depart >= cal.winEnd) break;
      plate = newPlate(lastReturn + gap);
      it.plate = plate;
      if (line.hire) { it.node = line.depot; it.t = lastReturn + gap; it.go(line.base, lastReturn + gap + rng.uniform(0.5, 6) * HOUR); }
      else { it.node = line.base; it.t = lastReturn + gap; }
      plateStart = Math.min(depart, lastReturn + gap);
      plateLife = line.swapDays * rng.uniform(0.6, 1.4) * DAY;
    }
    hubDriving(ctx, rng, line, it, depart);
    // the run
    const market = line.extra.length && rng.chance(line.extraShare) ? rng.pick(line.extra) : line.main;
    const stayAt = market === line.main ? (rng.chance(0.8) ? rng.pick(line.traps) : townPlace(market, rng, 0.4)) : townPlace(market, rng, 0.2);
    const variant = rng.chance(line.altRouteShare) ? rng.int(1, 2) : 0;
    const arrive = it.go(stayAt, depart, variant);
    if (arrive < cal.winEnd && depart >= cal.winStart) runs[runs.length - 1]++;
    let leave;
    if (rng.chance(line.overnight)) {
      const nights = rng.weighted([1, 2, 3], [70, 25, 5]);
      leave = Math.max(arrive + 6 * HOUR, cal.at(cal.dayOf(arrive) + nights, rng.uniform(7, 23)));
    } else {
      leave = arrive + clamp(rng.lognormal(line.dwellMedianH, line.dwellSigma), 0.25, 16) * HOUR;
    }
    if (rng.chance(line.localShare)) marketDriving(ctx, rng, it, market, stayAt, leave);
    const back = it.go(line.base, leave, rng.chance(line.altRouteShare) ? rng.int(1, 2) : 0);
    lastDwell = leave - arrive;
    lastReturn = back;
  }
  retire(lastReturn);
  return { vrms, runs };
}

function nextAtHabit(ctx, rng, line, earliest) {
  const { cal } = ctx;
  const d = cal.dayOf(earliest);
  for (let k = 0; k < 4; k++) {
    const cand = cal.at(d + k - (line.habit >= 24 ? 1 : 0), line.habit + rng.normal(0, line.jitterH));
    if (cand >= earliest) return cand;
  }
  return earliest + rng.uniform(0.5, 3) * HOUR;
}

// short drives inside the market during a stay, back to where the vehicle stays
function marketDriving(ctx, rng, it, market, stayAt, leave) {
  const n = 1 + rng.poisson(Math.min(3, (leave - it.t) / (8 * HOUR)));
  const times = [];
  for (let i = 0; i < n; i++) times.push(rng.uniform(it.t + 10 * MINUTE, leave - 30 * MINUTE));
  times.sort((a, b) => a - b);
  for (const tm of times) {
    if (tm < it.t || tm > leave - 30 * MINUTE) continue;
    const dest = otherPlace(market, stayAt, rng);
    const arr = it.go(dest, tm);
    if (arr > leave - 10 * MINUTE) break;
    it.go(stayAt, arr + rng.uniform(5, 45) * MINUTE);
  }
}

// ordinary local driving in the hub on days before the next run
function hubDriving(ctx, rng, line, it, until) {
  const { cal } = ctx;
  for (let d = cal.dayOf(it.t); d <= cal.dayOf(until); d++) {
    if (!rng.chance(line.hubLocalShare)) continue;
    const n = rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const dep = cal.at(d, rng.uniform(10, 22));
      if (dep < it.t + 30 * MINUTE) continue;
      const dest = hubPlace(ctx, rng, 0.25);
      if (dest === it.node) continue;
      const arr = it.go(dest, dep);
      const back = arr + rng.uniform(15, 120) * MINUTE;
      if (back + 2 * HOUR > until) { it.go(line.base, back); return; }
      it.go(line.base, back);
    }
  }
}
