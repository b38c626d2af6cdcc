#!/usr/bin/env node
// sim.mjs - fourth-sim entry point: an activity-based synthetic ANPR traffic simulator.
// simulate({region, seed, days, start, vehicles, out}) (synchronous) builds the road network,
// places cameras, draws the scenario, lives every vehicle's weeks (runners, decoys,
// background), turns trips into noisy reads and writes the five output files to `out`.
// CLI: node bench/fourth-sim/sim.mjs --region R --seed S --days N --start YYYY-MM-DD --vehicles N --out DIR

import { fileURLToPath } from 'node:url';
import { makeRoot } from './rng.mjs';
import { Calendar } from './clock.mjs';
import { Network } from './network.mjs';
import { Cameras } from './cameras.mjs';
import { Locator } from './planner.mjs';
import { PlateFactory } from './plates.mjs';
import { blobRing } from './geo.mjs';
import { emitReads } from './observe.mjs';
import { buildBackground } from './background.mjs';
import { simulateLine } from './runners.mjs';
import { drawParams, DECOY_CLASSES } from './scenario.mjs';
import { writeReads, writeSites, writeGeo, writeTruth, ensureDir } from './output.mjs';
import GM from './region-gm.mjs';
import HANTS from './region-hants.mjs';

const REGIONS = { greater_manchester: { data: GM, code: 'GM' }, hampshire: { data: HANTS, code: 'HA' } };
export const DEFAULTS = { region: 'greater_manchester', seed: 'a', days: 21, start: '2025-03-17', vehicles: 3000, out: 'fourth-sim-out' };

/** The shared world every builder uses. */
function buildWorld(regionName, root, cal) {
  const reg = REGIONS[regionName];
  if (!reg) throw new Error(`unknown region '${regionName}' (greater_manchester | hampshire)`);
  const region = reg.data;
  const net = new Network(region);
  const geoRng = root.fork('geography');
  const marketR = new Map(), markets = [];
  for (const m of net.ofKind('market')) {
    const [lo, hi] = region.marketRadius[m.id] ?? region.marketRadius.default;
    marketR.set(m.id, lo);
    markets.push({ id: m.id, name: m.name, ring: blobRing(m, lo, hi, geoRng.fork(m.id), 14) });
  }
  const hubNode = net.nodes.get(region.hub.id);
  const hub = { name: region.hub.name, ring: blobRing(hubNode, region.hub.rMin, region.hub.rMax, geoRng.fork('hub'), 24) };
  const cams = new Cameras(net, root.fork('cameras'), { cal, code: reg.code, marketR });
  const districts = net.ofKind('district');
  const marketNodes = net.ofKind('market');
  const world = {
    region, net, cams, cal, loc: new Locator(net, marketR, region.hub.districtKm), hub, markets,
    matchPhase: root.fork('fixtures').int(0, 1),
    pickHubNode: (rng) => rng.weighted(districts, (n) => n.pop).id,
    pickMarket: (rng, leisure = false) => rng.weighted(marketNodes, (n) => (leisure ? region.leisure[n.id] ?? 0.5 : Math.sqrt(n.pop))).id,
  };
  return world;
}

export function simulate(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const days = Number(o.days), vehicles = Number(o.vehicles), seed = String(o.seed);
  if (!(days >= 1) || !(vehicles >= 10)) throw new Error('need days >= 1 and vehicles >= 10');
  const root = makeRoot(`${o.region}:${seed}`);
  const cal = new Calendar(o.start, days);
  const world = buildWorld(o.region, root, cal);
  const P = drawParams(root.fork('params'), vehicles);
  const plates = new PlateFactory(root.fork('plates'));
  const nameOf = (id) => world.net.nodes.get(id).name;

  const all = []; // [{plate, plan}]
  const lines = [], swapGroups = [], countyLines = [];
  for (let i = 0; i < P.lines; i++) {
    const { vehicles: vs, truth } = simulateLine(world, root.fork(`line:${i}`), plates, P, i);
    for (const v of vs) { all.push(v); countyLines.push(v.plate); }
    swapGroups.push(truth.vrms);
    lines.push({ ...truth, market: nameOf(truth.market), markets: truth.markets.map(nameOf) });
  }
  const decoys = {};
  for (const [cls, build] of Object.entries(DECOY_CLASSES)) {
    decoys[cls] = [];
    for (let i = 0; i < P.decoyCounts[cls]; i++) {
      const rng = root.fork(`decoy:${cls}:${i}`);
      const plate = plates.make({ recent: cls.startsWith('taxi') ? rng.chance(0.5) : rng.chance(0.08), dateless: rng.chance(0.03) });
      all.push({ plate, plan: build(world, rng) });
      decoys[cls].push(plate);
    }
  }
  const bg = buildBackground(world, root.fork('background'), plates, P.background, P);
  decoys.background = bg.map((v) => v.plate);
  for (const v of bg) all.push(v);

  const rows = [];
  const noise = { misreadRate: P.misreadRate, dupRate: P.dupRate };
  for (const v of all) emitReads(world, v.plate, v.plan.passes, root.fork(`obs:${v.plate}`), noise, rows);

  ensureDir(o.out);
  const nReads = writeReads(o.out, rows, world.cams.sites, cal.t1);
  writeSites(o.out, world.cams.sites);
  writeGeo(o.out, world.hub, world.markets);
  writeTruth(o.out, {
    scenario: o.region, seed, days, start: o.start, generator: 'fourth-sim',
    county_lines: countyLines, decoys, swap_groups: swapGroups, lines, params: P,
  });
  return { reads: nReads, sites: world.cams.sites.length, vehicles: all.length, lines: lines.length, out: o.out };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i += 2) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in DEFAULTS)) throw new Error(`unknown option --${k}`);
    o[k] = argv[i + 1];
  }
  return o;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t = process.hrtime.bigint();
  const res = simulate(parseArgs(process.argv.slice(2)));
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`${res.reads} reads, ${res.sites} sites, ${res.vehicles} plates, ${res.lines} lines -> ${res.out} (${(ms / 1000).toFixed(1)} s)`);
}
