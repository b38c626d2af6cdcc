// diary.mjs — the household activity diary for ordinary vehicles.
// A persona (worker, parent with school run, retired, trade van, occasional driver) has a
// weekly template; each day it is instantiated into timed activities (work, school run,
// shop, visit, leisure, service job) whose destinations come from the gravity model, and
// the activities are driven as home-based tours by runActs.
import { round } from './rng.mjs';

const WEEKDAYS = [0, 1, 2, 3, 4];
export const PERSONA_SHARES = { worker: 0.5, parent: 0.12, retired: 0.18, van: 0.1, occasional: 0.1 };

export function makePersona(env, rng, homePlace, kind) {
  if (!kind) kind = Object.keys(PERSONA_SHARES)[rng.weighted(Object.values(PERSONA_SHARES))];
  const p = {
    kind, homePlace,
    satShopP: rng.float(0.4, 0.9), sunOutP: rng.float(0.3, 0.7), eveP: rng.float(0.1, 0.35), skipP: rng.float(0.02, 0.08)
  };
  if (kind === 'worker') {
    p.workPlace = env.grav.choose(rng, homePlace, 'work');
    p.work = env.node(rng, p.workPlace, rng.chance(0.4));
    p.start = rng.float(6.5, 9.5); p.dur = rng.float(7.5, 9.5);
    p.days = rng.chance(0.8) ? WEEKDAYS.slice() : rng.sample(WEEKDAYS, rng.int(2, 4)).sort();
    if (rng.chance(0.08)) p.days.push(5);
  } else if (kind === 'parent') {
    p.school = env.node(rng, homePlace);
    if (rng.chance(0.6)) { p.workPlace = env.grav.choose(rng, homePlace, 'work'); p.work = env.node(rng, p.workPlace); }
  } else if (kind === 'retired') {
    p.shopP = rng.float(0.5, 0.85);
  } else if (kind === 'van') {
    p.jobs = [rng.int(1, 2), rng.int(3, 5)]; p.satP = rng.float(0, 0.5);
  } else {
    p.tripP = rng.float(0.3, 0.7);
  }
  return p;
}

export function personaSummary(p) {
  const s = { persona: p.kind };
  if (p.start !== undefined) { s.work_start_h = round(p.start, 2); s.work_dur_h = round(p.dur, 2); s.work_days = p.days.length; }
  return s;
}

/** the day's activities {node, start (local h), dur (h)} for persona p on day d */
export function dayActs(a, p, d) {
  const { rng, env } = a;
  const dow = env.cal.dow(d);
  const acts = [];
  if (rng.chance(p.skipP)) return acts;
  const dest = (act, central = act === 'shop') => env.node(rng, env.grav.choose(rng, p.homePlace, act), central);
  const weekday = dow < 5;
  if (p.kind === 'worker' && p.days.includes(dow)) {
    const s = p.start + 0.25 * rng.normal(), du = p.dur + 0.3 * rng.normal();
    acts.push({ node: p.work, start: s, dur: du });
    if (rng.chance(0.12)) acts.push({ node: dest('shop'), start: s + du / 2, dur: 0.5 });
    if (rng.chance(0.35)) acts.push({ node: dest('shop'), start: s + du + 0.3, dur: rng.float(0.3, 0.8) });
  } else if (p.kind === 'parent' && weekday) {
    acts.push({ node: p.school, start: 8.45 + 0.08 * rng.normal(), dur: 0.1 });
    if (p.work) acts.push({ node: p.work, start: 9.3, dur: rng.float(4.5, 5.2) });
    else if (rng.chance(0.4)) acts.push({ node: dest('shop'), start: rng.float(9.5, 12), dur: rng.float(0.5, 1.5) });
    acts.push({ node: p.school, start: 15.1 + 0.08 * rng.normal(), dur: 0.2 });
    if (rng.chance(0.3)) acts.push({ node: env.node(rng, p.homePlace), start: rng.float(17.5, 18.5), dur: rng.float(0.8, 1.5) });
  } else if (p.kind === 'retired' && weekday) {
    if (rng.chance(p.shopP)) acts.push({ node: dest('shop'), start: rng.float(9.5, 14), dur: rng.float(0.5, 2) });
    if (rng.chance(0.2)) acts.push({ node: dest('visit'), start: rng.float(14.5, 16), dur: rng.float(1, 2.5) });
  } else if (p.kind === 'van' && (weekday || (dow === 5 && rng.chance(p.satP)))) {
    let s = rng.float(7.3, 8.5);
    for (let n = rng.int(p.jobs[0], p.jobs[1]); n > 0; n--) {
      const du = rng.float(0.6, 2.5);
      acts.push({ node: dest('service', false), start: s, dur: du });
      s += du + 0.35;
    }
  } else if (p.kind === 'occasional' && rng.chance(p.tripP)) {
    acts.push({ node: dest(rng.chance(0.6) ? 'shop' : 'visit'), start: rng.float(10, 17), dur: rng.float(0.5, 3) });
  }
  if (dow === 5 && rng.chance(p.satShopP)) acts.push({ node: dest('shop'), start: rng.float(9.5, 15), dur: rng.float(0.5, 2) });
  if (dow === 6 && rng.chance(p.sunOutP)) acts.push({ node: dest(rng.chance(0.5) ? 'visit' : 'leisure', false), start: rng.float(10.5, 14), dur: rng.float(1.5, 5) });
  const lastEnd = acts.reduce((m, x) => Math.max(m, x.start + x.dur), 0);
  if (lastEnd < 18 && rng.chance(p.eveP)) acts.push({ node: dest(rng.chance(0.5) ? 'visit' : 'leisure', false), start: rng.float(18.5, 20.5), dur: rng.float(1.5, 3.5) });
  return acts;
}

/** drive a list of activities as home-based tours; returns home (or to opts.end) at the end */
export function runActs(a, d, acts, end = a.home) {
  const { tl, env } = a;
  acts.sort((x, y) => x.start - y.start);
  for (let i = 0; i < acts.length; i++) {
    const act = acts[i];
    const target = env.cal.T(d, act.start);
    const arr = tl.go(act.node, target - tl.est(act.node, target));
    tl.stayUntil(Math.max(arr, target) + act.dur * 3600);
    const next = acts[i + 1];
    if (!next) break;
    if (act.node !== a.home && next.start - (act.start + act.dur) > 1.5) tl.go(a.home, tl.free);
  }
  if (acts.length && end !== undefined && end >= 0) tl.go(end, tl.free);
}

export const ordinaryDay = (a, p, d) => runActs(a, d, dayActs(a, p, d));

/** ordinary life for every day d whose daytime lies inside [from, to) */
export function ordinaryBetween(a, p, from, to) {
  const cal = a.env.cal;
  for (let d = Math.max(a.env.firstDay, cal.dayOf(from)); d < cal.days; d++) {
    if (cal.T(d, 6) < from) continue;
    if (cal.T(d, 24) > to) break;
    ordinaryDay(a, p, d);
  }
}
