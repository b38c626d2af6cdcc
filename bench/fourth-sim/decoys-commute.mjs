// decoys-commute.mjs - decoy classes whose hub<->market loops come from work and study:
// hub residents working in a market (day / evening / night shifts, full or part time),
// market residents working in the hub, hospital shift staff, construction workers on a
// multi-week site, and students who go home at weekends.

import { Plan } from './planner.mjs';
import { makePersona, liveOrdinary, ordinaryDay, WEEKDAYS, someDays } from './life.mjs';

const SHIFTS = {
  day: () => [[400, 540], [450, 560]],
  evening: () => [[840, 1020], [420, 540]],
  night: () => [[1260, 1350], [480, 600]],
};

/** Hub resident commuting to a market job; shift in 'day' | 'evening' | 'night'. */
export function hubCommuter(shift) {
  return (world, rng) => {
    const market = world.pickMarket(rng);
    const [[s0, s1], [l0, l1]] = SHIFTS[shift]();
    const full = rng.chance(0.7);
    const days = full ? WEEKDAYS.slice() : someDays(rng, rng.int(2, 4));
    if (shift !== 'day' && rng.chance(0.3)) { days[5] = true; days[rng.int(0, 4)] = false; }
    const p = makePersona(world, rng, world.pickHubNode(rng), {
      employed: true, work: { node: market, start: rng.int(s0, s1), len: full ? rng.int(l0, l1) : rng.int(240, 360), days } });
    const plan = new Plan(world, rng, p.home, world.cal.t0 - 3600);
    liveOrdinary(world, plan, p, rng);
    return plan;
  };
}

/** Market resident working in the hub (day work). */
export function marketResidentCommuter(world, rng) {
  const full = rng.chance(0.8);
  const p = makePersona(world, rng, world.pickMarket(rng), {
    employed: true, work: { node: world.pickHubNode(rng), start: rng.int(420, 570),
      len: full ? rng.int(450, 560) : rng.int(240, 330), days: full ? WEEKDAYS.slice() : someDays(rng, 3) } });
  const plan = new Plan(world, rng, p.home, world.cal.t0 - 3600);
  liveOrdinary(world, plan, p, rng);
  return plan;
}

/** Market resident on 12-hour hospital shifts in the hub: blocks of long days and nights. */
export function hospitalShift(world, rng) {
  const { cal, loc: L } = world;
  const p = makePersona(world, rng, world.pickMarket(rng), { employed: false, errandRate: rng.float(0.3, 0.8) });
  const ward = L.at(world.region.hospital, rng);
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  const cycle = rng.int(7, 10); // pattern repeats every `cycle` days
  const offset = rng.int(0, cycle - 1);
  for (let k = 0; k < cal.days; k++) {
    const c = (k + offset) % cycle;
    if (c < 3) plan.run([{ loc: ward, start: cal.at(k, 450 + rng.int(-10, 5)), dur: (750 + rng.int(0, 40)) * 60 }], p.home);
    else if (c >= 5 && c < 7 && cycle > 7) plan.run([{ loc: ward, start: cal.at(k, 1170 + rng.int(-10, 5)), dur: (750 + rng.int(0, 40)) * 60 }], p.home);
    else plan.run(ordinaryDay(world, p, k, rng), p.home);
  }
  return plan;
}

/** Hub-based builder on a site in a market for some weeks; some lodge there Mon-Thu. */
export function constructionSite(world, rng) {
  const { cal, loc: L } = world;
  const market = world.pickMarket(rng);
  const p = makePersona(world, rng, world.pickHubNode(rng), { employed: false, errandRate: rng.float(0.2, 0.6) });
  const site = L.at(market, rng);
  const lodge = rng.chance(0.3) ? L.at(market, rng) : null;
  const first = rng.chance(0.5) ? 0 : rng.int(0, Math.floor(cal.days / 2));
  const last = Math.min(cal.days, first + rng.int(10, 40));
  const local = L.at(world.pickHubNode(rng), rng); // a hub site between out-of-town jobs
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  for (let k = 0; k < cal.days; k++) {
    const wd = cal.weekday(k);
    if (wd >= 5 || p.awayDays.has(k)) { plan.run(ordinaryDay(world, p, k, rng), p.home); continue; }
    const onSite = k >= first && k < last;
    const loc = onSite ? site : local;
    const acts = [{ loc, start: cal.at(k, rng.int(400, 450)), dur: rng.int(480, 560) * 60 }];
    if (onSite && lodge && wd < 4) {
      acts.push({ loc: lodge, start: cal.at(k, 1050), dur: 60, sleep: true });
      plan.run(acts, p.home);
    } else plan.run(acts, p.home);
  }
  return plan;
}

/** Student living in the hub in term, going home to a market town for many weekends. */
export function studentWeekend(world, rng) {
  const { cal, loc: L } = world;
  const homeTown = L.at(world.pickMarket(rng), rng);
  const p = makePersona(world, rng, world.pickHubNode(rng), { employed: false, errandRate: rng.float(0.2, 0.7) });
  const campus = L.at(world.pickHubNode(rng), rng);
  const share = rng.float(0.35, 0.9);
  const plan = new Plan(world, rng, p.home, cal.t0 - 3600);
  let away = false;
  for (let k = 0; k < cal.days; k++) {
    const wd = cal.weekday(k);
    if (wd === 4 && rng.chance(share)) { // Friday afternoon or evening: go home
      const acts = rng.chance(0.6) ? [{ loc: campus, start: cal.at(k, rng.int(540, 600)), dur: rng.int(180, 300) * 60 }] : [];
      acts.push({ loc: homeTown, start: cal.at(k, rng.int(900, 1230)), dur: 60, sleep: true });
      plan.run(acts, p.home);
      away = true;
    } else if (away && wd === 5) {
      if (rng.chance(0.5)) plan.run([{ loc: L.at(homeTown.node, rng), start: cal.at(k, rng.int(600, 1200)), dur: rng.int(60, 240) * 60 }], homeTown);
    } else if (away && wd === 6) {
      plan.run([{ loc: homeTown, start: cal.at(k, rng.int(840, 1200)), dur: 60 }], p.home);
      away = false;
    } else if (wd < 5 && !away) {
      plan.run([{ loc: campus, start: cal.at(k, rng.int(540, 720)), dur: rng.int(120, 420) * 60 },
        ...ordinaryDay(world, p, k, rng).filter(() => rng.chance(0.4))], p.home);
    } else if (!away) plan.run(ordinaryDay(world, p, k, rng), p.home);
  }
  return plan;
}
