import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../kernel-lib/src/synth/synthesize';
import { run } from '../../../kernel-lib/src/cli/synth';
import { defaultFamily, draw, drawInt, drawScenario, networkParams, propensity, resolveFamily, weekdays } from '../../../kernel-lib/src/synth/families';
import { DEFAULT_NETWORK, buildSites } from '../../../kernel-lib/src/synth/sites';
import type { BehaviourFamily, FamilyInput, Range } from '../../../kernel-lib/src/synth/families';
import { FAMILY_DECOYS, familyAgents } from '../../../kernel-lib/src/synth/family-agents';
import type { Agent, VehicleClass, World } from '../../../kernel-lib/src/synth/behaviours/common';
import { scenarioTowns } from '../../../kernel-lib/src/synth/geography';
import { scenarios } from '../../../kernel-lib/src/synth/scenarios';
import { placeIn } from '../../../kernel-lib/src/synth/route';
import type { Place } from '../../../kernel-lib/src/synth/route';
import { createRng, deriveRng, seedKey } from '../../../kernel-lib/src/synth/prng';
import type { Rng } from '../../../kernel-lib/src/synth/prng';
import { DEFAULT_NOISE, siteNoise } from '../../../kernel-lib/src/synth/noise';
import { cleanup, hashes, readRows, tmp } from './helpers';

/** Every [lo, hi] leaf of a family with its path. */
function leaves(node: unknown, path = ''): [string, Range][] {
  if (Array.isArray(node)) return [[path, node as Range]];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
}
const at = (f: BehaviourFamily, path: string) => path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], f) as Range;

/** A small world on the merseyside towns (gravity is not used when agents are made). */
function world(): World {
  const towns = scenarioTowns(scenarios.merseyside);
  const cum = (ws: number[]) => { let s = 0; return Float64Array.from(ws, (w) => (s += w)); };
  return {
    towns, markets: towns.map((t, i) => (t.kind === 'market' ? i : -1)).filter((i) => i >= 0),
    leisure: towns.map((t, i) => (t.leisure ? i : -1)).filter((i) => i >= 0), others: towns.map((_, i) => i).slice(1),
    gravity: [], population: cum(towns.map((t) => t.population)), place: (town: number, rng: Rng) => placeIn(towns, town, rng)
  };
}

