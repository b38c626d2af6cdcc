// fourth-sim: the activity-based ANPR simulator (bench/fourth-sim) writes valid, deterministic,
// London-time, never-real-plate scenarios whose truth is consistent with its reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

// @ts-expect-error plain ESM script without types
const { simulate } = await import('../../../bench/fourth-sim/sim.mjs');

type Ring = number[][];
interface Truth {
  scenario: string; seed: string; days: number; start: string; generator: string;
  county_lines: string[]; decoys: Record<string, string[]>; swap_groups: string[][];
  lines: { market: string; markets: string[]; vrms: string[]; runs: number[]; schedule: string; hire: boolean }[];
  params: { misreadRate: number };
}
interface Scenario { dir: string; raw: Record<string, Buffer>; rows: string[][]; header: string; truth: Truth; hub: Ring; markets: Ring[]; sites: string[] }

const FILES = ['reads.csv.gz', 'sites.csv', 'hub.geojson', 'markets.geojson', 'truth.json'];
const CURRENT = /^Z[A-Z][0-9]{2}[A-Z]{3}$/;
const DATELESS = /^Z[0-9]{1,3}[A-Z]{3}$/;
const DIRS = new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']);
const LOOK: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', S: '5', '5': 'S', B: '8', '8': 'B', Z: '2', '2': 'Z' };

let root = '';
const runs: Record<string, Scenario> = {};

function gen(name: string, opts: Record<string, unknown>): Scenario {
  const dir = join(root, name);
  simulate({ vehicles: 300, days: 7, ...opts, out: dir });
  const raw: Record<string, Buffer> = {};
  for (const f of FILES) raw[f] = readFileSync(join(dir, f));
  const lines = gunzipSync(raw['reads.csv.gz']).toString('utf8').split('\n');
  expect(lines.pop()).toBe('');
  const rows = lines.slice(1).map((l) => l.split(','));
  const sites = raw['sites.csv'].toString('utf8').trim().split('\n');
  return {
    dir, raw, rows, header: lines[0], sites, truth: JSON.parse(raw['truth.json'].toString('utf8')),
    hub: JSON.parse(raw['hub.geojson'].toString('utf8')).geometry.coordinates[0],
    markets: JSON.parse(raw['markets.geojson'].toString('utf8')).features.map((f: { geometry: { coordinates: Ring[] } }) => f.geometry.coordinates[0]),
  };
}

function inRing(ring: Ring, lat: number, lon: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
function londonWall(ms: number): string {
  const p = Object.fromEntries(london.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

const allTruthPlates = (t: Truth) => [...t.county_lines, ...Object.values(t.decoys).flat()];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'fourth-sim-'));
  runs.gmMarch = gen('gm-march', { region: 'greater_manchester', seed: 'a', start: '2025-03-27' });
  runs.gmMarchAgain = gen('gm-march-again', { region: 'greater_manchester', seed: 'a', start: '2025-03-27' });
  runs.gmOther = gen('gm-other', { region: 'greater_manchester', seed: 'b', start: '2025-03-27' });
  runs.hantsOct = gen('hants-oct', { region: 'hampshire', seed: 'a', start: '2025-10-22' });
});

afterAll(() => { if (root) rmSync(root, { recursive: true, force: true }); });

