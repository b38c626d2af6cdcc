#!/usr/bin/env node
// sim.mjs — fifth-sim entry point: a discrete-event ANPR traffic simulator
// with an explicit parking/dwell model, for benchmarking county-lines vehicle
// finders. CLI and the synchronous simulate() API; wires region -> road
// network -> cameras -> population -> event run -> noisy reads -> files.
//
//   node bench/fifth-sim/sim.mjs --region south_yorkshire --seed a --days 21 \
//        --start 2025-03-17 --vehicles 3000 --out /tmp/fifth

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeRng } from './rng.mjs';
import { Calendar } from './london-time.mjs';
import { getRegion } from './regions.mjs';
import { townRing } from './geo.mjs';
import { buildNetwork } from './road-network.mjs';
import { placeCameras } from './cameras.mjs';
import { Router } from './routing.mjs';
import { makeContext, buildPopulation } from './population.mjs';
import { drawNoiseParams, drawSiteNoise, ReadSink } from './noise.mjs';
import { runEvents } from './engine.mjs';
import { lineSchedule } from './runners.mjs';
import { writeReads, writeSites, writeAreas, writeTruth } from './output.mjs';

export const DEFAULTS = { region: 'south_yorkshire', seed: 'a', days: 21, start: '2025-03-17', vehicles: 3000, out: 'fifth-sim-out' };

export function simulate(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const days = Number(o.days), vehicles = Number(o.vehicles);
  if (!(days >= 1) || !(vehicles >= 20)) throw new Error('need days >= 1 and vehicles >= 20');
  const region = getRegion(o.region);
  const root = makeRng(`fifth-sim|${o.region}|${o.seed}`);
  const cal = new Calendar(o.start, days);

  const net = buildNetwork(region, root.fork('roads'));
  const cams = placeCameras(net, region, root.fork('cameras'));
  const areaRng = root.fork('areas');
  const hubRing = townRing(net.hub, region.hubRadiusKm, areaRng, 32, 0.95, 1.12);
  const marketRings = net.markets.map((m) => townRing(m, region.marketRadiusKm, areaRng, 24, 0.95, 1.15));

  const ctx = makeContext(region, net, cal, root.fork('context'));
  const pop = buildPopulation(ctx, root.fork('population'), vehicles);
  const noiseParams = drawNoiseParams(root.fork('noise-params'));
  const siteNoise = drawSiteNoise(cams.sites, root.fork('site-noise'), cal, noiseParams);
  const sink = new ReadSink(siteNoise, noiseParams, root.fork('reads'), pop.realPlates, [cal.startUtc, cal.endUtc]);
  const router = new Router(net, cams.edgeCams);
  const { trips } = runEvents({ vehicles: pop.vehicles, router, cal, sink });

  const decoys = Object.fromEntries([...pop.classNames, 'background'].map((n) => [n, []]));
  for (const v of pop.vehicles) if (v.cls !== 'runner') decoys[v.cls].push(v.vrm);
  const lines = pop.lines.map((l) => ({
    market: l.main.name, markets: l.markets.map((m) => m.name), vrms: l.vehicles.map((v) => v.vrm),
    runs: l.vehicles.map((v) => v.runs), schedule: lineSchedule(l), hire: l.hire,
  }));
  const truth = {
    scenario: o.region, seed: o.seed, days, start: o.start, generator: 'fifth-sim',
    county_lines: lines.flatMap((l) => l.vrms),
    decoys,
    swap_groups: lines.map((l) => l.vrms.slice()),
    lines,
    params: {
      ...pop.params, ...noiseParams,
      good_weather_p: ctx.goodWeatherP,
      good_weather_days: ctx.weather.slice(1, days + 1).map((g) => (g ? 1 : 0)),
      market_camera_coverage: cams.coverage,
      camera_sites: cams.sites.length,
      skewed_clock_sites: cams.sites.filter((_, i) => siteNoise[i].skew).map((s) => s.site_id),
      outage_sites: cams.sites.filter((_, i) => siteNoise[i].outages.length).map((s) => s.site_id),
      line_details: pop.lines.map((l) => ({
        market: l.main.name, base: net.nodes[l.base].near, trap_on_estate: l.trap !== l.main.centre, hire: l.hire,
        swap_days: l.swap_days, new_habits_p: l.new_habits_p,
        eras: l.eras.map((e) => ({ from_day: +Math.max(0, e.from).toFixed(2), to_day: +Math.min(days, e.to).toFixed(2), ...e.habits, run_days: [...e.runDays].sort() })),
      })),
      read_stats: sink.stats,
    },
  };

  fs.mkdirSync(o.out, { recursive: true });
  writeReads(path.join(o.out, 'reads.csv.gz'), sink.rows, cams.sites);
  writeSites(path.join(o.out, 'sites.csv'), cams.sites);
  writeAreas(o.out, net.hub, hubRing, net.markets, marketRings);
  writeTruth(path.join(o.out, 'truth.json'), truth);
  return { out: o.out, reads: sink.rows.length, trips, sites: cams.sites.length, runner_plates: truth.county_lines.length, lines: lines.length };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    const val = m[2] ?? argv[++i];
    if (!(m[1] in DEFAULTS)) throw new Error(`unknown option --${m[1]}`);
    o[m[1]] = m[1] === 'days' || m[1] === 'vehicles' ? Number(val) : val;
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const t0 = performance.now();
  const res = simulate(parseArgs(process.argv.slice(2)));
  console.log(JSON.stringify({ ...res, seconds: +((performance.now() - t0) / 1000).toFixed(2) }));
}
