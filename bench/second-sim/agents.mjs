// The population: how many vehicles of each kind, where they live, and running their behaviours.
import { DAY } from './clock.mjs';
import { Itinerary, hubPlace } from './itinerary.mjs';
import { drawRunnerScenario, drawLine, runLine } from './runners.mjs';
import { DECOYS, background, pickMarket, pickTown } from './decoys.mjs';
import { haversineKm } from './geo.mjs';

/** Decoy class names in output order. @example DECOY_CLASSES.includes('carer') */
export const DECOY_CLASSES = ['commuter', 'market_resident_to_hub', 'delivery_round', 'evening_courier', 'taxi', 'private_hire', 'carer', 'student', 'leisure', 'market_local', 'background'];

/** Draw the scenario's population shares per decoy class (background takes the rest). @example drawMix(rng).commuter // ~0.035 */
export function drawMix(rng) {
  return {
    commuter: rng.uniform(0.025, 0.05), market_resident_to_hub: rng.uniform(0.01, 0.025), delivery_round: rng.uniform(0.008, 0.02),
    evening_courier: rng.uniform(0.004, 0.01), taxi: rng.uniform(0.01, 0.025), private_hire: rng.uniform(0.015, 0.035),
    carer: rng.uniform(0.005, 0.012), student: rng.uniform(0.005, 0.012), leisure: rng.uniform(0.015, 0.035), market_local: rng.uniform(0.03, 0.06),
    hubResident: rng.uniform(0.45, 0.6), through: rng.uniform(0.1, 0.2), plateChange: rng.uniform(0.01, 0.03)
  };
}

/** Add the lookup tables behaviours use (nearest towns, town weights, market pull) to ctx. @example prepareContext(ctx, rng) */
export function prepareContext(ctx, rng) {
  const { net } = ctx;
  ctx.townDist = (a, b) => haversineKm(a.lat, a.lon, b.lat, b.lon);
  ctx.nearest = new Map();
  for (const t of net.towns) {
    ctx.nearest.set(t.index, net.towns.filter((o) => o !== t && o.kind !== 'hub').sort((a, b) => ctx.townDist(t, a) - ctx.townDist(t, b) || a.index - b.index));
  }
  ctx.townWeights = net.background.map((t) => t.weight);
  ctx.marketPull = net.markets.map(() => rng.uniform(0.6, 1.4));
}

/** Simulate every vehicle; returns the truth about lines and decoys. @example const truth = runPopulation(ctx, rng, 3000) */
export function runPopulation(ctx, rng, vehicles) {
  const { net, cal, obs } = ctx;
  const scen = drawRunnerScenario(rng.fork('runners'), vehicles, net.markets.length);
  const mix = drawMix(rng.fork('mix'));
  const lines = [];
  for (let i = 0; i < scen.lines; i++) {
    const r = rng.fork(`line:${i}`);
    const line = drawLine(ctx, r, scen);
    const { vrms, runs } = runLine(ctx, r, line);
    lines.push({ market: line.main.name, markets: [line.main.name, ...line.extra.map((m) => m.name)], schedule: line.schedule, hire: line.hire, vrms, runs });
  }
  const decoys = Object.fromEntries(DECOY_CLASSES.map((c) => [c, []]));
  const counts = {};
  let left = Math.max(0, vehicles - scen.lines);
  for (const cls of DECOY_CLASSES.slice(0, -1)) { counts[cls] = Math.min(left, Math.round(mix[cls] * vehicles)); left -= counts[cls]; }
  counts.background = left;
  let id = 0;
  for (const cls of DECOY_CLASSES) {
    for (let i = 0; i < counts[cls]; i++) {
      const r = rng.fork(`vehicle:${id++}`);
      let kind = cls, home;
      if (cls === 'background') {
        const x = r.next();
        kind = x < mix.hubResident ? 'hub_resident' : x < mix.hubResident + mix.through ? 'through' : 'town_resident';
        home = kind === 'hub_resident' ? hubPlace(ctx, r, 0) : kind === 'through' ? net.gateways[0] : r.pick(pickTown(ctx, r).nbhds);
      } else if (cls === 'market_resident_to_hub' || cls === 'market_local') home = r.pick(pickMarket(ctx, r).nbhds);
      else if (cls === 'leisure' && r.chance(0.15)) home = r.pick(pickTown(ctx, r).nbhds);
      else home = hubPlace(ctx, r, 0);
      const text = ctx.newPlate();
      decoys[cls].push(text);
      const it = new Itinerary(ctx, r, home, cal.winStart - DAY, obs.plate(text, r));
      if (r.chance(mix.plateChange)) {
        const text2 = ctx.newPlate();
        decoys[cls].push(text2);
        it.changePlateAt(cal.at(r.int(1, cal.days - 1), r.uniform(0, 24)), obs.plate(text2, r));
      }
      if (cls === 'background') background(ctx, it, r, kind);
      else DECOYS[cls](ctx, it, r);
    }
  }
  for (const c of DECOY_CLASSES) decoys[c].sort();
  return { lines, decoys, counts: { lines: scen.lines, ...counts } };
}
