// runners.mjs — county-lines runner lines. A line has a base in the hub and serves 1-3
// market towns; its vehicle(s) run hub -> market -> hub on a day/evening/night/mixed
// schedule, dwell from minutes to days (sometimes sleeping at a trap house), may make short
// local trips in the market, may swap plates (new plate hours to days after the old one's
// last use, sometimes with a new driver's habits), may start or stop mid-window, may use
// hire cars. Own behaviours: two vehicles of a line alternating runs ("pair"), a runner
// driving a private-hire car that also does ordinary fares, a stop on the way (services or
// fuel in a town on the route), a stock pick-up at a second hub address before a run, and
// runs that drop at two market towns in one loop.

import { Plan } from './itinerary.mjs';
import { DAY_MS, utcToWall } from './londonTime.mjs';

const MIN = 60_000, HOUR = 3_600_000;
const BANDS = { day: [9, 15], evening: [17.5, 21.5], night: [22.5, 27] };

function drawDriver(rng, schedule) {
  const hour = {};
  for (const b of Object.keys(BANDS)) hour[b] = rng.uniform(...BANDS[b]);
  return {
    hour, hour_sd: rng.uniform(0.3, 2),
    dwell_style: rng.pick(['short', 'medium', 'long', 'varied']),
    overnight_share: rng.uniform(0, 0.8),
    return_hour: schedule === 'night' ? rng.uniform(21, 26) : rng.uniform(7, 14),
    speed: rng.uniform(0.92, 1.12),
    errand_rate: rng.uniform(0.6, 2),
  };
}

function dwellMinutes(rng, style) {
  const s = style === 'varied' ? rng.pick(['short', 'medium', 'long']) : style;
  if (s === 'short') return rng.logUniform(15, 90);
  if (s === 'medium') return rng.logUniform(90, 480);
  return rng.logUniform(600, 4320);
}

function drawLine(ctx, rng, usedMains) {
  const { markets, cal } = ctx;
  const main = rng.weighted(markets, (m) => (m.pop + 2) * (usedMains.has(m.id) ? 0.3 : 1));
  usedMains.add(main.id);
  const near = markets.filter((m) => m.id !== main.id).sort((a, b) => ctx.net.travelMin(main.id, a.id) - ctx.net.travelMin(main.id, b.id)).slice(0, 4);
  const extra = rng.sample(near, [0, 0, 0, 1, 1, 2][rng.int(0, 5)]);
  const schedule = rng.weighted(['day', 'evening', 'night', 'mixed'], (s) => ({ day: 0.3, evening: 0.25, night: 0.2, mixed: 0.25 })[s]);
  const hire = rng.chance(0.25);
  const swapping = rng.chance(hire ? 0.8 : 0.45);
  const swapLo = hire ? rng.int(3, 7) : rng.int(1, 7);
  return {
    main: main.id, markets: [main.id, ...extra.map((m) => m.id)], schedule, hire,
    runs_per_week: rng.uniform(1, 7), burst_p: rng.uniform(0, 0.3),
    market_local_mean: rng.chance(0.6) ? rng.uniform(0.5, 3) : 0,
    swap_days: swapping ? [swapLo, rng.int(swapLo, 14)] : null,
    new_driver_p: rng.uniform(0.2, 0.7),
    start_day: cal.days >= 4 && rng.chance(0.3) ? rng.int(1, Math.floor(cal.days / 2)) : 0,
    end_day: cal.days >= 4 && rng.chance(0.25) ? rng.int(Math.floor(cal.days / 2) + 1, cal.days - 1) : cal.days,
    pair: rng.chance(0.2),
    private_hire: !hire && rng.chance(0.12),
    service_stop_p: rng.chance(0.3) ? rng.uniform(0.3, 0.8) : 0,
    stock_pickup_p: rng.chance(0.4) ? rng.uniform(0.3, 0.9) : 0,
    two_market_p: extra.length ? rng.uniform(0, 0.3) : 0,
    keeps_living: rng.chance(0.5),
  };
}

