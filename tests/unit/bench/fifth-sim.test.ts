// fifth-sim: the independent discrete-event ANPR simulator (bench/fifth-sim).
// Small scenarios in both regions, across both clock changes; checks file
// formats, determinism, London offsets, safe plates, truth consistency, noise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

// @ts-expect-error plain ESM script without types
const { simulate } = await import('../../../bench/fifth-sim/sim.mjs');

type Row = { vrm: string; timestamp: string; site_id: string; lat: number; lon: number; direction: string; confidence: number; raw: string[] };
type Truth = {
  scenario: string; seed: string; days: number; start: string; generator: string;
  county_lines: string[]; decoys: Record<string, string[]>; swap_groups: string[][];
  lines: { market: string; markets: string[]; vrms: string[]; runs: number[]; schedule: string; hire: boolean }[];
  params: Record<string, unknown> & { misread_rate: number };
};
type Ring = number[][];

const FILES = ['reads.csv.gz', 'sites.csv', 'hub.geojson', 'markets.geojson', 'truth.json'];
const SAFE = [/^Z[A-Z][0-9]{2}[A-Z]{3}$/, /^Z[0-9]{1,3}[A-Z]{3}$/];
const LOOK = new Map(Object.entries({ O: '0', '0': 'O', I: '1', '1': 'I', S: '5', '5': 'S', B: '8', '8': 'B', Z: '2', '2': 'Z' }));
const DIRS = new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']);

let tmp = '';
const dirs: Record<string, string> = {};
const base = { days: 7, vehicles: 300 };
const SCENARIOS: Record<string, Record<string, unknown>> = {
  syMarch: { ...base, region: 'south_yorkshire', seed: 't1', start: '2025-03-27' },
  syMarchAgain: { ...base, region: 'south_yorkshire', seed: 't1', start: '2025-03-27' },
  syOtherSeed: { ...base, region: 'south_yorkshire', seed: 't3', start: '2025-03-27' },
  dcOctober: { ...base, region: 'devon_cornwall', seed: 't2', start: '2025-10-22' },
};

function readRows(dir: string): { header: string; rows: Row[] } {
  const text = zlib.gunzipSync(fs.readFileSync(path.join(dir, 'reads.csv.gz'))).toString('utf8');
  expect(text.endsWith('\n')).toBe(true);
  expect(text.includes('\r')).toBe(false);
  const lines = text.slice(0, -1).split('\n');
  const rows = lines.slice(1).map((l) => {
    const raw = l.split(',');
    return { vrm: raw[0], timestamp: raw[1], site_id: raw[2], lat: Number(raw[3]), lon: Number(raw[4]), direction: raw[5], confidence: Number(raw[6]), raw };
  });
  return { header: lines[0], rows };
}
const truthOf = (dir: string): Truth => JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8'));

function inRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > lat) !== (yj > lat) && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset',
});
function expectedLocal(ms: number): string {
  const p = Object.fromEntries(london.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  const m = /^(?:GMT|UTC)(?:([+-])(\d{1,2}))?$/.exec(p.timeZoneName);
  const hours = m && m[2] ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : 0;
  const off = !m ? `?${p.timeZoneName}` : `${hours < 0 ? '-' : '+'}${String(Math.abs(hours)).padStart(2, '0')}:00`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${off}`;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'fifth-sim-'));
  for (const [name, opts] of Object.entries(SCENARIOS)) {
    dirs[name] = path.join(tmp, name);
    simulate({ ...opts, out: dirs[name] });
  }
});
afterAll(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });

describe('fifth-sim', () => {
  it('writes the five files with the right headers and shapes', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const dir = dirs[name];
      for (const f of FILES) expect(fs.existsSync(path.join(dir, f)), `${name}/${f}`).toBe(true);
      expect(readRows(dir).header).toBe('vrm,timestamp,site_id,lat,lon,direction,confidence');
      const sites = fs.readFileSync(path.join(dir, 'sites.csv'), 'utf8').trim().split('\n');
      expect(sites[0]).toBe('site_id,name,lat,lon,road,direction');
      expect(sites.length).toBeGreaterThan(50);
      const hub = JSON.parse(fs.readFileSync(path.join(dir, 'hub.geojson'), 'utf8'));
      expect(hub.type).toBe('Feature');
      expect(hub.properties.kind).toBe('hub');
      const ring: Ring = hub.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      const markets = JSON.parse(fs.readFileSync(path.join(dir, 'markets.geojson'), 'utf8'));
      expect(markets.type).toBe('FeatureCollection');
      expect(markets.features).toHaveLength(7);
      for (const f of markets.features) expect(f.properties.kind).toBe('market');
      const t = truthOf(dir);
      expect(t.generator).toBe('fifth-sim');
      expect(t.scenario).toBe(SCENARIOS[name].region);
      expect(t.days).toBe(7);
      expect(hub.properties.name).toBe(name.startsWith('sy') ? 'Sheffield' : 'Plymouth');
      expect(t.lines.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('is byte-identical for the same options and differs for another seed', () => {
    for (const f of FILES) {
      expect(fs.readFileSync(path.join(dirs.syMarch, f)).equals(fs.readFileSync(path.join(dirs.syMarchAgain, f))), f).toBe(true);
    }
    expect(fs.readFileSync(path.join(dirs.syMarch, 'reads.csv.gz')).equals(fs.readFileSync(path.join(dirs.syOtherSeed, 'reads.csv.gz')))).toBe(false);
    expect(fs.readFileSync(path.join(dirs.syMarch, 'truth.json')).equals(fs.readFileSync(path.join(dirs.syOtherSeed, 'truth.json')))).toBe(false);
  });

  it('stamps local London time with the right offset on both sides of each clock change', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const { rows } = readRows(dirs[name]);
      const offsets = new Set<string>();
      rows.forEach((r, i) => {
        offsets.add(r.timestamp.slice(-6));
        if (i % 3 === 0) expect(r.timestamp).toBe(expectedLocal(Date.parse(r.timestamp)));
      });
      expect([...offsets].sort()).toEqual(['+00:00', '+01:00']);
    }
  });

  it('sorts reads by instant, then site, then plate; directions, confidences and coordinates are valid', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const { rows } = readRows(dirs[name]);
      expect(rows.length).toBeGreaterThan(2000);
      let prev: [number, string, string] = [-Infinity, '', ''];
      for (const r of rows) {
        const key: [number, string, string] = [Date.parse(r.timestamp), r.site_id, r.vrm];
        const ok = key[0] > prev[0] || (key[0] === prev[0] && (key[1] > prev[1] || (key[1] === prev[1] && key[2] >= prev[2])));
        expect(ok).toBe(true);
        prev = key;
        expect(DIRS.has(r.direction)).toBe(true);
        expect(Number.isInteger(r.confidence) && r.confidence >= 0 && r.confidence <= 100).toBe(true);
        expect(r.raw[3]).toMatch(/^-?\d+\.\d{5}$/);
        expect(r.raw[4]).toMatch(/^-?\d+\.\d{5}$/);
      }
    }
  });

  it('uses only never-issued plates; reads are true plates or one look-alike misread of one', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const t = truthOf(dirs[name]);
      const all = [...t.county_lines, ...Object.values(t.decoys).flat()];
      expect(all.length).toBe(300);
      for (const p of all) expect(SAFE.some((re) => re.test(p)), p).toBe(true);
      const real = new Set(all);
      for (const { vrm } of readRows(dirs[name]).rows) {
        if (real.has(vrm)) continue;
        let found = false;
        for (let i = 0; i < vrm.length && !found; i++) {
          const c = LOOK.get(vrm[i]);
          if (c && real.has(vrm.slice(0, i) + c + vrm.slice(i + 1))) found = true;
        }
        expect(found, vrm).toBe(true);
      }
    }
  });

  it('keeps runners and decoys disjoint and swap groups covering the runner plates exactly', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const t = truthOf(dirs[name]);
      const runners = new Set(t.county_lines);
      expect(runners.size).toBe(t.county_lines.length);
      const decoys = Object.values(t.decoys).flat();
      expect(new Set(decoys).size).toBe(decoys.length);
      for (const p of decoys) expect(runners.has(p)).toBe(false);
      expect(t.decoys.background.length).toBeGreaterThan(150);
      const grouped = t.swap_groups.flat();
      expect(grouped.length).toBe(runners.size);
      expect(new Set(grouped)).toEqual(runners);
      expect(t.swap_groups).toHaveLength(t.lines.length);
      t.lines.forEach((l, i) => {
        expect(l.vrms).toEqual(t.swap_groups[i]);
        expect(l.runs).toHaveLength(l.vrms.length);
        expect(l.markets[0]).toBe(l.market);
        expect(['day', 'evening', 'night', 'mixed']).toContain(l.schedule);
      });
    }
  });

  it('reads runner plates inside the hub polygon and inside a market polygon', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const dir = dirs[name];
      const t = truthOf(dir);
      const runners = new Set(t.county_lines);
      const hub: Ring = JSON.parse(fs.readFileSync(path.join(dir, 'hub.geojson'), 'utf8')).geometry.coordinates[0];
      const markets: Ring[] = JSON.parse(fs.readFileSync(path.join(dir, 'markets.geojson'), 'utf8')).features.map((f: { geometry: { coordinates: Ring[] } }) => f.geometry.coordinates[0]);
      let inHub = 0, inMarket = 0;
      for (const r of readRows(dir).rows) {
        if (!runners.has(r.vrm)) continue;
        if (inRing(r.lon, r.lat, hub)) inHub++;
        if (markets.some((m) => inRing(r.lon, r.lat, m))) inMarket++;
      }
      expect(inHub).toBeGreaterThan(0);
      expect(inMarket).toBeGreaterThan(0);
    }
  });

  it('misreads at about the drawn rate, within 0.5-3%', () => {
    for (const name of ['syMarch', 'dcOctober']) {
      const t = truthOf(dirs[name]);
      const rate = t.params.misread_rate;
      expect(rate).toBeGreaterThanOrEqual(0.005);
      expect(rate).toBeLessThanOrEqual(0.03);
      const real = new Set([...t.county_lines, ...Object.values(t.decoys).flat()]);
      const { rows } = readRows(dirs[name]);
      const share = rows.filter((r) => !real.has(r.vrm)).length / rows.length;
      expect(share).toBeGreaterThan(rate * 0.5);
      expect(share).toBeLessThan(rate * 1.6);
    }
  });
});
