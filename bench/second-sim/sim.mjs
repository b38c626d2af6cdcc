#!/usr/bin/env node
// Second, independent ANPR traffic simulator (county-lines benchmark).
// node bench/second-sim/sim.mjs --region south_west|north_east --seed S --days N --start YYYY-MM-DD --vehicles N --out DIR
import { pathToFileURL } from 'node:url';
import { Rng } from './prng.mjs';
import { makeCalendar, drawTraffic } from './itinerary.mjs';
import { buildNetwork } from './roads.mjs';
import { placeCameras } from './cameras.mjs';
import { drawObservation, equipSites, Observer } from './observe.mjs';
import { plateFactory } from './plates.mjs';
import { prepareContext, runPopulation } from './agents.mjs';
import { ensureDir, writeReads, writeSites, writeAreas, writeTruth } from './write.mjs';
import { REGIONS } from './region.mjs';

/** Default options. @example DEFAULTS.days === 21 */
export const DEFAULTS = { region: 'south_west', seed: 'a', days: 21, start: '2025-03-17', vehicles: 3000, out: 'second-sim-out' };

/** Simulate a scenario and write its five files into options.out; returns nothing. @example simulate({ region: 'north_east', seed: 'b', days: 7, vehicles: 300, out: '/tmp/ne' }) */
export function simulate(options = {}) {
  const o = { ...DEFAULTS, ...options };
  if (!REGIONS[o.region]) throw new Error(`unknown region ${o.region}; use ${Object.keys(REGIONS).join(' or ')}`);
  const days = Number(o.days), vehicles = Number(o.vehicles);
  if (!(Number.isInteger(days) && days >= 1)) throw new Error(`bad --days ${o.days}`);
  if (!(Number.isInteger(vehicles) && vehicles >= 10)) throw new Error(`bad --vehicles ${o.vehicles}`);
  const seed = String(o.seed);
  const root = new Rng(`second-sim|${o.region}|${seed}`);
  const cal = makeCalendar(o.start, days);
  const net = buildNetwork(o.region, root.fork('network'));
  const sites = placeCameras(net, root.fork('cameras'));
  const obsParams = drawObservation(root.fork('observation'));
  equipSites(sites, obsParams, root.fork('equipment'), cal.winStart, cal.winEnd);
  const obs = new Observer(sites, obsParams, cal.winStart, cal.winEnd);
  const plateRng = root.fork('plates');
  const ctx = { net, sites, cal, obs, traffic: drawTraffic(root.fork('traffic')), newPlate: plateFactory(plateRng, plateRng.uniform(0.07, 0.13)) };
  prepareContext(ctx, root.fork('context'));
  const pop = runPopulation(ctx, root.fork('population'), vehicles);
  ensureDir(o.out);
  writeReads(o.out, obs, sites);
  writeSites(o.out, sites);
  writeAreas(o.out, net);
  const swapGroups = pop.lines.map((l) => l.vrms.slice());
  writeTruth(o.out, {
    scenario: o.region, seed, days, start: o.start, generator: 'second-sim',
    county_lines: swapGroups.flat(),
    decoys: pop.decoys,
    swap_groups: swapGroups,
    lines: pop.lines.map((l) => ({ market: l.market, vrms: l.vrms, runs: l.runs, markets: l.markets, schedule: l.schedule, hire: l.hire }))
  });
}

/** Parse --key value arguments into simulate() options. @example parseArgs(['--seed', 'b', '--days', '7']) // { seed: 'b', days: 7 } */
export function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(region|seed|days|start|vehicles|out)$/.exec(argv[i]);
    if (!m || i + 1 >= argv.length) throw new Error(`unknown or incomplete argument ${argv[i]}\nusage: node bench/second-sim/sim.mjs --region south_west|north_east --seed S --days N --start YYYY-MM-DD --vehicles N --out DIR`);
    const k = m[1], v = argv[++i];
    out[k] = k === 'days' || k === 'vehicles' ? Number(v) : v;
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    simulate(parseArgs(process.argv.slice(2)));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