describe('fourth-sim output', () => {
  it('writes the five files with the documented headers and shapes', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      expect(s.header).toBe('vrm,timestamp,site_id,lat,lon,direction,confidence');
      expect(s.sites[0]).toBe('site_id,name,lat,lon,road,direction');
      expect(s.rows.length).toBeGreaterThan(3000);
      const hubFeature = JSON.parse(s.raw['hub.geojson'].toString('utf8'));
      expect(hubFeature.type).toBe('Feature');
      expect(hubFeature.properties.kind).toBe('hub');
      expect(s.hub[0]).toEqual(s.hub[s.hub.length - 1]);
      expect(s.markets.length).toBeGreaterThanOrEqual(6);
      expect(s.truth.generator).toBe('fourth-sim');
      expect(s.truth.days).toBe(7);
    }
    expect(JSON.parse(runs.gmMarch.raw['hub.geojson'].toString('utf8')).properties.name).toBe('Manchester');
    expect(JSON.parse(runs.hantsOct.raw['hub.geojson'].toString('utf8')).properties.name).toBe('Southampton');
  });

  it('is byte-identical for the same options and differs for another seed', () => {
    for (const f of FILES) expect(runs.gmMarch.raw[f].equals(runs.gmMarchAgain.raw[f])).toBe(true);
    expect(runs.gmMarch.raw['reads.csv.gz'].equals(runs.gmOther.raw['reads.csv.gz'])).toBe(false);
    expect(runs.gmMarch.raw['truth.json'].equals(runs.gmOther.raw['truth.json'])).toBe(false);
  });

  it('stamps London local time with the right offset on both sides of each clock change', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      const offsets = new Set<string>();
      let prev = -Infinity;
      for (let i = 0; i < s.rows.length; i++) {
        const ts = s.rows[i][1];
        const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-]\d{2}:\d{2})$/.exec(ts);
        expect(m, ts).not.toBeNull();
        const ms = Date.parse(ts);
        expect(ms).toBeGreaterThanOrEqual(prev); // sorted by instant
        prev = ms;
        offsets.add(m![2]);
        if (i % 7 === 0) expect(londonWall(ms), ts).toBe(m![1]);
      }
      expect([...offsets].sort()).toEqual(['+00:00', '+01:00']);
    }
  });

  it('uses only never-real plates in truth, with disjoint runners and decoys', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      const t = s.truth;
      const plates = allTruthPlates(t);
      for (const p of plates) expect(CURRENT.test(p) || DATELESS.test(p), p).toBe(true);
      expect(new Set(plates).size).toBe(plates.length);
      const runners = new Set(t.county_lines);
      for (const p of Object.values(t.decoys).flat()) expect(runners.has(p)).toBe(false);
      expect(t.decoys.background.length).toBeGreaterThan(100);
      expect(Object.keys(t.decoys).length).toBeGreaterThanOrEqual(17);
      expect([...t.swap_groups.flat()].sort()).toEqual([...t.county_lines].sort());
      expect(t.swap_groups.length).toBe(t.lines.length);
      expect(t.lines.length).toBeGreaterThanOrEqual(2);
      for (const [i, l] of t.lines.entries()) {
        expect(l.vrms).toEqual(t.swap_groups[i]);
        expect(l.runs.length).toBe(l.vrms.length);
        expect(l.runs.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      }
    }
  });

  it('reads runner plates inside the hub polygon and inside a market polygon', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      const runners = new Set(s.truth.county_lines);
      const inHub = new Set<string>(), inMarket = new Set<string>();
      for (const r of s.rows) {
        if (!runners.has(r[0])) continue;
        const lat = +r[3], lon = +r[4];
        if (inRing(s.hub, lat, lon)) inHub.add(r[0]);
        if (s.markets.some((g) => inRing(g, lat, lon))) inMarket.add(r[0]);
      }
      expect(s.truth.county_lines.some((p) => inHub.has(p) && inMarket.has(p))).toBe(true);
      const seenLines = s.truth.swap_groups.filter((g) => g.some((p) => inHub.has(p)) && g.some((p) => inMarket.has(p)));
      expect(seenLines.length).toBeGreaterThanOrEqual(1);
    }
  });

  it('misreads are look-alike one-character changes at about the drawn rate', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      const known = new Set(allTruthPlates(s.truth));
      const rate = s.truth.params.misreadRate;
      expect(rate).toBeGreaterThanOrEqual(0.005);
      expect(rate).toBeLessThanOrEqual(0.03);
      let mis = 0;
      for (const r of s.rows) {
        if (known.has(r[0])) continue;
        mis++;
        const v = r[0];
        let explained = false;
        for (let i = 0; i < v.length && !explained; i++) if (LOOK[v[i]] && known.has(v.slice(0, i) + LOOK[v[i]] + v.slice(i + 1))) explained = true;
        expect(explained, v).toBe(true);
      }
      const share = mis / s.rows.length;
      expect(share).toBeGreaterThanOrEqual(rate * 0.5);
      expect(share).toBeLessThanOrEqual(rate * 1.6);
    }
  });

  it('has valid directions, confidences, coordinates and known sites', () => {
    for (const s of [runs.gmMarch, runs.hantsOct]) {
      const siteIds = new Set(s.sites.slice(1).map((l) => l.split(',')[0]));
      for (const r of s.rows) {
        expect(r.length).toBe(7);
        expect(DIRS.has(r[5]), r[5]).toBe(true);
        expect(/^\d{1,3}$/.test(r[6]) && +r[6] <= 100, r[6]).toBe(true);
        expect(/^-?\d+\.\d{5}$/.test(r[3]) && /^-?\d+\.\d{5}$/.test(r[4])).toBe(true);
        expect(siteIds.has(r[2])).toBe(true);
      }
      for (const l of s.sites.slice(1)) expect(DIRS.has(l.split(',').pop()!)).toBe(true);
    }
  });
});
