#!/usr/bin/env node
// sim.mjs — entry point of sixth-sim, a synthetic ANPR traffic simulator built as an
// activity-diary + gravity destination-choice model with link-level camera passage.
// CLI: node bench/sixth-sim/sim.mjs --region west_yorkshire --seed a --days 21
//      --start 2025-03-17 --vehicles 3000 --out DIR
// API: simulate({ region, seed, days, start, vehicles, out }) -> summary (sync).
import { pathToFileURL } from 'node:url';
import { Rng, round } from './rng.mjs';
import { makeCalendar, formatLocal } from './londontime.mjs';
import { getRegion } from './regions.mjs';
import { buildWorld } from './roadgraph.mjs';
import { makeRouter, congestionTable, NV } from './router.mjs';
import { placeCameras } from './cameras.mjs';
import { makeObserver } from './observe.mjs';
import { PlateBook } from './plates.mjs';
import { drawBetas, makeGravity, nodeIn } from './gravity.mjs';
import { designLines } from './lines.mjs';
import { executeLine } from './runs.mjs';
import { runDecoys, runBackground } from './population.mjs';
import { PERSONA_SHARES } from './diary.mjs';
import { writeOutputs } from './writer.mjs';

export const DEFAULTS = { region: 'west_yorkshire', seed: 'a', days: 21, start: '2025-03-17', vehicles: 3000, out: 'sixth-sim-out' };
const worlds = new Map();
const iso = (t) => formatLocal(Math.round(t));

