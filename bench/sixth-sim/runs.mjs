// runs.mjs — a line's runs driven on its vehicles' timelines.
// hub base -> (stop on the way) -> trap house in the market -> stay (minutes to 3
// days, sometimes overnight) with local delivery trips -> (second market) -> hub.
// Vehicles change on the plate policy (the next plate appears 2-48 h after the last
// return, maybe with a new base, hour shift or route habit); hire cars are driven by
// ordinary renters before and after, private-hire cars do ordinary fares on idle days,
// swapped-out cars may carry on being driven ordinarily. An optional market-based car
// makes reverse runs (market -> hub -> market) and local deliveries.
import { makeAgent } from './timeline.mjs';
import { makePersona, ordinaryBetween, ordinaryDay } from './diary.mjs';
import { taxiShift } from './decoys-service.mjs';
import { runHour, leaveHour } from './lines.mjs';
import { NV } from './router.mjs';
import { localHourDow } from './londontime.mjs';
import { round } from './rng.mjs';

function stayEnd(env, L, arr, r, intermediate) {
  if (intermediate) return { end: arr + r.float(0.5, 3) * 3600, overnight: false };
  if (r.chance(L.overnight_share)) {
    const nights = 1 + (r.chance(Math.min(1, L.stay_median_h / 72)) ? r.int(1, 2) : 0);
    let end = env.cal.T(env.cal.dayOf(arr) + nights, leaveHour(L, r));
    if (end < arr + 6 * 3600) end += 86400;
    end = Math.min(end, arr + 72 * 3600 - r.float(0, 4) * 3600);
    return { end, overnight: true };
  }
  const h = Math.min(9, Math.max(1 / 6, L.stay_median_h * Math.exp(0.6 * r.normal())));
  return { end: arr + h * 3600, overnight: false };
}

function localTrips(env, L, tl, place, trap, arr, end, r) {
  const hours = (end - arr) / 3600;
  if (hours < 0.75 || L.local_trips_per_day <= 0) return 0;
  const n = r.poisson((L.local_trips_per_day * hours) / 24 * (hours < 24 ? 1.5 : 1));
  const times = [];
  for (let i = 0; i < n; i++) times.push(arr + 900 + r.next() * (end - arr - 2100));
  times.sort((x, y) => x - y);
  let done = 0;
  for (const t of times) {
    const h = localHourDow(t).hour;
    if (L.schedule !== 'night' && L.schedule !== 'mixed' && h >= 1 && h < 8) continue;
    if (Math.max(t, tl.free) > end - 1800) break;
    const near = r.chance(0.1) ? env.grav.choose(r, place, 'shop', (p) => p.kind !== 'hub' && p.index !== place) : place;
    tl.go(env.node(r, near), t);
    tl.stayUntil(tl.free + r.float(2, 15) * 60);
    tl.go(trap, tl.free);
    done++;
  }
  return done;
}

function doRun(env, L, v, t, r) {
  const { tl } = v.a, W = env.world;
  if (tl.at !== v.base) tl.go(v.base, t - 3600);
  let ms = [];
  if (L.markets.length > 1 && r.chance(L.combo_prob)) ms = r.sample(L.markets.map((m, i) => i), 2);
  else ms = [L.markets.length === 1 || r.chance(L.primary_share) ? 0 : r.int(1, L.markets.length - 1)];
  const rec = { depart: Math.max(t, tl.free), arrive: 0, ret: 0, markets: ms.map((i) => W.places[L.markets[i]].name), overnight: false, local_trips: 0, stop: false };
  let cur = rec.depart;
  ms.forEach((i, k) => {
    const mIdx = L.markets[i];
    if (r.chance(L.stop_prob)) {
      const stops = env.stopPlaces(W.hub.index, mIdx);
      if (stops.length) { tl.go(env.node(r, r.pick(stops), true), cur); tl.stayUntil(tl.free + r.float(5, 30) * 60); cur = tl.free; rec.stop = true; }
    }
    const arr = tl.go(L.trap_nodes[i], cur);
    if (k === 0) rec.arrive = arr;
    const { end, overnight } = stayEnd(env, L, arr, r, k < ms.length - 1);
    rec.overnight ||= overnight;
    rec.local_trips += localTrips(env, L, tl, mIdx, L.trap_nodes[i], arr, end, r);
    tl.stayUntil(end);
    cur = tl.free;
  });
  const back = r.chance(0.15) ? env.node(r, W.hub.index) : v.base;
  rec.ret = tl.go(back, cur);
  if (back !== v.base) { tl.stayUntil(tl.free + r.float(10, 60) * 60); tl.go(v.base, tl.free); }
  return rec;
}

/** what a line vehicle does on idle days between runs */
function fillIdle(env, L, v, from, to, r) {
  const cal = env.cal, a = v.a;
  for (let d = Math.max(env.firstDay, cal.dayOf(from)); d <= cal.dayOf(to); d++) {
    if (cal.T(d, 6.5) < from + 3600 || cal.T(d, 16) > to - 3600) continue;
    if (L.vehicle_kind === 'phv') { if (r.chance(0.75)) taxiShift(a, d, { base: v.base, homePlace: env.world.hub.index, startH: 7, endH: 14.5, longP: 0.04, longPlaces: env.world.places.map((p) => p.index) }); }
    else if (r.chance(0.35)) {
      a.tl.go(env.node(r, env.world.hub.index, true), cal.T(d, r.float(11, 15)));
      a.tl.stayUntil(a.tl.free + r.float(0.3, 2) * 3600);
      a.tl.go(v.base, a.tl.free);
    }
  }
}

