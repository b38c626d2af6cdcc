import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The third, independent simulator (bench/third-sim): small scenarios written into a temp folder. */

const FILES = ['reads.csv.gz', 'sites.csv', 'hub.geojson', 'markets.geojson', 'truth.json'];
const READS_HEADER = 'vrm,timestamp,site_id,lat,lon,direction,confidence';
const SITES_HEADER = 'site_id,name,lat,lon,road,direction';
const COMPASS = new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']);
const NEVER_REAL = [/^Z[A-Z][0-9]{2}[A-Z]{3}$/, /^Z[0-9]{1,3}[A-Z]{3}$/];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[01]:00$/;

// East Midlands across the spring clock change (30 March 2025), East Anglia across the autumn one (26 October 2025).
const EM = { region: 'east_midlands', seed: 'unit', days: 7, start: '2025-03-27', vehicles: 300 };
const EA = { region: 'east_anglia', seed: 'unit', days: 7, start: '2025-10-23', vehicles: 300 };

type Ring = number[][];
interface Truth {
  scenario: string; seed: string; days: number; start: string; generator: string;
  county_lines: string[]; decoys: Record<string, string[]>; swap_groups: string[][];
  lines: { market: string; markets: string[]; vrms: string[]; runs: number[]; schedule: string; hire: boolean }[];
  params: { noise: { misread_rate: number; misread_rate_range: [number, number] } };
}
interface Scenario { dir: string; reads: string[][]; truth: Truth; hub: Ring; markets: Ring[]; sites: Map<string, string[]> }

let tmp = '';
let simulate: (o: Record<string, unknown>) => unknown;
const scen: Record<string, Scenario> = {};

function load(dir: string): Scenario {
  const text = gunzipSync(readFileSync(path.join(dir, 'reads.csv.gz'))).toString('utf8');
  const lines = text.split('\n');
  expect(lines[0]).toBe(READS_HEADER);
  expect(lines[lines.length - 1]).toBe('');
  const reads = lines.slice(1, -1).map((l) => l.split(','));
  const siteLines = readFileSync(path.join(dir, 'sites.csv'), 'utf8').trim().split('\n');
  expect(siteLines[0]).toBe(SITES_HEADER);
  const sites = new Map(siteLines.slice(1).map((l) => { const c = l.split(','); return [c[0], c] as [string, string[]]; }));
  const hub = JSON.parse(readFileSync(path.join(dir, 'hub.geojson'), 'utf8'));
  const markets = JSON.parse(readFileSync(path.join(dir, 'markets.geojson'), 'utf8'));
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
  return {
    dir, reads, truth, sites,
    hub: hub.geometry.coordinates[0],
    markets: markets.features.map((f: { geometry: { coordinates: Ring[] } }) => f.geometry.coordinates[0]),
  };
}

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
function expectedOffset(ms: number): string {
  const name = londonOffset.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  return name === 'GMT+1' ? '+01:00' : '+00:00';
}

function allTruthPlates(t: Truth): string[] {
  return [...t.county_lines, ...Object.values(t.decoys).flat()];
}