describe('behaviour families: ranges and draws', () => {
  it('resolveFamily merges a deep-partial override and names a bad or unknown key', () => {
    expect(resolveFamily()).toEqual(defaultFamily);
    expect(resolveFamily({})).toEqual(defaultFamily);
    const f = resolveFamily({ runners: { overnightShare: [0.6, 0.8] }, decoys: { carer: { count: [40, 80] } }, noise: { missRate: [0.2, 0.2] } });
    expect(f.runners.overnightShare).toEqual([0.6, 0.8]);
    expect(f.runners.runsPerWeek).toEqual(defaultFamily.runners.runsPerWeek);
    expect(f.decoys.carer).toEqual({ ...defaultFamily.decoys.carer, count: [40, 80] });
    expect(f.noise.missRate).toEqual([0.2, 0.2]);
    expect(defaultFamily.runners.overnightShare).toEqual([0, 0.8]); // the default is not mutated
    expect(() => resolveFamily({ runners: { overnightShare: [0.9, 0.2] } })).toThrow(/runners\.overnightShare = \[0\.9,0\.2\]; expected a range/);
    expect(() => resolveFamily({ runners: { daytimeShare: [0.5, 1.5] } })).toThrow(/<= 1/);
    expect(() => resolveFamily({ decoys: { unicorn: { count: [1, 2] } } } as never)).toThrow(/decoys\.unicorn.*expected one of commuter_day/);
    expect(() => resolveFamily({ runners: { swapDays: 3 } } as never)).toThrow(/runners\.swapDays = 3/);
  });

  it('a scenario draws shares and counts as one value and narrows the other ranges, inside the family', () => {
    const fam = resolveFamily({ runners: { overnightShare: [0.6, 0.8], swapDays: [1, 3] } });
    for (const seed of ['a', 'b', 'c', 'd']) {
      const s = drawScenario(fam, createRng(seed));
      expect(drawScenario(fam, createRng(seed))).toEqual(s);
      for (const [path, [lo, hi]] of leaves(fam)) {
        const [a, b] = at(s, path);
        expect(a, path).toBeGreaterThanOrEqual(lo);
        expect(b, path).toBeLessThanOrEqual(hi);
        expect(a, path).toBeLessThanOrEqual(b);
        const key = path.split('.').pop()!;
        if (key === 'count' || key.endsWith('Share') || key === 'misreadRate' || key === 'linesPerMarket' || path.startsWith('network.')) expect(a, path).toBe(b);
        else if (hi > lo) expect(b - a, path).toBeGreaterThan(0.29 * (hi - lo));
      }
    }
  });

  it('draw, drawInt, propensity and weekdays stay in range', () => {
    const rng = createRng('helpers');
    for (let i = 0; i < 500; i++) {
      const x = draw([2, 8], rng); expect(x).toBeGreaterThanOrEqual(2); expect(x).toBeLessThanOrEqual(8);
      const k = drawInt([2, 4], rng); expect([2, 3, 4]).toContain(k);
      expect(drawInt([5, 5], rng)).toBe(5);
      const p = propensity([0.9, 0.9], rng); expect(p).toBeGreaterThanOrEqual(0); expect(p).toBeLessThanOrEqual(1);
      expect(propensity([1, 1], rng)).toBe(1); expect(propensity([0, 0], rng)).toBe(0);
      const d = weekdays(3, rng, [0, 1, 2, 3, 4]); expect(new Set(d).size).toBe(3); expect(d.every((x) => x >= 0 && x <= 4)).toBe(true);
      const c = weekdays(5, rng, [0, 1, 2, 3, 4, 5, 6], true); expect(new Set(c).size).toBe(5);
    }
  });

  it('every runner and decoy draws its parameters inside the scenario draw', () => {
    const s = drawScenario(resolveFamily({ runners: { fixedPlateShare: [0.3, 0.3], marketBasedShare: [0.3, 0.3] } }), createRng('agents'));
    const w = world();
    const made: Agent[] = [];
    const start = Date.UTC(2025, 2, 17) / 1000, days = 21, end = start + days * 86400;
    const { lines, decoys } = familyAgents(s, {
      world: w, key: seedKey('agents'), scale: 1, start, end, days, startDow: 0,
      mk: (cls: VehicleClass, n: number, home: Place, target: Place) => { const a: Agent = { cls, n, home, target, habit: 8, scale: 1, plates: [made.length], swapAt: [], freeAt: 0 }; made.push(a); return a; },
      addPlate: (a) => { a.plates.push(-1); }
    });
    const r = s.runners;
    const changed = lines.filter(({ agent: a }) => a.homes && a.homes.length > 1);
    for (const { agent: a } of changed) { expect(a.homes!.length).toBe(a.plates.length); expect(a.hours!.length).toBe(a.plates.length); }
    const within = (x: number, [lo, hi]: Range, what: string) => { expect(x, what).toBeGreaterThanOrEqual(lo - 1e-9); expect(x, what).toBeLessThanOrEqual(hi + 1e-9); };
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some(({ agent: a }) => a.home.town !== 0)).toBe(true); // some market-based lines
    for (const { agent: a, markets } of lines) {
      const p = a.p!;
      within(p.runsPerWeek, r.runsPerWeek, 'runsPerWeek');
      within(p.departH, p.daytime ? r.dayDepartH : r.nightDepartH, 'departH');
      within(p.jitterH, r.jitterH, 'jitterH');
      within(p.localTrips, r.localTripsPer8h, 'localTrips');
      for (const k of ['overnight', 'multiDay', 'short', 'mainShare']) within(p[k], [0, 1], k);
      expect(p.activeFrom).toBeGreaterThanOrEqual(start);
      expect(p.activeTo).toBeLessThanOrEqual(end);
      expect(markets.length).toBeGreaterThanOrEqual(1); expect(markets.length).toBeLessThanOrEqual(3);
      expect(new Set(markets).size).toBe(markets.length);
      expect(markets.every((m) => w.towns[m].kind === 'market')).toBe(true);
      if (a.home.town === 0) expect(a.target.town).toBe(markets[0]);
      else { expect(a.home.town).toBe(markets[0]); expect(a.target.town).toBe(0); expect(markets).toHaveLength(1); }
      expect(a.places!.map((x) => x.town)).toEqual(markets.slice(1));
      expect(a.swapAt).toEqual([]); // plates come into use at runs
      if (a.swapPlan) expect(a.swapPlan).toHaveLength(a.plates.length - 1);
      for (let k = 1; k < (a.swapPlan ?? []).length; k++) {
        const gap = (a.swapPlan![k] - a.swapPlan![k - 1]) / 86400;
        expect(gap).toBeGreaterThanOrEqual(0.75 * r.swapDays[0] - 1e-6);
        expect(gap).toBeLessThanOrEqual(1.25 * r.swapDays[1] + 1e-6);
      }
    }
    const byClass = new Map<string, Agent[]>();
    for (const a of decoys) byClass.set(a.cls, [...(byClass.get(a.cls) ?? []), a]);
    for (const cls of FAMILY_DECOYS) expect(byClass.get(cls)?.length, cls).toBe(Math.max(1, Math.round(s.decoys[cls].count[0])));
    for (const cls of ['commuter_day', 'commuter_evening', 'commuter_night'] as const) {
      for (const a of byClass.get(cls)!) {
        within(a.p!.departH, s.decoys[cls].departH, `${cls}.departH`); within(a.p!.dwellH, s.decoys[cls].dwellH, `${cls}.dwellH`);
        const [lo, hi] = s.decoys[cls].daysPerWeek;
        within(a.days!.length, [Math.ceil(lo - 0.5), Math.floor(hi + 0.5)], `${cls}.days`);
        expect(a.home.town).toBe(0); expect(w.towns[a.target.town].kind).toBe('market');
      }
    }
    for (const a of byClass.get('commuter_part_time')!) {
      within(a.p!.dwellH, s.decoys.commuter_part_time.dwellH, 'part-time dwell');
      expect(a.days!.length).toBeGreaterThanOrEqual(2); expect(a.days!.length).toBeLessThanOrEqual(4);
    }
    for (const a of byClass.get('carer')!) { within(a.p!.dwellH, s.decoys.carer.dwellH, 'carer dwell'); within(a.days!.length, [1, 4], 'carer visits'); }
    for (const a of byClass.get('student')!) { expect([1, 2]).toContain(a.p!.everyWeeks); within(a.p!.outH, s.decoys.student.outH, 'student out'); }
    for (const a of byClass.get('market_resident_to_hub')!) { expect(w.towns[a.home.town].kind).toBe('market'); expect(a.target.town).toBe(0); }
    for (const a of byClass.get('leisure')!) if (!a.p!.repeater) expect([5, 6]).toContain(a.p!.oneOff % 7); // the window starts on a Monday
  });

  it('the network of a draw: integers where counted, the fixed scenarios\' network by default', () => {
    const n = networkParams(drawScenario(resolveFamily({ network: { marketCentrePairs: [3, 3], maxCorridorPairs: [2.6, 2.6] } }), createRng('net')));
    expect(n.marketCentrePairs).toBe(3);
    expect(n.maxCorridorPairs).toBe(3);
    const towns = scenarioTowns(scenarios.merseyside);
    expect(buildSites(towns, createRng('sites'), DEFAULT_NETWORK)).toEqual(buildSites(towns, createRng('sites')));
    const dense = buildSites(towns, createRng('sites'), { ...DEFAULT_NETWORK, marketCentrePairs: 4, townCentrePairs: 1 });
    expect(dense.inTown[1]).toHaveLength(4);
    expect(dense.inTown[towns.length - 1]).toHaveLength(1);
  });

  it('siteNoise with the default parameters draws exactly what it drew before they existed', () => {
    const a = siteNoise(50, 0, 28 * 86400, createRng('noise'));
    const b = siteNoise(50, 0, 28 * 86400, createRng('noise'), 0.02, DEFAULT_NOISE);
    expect(b).toEqual(a);
    const c = siteNoise(2000, 0, 28 * 86400, createRng('noise'), 0.03, { missRate: [0.15, 0.2], outageChance: 0.3, outageShortShare: 0.5 });
    expect(Math.min(...c.missRate)).toBeGreaterThanOrEqual(0.15);
    expect(Math.max(...c.missRate)).toBeLessThan(0.2);
    expect(c.outages.filter((o) => o.length).length / 2000).toBeCloseTo(0.3, 1);
  });
});

