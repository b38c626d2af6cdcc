// runners.mjs — county-lines lines and their runner vehicles. A line is based
// in a hub district and supplies 1-3 market towns. Its life in the window is a
// sequence of "eras", one plate each (plates swapped every 1-14 days, or kept);
// a swap may bring a new car/driver with new habits. During its era a plate
// makes runs hub -> market(s) -> hub on the line's run days and hours; it
// parks at the line's address (often a cuckooed home on an estate) for 10
// minutes to several days, may sleep there, and may make short local trips.
// Outside its era the car lives a quiet local life in the hub.

import { H, stop, tour, errands, pickOther, untilHour, around } from './tours.mjs';

const SCHEDULES = ['day', 'evening', 'night', 'mixed'];

function drawHabits(rng, nMarkets) {
  return {
    schedule: rng.weighted(SCHEDULES, [0.25, 0.3, 0.2, 0.25]),
    runs_per_week: rng.int(1, 7),
    extra_run_p: +rng.uniform(0, 0.5).toFixed(3), // chance a run day has 1-2 more runs
    short_dwell_max_h: +rng.uniform(0.5, 10).toFixed(2), // short stays: 10 min .. this
    overnight_p: +rng.uniform(0, 0.8).toFixed(3), // share of stays slept in the market
    nights_mean: +rng.uniform(1, 3.5).toFixed(2),
    local_trips_p: rng.chance(0.55) ? +rng.uniform(0.3, 0.9).toFixed(3) : 0,
    quick_turn_p: +rng.uniform(0, 0.3).toFixed(3), // cash/restock drop-and-go runs
    multi_market_p: nMarkets > 1 ? +rng.uniform(0.2, 0.7).toFixed(3) : 0,
    avoid_cameras: rng.chance(0.25), // prefers minor roads over trunk/A roads
  };
}

function departHour(rng, schedule) {
  const s = schedule === 'mixed' ? rng.weighted(['day', 'evening', 'night'], [0.4, 0.35, 0.25]) : schedule;
  if (s === 'day') return rng.uniform(9, 16.5);
  if (s === 'evening') return rng.uniform(17, 22);
  return rng.uniform(22, 28.5); // night: up to 04:30 the next morning
}

/** draw the lines of a scenario; each era becomes one runner vehicle */
export function drawLines(ctx, rng, nLines) {
  const { days } = ctx;
  const lines = [];
  for (let i = 0; i < nLines; i++) {
    const r = rng.fork(`line${i}`);
    const k = r.weighted([1, 2, 3], [0.55, 0.3, 0.15]);
    const markets = r.sample(ctx.markets, k);
    const main = markets[0];
    const line = {
      index: i, markets, main,
      base: r.pick(ctx.hub.districts),
      trap: r.chance(0.7) ? r.pick(main.estates) : main.centre, // cuckooed address or town-centre flat
      hire: r.chance(0.25),
      swap_days: r.chance(0.45) ? null : +r.uniform(1, 14).toFixed(2),
      new_habits_p: +r.uniform(0.1, 0.5).toFixed(3),
      eras: [],
    };
    // lines may start or stop mid-window (only when the window is long enough)
    let from = days >= 10 && r.chance(0.2) ? r.uniform(0.2, 0.5) * days : -1;
    const to = days >= 10 && r.chance(0.2) ? r.uniform(0.6, 0.9) * days : days + 1;
    let habits = drawHabits(r, k);
    while (from < Math.min(to, days - 0.5)) { // a plate must get a chance to be used in the window
      const len = line.swap_days ? Math.max(1, line.swap_days * r.uniform(0.7, 1.3)) : Infinity;
      const last = line.eras.length >= 9;
      const eraTo = last ? to : Math.min(to, from + len);
      line.eras.push({ from, to: eraTo, habits, runDays: new Set(r.sample([0, 1, 2, 3, 4, 5, 6], habits.runs_per_week)) });
      if (eraTo >= to) break;
      from = eraTo + r.uniform(3, 48) / 24; // new plate starts hours to ~2 days later
      if (r.chance(line.new_habits_p)) habits = drawHabits(r, k);
    }
    lines.push(line);
  }
  return lines;
}

