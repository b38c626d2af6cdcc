/**
 * synthesize(): a seeded synthetic UK ANPR scenario with ground truth, written as a stream.
 *
 *   scenario (scenarios.ts) -> towns (geography.ts, GeoNames) -> cameras (sites.ts)
 *     -> agents (one per vehicle, a behaviour per class: behaviours/)
 *     -> day by day: tours -> camera passes (route.ts) -> sensor noise (noise.ts)
 *     -> read buffer (sorted by time per day) -> reads.csv.gz (writer.ts)
 *   then sites.csv, hub.geojson, markets.geojson (areas.ts), truth.json (truth.ts).
 *
 * Every random draw comes from a stream keyed by (seed, class, vehicle, day), so a run is
 * byte-for-byte repeatable and memory holds only agents' habits and a day or two of reads.
 *
 * With `family` (families.ts) the scenario first draws its behaviour parameters from the
 * family's ranges, and runners and decoys (family-agents.ts, more decoy classes) draw their own
 * from the scenario's; the camera noise comes from the family too, and family.json records the
 * draw. Without `family` the output is exactly the fixed scenarios'.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarios } from './scenarios';
import { distanceKm, scenarioTowns } from './geography';
import type { Town } from './geography';
import { buildSites } from './sites';
import { Router, placeIn } from './route';
import type { Place } from './route';
import { deriveRng, seedKey } from './prng';
import type { Rng, SeedKey } from './prng';
import { siteNoise, observe } from './noise';
import { plateFor } from './plates';
import { londonToUtc } from '../core/london-time';
import { ReadBuffer } from './read-buffer';
import { openReadsWriter } from './writer';
import { areasCollection, townPolygon } from './areas';
import { truthJson } from './truth';
import type { SynthTruth } from './truth';
import type { Agent, Behaviour, Day, Tour, VehicleClass, World } from './behaviours/common';
import { background } from './behaviours/background';
import { commuterToMarket, marketResidentToHub } from './behaviours/commuters';
import { deliveryVan } from './behaviours/delivery';
import { taxi } from './behaviours/taxi';
import { leisure, marketLocal } from './behaviours/leisure';
import { countyLines } from './behaviours/county-lines';
import { familyRunner } from './behaviours/runners';
import { shiftCommuter } from './behaviours/shifts';
import { deliveryRound } from './behaviours/rounds';
import { hireShift } from './behaviours/hire';
import { carerVisit, leisureTrips, studentWeekend } from './behaviours/visits';
import { drawScenario, networkParams, resolveFamily } from './families';
import type { FamilyInput, ScenarioFamily } from './families';
import { FAMILY_DECOYS, familyAgents } from './family-agents';
import { synthBadOption, synthUnknownScenario } from '../messages';

/** Options of synthesize(). */
export interface SynthOptions {
  /** Scenario name, a key of `scenarios`. */
  scenario: string;
  /** Number of days (local calendar days from `start`). */
  days: number;
  /** Seed (any string or number; same seed, same bytes). */
  seed: string | number;
  /** Background vehicles (default 5000); decoy and runner counts scale with it. */
  vehicles?: number;
  /** First day, YYYY-MM-DD (default 2025-03-03, a Monday; 28 days spans the 30 March clock change). */
  start?: string;
  /** Output directory (created if missing). */
  out: string;
  /** Share of reads that are look-alike misreads (O/0, I/1, B/8, S/5, Z/2), 0..0.5; default 0.02 (or the family's). */
  misreadRate?: number;
  /** Behaviour family overrides (families.ts); omitted = the scenario's fixed behaviours, byte for byte. */
  family?: FamilyInput;
  /** Called after each day is written. */
  onProgress?: (p: SynthProgress) => void;
}

/** Progress after a day. */
export interface SynthProgress { day: number; days: number; reads: number }

/** What synthesize() wrote. */
export interface SynthResult {
  scenario: string;
  seed: string;
  days: number;
  start: string;
  reads: number;
  misreads: number;
  duplicates: number;
  sites: number;
  /** Vehicles (VRMs) present in the reads, by ground-truth class. */
  vehicles: Record<VehicleClass, number>;
  files: { reads: string; sites: string; hub: string; markets: string; truth: string; family?: string };
}

