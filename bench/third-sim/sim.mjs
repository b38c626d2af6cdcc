#!/usr/bin/env node
// sim.mjs — third-sim entry point: an independent synthetic ANPR traffic simulator with
// county-lines runners, decoy classes and background traffic, for benchmarking a finder.
// CLI: node bench/third-sim/sim.mjs --region east_midlands|east_anglia --seed S --days N
//      --start YYYY-MM-DD --vehicles N --out DIR
// API: simulate({ region, seed, days, start, vehicles, out }) — synchronous; returns stats.

import { fileURLToPath } from 'node:url';
import { Rng } from './rng.mjs';
import { makeCalendar } from './londonTime.mjs';
import { townRing } from './geo.mjs';
import { buildNetwork } from './network.mjs';
import { layoutCameras } from './cameras.mjs';
import { makePlateFactory } from './plates.mjs';
import { drawNoise, applyMisreads } from './noise.mjs';
import { makeObserver } from './observe.mjs';
import { makeRunnerLines, roundObj } from './runners.mjs';
import { makeBackground } from './background.mjs';
import { DOMAIN_DECOYS } from './decoys.mjs';
import { OWN_DECOYS } from './decoys-own.mjs';
import { drawScenario, splitDecoys } from './scenario.mjs';
import { polygonFeature, sortReads, writeOutputs } from './output.mjs';
import { eastMidlands } from './regions/east_midlands.mjs';
import { eastAnglia } from './regions/east_anglia.mjs';

export const REGIONS = { east_midlands: eastMidlands, east_anglia: eastAnglia };
export const DEFAULTS = { region: 'east_midlands', seed: 'a', days: 21, start: '2025-03-17', vehicles: 3000, out: 'third-sim-out' };

export function simulate(options = {}) {
  const t0 = process.hrtime.bigint();
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  const region = REGIONS[o.region];
  if (!region) throw new Error(`unknown region '${o.region}' (east_midlands | east_anglia)`);
  const days = Number(o.days), vehicles = Number(o.vehicles), seed = String(o.seed);
  if (!(Number.isInteger(days) && days >= 1)) throw new Error('days must be a positive integer');
  if (!(Number.isInteger(vehicles) && vehicles >= 50)) throw new Error('vehicles must be an integer >= 50');

  const root = new Rng(`third-sim|${o.region}|${seed}`);
  const cal = makeCalendar(o.start, days);
  const net = buildNetwork(region);
  const cams = layoutCameras(region, net, root.fork('cameras'));
  const places = region.places;
  const ctx = {
    cal, net, cams, places,
    hub: places.find((p) => p.kind === 'hub'),
    markets: places.filter((p) => p.kind === 'market'),
    gateways: places.filter((p) => p.kind === 'gateway'),
  };
  const params = drawScenario(vehicles, root.fork('scenario'));
  const plates = makePlateFactory();

  // population: runner lines, then decoys, then background fills up to `vehicles`
  const { lines, vehicles: runnerVehicles } = makeRunnerLines(ctx, params.n_lines, root.fork('runners'), plates);
  const nonRunner = Math.max(0, vehicles - runnerVehicles.length);
  const decoyCounts = splitDecoys(Math.round(nonRunner * params.decoy_share), root.fork('split'));
  params.decoy_counts = decoyCounts;
  const classes = { ...DOMAIN_DECOYS, ...OWN_DECOYS };
  const decoyVehicles = [];
  const drng = root.fork('decoys');
  for (const [cls, n] of Object.entries(decoyCounts)) {
    for (let i = 0; i < n; i++) {
      const rng = drng.fork(`${cls}${i}`);
      const { v, plan } = classes[cls](ctx, rng);
      decoyVehicles.push({ vrm: plates.draw(rng), cls, speed: v.speed, plan, rng });
    }
  }
  const nBackground = nonRunner - decoyVehicles.length;
  const background = makeBackground(ctx, nBackground, params, root.fork('background'), plates);
  const all = [...runnerVehicles, ...decoyVehicles, ...background];

  // observation and noise
  const noise = drawNoise(params.noise, cams, cal, root.fork('noise'));
  params.noise.outages = noise.outageList;
  params.noise.clock_skews = noise.skewList;
  const observe = makeObserver(ctx, noise);
  let reads = [];
  for (const veh of all) observe(veh.vrm, veh.plan.resolve(net, veh.speed), veh.speed, veh.rng.fork('observe'), reads);
  sortReads(reads);
  const known = new Set(all.map((v) => v.vrm));
  const misreads = applyMisreads(reads, noise, known, root.fork('misread'));
  reads = sortReads(reads);

  // truth and geometry
  const prng = root.fork('polygons');
  const hubFeature = polygonFeature(ctx.hub.name, 'hub', townRing(ctx.hub.lat, ctx.hub.lon, ctx.hub.r, prng));
  const marketFeatures = ctx.markets.map((m) => polygonFeature(m.name, 'market', townRing(m.lat, m.lon, m.r, prng)));
  const decoys = {};
  for (const cls of Object.keys(decoyCounts)) decoys[cls] = [];
  decoys.background = [];
  for (const v of [...decoyVehicles, ...background]) decoys[v.cls].push(v.vrm);
  params.lines = lines.map((l) => roundObj(l.params));
  params.realised = { reads: reads.length, misreads, misread_share: +(misreads / Math.max(1, reads.length)).toFixed(5), sites: cams.sites.length, camera_points: cams.points.length };
  const truth = {
    scenario: o.region, seed, days, start: o.start, generator: 'third-sim',
    county_lines: runnerVehicles.map((v) => v.vrm),
    decoys,
    swap_groups: lines.map((l) => l.truth.vrms),
    lines: lines.map((l) => l.truth),
    params,
  };
  writeOutputs(o.out, { reads, sites: cams.sites, hubFeature, marketFeatures, truth });
  return {
    out: o.out, reads: reads.length, vehicles: all.length, runner_plates: runnerVehicles.length, lines: lines.length,
    decoy_counts: decoyCounts, background: background.length, misreads, sites: cams.sites.length,
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
  };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--(region|seed|days|start|vehicles|out)$/.exec(argv[i]);
    if (!m) throw new Error(`unknown argument '${argv[i]}'`);
    o[m[1]] = argv[++i];
  }
  for (const k of ['days', 'vehicles']) if (o[k] !== undefined) o[k] = Number(o[k]);
  return o;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const stats = simulate(parseArgs(process.argv.slice(2)));
    process.stdout.write(JSON.stringify(stats, null, 1) + '\n');
  } catch (e) {
    process.stderr.write(`third-sim: ${e.message}\n`);
    process.exit(1);
  }
}