/** the tour of one run: hub base -> market address (-> other markets) -> base */
function runTour(ctx, line, h, r, depart) {
  const { cal } = ctx;
  const count = (v) => { v.runs++; };
  if (r.chance(h.quick_turn_p)) {
    return tour(depart, [stop(line.trap, r.uniform(10, 25) * 60, count), stop(line.base)]);
  }
  const stops = [];
  const localBlock = (m, home) => {
    if (!r.chance(h.local_trips_p)) return;
    for (let j = r.int(1, 4); j > 0; j--) {
      stops.push(stop(pickOther(r, m, home), r.uniform(3, 20) * 60));
      stops.push(stop(home, r.uniform(10, 90) * 60));
    }
  };
  const main = line.main;
  if (r.chance(h.overnight_p)) {
    // trap house: the car sleeps in the market for one or more nights
    const nights = 1 + r.geometric(h.nights_mean - 1);
    stops.push(stop(line.trap, r.uniform(0.3, 3) * H, count));
    for (let n = 0; n < nights; n++) {
      localBlock(main, line.trap);
      stops.push(stop(line.trap, untilHour(cal, r.uniform(8, 14), 5)));
    }
  } else {
    stops.push(stop(line.trap, r.logUniform(10 / 60, Math.max(0.3, h.short_dwell_max_h)) * H, count));
  }
  localBlock(main, line.trap);
  if (r.chance(h.multi_market_p)) {
    for (const m of line.markets.slice(1)) {
      const addr = r.pick(m.nodes);
      stops.push(stop(addr, r.logUniform(10 / 60, 2) * H));
      localBlock(m, addr);
    }
  }
  stops.push(stop(line.base));
  return tour(depart, stops);
}

/** agent for the plate of era e of a line */
export function runnerAgent(ctx, line, e) {
  const era = line.eras[e];
  const { cal } = ctx;
  const hubChoices = [[ctx.hub, 8], ...ctx.hubNear.slice(0, 3).map((c) => [c, 1])];
  return {
    home: line.base,
    profile: era.habits.avoid_cameras ? 'avoid' : 'normal',
    dayTours(v, d) {
      const r = v.rng;
      if (d + 1 <= era.from || d >= era.to) {
        // quiet life before/after its era: parked in the hub, local errands (hire: other customers)
        return errands(ctx, v, d, line.base, hubChoices, line.hire ? { p1: 0.6, p2: 0.4, eveningP: 0.3 } : { p1: 0.3, p2: 0.1, eveningP: 0.1 });
      }
      const h = era.habits;
      // a fresh plate is put to use straight away: its first day is always a run day
      const firstDay = d <= era.from;
      const runDay = firstDay || (era.runDays.has(cal.dow(d)) ? r.chance(0.85) : r.chance(0.05));
      if (!runDay) return errands(ctx, v, d, line.base, hubChoices, { p1: 0.3, p2: 0.1, eveningP: 0.15 });
      const n = 1 + (r.chance(h.extra_run_p) ? r.int(1, 2) : 0);
      const eraStart = cal.startUtc + era.from * 86400, eraEnd = cal.startUtc + era.to * 86400;
      const out = [];
      for (let i = 0; i < n; i++) {
        let t = cal.at(d, around(r, departHour(r, h.schedule), 10));
        if (firstDay && i === 0 && t < eraStart) t = Math.round(eraStart + r.uniform(0.2, 3) * H);
        if (t >= eraStart && t < eraEnd) out.push(runTour(ctx, line, h, r, t));
      }
      return out;
    },
  };
}

/** truth-level summary of a line's schedule */
export function lineSchedule(line) {
  const s = new Set(line.eras.map((e) => e.habits.schedule));
  return s.size === 1 ? [...s][0] : 'mixed';
}
