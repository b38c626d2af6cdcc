import { describe, expect, it } from 'vitest';
import {
  aThenB, areaSearch, buildStore, clones, commonToEvents, convoy, frequency, haversineKm, MAP_MIME, MIMEBUNDLE, plateHistory,
  poissonTail, pseudonym, area, type ReadRow,
} from '../../../kernel-lib/src';
import { at, marketsGeo, rng, sites } from '../trips/fixture';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';
const rhyl = area(marketsGeo, 'Rhyl');

const rows: ReadRow[] = [];
const read = (vrm: string, day: number, hh: number, mm: number, site: string, ss = 0) => rows.push({ vrm, time: at(day, hh, mm) + ss * 1000, site });
read('AAA1', 6, 10, 0, 'H1'); read('AAA1', 6, 10, 20, 'R1'); read('AAA1', 6, 10, 50, 'M1'); read('AAA1', 6, 11, 30, 'H2');
read('BBB2', 6, 10, 0, 'H1'); read('BBB2', 6, 10, 5, 'H2'); read('BBB2', 6, 12, 0, 'M1');
read('CCC3', 6, 10, 0, 'H1'); read('CCC3', 6, 10, 10, 'H1'); read('CCC3', 6, 10, 40, 'M2');
read('DDD4', 6, 9, 0, 'M1'); read('DDD4', 6, 9, 30, 'H1');
for (const mm of [0, 10, 20, 30]) read('LOIT', 6, 10, mm, 'H1');
read('LOIT', 6, 14, 0, 'H1'); read('LOIT', 6, 14, 5, 'H1');
read('CLON', 6, 12, 0, 'H1'); read('CLON', 6, 12, 5, 'C1'); read('CLON', 6, 13, 0, 'C1'); read('CLON', 6, 14, 0, 'H1');
const store = buildStore(rows, sites);

describe('plateHistory', () => {
  it('lists the plate in time order with gaps, within from/to', () => {
    const h = plateHistory(store, 'aaa 1');
    expect(h.rows.map((r) => [r.siteId, r.gapMinutes])).toEqual([['H1', NaN], ['R1', 20], ['M1', 30], ['H2', 40]]);
    expect(plateHistory(store, 'AAA1', { from: at(6, 10, 15), to: at(6, 11, 30) }).rows.map((r) => r.siteId)).toEqual(['R1', 'M1']);
    expect(() => plateHistory(store, 'NOPE')).toThrow(/No reads for VRM "NOPE"/);
  });
});

describe('areaSearch', () => {
  it('finds vehicles read in the area in the window with first/last/count', () => {
    const r = areaSearch(store, rhyl, { from: at(6, 0), to: at(7, 0) });
    expect(r.rows.map((x) => x.vrm)).toEqual(['DDD4', 'CCC3', 'AAA1', 'BBB2']);
    expect(r.rows[0]).toEqual({ vrm: 'DDD4', first: at(6, 9), last: at(6, 9), reads: 1, sites: 1 });
    const h = areaSearch(store, ['H1'], { from: at(6, 10), to: at(6, 10, 30) });
    expect(h.rows.find((x) => x.vrm === 'LOIT')).toEqual({ vrm: 'LOIT', first: at(6, 10), last: at(6, 10, 20), reads: 3, sites: 1 });
  });
});

describe('aThenB', () => {
  it('is ordered, one row per A read with the first later B read within T', () => {
    const r = aThenB(store, { a: ['H1', 'H2'], b: ['M1', 'M2'], withinMinutes: 60 });
    expect(r.rows.map((x) => [x.vrm, x.aSite, x.bSite, x.minutes])).toEqual([
      ['AAA1', 'H1', 'M1', 50], ['CCC3', 'H1', 'M2', 40], ['CCC3', 'H1', 'M2', 30],
    ]);
    // B before A does not count (DDD4), nor a B read too late (BBB2, 115-120 min).
    expect(aThenB(store, { a: ['H1', 'H2'], b: ['M1'], withinMinutes: 120 }).rows.filter((x) => x.vrm === 'BBB2').map((x) => x.minutes)).toEqual([120, 115]);
  });

  it('agrees with a brute-force scan on random data (property)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const rr: ReadRow[] = [];
      const ids = ['H1', 'H2', 'R1', 'M1', 'M2', 'C1'];
      for (let k = 0; k < 60; k++) rr.push({ vrm: `V${Math.floor(r() * 5)}`, time: at(6, 0) + Math.floor(r() * 600) * 60_000, site: ids[Math.floor(r() * 6)] });
      const s = buildStore(rr, sites);
      const A = new Set(['H1', 'R1']), B = new Set(['M1', 'R1']), T = 45;
      const got = aThenB(s, { a: [...A], b: [...B], withinMinutes: T }).rows.map((x) => `${x.vrm} ${x.aTime} ${x.bTime}`);
      const want: string[] = [];
      for (let v = 0; v < s.vrms.length; v++) {
        for (let i = s.vehicleStart[v]; i < s.vehicleStart[v + 1]; i++) {
          if (!A.has(s.sites.id[s.site[i]])) continue;
          let best = Infinity;
          for (let j = s.vehicleStart[v]; j < s.vehicleStart[v + 1]; j++) {
            if (B.has(s.sites.id[s.site[j]]) && s.time[j] > s.time[i] && s.time[j] < best) best = s.time[j];
          }
          if (best - s.time[i] <= T * 60_000) want.push(`${s.vrms[v]} ${s.time[i]} ${best}`);
        }
      }
      expect(got).toEqual(want);
    }
  });
});

