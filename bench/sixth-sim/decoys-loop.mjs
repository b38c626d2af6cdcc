// decoys-loop.mjs — ordinary people whose lives make the hub <-> market loop:
// commuters both ways (day/evening/night shifts, full and part time), hospital shift
// workers, relatives visiting in the evening, students home at weekends, weekend leisure
// trips, a separated parent's alternate-weekend handovers, and market residents' nights
// out in the hub. Each class draws its own parameters per agent (recorded in truth).
import { makeAgent } from './timeline.mjs';
import { makePersona, dayActs, runActs, ordinaryDay } from './diary.mjs';
import { round } from './rng.mjs';

const forDays = (env, fn) => { for (let d = env.firstDay; d < env.cal.days; d++) fn(d, env.cal.dow(d)); };
export const setHome = (a, node) => { a.home = node; a.tl.at = node; };
const hubIdx = (env) => env.world.hub.index;
const placeName = (env, i) => env.world.places[i].name;

function commuter(env, key, cls, homeInHub) {
  const a = makeAgent(env, key, cls, -1), r = a.rng;
  const m = env.grav.market(r, hubIdx(env), 'work');
  const [homeP, workP] = homeInHub ? [hubIdx(env), m] : [m, hubIdx(env)];
  setHome(a, env.node(r, homeP));
  const work = env.node(r, workP, r.chance(0.5));
  const shift = r.pick(['day', 'day', 'day', 'evening', 'night']);
  const full = r.chance(0.65), dpw = full ? 5 : r.int(2, 4);
  const start = shift === 'day' ? r.float(6.5, 9) : shift === 'evening' ? r.float(13.5, 16) : r.float(20, 22.5);
  const dur = full ? (shift === 'night' ? r.float(8.5, 10) : r.float(7.5, 9.5)) : r.float(4, 6.5);
  const fixedDays = full ? [0, 1, 2, 3, 4] : r.sample([0, 1, 2, 3, 4], dpw);
  const phase = r.int(0, 6);
  const persona = makePersona(env, r.fork('persona'), homeP, r.chance(0.5) ? 'occasional' : 'retired');
  forDays(env, (d, dow) => {
    const works = shift === 'day' ? fixedDays.includes(dow) : (d + phase + 70) % 7 < dpw;
    if (works && !r.chance(0.04)) runActs(a, d, [{ node: work, start: start + 0.2 * r.normal(), dur: dur + 0.25 * r.normal() }]);
    else ordinaryDay(a, persona, d);
  });
  a.params = { market: placeName(env, m), shift, full_time: full, days_per_week: dpw, start_h: round(start, 2), dur_h: round(dur, 2) };
  return a;
}
export const commuterHubMarket = (env, key, cls) => commuter(env, key, cls, true);
export const commuterMarketHub = (env, key, cls) => commuter(env, key, cls, false);

export function shiftWorker(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  const hospitalInHub = r.chance(0.7);
  const homeP = hospitalInHub ? (r.chance(0.6) ? env.grav.market(r, H, 'work') : env.grav.choose(r, H, 'work', (p) => p.kind !== 'hub')) : H;
  const hospP = hospitalInHub ? H : env.grav.market(r, H, 'work');
  setHome(a, env.node(r, homeP));
  const hospital = env.world.places[hospP].centre;
  const on = r.int(3, 4), cycle = on + r.int(3, 4), phase = r.int(0, cycle - 1);
  const persona = makePersona(env, r.fork('persona'), homeP, 'occasional');
  forDays(env, (d) => {
    const k = d + phase + 10 * cycle, inCycle = k % cycle, nightBlock = Math.floor(k / cycle) % 2 === 1;
    if (inCycle < on && !r.chance(0.03)) runActs(a, d, [{ node: hospital, start: (nightBlock ? 19 : 7) - 0.25 + 0.1 * r.normal(), dur: 12.6 + 0.3 * r.normal() }]);
    else ordinaryDay(a, persona, d);
  });
  a.params = { home: placeName(env, homeP), hospital: placeName(env, hospP), shifts_on: on, cycle_days: cycle };
  return a;
}

export function carerVisitor(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  const m = env.grav.market(r, H, 'visit');
  const homeInHub = r.chance(0.7);
  const [homeP, relP] = homeInHub ? [H, m] : [m, H];
  setHome(a, env.node(r, homeP));
  const relative = env.node(r, relP);
  const visitDays = r.sample([0, 1, 2, 3, 4, 5, 6], r.int(2, 5));
  const arrive = r.float(17.5, 19.5), stay = r.float(1, 3), sundayP = r.float(0, 0.6);
  const persona = makePersona(env, r.fork('persona'), homeP);
  forDays(env, (d, dow) => {
    const acts = dayActs(a, persona, d).filter((x) => x.start + x.dur < arrive - 0.5);
    if (visitDays.includes(dow) && !r.chance(0.1)) acts.push({ node: relative, start: arrive + 0.3 * r.normal(), dur: stay + 0.3 * r.normal() });
    if (dow === 6 && r.chance(sundayP)) acts.push({ node: relative, start: r.float(12, 13), dur: r.float(2, 4) });
    runActs(a, d, acts);
  });
  a.params = { market: placeName(env, m), lives_in_hub: homeInHub, visits_per_week: visitDays.length, arrive_h: round(arrive, 2), stay_h: round(stay, 2) };
  return a;
}

