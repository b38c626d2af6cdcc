// life.mjs - ordinary weekly lives. A persona has a home, maybe a job (days, start, length),
// favourite shops, friends, a relative to visit, weekend outings and maybe a school run. Each
// day becomes an activity list for the Plan. Decoys and runners reuse this for their
// non-special days, so every vehicle lives a whole plausible life in the window.

import { distKm } from './geo.mjs';

const LIVED = ['district', 'town', 'market', 'village'];

/** Destinations near `from` weighted by population / (distance + 4)^2, cached per node. */
export function gravity(world, from) {
  world.gravityCache ??= new Map();
  let list = world.gravityCache.get(from);
  if (!list) {
    const a = world.net.nodes.get(from);
    list = world.net.ofKind(...LIVED).map((n) => {
      const d = distKm(a, n);
      return { id: n.id, w: d > 60 ? 0 : (n.pop + 2) / (d + 4) ** 2.2 };
    });
    world.gravityCache.set(from, list);
  }
  return list;
}

export function gravityPick(world, from, rng) { return rng.weighted(gravity(world, from), (x) => x.w).id; }

/** Weekday mask helpers (0 = Monday). */
export const WEEKDAYS = [true, true, true, true, true, false, false];
export function someDays(rng, n, pool = [0, 1, 2, 3, 4]) {
  const days = [false, false, false, false, false, false, false];
  for (const d of rng.sample(pool, n)) days[d] = true;
  return days;
}

/**
 * An ordinary persona living at `homeNode`. opts may fix: work {node, days, start, len},
 * employed (bool), errandRate, eveningRate, weekendRate.
 */
export function makePersona(world, rng, homeNode, opts = {}) {
  const L = world.loc;
  const home = opts.home ?? L.at(homeNode, rng);
  const p = { homeNode, home, work: null };
  const employed = opts.employed ?? rng.chance(0.66);
  if (opts.work) {
    p.work = { ...opts.work, loc: opts.work.loc ?? L.at(opts.work.node, rng) };
  } else if (employed) {
    const node = rng.chance(0.45) ? homeNode : gravityPick(world, homeNode, rng);
    const shift = rng.weightedKey({ day: 0.82, late: 0.1, night: 0.08 });
    const start = shift === 'day' ? rng.int(390, 570) : shift === 'late' ? rng.int(780, 900) : rng.int(1260, 1350);
    const full = rng.chance(0.75);
    p.work = { loc: L.at(node, rng), start, len: full ? rng.int(450, 570) : rng.int(240, 360),
      days: full ? WEEKDAYS.slice() : someDays(rng, rng.int(2, 4)) };
    if (rng.chance(0.12)) p.work.days[5] = true;
  }
  const shopNodes = [homeNode, homeNode, gravityPick(world, homeNode, rng), gravityPick(world, homeNode, rng)];
  p.shops = shopNodes.map((n) => L.at(n, rng));
  p.friends = [L.at(gravityPick(world, homeNode, rng), rng), L.at(gravityPick(world, homeNode, rng), rng)];
  p.errandRate = opts.errandRate ?? (employed ? rng.float(0.3, 1.0) : rng.float(0.7, 1.8));
  p.eveningRate = opts.eveningRate ?? rng.float(0.03, 0.25);
  p.weekendRate = opts.weekendRate ?? rng.float(0.1, 0.6);
  p.weekendDests = [L.at(gravityPick(world, homeNode, rng), rng), L.at(leisurePick(world, rng), rng)];
  p.school = rng.chance(0.22) ? L.at(homeNode, rng) : null;
  p.visit = rng.chance(0.3) ? { loc: L.at(gravityPick(world, homeNode, rng), rng), perWeek: rng.float(0.3, 2) } : null;
  p.awayDays = new Set(); // days with no driving at all (ill, holiday, car off the road)
  if (rng.chance(0.15)) { const s = rng.int(0, world.cal.days); for (let i = 0; i < rng.int(2, 9); i++) p.awayDays.add(s + i); }
  return p;
}

export function leisurePick(world, rng) {
  const lz = world.region.leisure;
  return rng.weightedKey(lz);
}

/** The activity list of an ordinary day k for persona p. */
export function ordinaryDay(world, p, k, rng) {
  const { cal } = world;
  if (p.awayDays.has(k) || rng.chance(0.05)) return [];
  const wd = cal.weekday(k);
  const acts = [];
  let busyFrom = -1, busyTo = -1;
  if (p.work && p.work.days[wd]) {
    const s = p.work.start + rng.normal(0, 8);
    busyFrom = s; busyTo = s + p.work.len;
    acts.push({ loc: p.work.loc, start: cal.at(k, s), dur: (p.work.len + rng.normal(0, 12)) * 60 });
  }
  const free = (m, len) => !(m + len > busyFrom - 45 && m < busyTo + 20);
  if (p.school && wd < 5) {
    if (free(505, 15)) acts.push({ loc: p.school, start: cal.at(k, 505 + rng.int(-5, 10)), dur: 300 });
    if (free(905, 20)) acts.push({ loc: p.school, start: cal.at(k, 905 + rng.int(-5, 10)), dur: 600 });
  }
  const n = rng.poisson(p.errandRate * (wd >= 5 ? 1.3 : 1));
  for (let i = 0; i < n; i++) {
    const m = rng.int(510, 1230), len = rng.int(15, 80);
    if (free(m, len)) acts.push({ loc: rng.pick(p.shops), start: cal.at(k, m), dur: len * 60 });
  }
  if (rng.chance(p.eveningRate)) {
    const m = rng.int(1110, 1260);
    if (free(m, 90)) acts.push({ loc: rng.pick(p.friends), start: cal.at(k, m), dur: rng.int(60, 200) * 60 });
  }
  if (wd >= 5 && rng.chance(p.weekendRate)) {
    const m = rng.int(570, 780);
    if (free(m, 240)) acts.push({ loc: rng.pick(p.weekendDests), start: cal.at(k, m), dur: rng.int(90, 360) * 60 });
  }
  if (p.visit && rng.chance(p.visit.perWeek / 7)) {
    const m = rng.int(600, 1140);
    if (free(m, 90)) acts.push({ loc: p.visit.loc, start: cal.at(k, m), dur: rng.int(45, 180) * 60 });
  }
  return acts;
}

/** Live ordinary days [from, to) for a plan, optionally skipping days where skip(k) is true. */
export function liveOrdinary(world, plan, p, rng, from = 0, to = world.cal.days, skip = null) {
  for (let k = from; k < to; k++) {
    if (skip && skip(k)) continue;
    plan.run(ordinaryDay(world, p, k, rng), p.home);
  }
}