/**
 * Default number of background vehicles (merseyside: ~11k reads a day).
 * @example
 * await synthesize({ scenario: 'london', days: 7, seed: 1, vehicles: 4 * DEFAULT_VEHICLES, out: 'big' });
 */
export const DEFAULT_VEHICLES = 5000;

const FIXED_CLASSES: VehicleClass[] = ['county_lines', 'commuter_to_market', 'market_resident_to_hub', 'delivery_van', 'taxi', 'leisure', 'market_local', 'background'];
/** Every class; the index keys the per-day random streams (append only). */
const CLASSES: VehicleClass[] = [...FIXED_CLASSES, 'commuter_day', 'commuter_evening', 'commuter_night', 'commuter_part_time', 'delivery_round', 'evening_courier', 'private_hire', 'carer', 'student'];
const BEHAVIOUR: Record<VehicleClass, Behaviour> = {
  county_lines: countyLines, commuter_to_market: commuterToMarket, market_resident_to_hub: marketResidentToHub,
  delivery_van: deliveryVan, taxi, leisure, market_local: marketLocal, background,
  commuter_day: shiftCommuter, commuter_evening: shiftCommuter, commuter_night: shiftCommuter, commuter_part_time: shiftCommuter,
  delivery_round: deliveryRound, evening_courier: deliveryRound, private_hire: hireShift, carer: carerVisit, student: studentWeekend
};
/** Behaviours of the family path where a class name is shared with the fixed scenarios. */
const FAMILY_BEHAVIOUR: Partial<Record<VehicleClass, Behaviour>> = {
  county_lines: familyRunner, market_resident_to_hub: shiftCommuter, taxi: hireShift, leisure: leisureTrips
};
/** Decoys per 5000 background vehicles (minimum in brackets). */
const DECOYS: [VehicleClass, number, number][] = [
  ['commuter_to_market', 60, 12], ['market_resident_to_hub', 60, 12], ['delivery_van', 25, 6],
  ['taxi', 40, 8], ['leisure', 80, 16], ['market_local', 100, 20]
];

function validate(o: SynthOptions): { start: string; vehicles: number } {
  if (!scenarios[o.scenario]) throw new Error(synthUnknownScenario(o.scenario, Object.keys(scenarios)));
  if (!Number.isInteger(o.days) || o.days < 1 || o.days > 3660) throw new Error(synthBadOption('days', 'an integer 1..3660', o.days));
  const vehicles = o.vehicles ?? DEFAULT_VEHICLES;
  if (!Number.isInteger(vehicles) || vehicles < 0 || vehicles > 20_000_000) throw new Error(synthBadOption('vehicles', 'an integer 0..20000000', vehicles));
  const start = o.start ?? '2025-03-03';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(Date.parse(start + 'T00:00:00Z'))) throw new Error(synthBadOption('start', 'a date YYYY-MM-DD', start));
  if (!o.out) throw new Error(synthBadOption('out', 'a directory', o.out));
  if (o.misreadRate !== undefined && !(o.misreadRate >= 0 && o.misreadRate <= 0.5)) throw new Error(synthBadOption('misreadRate', 'a number 0..0.5', o.misreadRate));
  return { start, vehicles };
}

function makeDay(start: string, d: number): Day {
  const base = new Date(Date.parse(start + 'T00:00:00Z') + d * 86400000);
  const y = base.getUTCFullYear(), m = base.getUTCMonth() + 1, dd = base.getUTCDate();
  const s = londonToUtc(y, m, dd, 0);
  const next = new Date(base.getTime() + 86400000);
  const e = londonToUtc(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), 0);
  return { index: d, start: s, end: e, dow: (base.getUTCDay() + 6) % 7, at: (h: number) => londonToUtc(y, m, dd, Math.round(h * 3600)) };
}

function cumulative(ws: number[]): Float64Array {
  const c = new Float64Array(ws.length);
  let s = 0;
  ws.forEach((w, i) => { s += w; c[i] = s; });
  return c;
}