export function studentWeekend(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  const m = env.grav.market(r, H, 'visit');
  const uni = env.node(r, H), family = env.node(r, m), campus = env.world.hub.centre;
  setHome(a, uni);
  const homeP = r.float(0.35, 0.9);
  let away = false, mondayBack = false;
  forDays(env, (d, dow) => {
    if (away) {
      if (dow === 5) runActs(a, d, [{ node: env.node(r, m, true), start: r.float(11, 15), dur: r.float(1, 3) }]);
      if (dow === 6 && !mondayBack) { a.tl.go(uni, env.cal.T(d, r.float(14, 20))); a.home = uni; away = false; }
      else if (dow === 0) { a.tl.go(uni, env.cal.T(d, r.float(6.5, 8))); a.home = uni; away = false; }
      return;
    }
    const acts = dow < 5 && r.chance(0.75) ? [{ node: campus, start: r.float(9, 11), dur: r.float(2.5, 6) }] : [];
    if (dow === 4 && r.chance(homeP)) {
      runActs(a, d, acts);
      a.tl.go(family, env.cal.T(d, r.float(15, 20)));
      a.home = family; away = true; mondayBack = r.chance(0.2);
      return;
    }
    if (r.chance(0.15)) acts.push({ node: env.node(r, H), start: r.float(19, 21), dur: r.float(2, 4) });
    runActs(a, d, acts);
  });
  a.params = { market: placeName(env, m), home_weekend_p: round(homeP, 2) };
  return a;
}

export function leisureWeekend(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  setHome(a, env.node(r, H));
  const tripP = r.float(0.25, 0.6);
  const persona = makePersona(env, r.fork('persona'), H);
  const favourite = env.grav.choose(r, H, 'leisure', (p) => p.kind === 'market');
  forDays(env, (d, dow) => {
    if (dow >= 5 && r.chance(tripP)) {
      const dest = r.chance(0.5) ? favourite : env.grav.choose(r, H, 'leisure', (p) => p.kind !== 'hub');
      runActs(a, d, [{ node: env.node(r, dest, true), start: r.float(10, 12.5), dur: r.float(2, 7) }]);
    } else ordinaryDay(a, persona, d);
  });
  a.params = { favourite: placeName(env, favourite), trip_p: round(tripP, 2) };
  return a;
}

export function sharedCustody(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  setHome(a, env.node(r, H));
  const m = env.grav.market(r, H, 'visit'), other = env.node(r, m);
  const parity = r.int(0, 1), midweekP = r.float(0, 0.8);
  const persona = makePersona(env, r.fork('persona'), H, 'worker');
  forDays(env, (d, dow) => {
    const week = Math.floor((d - dow + 70) / 7);
    const acts = dayActs(a, persona, d).filter((x) => x.start + x.dur < 16);
    if (week % 2 === parity && dow === 4) acts.push({ node: other, start: r.float(17, 19), dur: r.float(0.08, 0.35) });
    if (week % 2 === parity && dow === 6) acts.push({ node: other, start: r.float(16, 18.5), dur: r.float(0.08, 0.35) });
    if (dow === 2 && r.chance(midweekP)) acts.push({ node: other, start: r.float(17.5, 18.2), dur: r.float(1.5, 2.5) });
    runActs(a, d, acts);
  });
  a.params = { market: placeName(env, m), midweek_p: round(midweekP, 2) };
  return a;
}

export function nightOut(env, key, cls) {
  const a = makeAgent(env, key, cls, -1), r = a.rng, H = hubIdx(env);
  const m = env.grav.market(r, H, 'visit');
  setHome(a, env.node(r, m));
  const p = r.float(0.15, 0.5);
  const persona = makePersona(env, r.fork('persona'), m);
  forDays(env, (d, dow) => {
    const acts = dayActs(a, persona, d).filter((x) => x.start + x.dur < 19.5);
    if ((dow === 4 || dow === 5) && r.chance(p)) acts.push({ node: env.node(r, H, true), start: r.float(20.8, 22.8), dur: r.float(3, 6) });
    runActs(a, d, acts);
  });
  a.params = { market: placeName(env, m), night_p: round(p, 2) };
  return a;
}