export function simulate(options = {}) {
  const o = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  o.days = Number(o.days); o.vehicles = Number(o.vehicles); o.seed = String(o.seed);
  if (!(o.days >= 1) || !(o.vehicles >= 1)) throw new Error('days and vehicles must be positive');
  const region = getRegion(o.region);
  if (!worlds.has(region.name)) worlds.set(region.name, buildWorld(region));
  const world = worlds.get(region.name);
  const rng = new Rng(`sixth-sim|${region.name}|${o.seed}`);
  const cal = makeCalendar(o.start, o.days);

  const cams = placeCameras(world, rng.fork('cameras'), cal);
  const scen = rng.fork('scenario');
  const peakScale = scen.float(0.7, 1.3), misreadRate = scen.float(0.004, 0.02), betas = drawBetas(scen);
  const router = makeRouter(world, cams.arcSites, congestionTable(peakScale));
  const observer = makeObserver(cams.sites, cal, misreadRate);
  const grav = makeGravity(world, betas);
  const marketDays = {};
  for (const m of world.markets) marketDays[m.name] = scen.sample([0, 1, 2, 3, 4, 5], scen.int(1, 2)).sort();
  const stopCache = new Map();
  const env = {
    rng: rng.fork('agents'), cal, world, router, observer, grav, marketDays, plates: new PlateBook(), agents: [],
    t0: cal.T(-3, 0), firstDay: -1,
    node: (r, p, central) => nodeIn(world, r, p, central),
    stopPlaces(h, m) {
      const key = `${h}:${m}`;
      if (!stopCache.has(key)) {
        const D = grav.dist;
        stopCache.set(key, world.places.filter((p) => p.index !== h && p.index !== m && D[h][p.index] + D[p.index][m] <= 1.3 * D[h][m]).map((p) => p.index));
      }
      return stopCache.get(key);
    }
  };

  // county lines, decoys, background (in that order; every agent has its own random stream)
  const lines = designLines(env, rng.fork('lines'));
  const results = lines.map((L) => executeLine(env, L));
  const dec = runDecoys(env, rng.fork('decoys'), o.vehicles);
  const runnerVehicles = results.reduce((s, r) => s + r.vehicles.length, 0);
  const bgCount = Math.max(0, o.vehicles - dec.agents.length - runnerVehicles);
  const bg = runBackground(env, bgCount);

  // truth
  const inWindow = (run) => run.ret >= cal.winStart && run.depart < cal.winEnd;
  const countyLines = [], swapGroups = [], lineTruth = [], lineParams = [], background = bg.map((a) => a.plate);
  const P = world.places;
  lines.forEach((L, i) => {
    const res = results[i], vrms = [], runs = [], log = [];
    for (const v of res.vehicles) {
      const n = v.runs.filter(inWindow).length;
      if (n > 0) { vrms.push(v.a.plate); runs.push(n); } else background.push(v.a.plate);
      for (const run of v.runs.filter(inWindow)) {
        log.push({ vrm: v.a.plate, depart: iso(run.depart), arrive: iso(run.arrive), return: iso(run.ret), markets: run.markets,
          ...(run.reverse ? { reverse: true } : { overnight: run.overnight, local_trips: run.local_trips, stop: run.stop }) });
      }
    }
    const { base_node, trap_nodes, markets, ...drawn } = L;
    lineParams.push({ ...drawn, markets: markets.map((m) => P[m].name), vehicles: res.vehicles.map((v) => ({ vrm: v.a.plate, role: v.role, runs_in_window: v.runs.filter(inWindow).length, runs_total: v.runs.length })), swaps: res.swaps, run_log: log });
    if (!vrms.length) return;
    countyLines.push(...vrms);
    swapGroups.push(vrms.slice());
    lineTruth.push({ id: L.id, market: P[markets[0]].name, markets: markets.map((m) => P[m].name), vrms, runs, schedule: L.schedule, hire: L.vehicle_kind !== 'own' });
  });
  const decoys = {};
  const decoyAgents = {};
  for (const a of dec.agents) { (decoys[a.cls] ||= []).push(a.plate); decoyAgents[a.plate] = { class: a.cls, ...a.params }; }
  for (const k of Object.keys(decoys)) decoys[k].sort();
  decoys.background = background.sort();
  const personaCounts = {};
  for (const a of bg) personaCounts[a.params.persona] = (personaCounts[a.params.persona] || 0) + 1;

  const sitesParams = {};
  for (const s of cams.sites) {
    sitesParams[s.id] = { kind: s.kind, place: s.place, mode: s.mode, miss: round(s.miss, 3), night_extra: round(s.nightExtra, 3), skew_s: s.skew,
      dup: round(s.dup, 4), misread_mul: round(s.misreadMul, 2), outages: s.outages.map(([a, b]) => [iso(a), iso(b)]) };
  }
  const st = observer.stats;
  const truth = {
    scenario: `${region.name}-${o.seed}-${o.start}-${o.days}d-${o.vehicles}v`,
    seed: o.seed, days: o.days, start: o.start, generator: 'sixth-sim',
    county_lines: countyLines.slice().sort(),
    decoys,
    swap_groups: swapGroups,
    lines: lineTruth,
    params: {
      region: region.name, vehicles: o.vehicles, window: [iso(cal.winStart), iso(cal.winEnd)],
      misread_rate: round(misreadRate, 5), congestion_peak_scale: round(peakScale, 3), gravity_beta: Object.fromEntries(Object.entries(betas).map(([k, v]) => [k, round(v, 3)])),
      route_variants: NV, market_days: marketDays, market_coverage: cams.coverage, sites: sitesParams,
      lines: lineParams, decoy_classes: dec.counts, decoy_agents: decoyAgents,
      background: { count: background.length, persona_shares: PERSONA_SHARES, persona_counts: personaCounts },
      stats: { reads: observer.rows.t.length, passages: st.passages, missed: st.missed, outage_lost: st.outage, misreads: st.misreads, duplicates: st.duplicates,
        trips: env.agents.reduce((s, a) => s + a.tl.trips, 0), routes: router.stats().routes, trees: router.stats().trees }
    }
  };
  const reads = writeOutputs(o.out, { world, sites: cams.sites, rows: observer.rows, truth });
  return { out: o.out, reads, sites: cams.sites.length, runner_plates: countyLines.length, lines: lineTruth.length };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m) throw new Error(`unexpected argument ${argv[i]}`);
    o[m[1]] = m[2] !== undefined ? m[2] : argv[++i];
  }
  for (const k of Object.keys(o)) if (!(k in DEFAULTS)) throw new Error(`unknown option --${k}`);
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t = process.hrtime.bigint();
  const summary = simulate(parseArgs(process.argv.slice(2)));
  console.log(JSON.stringify({ ...summary, seconds: Number(process.hrtime.bigint() - t) / 1e9 }));
}
