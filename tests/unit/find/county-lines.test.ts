import { describe, expect, it } from 'vitest';
import { defaultCountyLinesParams, findCountyLines } from '../../../kernel-lib/src/find/county-lines';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { area } from '../../../kernel-lib/src/core/areas';
import { circularStdHours, clockWindowShare, median } from '../../../kernel-lib/src/core/stats';
import { at, hubGeo, marketsGeo, sites, worldRows } from '../trips/fixture';

describe('feature helpers', () => {
  it('median and circular std', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(circularStdHours([7.5, 7.5, 7.5])).toBeCloseTo(0, 5);
    expect(circularStdHours([23.5, 0.5])).toBeCloseTo(0.5, 1);
    expect(clockWindowShare([7.5, 7.8, 8.2, 16.5], 1)).toBe(0.75);
    expect(clockWindowShare([23.5, 0.2, 12], 1)).toBeCloseTo(2 / 3, 12);
  });
});

describe('findCountyLines', () => {
  const store = buildStore(worldRows, sites);
  const res = findCountyLines(store, { hub: hubGeo, markets: marketsGeo });
  const byVrm = (v: string) => res.candidates.find((c) => c.vrm === v)!;

  it('ranks the hand-made runner above the commuter and the market resident', () => {
    expect(res.candidates[0].vrm).toBe('RUN1');
    expect(res.candidates.map((c) => c.vrm).sort()).toEqual(['COM1', 'RES1', 'RUN1']);
    expect(res.candidates.map((c) => c.rank)).toEqual([1, 2, 3]);
    // Scores are log-odds: the runner is far likelier than either look-alike.
    expect(byVrm('RUN1').score).toBeGreaterThan(byVrm('COM1').score + 2);
    expect(byVrm('RUN1').score).toBeGreaterThan(byVrm('RES1').score + 2);
  });
  it('explains in plain English', () => {
    const r = byVrm('RUN1');
    expect(r.reasons[0]).toBe('7 returns Liverpool→Rhyl in 13 days');
    expect(r.reasons[1]).toMatch(/^median dwell 2\d min–40 min/);
    expect(r.reasons[2]).toBe('7 of 7 arrived at the market after 19:00 or before dawn');
    expect(r.reasons[3]).toMatch(/^based in Liverpool/);
    // The fitted terms that weighed most, in words, with their contribution to the log-odds.
    // Its night running counts for it (as night arrivals at the market or as night trips overall: which term carries it depends on the fitted weights).
    expect(r.reasons.join('; ')).toMatch(/for: share of (loops arriving at the market at night|all its trips made at night, runs or not) \(\+\d/);
    // The weightiest terms, each in words with its signed contribution (which ones depends on the fitted weights).
    expect(r.reasons.filter((x) => /^(for|against): .+ \([+−]\d+\.\d\)$/.test(x)).length).toBeGreaterThanOrEqual(3);
    // A weekday commuter: ten runs at one time with one stay earn no off-routine loops; its routine and its
    // long-used plate count against it (which terms carry that depends on the fitted weights), and it scores below zero.
    expect(byVrm('COM1').reasons.filter((x) => /^against: .+ \(−\d+\.\d\)$/.test(x)).length).toBeGreaterThanOrEqual(2);
    expect(byVrm('COM1').score).toBeLessThan(0);
    expect(byVrm('COM1').parts.find((p) => p.name === 'offHourLoops')?.value).toBe(0);
    expect(byVrm('RES1').reasons.join('; ')).toMatch(/based in Rhyl \(a market town/);
  });
  it('reports parts whose contributions sum to the score, and features', () => {
    for (const c of res.candidates) {
      expect(c.parts.reduce((s, p) => s + p.contribution, 0)).toBeCloseTo(c.score, 12);
      for (const p of c.parts) expect(p.contribution).toBeCloseTo(p.value * p.weight, 12);
    }
    const f = byVrm('RUN1').features;
    expect(f.loops).toBe(7);
    expect(f.baseKind).toBe('hub');
    expect(f.loopsByMarket).toEqual([{ market: 'Rhyl', loops: 7 }]);
    expect(f.loopNightShare).toBe(1);
    expect(byVrm('COM1').features.departureHourStd).toBeCloseTo(0, 5);
    expect(byVrm('COM1').features.arrivalWindowShare).toBe(1);
  });
  it('scores a plate whose one run is market → hub → market and which then vanishes in the market (open loops)', () => {
    // VAN1 comes from Rhyl to Liverpool on the 5th, restocks for 30 min, goes back and is never read again.
    const van = [[9, 0, 'M1'], [10, 0, 'H1'], [10, 30, 'H1'], [11, 30, 'M1']].map(([hh, mm, site]) => ({ vrm: 'VAN1', time: at(5, hh as number, mm as number), site: site as string }));
    const s = buildStore([...worldRows, ...van], sites);
    const open = findCountyLines(s, { hub: hubGeo, markets: marketsGeo });
    const c = open.candidates.find((x) => x.vrm === 'VAN1')!;
    expect(c.features.loops).toBe(1);
    expect(c.features.loopList[0]).toMatchObject({ market: 'Rhyl', depart: at(5, 10, 30), arrive: at(5, 11, 30) });
    // Without open loops its trip out is too long before the data's end to count: it is not scored.
    expect(findCountyLines(s, { hub: hubGeo, markets: marketsGeo, params: { openLoopMaxDays: 0 } }).candidates.map((x) => x.vrm)).not.toContain('VAN1');
    expect(open.candidates.filter((x) => x.vrm !== 'VAN1').map((x) => x.vrm)).toEqual(res.candidates.map((x) => x.vrm));
  });
  it('scores a plate first read in the market that then comes to the hub, and is last read there (open starts)', () => {
    // NEW1 is put into use in Rhyl on the 5th (read there at 8:00 and 9:00), drives to Liverpool (10:00) and is never read again.
    const fresh = [[8, 0, 'M1'], [9, 0, 'M2'], [10, 0, 'H1']].map(([hh, mm, site]) => ({ vrm: 'NEW1', time: at(5, hh as number, mm as number), site: site as string }));
    const s = buildStore([...worldRows, ...fresh], sites);
    const open = findCountyLines(s, { hub: hubGeo, markets: marketsGeo });
    const c = open.candidates.find((x) => x.vrm === 'NEW1')!;
    expect(c.features.loops).toBe(1);
    expect(c.features.loopList[0]).toMatchObject({ market: 'Rhyl', depart: at(5, 8, 0), arrive: at(5, 8, 0), return: at(5, 10, 0) });
    expect(findCountyLines(s, { hub: hubGeo, markets: marketsGeo, params: { openLoopMaxDays: 0 } }).candidates.map((x) => x.vrm)).not.toContain('NEW1');
    expect(open.candidates.filter((x) => x.vrm !== 'NEW1').map((x) => x.vrm)).toEqual(res.candidates.map((x) => x.vrm));
  });
  it('takes a replaceable scorer and partial params', () => {
    const r = findCountyLines(store, {
      hub: hubGeo, markets: marketsGeo,
      scorer: (f) => ({ score: f.reads, parts: [], reasons: [] }),
    });
    expect(r.candidates[0].vrm).toBe('RES1'); // most reads
    // Nested params merge at every depth: one weight changed, the others kept.
    const p = findCountyLines(store, { hub: hubGeo, markets: marketsGeo, params: { model: { weights: { night: 0 } } } as never });
    expect(p.params.model.weights.loops).toBe(defaultCountyLinesParams.model.weights.loops);
    expect(p.params.model.weights.night).toBe(0);
    expect(defaultCountyLinesParams.model.weights.night).not.toBe(0); // the defaults are never changed
    expect(p.candidates.find((c) => c.vrm === 'RUN1')!.score).toBeLessThan(byVrm('RUN1').score); // night arrivals count no more
    expect(() => findCountyLines(store, { hub: hubGeo, markets: marketsGeo, params: { model: { weights: { nigth: 1 } } } as never })).toThrow(/weight "nigth" names no term/);
  });
  it('discovers the market when none is given', () => {
    // Every stop of this small world is in Rhyl, so chance would explain any regular there: no chance test.
    const r = findCountyLines(store, { hub: area(hubGeo), params: { discover: { minVehicles: 2, maxChanceShare: 1 } } });
    expect(r.markets.map((m) => m.name)).toEqual(['near Rhyl West']);
    expect(r.markets[0]).toMatchObject({ vehicles: 2, regulars: 2 }); // the runner and the commuter come back again and again
    expect(findCountyLines(store, { hub: area(hubGeo), params: { discover: { minVehicles: 2 } } }).markets).toEqual([]);
    expect(r.candidates[0].vrm).toBe('RUN1');
  });
  it('merges look-alike plates and says so; honours from/to', () => {
    const rows = [...worldRows, { vrm: 'RUNI', time: at(8, 21, 10), site: 'M1' }];
    const r = findCountyLines(buildStore(rows, sites), { hub: hubGeo, markets: marketsGeo });
    const run = r.candidates.find((c) => c.vrm === 'RUN1')!;
    expect(run.reasons).toContain('merged with look-alike plate RUNI (1 read; probably a misread, check the images)');
    expect(r.candidates.some((c) => c.vrm === 'RUNI')).toBe(false);
    const w = findCountyLines(store, { hub: hubGeo, markets: marketsGeo, from: at(6, 0), to: at(9, 0) });
    expect(w.candidates.find((c) => c.vrm === 'RUN1')!.features.loops).toBe(2);
    expect(() => findCountyLines(store, { hub: hubGeo, from: 'not a date' })).toThrow(/from = not a date/);
  });
});