beforeAll(async () => {
  // @ts-expect-error plain ESM script without types
  const mod = await import('../../../bench/third-sim/sim.mjs');
  simulate = mod.simulate;
  tmp = mkdtempSync(path.join(os.tmpdir(), 'third-sim-'));
  for (const [name, o] of Object.entries({ em: EM, ea: EA, em2: EM, emB: { ...EM, seed: 'other' } })) {
    simulate({ ...o, out: path.join(tmp, name) });
  }
  for (const name of ['em', 'ea', 'emB']) scen[name] = load(path.join(tmp, name));
}, 60_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('third-sim', () => {
  it('writes the five files with their headers and shapes', () => {
    for (const s of [scen.em, scen.ea]) {
      for (const f of FILES) expect(readFileSync(path.join(s.dir, f)).length).toBeGreaterThan(0);
      const hub = JSON.parse(readFileSync(path.join(s.dir, 'hub.geojson'), 'utf8'));
      expect(hub.type).toBe('Feature');
      expect(hub.properties.kind).toBe('hub');
      expect(s.hub[0]).toEqual(s.hub[s.hub.length - 1]);
      const markets = JSON.parse(readFileSync(path.join(s.dir, 'markets.geojson'), 'utf8'));
      expect(markets.type).toBe('FeatureCollection');
      expect(markets.features.length).toBeGreaterThanOrEqual(6);
      for (const f of markets.features) expect(f.properties.kind).toBe('market');
      expect(s.truth.generator).toBe('third-sim');
      expect(s.reads.length).toBeGreaterThan(5000);
    }
    expect(JSON.parse(readFileSync(path.join(scen.em.dir, 'hub.geojson'), 'utf8')).properties.name).toBe('Nottingham');
    expect(JSON.parse(readFileSync(path.join(scen.ea.dir, 'hub.geojson'), 'utf8')).properties.name).toBe('Norwich');
  });

  it('is byte-identical for the same options and differs for another seed', () => {
    for (const f of FILES) {
      expect(readFileSync(path.join(tmp, 'em2', f)).equals(readFileSync(path.join(tmp, 'em', f)))).toBe(true);
    }
    expect(readFileSync(path.join(tmp, 'emB', 'reads.csv.gz')).equals(readFileSync(path.join(tmp, 'em', 'reads.csv.gz')))).toBe(false);
    expect(scen.emB.truth.county_lines).not.toEqual(scen.em.truth.county_lines);
  });

  it('stamps local London time with the right offset on both sides of the clock change', () => {
    for (const s of [scen.em, scen.ea]) {
      const offsets = new Set<string>();
      let prev = -Infinity;
      for (const r of s.reads) {
        expect(r[1]).toMatch(ISO);
        const ms = Date.parse(r[1]);
        expect(Number.isNaN(ms)).toBe(false);
        expect(r[1].slice(-6)).toBe(expectedOffset(ms));
        offsets.add(r[1].slice(-6));
        expect(ms).toBeGreaterThanOrEqual(prev); // sorted by instant
        prev = ms;
      }
      expect([...offsets].sort()).toEqual(['+00:00', '+01:00']);
    }
  });

  it('reads are well formed: known sites, site positions, valid directions and confidences', () => {
    for (const s of [scen.em, scen.ea]) {
      for (const r of s.reads) {
        expect(r.length).toBe(7);
        const site = s.sites.get(r[2]);
        expect(site).toBeDefined();
        expect(r[3]).toBe(site![2]);
        expect(r[4]).toBe(site![3]);
        expect(r[3]).toMatch(/^-?\d+\.\d{5}$/);
        expect(COMPASS.has(r[5])).toBe(true);
        const c = Number(r[6]);
        expect(Number.isInteger(c) && c >= 0 && c <= 100).toBe(true);
      }
      for (const site of s.sites.values()) expect(COMPASS.has(site[5])).toBe(true);
    }
  });

  it('uses only never-real plates; runners and decoys are disjoint; swap groups cover the runners', () => {
    for (const s of [scen.em, scen.ea]) {
      const t = s.truth;
      for (const v of allTruthPlates(t)) expect(NEVER_REAL.some((re) => re.test(v))).toBe(true);
      const runners = new Set(t.county_lines);
      expect(runners.size).toBe(t.county_lines.length);
      expect(t.lines.length).toBeGreaterThanOrEqual(2);
      const decoyPlates = Object.values(t.decoys).flat();
      expect(new Set(decoyPlates).size).toBe(decoyPlates.length);
      for (const v of decoyPlates) expect(runners.has(v)).toBe(false);
      expect(Object.keys(t.decoys).length).toBeGreaterThanOrEqual(12);
      expect(t.decoys.background.length).toBeGreaterThan(100);
      const grouped = t.swap_groups.flat();
      expect(grouped.length).toBe(runners.size);
      expect(new Set(grouped)).toEqual(runners);
      t.lines.forEach((l, i) => {
        expect(l.vrms).toEqual(t.swap_groups[i]);
        expect(l.runs.length).toBe(l.vrms.length);
        expect(['day', 'evening', 'night', 'mixed']).toContain(l.schedule);
        expect(l.markets[0]).toBe(l.market);
      });
    }
  });

  it('has runner reads inside the hub polygon and inside a market polygon', () => {
    for (const s of [scen.em, scen.ea]) {
      const runners = new Set(s.truth.county_lines);
      let inHub = 0, inMarket = 0;
      for (const r of s.reads) {
        if (!runners.has(r[0])) continue;
        const lat = Number(r[3]), lon = Number(r[4]);
        if (inRing(lon, lat, s.hub)) inHub++;
        if (s.markets.some((m) => inRing(lon, lat, m))) inMarket++;
      }
      expect(inHub).toBeGreaterThan(0);
      expect(inMarket).toBeGreaterThan(0);
    }
  });

  it('misreads make up the drawn share of reads, within the drawn range', () => {
    for (const s of [scen.em, scen.ea]) {
      const known = new Set(allTruthPlates(s.truth));
      const mis = s.reads.filter((r) => !known.has(r[0]));
      const share = mis.length / s.reads.length;
      const { misread_rate: rate, misread_rate_range: [lo, hi] } = s.truth.params.noise;
      expect(rate).toBeGreaterThanOrEqual(lo);
      expect(rate).toBeLessThanOrEqual(hi);
      expect(Math.abs(share - rate)).toBeLessThan(0.1 * rate + 1e-4);
      // a misread keeps Z or shows 2 in the first place, and has one character changed
      for (const r of mis) expect(r[0][0] === 'Z' || r[0][0] === '2').toBe(true);
      // misreads are less confident on average
      const mean = (rows: string[][]) => rows.reduce((a, r) => a + Number(r[6]), 0) / rows.length;
      expect(mean(mis)).toBeLessThan(mean(s.reads.filter((r) => known.has(r[0]))));
    }
  });
});