export function makeRunnerLines(ctx, nLines, rngRoot, plates) {
  const { cal, net, hub } = ctx;
  const usedMains = new Set(), lines = [], vehicles = [];
  const dayOf = (t) => Math.floor((utcToWall(t) - cal.startWall) / DAY_MS);
  for (let li = 0; li < nLines; li++) {
    const rng = rngRoot.fork(`line${li}`);
    const L = drawLine(ctx, rng, usedMains);
    const tenures = [];
    const newTenure = (slot, start, driver) => {
      const t = { slot, start, end: L.swap_days ? start + rng.uniform(L.swap_days[0], L.swap_days[1] + 1) * DAY_MS : Infinity,
        vrm: plates.draw(rng, { newCar: L.hire }), driver, plan: new Plan(hub.id), runs: 0, lastUse: start };
      tenures.push(t);
      return t;
    };
    const slots = (L.pair ? [0, 1] : [0]).map((i) => ({ tenure: newTenure(i, cal.at(L.start_day, 0), drawDriver(rng, L.schedule)), freeAt: -Infinity }));
    let runNo = 0;
    const runAt = (T, slotIdx, burst) => {
      let s = slots[slotIdx];
      if (T < s.freeAt && L.pair) s = slots[1 - slotIdx];
      if (T < s.freeAt) { if (!burst) return null; T = s.freeAt + rng.uniform(0.5, 3) * HOUR; }
      let ten = s.tenure;
      if (T >= ten.end) { // plate swap: a new plate some hours to two days after the old one's last use
        const start = Math.max(ten.lastUse, s.freeAt) + rng.uniform(3, 48) * HOUR;
        ten = s.tenure = newTenure(ten.slot, start, rng.chance(L.new_driver_p) ? drawDriver(rng, L.schedule) : ten.driver);
      }
      if (T < ten.start || dayOf(T) >= L.end_day) return null;
      const dr = ten.driver, plan = ten.plan;
      if (rng.chance(L.stock_pickup_p)) plan.local(T - rng.uniform(40, 100) * MIN, rng.uniform(15, 35));
      const two = L.markets.length > 1 && rng.chance(L.two_market_p);
      const m1 = rng.chance(0.6) ? L.main : rng.pick(L.markets);
      const stops = two ? [m1, rng.pick(L.markets.filter((m) => m !== m1))] : [m1];
      let t = T, at = hub.id;
      for (let i = 0; i < stops.length; i++) {
        const to = stops[i], route = net.route(at, to);
        if (route.nodes.length > 2 && rng.chance(L.service_stop_p)) {
          const via = rng.pick(route.nodes.slice(1, -1));
          plan.go(t, via);
          t += (net.travelMin(at, via) * dr.speed + rng.uniform(8, 25)) * MIN;
          at = via;
        }
        plan.go(t, to);
        t += net.travelMin(at, to) * dr.speed * MIN;
        at = to;
        if (i < stops.length - 1) { plan.local(t + 3 * MIN, rng.uniform(10, 30)); t += rng.uniform(20, 60) * MIN; }
      }
      const arrive = t;
      let ret;
      if (rng.chance(dr.overnight_share)) {
        const nights = dr.dwell_style === 'long' ? rng.int(1, 3) : 1;
        ret = cal.at(dayOf(arrive) + nights, dr.return_hour * 60 + rng.normal(0, 45));
        if (ret < arrive + 3 * HOUR) ret = arrive + rng.uniform(4, 10) * HOUR;
      } else ret = arrive + dwellMinutes(rng, dr.dwell_style) * MIN;
      const stayMin = (ret - arrive) / MIN;
      const nLocal = stayMin > 30 ? rng.poisson(L.market_local_mean * (1 + stayMin / 720)) : 0;
      for (let i = 0; i < nLocal; i++) plan.local(arrive + rng.uniform(8, stayMin - 20) * MIN, rng.logUniform(5, 40));
      plan.go(ret, hub.id);
      s.freeAt = ret + net.travelMin(at, hub.id) * dr.speed * MIN;
      ten.lastUse = s.freeAt;
      ten.runs++;
      runNo++;
      return s.freeAt;
    };
    const tryDay = (d, forced) => {
      const n = 1 + (!forced && rng.chance(L.burst_p) ? rng.int(1, 2) : 0);
      let prevEnd = null;
      for (let k = 0; k < n; k++) {
        const tenure = slots[runNo % slots.length].tenure;
        const band = forced ? 'evening' : L.schedule === 'mixed' ? rng.pick(Object.keys(BANDS)) : L.schedule;
        let T = cal.at(d, (tenure.driver.hour[band] + rng.normal(0, tenure.driver.hour_sd)) * 60);
        if (prevEnd !== null) T = Math.max(T, prevEnd + rng.uniform(0.5, 3) * HOUR);
        const end = runAt(T, runNo % slots.length, k > 0);
        if (end === null) break;
        prevEnd = end;
      }
    };
    for (let d = L.start_day; d < L.end_day; d++) if (rng.chance(Math.min(1, L.runs_per_week / 7))) tryDay(d, false);
    // every line runs at least once in the window
    for (let d = L.start_day; runNo === 0 && d < L.end_day; d++) tryDay(d, true);
    // life around the runs: errands (or private-hire fares) while each plate is in use
    const used = tenures.filter((t) => t.runs > 0).sort((a, b) => a.start - b.start);
    used.forEach((ten, i) => {
      const first = !used.slice(0, i).some((o) => o.slot === ten.slot);
      const lastOfSlot = !used.slice(i + 1).some((o) => o.slot === ten.slot);
      const from = first && L.keeps_living && !L.hire ? cal.windowStart : ten.start;
      const to = lastOfSlot && (L.keeps_living && !L.hire || L.end_day === cal.days) ? cal.windowEnd : ten.lastUse;
      const erng = rng.fork(`life${i}`);
      for (let d = Math.max(0, dayOf(from)); d <= Math.min(cal.days - 1, dayOf(to)); d++) {
        const times = [];
        if (L.private_hire) for (let m = erng.uniform(7, 16) * 60, e = m + erng.uniform(5, 9) * 60; m < e; m += erng.uniform(35, 80)) times.push(m);
        else for (let k = erng.poisson(ten.driver.errand_rate); k > 0; k--) times.push(erng.uniform(8.5, 23) * 60);
        for (const m of times) {
          const t = cal.at(d, m);
          if (t > from && t < to) ten.plan.local(t, L.private_hire ? erng.uniform(12, 30) : erng.logUniform(10, 120));
        }
      }
      vehicles.push({ vrm: ten.vrm, cls: 'county_line', speed: ten.driver.speed, plan: ten.plan, rng: rng.fork(`obs${i}`) });
    });
    if (!used.length) continue; // (cannot happen with a forced run, kept as a guard)
    const name = (id) => net.byId.get(id).name;
    lines.push({
      truth: { market: name(L.main), markets: L.markets.map(name), vrms: used.map((t) => t.vrm), runs: used.map((t) => t.runs), schedule: L.schedule, hire: L.hire },
      params: { ...L, main: name(L.main), markets: L.markets.map(name), drivers: used.map((t) => ({ vrm: t.vrm, slot: t.slot, ...roundObj(t.driver) })) },
    });
  }
  return { lines, vehicles };
}

function roundObj(o) {
  const r = (x) => {
    if (typeof x === 'number') return Number.isFinite(x) ? +x.toFixed(3) : null;
    if (Array.isArray(x)) return x.map(r);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, r(v)]));
    return x;
  };
  return r(o);
}
export { roundObj };