/**
 * Generate a scenario into `out`: reads.csv.gz, sites.csv, hub.geojson, markets.geojson, truth.json.
 * @example
 * const r = await synthesize({ scenario: 'merseyside', days: 28, seed: 'workshop', out: 'data/mers' });
 * r.reads; // number of reads written
 */
export async function synthesize(opts: SynthOptions): Promise<SynthResult> {
  const { start, vehicles } = validate(opts);
  const def = scenarios[opts.scenario];
  const seed = String(opts.seed);
  // A family run is keyed by the resolved family too: two families at one seed are two different worlds.
  const family = opts.family ? resolveFamily(opts.family) : undefined;
  const world0 = family ? `${def.name}:${seed}:family:${JSON.stringify(family)}` : `${def.name}:${seed}`;
  const key: SeedKey = seedKey(world0);
  const plateKey = seedKey(`plates:${world0}`);
  const towns = scenarioTowns(def);
  const fam: ScenarioFamily | undefined = family ? drawScenario(family, deriveRng(key, 7)) : undefined;
  const net = fam ? buildSites(towns, deriveRng(key, 1), networkParams(fam)) : buildSites(towns, deriveRng(key, 1));
  const router = new Router(towns, net);
  const days = opts.days;
  const day0 = makeDay(start, 0);
  const windowEnd = makeDay(start, days - 1).end;
  const noise = fam
    ? siteNoise(net.sites.length, day0.start, windowEnd, deriveRng(key, 2), opts.misreadRate ?? fam.noise.misreadRate[0],
      { missRate: fam.noise.missRate, outageChance: fam.noise.outageShare[0], outageShortShare: 1 - fam.noise.outageLongShare[0] })
    : siteNoise(net.sites.length, day0.start, windowEnd, deriveRng(key, 2), opts.misreadRate);

  const idx = (k: Town['kind']) => towns.map((t, i) => (t.kind === k ? i : -1)).filter((i) => i >= 0);
  const markets = idx('market');
  const world: World = {
    towns, markets,
    leisure: towns.map((t, i) => (t.leisure ? i : -1)).filter((i) => i >= 0),
    others: towns.map((_, i) => i).filter((i) => i !== 0),
    gravity: towns.map((a, i) => cumulative(towns.map((b, j) => (i === j ? (0.6 * a.population) / Math.max(9, a.radiusKm ** 2) : b.population / Math.max(25, distanceKm(a.lat, a.lon, b.lat, b.lon) ** 2))))),
    population: cumulative(towns.map((t) => t.population)),
    place: (town: number, rng: Rng) => placeIn(towns, town, rng),
    ...(fam ? { family: fam } : {})
  };

  // ---- agents ----
  const scale = vehicles / DEFAULT_VEHICLES;
  let plateNo = vehicles; // background vehicles own plates 0..vehicles-1
  const agents: Agent[] = [];
  const classOf: VehicleClass[] = [];
  const mkAgent = (cls: VehicleClass, n: number, home: Place, target: Place, rng: Rng): Agent => {
    const a: Agent = { cls, n, home, target, habit: rng.range(6.3, 8.3), scale: rng.range(0.5, 1.5), plates: [plateNo], swapAt: [], freeAt: 0 };
    classOf[plateNo++] = cls;
    return a;
  };
  const lineMarket: number[][] = [];
  if (fam) {
    const made = familyAgents(fam, {
      world, key, scale, start: day0.start, end: windowEnd, days, startDow: day0.dow, mk: mkAgent,
      addPlate: (a) => { a.plates.push(plateNo); classOf[plateNo++] = 'county_lines'; }
    });
    for (const l of made.lines) { agents.push(l.agent); lineMarket.push(l.markets); }
    agents.push(...made.decoys);
  }
  const runners = fam ? 0 : Math.max(markets.length, Math.round(markets.length * 1.5 * Math.sqrt(scale)));
  for (let n = 0; n < runners; n++) {
    const rng = deriveRng(key, 3, 0, n);
    const m = markets[n % markets.length];
    const a = mkAgent('county_lines', n, world.place(0, rng), world.place(m, rng), rng);
    let t = day0.start + rng.range(3, 14) * 86400;
    while (t < windowEnd) { a.swapAt.push(Math.round(t)); a.plates.push(plateNo); classOf[plateNo++] = 'county_lines'; t += rng.range(7, 14) * 86400; }
    agents.push(a); lineMarket.push([m]);
  }
  if (!fam) DECOYS.forEach(([cls, base, floor], ci) => {
    const count = Math.max(floor, Math.round(base * scale));
    for (let n = 0; n < count; n++) {
      const rng = deriveRng(key, 3, ci + 1, n);
      const hub = world.place(0, rng), market = world.place(rng.pick(markets), rng);
      let home = hub, target = market;
      if (cls === 'market_resident_to_hub') { home = market; target = world.place(0, rng); }
      if (cls === 'market_local') { home = market; target = market; }
      if (cls === 'leisure') { home = rng.chance(0.7) ? hub : world.place(rng.weighted(world.population), rng); target = world.place(rng.pick(world.leisure), rng); }
      agents.push(mkAgent(cls, n, home, target, rng));
    }
  });
  const bgTown = new Uint16Array(vehicles), bgLat = new Float64Array(vehicles), bgLon = new Float64Array(vehicles), bgScale = new Float32Array(vehicles);
  for (let i = 0; i < vehicles; i++) {
    const rng = deriveRng(key, 4, i);
    const p = world.place(rng.weighted(world.population), rng);
    bgTown[i] = p.town; bgLat[i] = p.lat; bgLon[i] = p.lon; bgScale[i] = rng.range(0.6, 1.4);
  }
  const seen = new Uint8Array(plateNo);
  const plateStr = new Map<number, string>();
  for (let i = vehicles; i < plateNo; i++) plateStr.set(i, plateFor(plateKey, i));

  // ---- day by day ----
  mkdirSync(opts.out, { recursive: true });
  const files: SynthResult['files'] = {
    reads: join(opts.out, 'reads.csv.gz'), sites: join(opts.out, 'sites.csv'), hub: join(opts.out, 'hub.geojson'),
    markets: join(opts.out, 'markets.geojson'), truth: join(opts.out, 'truth.json')
  };
  const writer = openReadsWriter(files.reads, net.sites);
  const buf = new ReadBuffer();
  let misreads = 0, duplicates = 0;
  const drive = (a: Agent, plate: number, vrm: string, tour: Tour, rng: Rng) => {
    let t = Math.max(tour.depart, a.freeAt);
    let loc = a.home;
    for (const stop of tour.stops) {
      const { passes, arrive } = router.route(loc, stop.to, t, tour.speedKmh, rng);
      for (const p of passes) {
        if (p.t >= windowEnd) continue;
        const o = observe(noise, p.site, vrm, p.t, rng);
        if (!o.copies) continue;
        buf.push(o.vrm, p.t, p.site, o.confidence);
        if (o.copies === 2) { buf.push(o.vrm, p.t, p.site, o.confidence); duplicates++; }
        if (o.misread) misreads += o.copies; else seen[plate] = 1;
      }
      t = arrive + stop.dwell;
      loc = stop.to;
      a.freeAt = arrive;
    }
  };
  const plateAt = (a: Agent, t: number) => { let k = 0; while (k < a.swapAt.length && t >= a.swapAt[k]) k++; return a.plates[k]; };
  const bgAgent: Agent = { cls: 'background', n: 0, home: { town: 0, lat: 0, lon: 0 }, target: { town: 0, lat: 0, lon: 0 }, habit: 8, scale: 1, plates: [0], swapAt: [], freeAt: 0 };
  const write = (v: string, t: number, s: number, c: number) => writer.write(v, t, s, c);
  // family runs only: runs (to a market, or a market-based runner's to the hub) started under each runner plate (truth lines[].runs)
  const runsOf = new Map<number, number>();
  const isMarket = towns.map((t) => t.kind === 'market');

  for (let d = 0; d < days; d++) {
    const day = d === 0 ? day0 : makeDay(start, d);
    for (const a of agents) {
      const rng = deriveRng(key, 5, CLASSES.indexOf(a.cls), a.n, d);
      const behave = (fam && FAMILY_BEHAVIOUR[a.cls]) || BEHAVIOUR[a.cls];
      for (const tour of behave(a, day, world, rng)) {
        const plate = plateAt(a, tour.depart);
        if (fam && a.cls === 'county_lines' && tour.depart < windowEnd && tour.stops.some((st) => st.to.town !== a.home.town && (isMarket[st.to.town] || st.to.town === 0))) runsOf.set(plate, (runsOf.get(plate) ?? 0) + 1);
        drive(a, plate, plateStr.get(plate)!, tour, rng);
      }
    }
    for (let i = 0; i < vehicles; i++) {
      const rng = deriveRng(key, 6, i, d);
      bgAgent.n = i; bgAgent.home = { town: bgTown[i], lat: bgLat[i], lon: bgLon[i] }; bgAgent.scale = bgScale[i]; bgAgent.freeAt = 0;
      const tours = background(bgAgent, day, world, rng);
      if (!tours.length) continue;
      const vrm = plateFor(plateKey, i);
      for (const tour of tours) drive(bgAgent, i, vrm, tour, rng);
    }
    await buf.drainBefore(day.end, write);
    opts.onProgress?.({ day: d + 1, days, reads: writer.rows });
  }
  await buf.drainBefore(windowEnd, write);
  await writer.close();

  // ---- side files ----
  const csv = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  writeFileSync(files.sites, 'site_id,name,lat,lon,road,direction\n' + net.sites.map((s) => [s.id, csv(s.name), s.lat.toFixed(5), s.lon.toFixed(5), csv(s.road), s.direction].join(',')).join('\n') + '\n');
  writeFileSync(files.hub, JSON.stringify(townPolygon(towns[0])) + '\n');
  writeFileSync(files.markets, JSON.stringify(areasCollection(markets.map((m) => towns[m]))) + '\n');

  const vrmOf = (p: number) => plateStr.get(p) ?? plateFor(plateKey, p);
  const decoys: SynthTruth['decoys'] = {};
  const usedClasses: VehicleClass[] = fam ? ['county_lines', ...FAMILY_DECOYS, 'background'] : FIXED_CLASSES;
  const counts = Object.fromEntries(usedClasses.map((c) => [c, 0])) as Record<VehicleClass, number>;
  for (const a of agents) {
    if (a.cls === 'county_lines') continue;
    if (!seen[a.plates[0]]) continue;
    (decoys[a.cls] ??= []).push(vrmOf(a.plates[0]));
    counts[a.cls]++;
  }
  const bg: string[] = [];
  for (let i = 0; i < vehicles; i++) if (seen[i]) bg.push(plateFor(plateKey, i));
  decoys.background = bg;
  counts.background = bg.length;
  const lines: SynthTruth['lines'] = [];
  agents.forEach((a, k) => {
    if (a.cls !== 'county_lines') return;
    const used = a.plates.filter((p) => seen[p]);
    const vrms = used.map(vrmOf);
    const ms = lineMarket[k];
    if (!vrms.length) return;
    if (!fam) { lines.push({ market: towns[ms[0]].name, vrms }); return; }
    lines.push({ market: towns[ms[0]].name, ...(ms.length > 1 ? { markets: ms.map((m) => towns[m].name) } : {}), vrms, runs: used.map((p) => runsOf.get(p) ?? 0) });
  });
  const countyLinesVrms = lines.flatMap((l) => l.vrms);
  counts.county_lines = countyLinesVrms.length;
  const truth: SynthTruth = {
    scenario: def.name, seed, days, start, county_lines: countyLinesVrms, decoys,
    swap_groups: lines.map((l) => l.vrms), lines
  };
  writeFileSync(files.truth, truthJson(truth));
  if (fam) {
    files.family = join(opts.out, 'family.json');
    writeFileSync(files.family, JSON.stringify({ input: opts.family, family, scenario: fam }, null, 1) + '\n');
  }
  return { scenario: def.name, seed, days, start, reads: writer.rows, misreads, duplicates, sites: net.sites.length, vehicles: counts, files };
}