describe('synthesize with a family', () => {
  afterAll(cleanup);
  const small = { scenario: 'merseyside', days: 8, vehicles: 300, start: '2025-03-24' };
  // Decoy counts are per 5000 vehicles: at 300 vehicles every class gets a few agents.
  const busy = { decoys: Object.fromEntries(FAMILY_DECOYS.map((c) => [c, { count: [60, 60] }])) };

  it('without a family the output is byte-for-byte what it was before families existed', async () => {
    const dir = tmp('default');
    await synthesize({ scenario: 'merseyside', days: 5, vehicles: 400, start: '2025-03-27', seed: 'same', out: dir });
    // Recorded on main at 0597c4e, before behaviour families.
    expect(hashes(dir)).toEqual({
      'hub.geojson': 'f5660fa4bf8280ef1f716805a4a6ecd4d1b6cc1fe99fd33bd1f700f3b086e86b',
      'markets.geojson': '0e10cd7817e01b7a96612e276dd9beacd45aa5ceb26bbd5f69eb6f0cd3ed38ef',
      'reads.csv.gz': '6bb762236e45f946fbe3cc719c3fa1854e4e39dd7c0a8a4fde849dfb244f3216',
      'sites.csv': '25581d7ded98c0e86e06f903f86e1444537a915782d4a955b9cafecae3f7f69c',
      'truth.json': 'af34b2bbad4550489e6f0a601497ecbde017217d378efe34c018193fa89b418c'
    });
  });

  it('same seed and family give the same bytes; another seed or family differs', async () => {
    const [a, b, c, d] = [tmp('fa'), tmp('fb'), tmp('fc'), tmp('fd')];
    const ra = await synthesize({ ...small, seed: 's', family: busy, out: a });
    await synthesize({ ...small, seed: 's', family: busy, out: b });
    await synthesize({ ...small, seed: 't', family: busy, out: c });
    await synthesize({ ...small, seed: 's', family: { ...busy, runners: { overnightShare: [0.7, 0.8] } }, out: d });
    const ha = hashes(a);
    expect(Object.keys(ha)).toEqual(['family.json', 'hub.geojson', 'markets.geojson', 'reads.csv.gz', 'sites.csv', 'truth.json']);
    expect(hashes(b)).toEqual(ha);
    expect(hashes(c)['reads.csv.gz']).not.toBe(ha['reads.csv.gz']);
    expect(hashes(d)['reads.csv.gz']).not.toBe(ha['reads.csv.gz']);
    expect(ra.files.family).toBe(join(a, 'family.json'));
    const fj = JSON.parse(readFileSync(join(a, 'family.json'), 'utf8'));
    expect(fj.input).toEqual(busy);
    expect(fj.family.decoys.carer.count).toEqual([60, 60]);
    expect(fj.scenario.runners.overnightShare[0]).toBe(fj.scenario.runners.overnightShare[1]);
  });

  it('truth lists every new decoy class, disjoint, and only vehicles present in the reads', async () => {
    const dir = tmp('classes');
    const r = await synthesize({ ...small, seed: 'classes', family: busy, out: dir });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    expect(Object.keys(truth.decoys).sort()).toEqual([...FAMILY_DECOYS, 'background'].sort());
    for (const c of FAMILY_DECOYS) expect(truth.decoys[c].length, c).toBeGreaterThan(0);
    expect(Object.keys(r.vehicles).sort()).toEqual(['county_lines', ...FAMILY_DECOYS, 'background'].sort());
    const all = [...truth.county_lines, ...Object.values(truth.decoys).flat()] as string[];
    expect(new Set(all).size).toBe(all.length);
    const seen = new Set(readRows(dir).rows.map((x) => x.vrm));
    for (const v of all) expect(seen.has(v), v).toBe(true);
  });

  it('swap groups are the lines\' plates in order of use; multi-market lines name their markets', async () => {
    const dir = tmp('swaps');
    await synthesize({ ...small, days: 14, vehicles: 1500, seed: 'swaps', out: dir,
      family: { runners: { fixedPlateShare: [0, 0], swapDays: [1.5, 2.5], multiMarketShare: [1, 1], marketBasedShare: [0, 0], lateStartShare: [0, 0], earlyStopShare: [0, 0], runsPerWeek: [5, 7] } } });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const marketNames = JSON.parse(readFileSync(join(dir, 'markets.geojson'), 'utf8')).features.map((f: { properties: { name: string } }) => f.properties.name);
    expect(truth.swap_groups).toEqual(truth.lines.map((l: { vrms: string[] }) => l.vrms));
    expect(truth.county_lines).toEqual(truth.lines.flatMap((l: { vrms: string[] }) => l.vrms));
    expect(truth.lines.some((l: { vrms: string[] }) => l.vrms.length >= 3)).toBe(true);
    for (const l of truth.lines) {
      expect(l.runs).toHaveLength(l.vrms.length);
      for (const n of l.runs) expect(n).toBeGreaterThan(0); // a new plate comes into use at a run
      expect(l.markets.length).toBeGreaterThanOrEqual(2);
      expect(l.markets[0]).toBe(l.market);
      for (const m of l.markets) expect(marketNames).toContain(m);
    }
    // plates of a line come into use one after another: first reads in the truth's order
    const first = new Map<string, number>();
    for (const x of readRows(dir).rows) if (!first.has(x.vrm)) first.set(x.vrm, Date.parse(x.timestamp));
    for (const l of truth.lines) for (let k = 1; k < l.vrms.length; k++) expect(first.get(l.vrms[k])!).toBeGreaterThan(first.get(l.vrms[k - 1])!);
  });

  it('lines that start late are not on the road before their start', async () => {
    const dir = tmp('late');
    await synthesize({ ...small, days: 14, vehicles: 1500, seed: 'late', out: dir, family: { runners: { lateStartShare: [1, 1], earlyStopShare: [0, 0] } } });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const t0 = Date.parse('2025-03-24T00:00:00Z'), span = 14 * 86400e3;
    const cl = new Set<string>(truth.county_lines);
    const firsts = readRows(dir).rows.filter((x) => cl.has(x.vrm)).map((x) => Date.parse(x.timestamp));
    expect(firsts.length).toBeGreaterThan(0);
    expect(Math.min(...firsts)).toBeGreaterThan(t0 + 0.15 * span - 3600e3);
  });

  it('runner stays follow the family: short stays only, or overnight stays only', async () => {
    const stays = async (tag: string, runners: Record<string, Range>) => {
      const dir = tmp(tag);
      await synthesize({ ...small, days: 14, vehicles: 1500, seed: tag, out: dir, family: { runners: { ...runners, fixedPlateShare: [1, 1], marketBasedShare: [0, 0], runsPerWeek: [4, 6], localTripsPer8h: [0, 0] } } });
      const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
      const sites = new Map(readFileSync(join(dir, 'sites.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map((x) => [x[0], x[1]]));
      const market = new Map<string, string>(truth.lines.map((l: { market: string; vrms: string[] }) => [l.vrms[0], l.market]));
      const open = new Map<string, number>();
      const out: number[] = [];
      for (const x of readRows(dir).rows) {
        const m = market.get(x.vrm), name = sites.get(x.site_id)!;
        if (!m || !name.startsWith(`${m} entrance`)) continue;
        if (name.endsWith('inbound')) open.set(x.vrm, Date.parse(x.timestamp));
        else if (open.has(x.vrm)) { out.push((Date.parse(x.timestamp) - open.get(x.vrm)!) / 3600e3); open.delete(x.vrm); }
      }
      return out.sort((a, b) => a - b);
    };
    const short = await stays('short', { overnightShare: [0, 0], shortStayShare: [1, 1], shortStayMin: [10, 30] });
    expect(short.length).toBeGreaterThan(10);
    expect(short[Math.floor(short.length * 0.9)]).toBeLessThan(1.5);
    const night = await stays('night', { overnightShare: [1, 1], multiDayShare: [0, 0], overnightStayH: [10, 12] });
    expect(night.length).toBeGreaterThan(10);
    expect(night[Math.floor(night.length * 0.1)]).toBeGreaterThan(9);
  });

  it('part-time commuters and carers keep their dwell and their arrival window', async () => {
    const dir = tmp('shifts');
    await synthesize({ ...small, days: 14, vehicles: 600, seed: 'shifts', out: dir, family: busy });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const s = JSON.parse(readFileSync(join(dir, 'family.json'), 'utf8')).scenario as BehaviourFamily;
    const cls = new Map<string, string>();
    for (const c of ['commuter_part_time', 'carer', 'commuter_night']) for (const v of truth.decoys[c]) cls.set(v, c);
    const hours = new Map<string, number[]>();
    for (const x of readRows(dir).rows) if (cls.has(x.vrm)) hours.set(x.vrm, [...(hours.get(x.vrm) ?? []), +x.timestamp.slice(11, 13)]);
    const night = [...hours].filter(([v]) => cls.get(v) === 'commuter_night').flatMap(([, h]) => h);
    // night-shift commuters drive out in the evening and back in the morning: hardly ever at midday
    expect(night.filter((h) => h >= 11 && h <= 16).length / night.length).toBeLessThan(0.1);
    expect(s.decoys.commuter_part_time.dwellH[0]).toBeGreaterThanOrEqual(4);
  });
});

describe('decoy classes of a family behave as named', () => {
  afterAll(cleanup);
  it('students go to the market on Fridays and back on Sundays; evening couriers leave in the evening; part-timers stay 4-5 h', async () => {
    const dir = tmp('decoys');
    const busy: FamilyInput = { decoys: { student: { count: [2000, 2000] }, evening_courier: { count: [1000, 1000] }, commuter_part_time: { count: [1000, 1000] } } };
    await synthesize({ scenario: 'merseyside', days: 14, vehicles: 300, start: '2025-03-24', seed: 'decoys', out: dir, family: busy });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const sites = new Map(readFileSync(join(dir, 'sites.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')).map((x) => [x[0], x[1]]));
    const markets = JSON.parse(readFileSync(join(dir, 'markets.geojson'), 'utf8')).features.map((f: { properties: { name: string } }) => f.properties.name) as string[];
    const cls = new Map<string, string>();
    for (const c of ['student', 'evening_courier', 'commuter_part_time']) for (const v of truth.decoys[c]) cls.set(v, c);
    const inDays: number[] = [], outDays: number[] = [], courierHours: number[] = [], partStays: number[] = [];
    const open = new Map<string, number>();
    for (const x of readRows(dir).rows) {
      const c = cls.get(x.vrm);
      if (!c) continue;
      const name = sites.get(x.site_id)!;
      const atMarket = markets.some((m) => name.startsWith(`${m} entrance`));
      const t = Date.parse(x.timestamp), dow = (new Date(x.timestamp.slice(0, 10)).getUTCDay() + 6) % 7;
      if (c === 'student' && atMarket) (name.endsWith('inbound') ? inDays : outDays).push(dow);
      if (c === 'evening_courier' && name.includes('Liverpool entrance') && name.endsWith('outbound')) courierHours.push(+x.timestamp.slice(11, 13));
      if (c === 'commuter_part_time' && atMarket) {
        if (name.endsWith('inbound')) open.set(x.vrm, t);
        else if (open.has(x.vrm)) { partStays.push((t - open.get(x.vrm)!) / 3600e3); open.delete(x.vrm); }
      }
    }
    const share = (xs: number[], f: (x: number) => boolean) => xs.filter(f).length / xs.length;
    expect(inDays.length).toBeGreaterThan(50);
    expect(share(inDays, (d) => d === 4)).toBeGreaterThan(0.8);
    expect(share(outDays, (d) => d === 6)).toBeGreaterThan(0.8);
    expect(share(courierHours, (h) => h >= 16 && h <= 21)).toBeGreaterThan(0.9);
    partStays.sort((a, b) => a - b);
    expect(partStays[Math.floor(partStays.length / 2)]).toBeGreaterThan(4);
    expect(partStays[Math.floor(partStays.length / 2)]).toBeLessThan(5.6);
  });
});

describe('anpr synth --family / --variant', () => {
  afterAll(cleanup);
  it('reads a family file and a variant; bad ones exit 2', async () => {
    const dir = tmp('cli');
    const fam = join(dir, 'family.in.json');
    writeFileSync(fam, JSON.stringify({ runners: { overnightShare: [0.5, 0.6] } }));
    const variants = join(dir, 'variants.json');
    writeFileSync(variants, JSON.stringify({ seeds: ['a'], tuning: [], variants: [{ name: 'v-test', scenario: 'london', days: 3, start: '2025-10-24', vehicles: 150, family: { noise: { missRate: [0.2, 0.2] } } }] }));
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ runners: { nope: [1, 2] } }));
    const err = process.stderr.write, out = process.stdout.write;
    const said: string[] = [];
    process.stderr.write = ((s: string) => { said.push(s); return true; }) as typeof process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await run(['--scenario', 'merseyside', '--days', '2', '--seed', '1', '--vehicles', '100', '--family', fam, '--out', join(dir, 'f')])).toBe(0);
      expect(await run(['--variant', 'v-test', '--variants', variants, '--seed', 'a', '--out', join(dir, 'v')])).toBe(0);
      expect(await run(['--variant', 'v-none', '--variants', variants, '--seed', 'a', '--out', join(dir, 'x')])).toBe(2);
      expect(await run(['--scenario', 'merseyside', '--days', '2', '--seed', '1', '--family', bad, '--out', join(dir, 'y')])).toBe(2);
    } finally { process.stderr.write = err; process.stdout.write = out; }
    expect(said.join('')).toMatch(/Variant "v-none" is not in .*expected one of: v-test/);
    expect(said.join('')).toMatch(/runners\.nope/);
    expect(JSON.parse(readFileSync(join(dir, 'f', 'family.json'), 'utf8')).input).toEqual({ runners: { overnightShare: [0.5, 0.6] } });
    const v = JSON.parse(readFileSync(join(dir, 'v', 'truth.json'), 'utf8'));
    expect([v.scenario, v.days, v.start]).toEqual(['london', 3, '2025-10-24']);
    expect(JSON.parse(readFileSync(join(dir, 'v', 'family.json'), 'utf8')).scenario.noise.missRate).toEqual([0.2, 0.2]);
  });

  it('the committed variants file: at least 12 variants, at most 4 tuning, each generates from its family', () => {
    const spec = JSON.parse(readFileSync(join(__dirname, '../../../bench/methods/variants.json'), 'utf8'));
    expect(spec.variants.length).toBeGreaterThanOrEqual(12);
    expect(spec.tuning.length).toBeLessThanOrEqual(4);
    expect(spec.seeds.length).toBeGreaterThanOrEqual(2);
    const names = spec.variants.map((v: { name: string }) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const t of spec.tuning) expect(names).toContain(t);
    for (const v of spec.variants) {
      expect(Object.keys(scenarios)).toContain(v.scenario);
      expect(v.days).toBeGreaterThanOrEqual(14); expect(v.days).toBeLessThanOrEqual(28);
      expect(() => resolveFamily(v.family)).not.toThrow();
    }
    expect(deriveRng(seedKey('x'), 1).next()).toBe(deriveRng(seedKey('x'), 1).next());
  });
});
