// life.mjs — everyday life shared by every kind of vehicle: errands in the home town,
// commuting to a workplace, occasional outings, and picking destinations. Classes call
// these so that a vehicle with a special pattern also has ordinary days around it.

const MIN = 60_000;

/** place weight for choosing destinations: population, discounted by distance from `from` */
export function pickDestination(rng, ctx, from, { kinds = ['market', 'town', 'village'], scale = 25, exclude = [] } = {}) {
  const cands = ctx.places.filter((p) => kinds.includes(p.kind) && p.id !== from && !exclude.includes(p.id));
  return rng.weighted(cands, (p) => Math.max(p.pop, 0.2) / (1 + ctx.net.travelMin(from, p.id) / scale)).id;
}
export function pickMarket(rng, ctx, { leisure = false } = {}) {
  return rng.weighted(ctx.markets, (m) => (m.pop + 2) * (leisure && m.leisure ? 4 : 1)).id;
}
export function pickResidence(rng, ctx, kinds = ['market', 'town', 'village']) {
  return rng.weighted(ctx.places.filter((p) => kinds.includes(p.kind)), (p) => p.pop).id;
}

/** n local errands (Poisson mean) at random times between local minutes fromMin and toMin */
export function errands(plan, rng, ctx, day, fromMin, toMin, mean) {
  const n = rng.poisson(mean);
  for (let i = 0; i < n; i++) plan.local(ctx.cal.at(day, rng.uniform(fromMin, toMin)), rng.logUniform(10, 150));
}

/**
 * Go from `home` to `to` leaving at local minute departMin of `day`, stay stayMin, come back
 * (unless back === false). localMean short trips at the destination while there.
 * Returns the UTC ms when the return leg starts.
 */
export function visit(plan, rng, ctx, v, day, departMin, to, stayMin, { localMean = 0, back = true, from = v.home } = {}) {
  const t0 = ctx.cal.at(day, departMin);
  plan.go(t0, to);
  const arrive = t0 + ctx.net.travelMin(from, to) * v.speed * MIN;
  const leave = arrive + stayMin * MIN;
  if (stayMin > 50) {
    const n = rng.poisson(localMean);
    for (let i = 0; i < n; i++) plan.local(arrive + rng.uniform(10, stayMin - 40) * MIN, rng.logUniform(8, 45));
  }
  if (back) plan.go(leave, back === true ? from : back);
  return leave;
}

/**
 * An ordinary day for a resident: work (in town or elsewhere) on work days, errands,
 * sometimes an outing. v: { home, work, workDays:Set, workStart, workLen, errandRate, outingRate, speed }
 */
export function ordinaryDay(plan, rng, ctx, v, day) {
  const { cal } = ctx;
  const dow = cal.dow(day), weekend = dow === 0 || dow === 6;
  const working = v.work && v.workDays.has(dow) && !rng.chance(0.05);
  if (working) {
    const start = v.workStart + rng.normal(0, 10);
    if (v.work === v.home) {
      plan.local(cal.at(day, start), v.workLen);
    } else {
      const travel = ctx.net.travelMin(v.home, v.work) * v.speed;
      visit(plan, rng, ctx, v, day, start - travel, v.work, v.workLen + rng.normal(0, 15), { localMean: 0.3 });
    }
    errands(plan, rng, ctx, day, v.workStart + v.workLen + 60, 21.5 * 60, v.errandRate);
  } else {
    errands(plan, rng, ctx, day, 8.5 * 60, 21 * 60, v.errandRate * (weekend ? 1.6 : 1.2));
    if (rng.chance(v.outingRate * (weekend ? 2 : 0.7))) {
      const to = pickDestination(rng, ctx, v.home, { kinds: v.outingKinds ?? ['market', 'town', 'village', 'hub'] });
      visit(plan, rng, ctx, v, day, rng.uniform(9.5, 14) * 60, to, rng.uniform(60, 300), { localMean: 1 });
    }
  }
}

/** a resident profile: works in town, elsewhere, or not at all */
export function residentProfile(rng, ctx, home, { elsewhereShare = 0.25, hubWork = false } = {}) {
  const x = rng.next();
  let work = null;
  if (x < 0.8 - elsewhereShare) work = home;
  else if (x < 0.8) work = pickDestination(rng, ctx, home, { kinds: hubWork ? ['hub', 'town', 'market'] : ['town', 'market', 'village'], scale: 15 });
  const days = rng.chance(0.8) ? [1, 2, 3, 4, 5] : rng.sample([1, 2, 3, 4, 5, 6], rng.int(2, 4));
  return {
    home, work, workDays: new Set(days), workStart: rng.uniform(7, 9.5) * 60, workLen: rng.uniform(6, 9.5) * 60,
    errandRate: rng.uniform(0.6, 2.2), outingRate: rng.uniform(0.03, 0.15), speed: rng.uniform(0.9, 1.1),
  };
}