/** ordinary use of a line vehicle outside its time with the line (renters or owners) */
function ordinaryUse(env, v, from, to, r, rental) {
  const a = v.a, H = env.world.hub.index, cal = env.cal;
  if (to - from < 86400) return;
  if (!rental) {
    const homeP = r.chance(0.6) ? H : env.grav.choose(r, H, 'visit');
    a.home = env.node(r, homeP);
    a.tl.go(a.home, from);
    ordinaryBetween(a, makePersona(env, r.fork('after'), homeP), from, to);
    return;
  }
  let d = Math.max(env.firstDay, cal.dayOf(from) + 1);
  const last = Math.min(cal.days, cal.dayOf(to) - 1);
  while (d < last) {
    const homeP = r.chance(0.5) ? H : env.grav.choose(r, H, 'visit');
    const p = makePersona(env, r.fork(`renter${d}`), homeP, r.pick(['occasional', 'worker']));
    a.home = env.node(r, homeP);
    a.tl.go(a.home, cal.T(d, r.float(8, 12)));
    const len = r.int(2, 6);
    for (let k = 0; k < len && d < last; k++, d++) ordinaryDay(a, p, d);
    a.home = v.base;
    a.tl.go(v.base, cal.T(d, r.float(8, 12)));
    d += r.int(0, 3);
  }
  a.home = v.base;
}

export function executeLine(env, L) {
  const cal = env.cal, W = env.world;
  const r = env.rng.fork(`line:${L.id}:exec`);
  const vehicles = [], swaps = [];
  const state = { base: L.base_node, shift: 0, variant: L.variant };
  let k = 0;
  const newVehicle = (availableFrom) => {
    const a = makeAgent(env, `line:${L.id}:v${k++}`, 'runner', state.base);
    a.tl.variant = state.variant;
    const v = { a, role: L.vehicle_kind, runs: [], availableFrom, base: state.base, lastReturn: null,
      periodEnd: L.swap_every_days ? availableFrom + L.swap_every_days * r.float(0.6, 1.4) * 86400 : Infinity };
    if (L.vehicle_kind === 'hire' || (k > 1 && r.chance(0.25))) ordinaryUse(env, v, env.t0, availableFrom - 6 * 3600, r, L.vehicle_kind === 'hire');
    if (a.tl.at !== v.base) a.tl.go(v.base, Math.max(a.tl.free, availableFrom - 4 * 3600));
    vehicles.push(v);
    return v;
  };
  const retire = (v) => {
    const from = (v.lastReturn ?? v.a.tl.free) + 6 * 3600;
    if (L.vehicle_kind === 'hire') ordinaryUse(env, v, from, cal.winEnd, r, true);
    else if (r.chance(L.after_use_p)) ordinaryUse(env, v, from, cal.winEnd, r, false);
  };

  const cands = [];
  for (let d = L.active_from_day; d < L.active_to_day; d++) {
    const go = L.regular ? L.weekdays.includes(cal.dow(d)) : r.chance(L.runs_per_week / 7);
    if (go) cands.push({ d, hour: runHour(L, r), u: r.next() });
  }
  let v = newVehicle(cal.T(L.active_from_day, 0));
  for (const c of cands) {
    let t = cal.T(c.d, c.hour + state.shift);
    if (t >= v.periodEnd && v.runs.length) {
      retire(v);
      const gapH = r.float(2, 48), changed = [];
      if (r.chance(L.swap_change_p.base)) { state.base = env.node(r, W.hub.index); changed.push('base'); }
      if (r.chance(L.swap_change_p.hour)) { state.shift = (r.chance(0.5) ? 1 : -1) * r.float(1, 4); changed.push('hour'); }
      if (r.chance(L.swap_change_p.route)) { state.variant = (state.variant + r.int(1, NV - 1)) % NV; changed.push('route'); }
      const old = v;
      v = newVehicle(old.lastReturn + gapH * 3600);
      swaps.push({ from: old.a.plate, to: v.a.plate, gap_h: round(gapH, 2), changed });
      t = cal.T(c.d, c.hour + state.shift);
    }
    if (t < v.availableFrom || t < v.a.tl.free + 1800) continue;
    fillIdle(env, L, v, v.a.tl.free, t, r);
    const run = doRun(env, L, v, t, r);
    v.runs.push(run);
    v.lastReturn = run.ret;
  }
  retire(v);

  if (L.reverse) {
    const mIdx = L.markets[0], home = env.node(r, mIdx);
    const a = makeAgent(env, `line:${L.id}:rev`, 'runner', home);
    const rv = { a, role: 'reverse', runs: [], base: home };
    for (let d = Math.max(env.firstDay, L.active_from_day); d < L.active_to_day; d++) {
      const ev = [];
      for (let n = r.poisson(L.reverse.local_per_day); n > 0; n--) ev.push({ t: cal.T(d, r.float(10, 23.5)), run: false });
      if (r.chance(L.reverse.runs_per_week / 7)) ev.push({ t: cal.T(d, runHour(L, r)), run: true });
      ev.sort((x, y) => x.t - y.t);
      for (const e of ev) {
        if (e.t < a.tl.free) continue;
        if (e.run) {
          const rec = { depart: Math.max(e.t, a.tl.free), arrive: 0, ret: 0, markets: [W.places[mIdx].name], reverse: true };
          rec.arrive = a.tl.go(r.chance(0.6) ? state.base : env.node(r, W.hub.index), e.t);
          a.tl.stayUntil(a.tl.free + r.float(10, 60) * 60);
          rec.ret = a.tl.go(home, a.tl.free);
          rv.runs.push(rec);
        } else {
          a.tl.go(env.node(r, mIdx), e.t);
          a.tl.stayUntil(a.tl.free + r.float(2, 15) * 60);
          a.tl.go(home, a.tl.free);
        }
      }
    }
    vehicles.push(rv);
  }
  return { vehicles, swaps };
}
