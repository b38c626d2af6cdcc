// background.mjs — the bulk of traffic, all labelled 'background' in truth: hub residents
// going about the city (and sometimes further), residents of the market towns, other towns
// and villages living locally, and through traffic entering and leaving by the gateways.

import { Plan } from './itinerary.mjs';
import { ordinaryDay, pickResidence, residentProfile, visit, pickDestination } from './life.mjs';

function hubResident(ctx, rng) {
  const v = residentProfile(rng, ctx, ctx.hub.id, { elsewhereShare: 0.12 });
  v.outingKinds = ['market', 'town', 'village'];
  v.errandRate *= 1.3;
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) ordinaryDay(plan, rng, ctx, v, d);
  return { v, plan };
}

function townResident(ctx, rng) {
  const home = pickResidence(rng, ctx);
  const v = residentProfile(rng, ctx, home, { elsewhereShare: 0.25 });
  v.outingKinds = ['hub', 'market', 'town'];
  const plan = new Plan(v.home);
  for (let d = 0; d < ctx.cal.days; d++) ordinaryDay(plan, rng, ctx, v, d);
  return { v, plan };
}

/** through traffic: lives beyond a gateway; crosses the region or visits a town and leaves */
function throughVehicle(ctx, rng) {
  const gws = ctx.gateways;
  const a = rng.pick(gws).id;
  const b = rng.pick(gws.filter((g) => g.id !== a)).id;
  const v = { home: a, speed: rng.uniform(0.9, 1.12) };
  const plan = new Plan(a);
  const regular = rng.chance(0.35); // hauliers and long-distance commuters on a fixed run
  const hour = rng.uniform(5, 20);
  const days = regular ? null : new Set(rng.sample([...Array(ctx.cal.days).keys()], rng.int(1, 5)));
  for (let d = 0; d < ctx.cal.days; d++) {
    const dow = ctx.cal.dow(d);
    if (regular ? dow === 0 || dow === 6 || rng.chance(0.1) : !days.has(d)) continue;
    const dest = rng.chance(0.75) ? b : pickDestination(rng, ctx, a, { kinds: ['market', 'town', 'hub'], scale: 60 });
    const dep = (regular ? hour + rng.normal(0, 0.3) : rng.uniform(5, 21)) * 60;
    visit(plan, rng, ctx, v, d, dep, dest, dest === b ? rng.uniform(20, 240) : rng.uniform(45, 360));
  }
  return { v, plan };
}

export function makeBackground(ctx, n, params, rngRoot, plates) {
  const out = [];
  const nThrough = Math.round(n * params.through_share);
  const nHub = Math.round((n - nThrough) * params.hub_resident_share);
  for (let i = 0; i < n; i++) {
    const rng = rngRoot.fork(`bg${i}`);
    const kind = i < nHub ? 'hub_resident' : i < n - nThrough ? 'town_resident' : 'through';
    const { v, plan } = kind === 'hub_resident' ? hubResident(ctx, rng) : kind === 'town_resident' ? townResident(ctx, rng) : throughVehicle(ctx, rng);
    out.push({ vrm: plates.draw(rng), cls: 'background', kind, speed: v.speed, plan, rng });
  }
  return out;
}