describe('commonToEvents', () => {
  it('finds plates present at all (or N of) the events', () => {
    const events = [
      { area: rhyl, from: at(6, 9), to: at(6, 13), name: 'E1' },
      { sites: ['H1'], from: at(6, 9, 45), to: at(6, 10, 15), name: 'E2' },
    ];
    const r = commonToEvents(store, events);
    expect(r.rows.map((x) => [x.vrm, x.events, x.reads])).toEqual([['CCC3', 2, 3], ['AAA1', 2, 2], ['BBB2', 2, 2]]);
    const any = commonToEvents(store, events, { minEvents: 1 });
    expect(any.rows.map((x) => x.vrm).sort()).toEqual(['AAA1', 'BBB2', 'CCC3', 'DDD4', 'LOIT']);
    expect(any.rows.find((x) => x.vrm === 'DDD4')!.eventNames).toEqual(['E1']);
  });
});

describe('frequency', () => {
  it('finds N reads within T at a place', () => {
    const r = frequency(store, { sites: ['H1'], minReads: 3, withinMinutes: 30 });
    expect(r.rows).toEqual([{ vrm: 'LOIT', maxReads: 4, windowStart: at(6, 10), windowEnd: at(6, 10, 30), episodes: 1, readsAtPlace: 6 }]);
    expect(frequency(store, { sites: ['H1'], minReads: 2, withinMinutes: 10 }).rows.map((x) => [x.vrm, x.episodes])).toEqual([['LOIT', 3], ['CCC3', 1]]);
  });
});

describe('clones', () => {
  it('flags impossible travel with both reads as evidence', () => {
    const km = haversineKm(53.41, -2.98, 53.19, -2.89);
    const r = clones(store, { maxSpeedKmh: 250 });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ vrm: 'CLON', firstSite: 'H1', secondSite: 'C1', firstTime: at(6, 12), secondTime: at(6, 12, 5), minutes: 5 });
    expect(r.rows[0].kmh).toBeCloseTo(km * 12, 6);
    expect(clones(store, { maxSpeedKmh: 400 }).rows).toHaveLength(0);
  });
});

describe('convoy', () => {
  const cr: ReadRow[] = [];
  const add = (vrm: string, hh: number, mm: number, ss: number, site: string) => cr.push({ vrm, time: at(6, hh, mm) + ss * 1000, site });
  const path: [number, number, string][] = [[9, 0, 'H1'], [9, 20, 'R1'], [9, 45, 'M1'], [10, 0, 'M2']];
  for (const [hh, mm, s] of path) add('TGT', hh, mm, 0, s);
  for (const [hh, mm, s] of path.slice(0, 3)) add('FOL', hh, mm, 40, s);
  // BUSY passes all four sites every 2 minutes, 08:00–11:00: co-read at 4 sites by sheer volume.
  for (let m = 0; m <= 180; m += 2) for (const [, , s] of path) add('BUSY', 8 + Math.floor(m / 60), m % 60, 0, s);
  const cs = buildStore(cr, sites);

  it('ranks against chance, not raw counts', () => {
    const r = convoy(cs, 'TGT', { withinSeconds: 120, minSites: 3 });
    expect(r.rows.map((x) => [x.vrm, x.observed, x.sites])).toEqual([['FOL', 3, 3], ['BUSY', 4, 4]]);
    const [fol, busy] = r.rows;
    expect(fol.expected).toBeLessThan(0.2);
    expect(busy.expected).toBeGreaterThan(4);
    expect(fol.pValue).toBeLessThan(1e-3);
    expect(busy.pValue).toBeGreaterThan(0.3);
    expect(fol.medianOffsetSeconds).toBe(40);
    expect(fol.reasons[0]).toMatch(/3 of the target's 4 reads, at 3 different sites/);
    expect(convoy(cs, 'TGT', { minSites: 4 }).rows.map((x) => x.vrm)).toEqual(['BUSY']);
  });

  it('computes the Poisson tail', () => {
    expect(poissonTail(0, 2)).toBe(1);
    expect(poissonTail(1, 0.5)).toBeCloseTo(1 - Math.exp(-0.5), 12);
    expect(poissonTail(3, 0.1)).toBeCloseTo(1 - Math.exp(-0.1) * (1 + 0.1 + 0.005), 12);
    expect(poissonTail(40, 0.01)).toBeGreaterThan(0);
    expect(poissonTail(2, 5)).toBeCloseTo(1 - Math.exp(-5) * 6, 12);
  });
});

describe('display and tables', () => {
  it('shows pseudonymised HTML and a map, and tabulates with arquero', () => {
    const r = aThenB(store, { a: ['H1', 'H2'], b: ['M1', 'M2'], withinMinutes: 60 });
    const b = r[MIMEBUNDLE]();
    const html = String(b.data['text/html']);
    expect(html).toContain(pseudonym('AAA1'));
    expect(JSON.stringify(b)).not.toContain('AAA1');
    expect(b.data[MAP_MIME]).toBeDefined();
    const t = r.toTable();
    expect(t.numRows()).toBe(3);
    expect(t.columnNames()).toEqual(['vrm', 'a_time', 'a_site', 'b_time', 'b_site', 'minutes']);
    expect(t.get('vrm', 0)).toBe(pseudonym('AAA1'));
    expect(r.toTable({ reveal: true }).get('vrm', 0)).toBe('AAA1');
    expect((t.get('a_time', 0) as Date).getTime()).toBe(at(6, 10));
    expect(r.toJSON()[0].a_time).toBe('2025-01-06T10:00:00+00:00');
  });
});
