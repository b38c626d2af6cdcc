import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The second, independent simulator (bench/second-sim): small scenarios written once into a temp folder. */

const FILES = ['reads.csv.gz', 'sites.csv', 'hub.geojson', 'markets.geojson', 'truth.json'];
const READS_HEADER = 'vrm,timestamp,site_id,lat,lon,direction,confidence';
const SITES_HEADER = 'site_id,name,lat,lon,road,direction';
const COMPASS = new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']);
const LOOKALIKE: Record<string, string> = { O: '0', '0': 'O', I: '1', '1': 'I', B: '8', '8': 'B', S: '5', '5': 'S', Z: '2', '2': 'Z' };
const NEVER_REAL = [/^Z[A-Z][0-9]{2}[A-Z]{3}$/, /^Z[0-9]{1,3}[A-Z]{3}$/];

// South West across the last Sunday of March (30 March 2025); North East across the last Sunday of October (26 October 2025).
const SW = { region: 'south_west', days: 7, start: '2025-03-27', vehicles: 300 };
const NE = { region: 'north_east', days: 7, start: '2025-10-23', vehicles: 300 };

let dir = '';
const out = (name: string) => path.join(dir, name);

beforeAll(async () => {
  // @ts-expect-error plain ESM script without types
  const { simulate } = await import('../../../bench/second-sim/sim.mjs');
  dir = mkdtempSync(path.join(os.tmpdir(), 'second-sim-test-'));
  simulate({ ...SW, seed: 't1', out: out('sw1') });
  simulate({ ...SW, seed: 't1', out: out('sw1-again') });
  simulate({ ...SW, seed: 't2', out: out('sw2') });
  simulate({ ...NE, seed: 't1', out: out('ne1') });
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Row = { vrm: string; timestamp: string; site: string; lat: string; lon: string; direction: string; confidence: string };
type Truth = {
  scenario: string; seed: string; days: number; start: string; generator: string;
  county_lines: string[]; decoys: Record<string, string[]>; swap_groups: string[][];
  lines: { market: string; vrms: string[]; runs: number[] }[];
};
type Ring = [number, number][];

const readsText = (name: string) => gunzipSync(readFileSync(path.join(out(name), 'reads.csv.gz'))).toString('utf8');
const reads = (name: string): Row[] =>
  readsText(name).trimEnd().split('\n').slice(1).map((l) => {
    const [vrm, timestamp, site, lat, lon, direction, confidence] = l.split(',');
    return { vrm, timestamp, site, lat, lon, direction, confidence };
  });
const sites = (name: string) =>
  new Map(readFileSync(path.join(out(name), 'sites.csv'), 'utf8').trimEnd().split('\n').slice(1).map((l) => {
    const c = l.split(',');
    return [c[0], { name: c[1], lat: +c[2], lon: +c[3], road: c[4], direction: c[5], cols: c.length }] as const;
  }));
const truth = (name: string): Truth => JSON.parse(readFileSync(path.join(out(name), 'truth.json'), 'utf8'));
const json = (name: string, file: string) => JSON.parse(readFileSync(path.join(out(name), file), 'utf8'));

/** London offset (minutes) at an instant, from the ICU time-zone data (independent of the simulator's own clock). */
const offsetFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' });
const londonOffset = (ms: number) => {
  const name = offsetFmt.formatToParts(ms).find((p) => p.type === 'timeZoneName')!.value;
  const m = /^GMT(?:([+-]\d{1,2})(?::(\d{2}))?)?$/.exec(name);
  return m ? (m[1] ? Number(m[1]) * 60 + Math.sign(Number(m[1])) * Number(m[2] ?? 0) : 0) : NaN;
};

/** Ray-casting point-in-polygon on [lon, lat] rings. */
const inRing = (lon: number, lat: number, ring: Ring) => {
  let c = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) c = !c;
  }
  return c;
};
const km = (lat1: number, lon1: number, lat2: number, lon2: number) => {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(a));
};

/** A plate as written, back to a never-real form: the inserted space removed and at most one look-alike undone. */
const neverRealOrLookalike = (written: string) => {
  const p = written.replace(/^(\S+) (\S+)$/, '$1$2');
  if (NEVER_REAL.some((re) => re.test(p))) return true;
  for (let i = 0; i < p.length; i++) {
    const alt = LOOKALIKE[p[i]];
    if (alt && NEVER_REAL.some((re) => re.test(p.slice(0, i) + alt + p.slice(i + 1)))) return true;
  }
  return false;
};

describe('second-sim determinism', () => {
  it('writes byte-identical files for the same options', () => {
    for (const f of FILES) expect(readFileSync(path.join(out('sw1-again'), f)).equals(readFileSync(path.join(out('sw1'), f))), f).toBe(true);
  });
  it('writes different reads for another seed', () => {
    expect(readsText('sw2')).not.toBe(readsText('sw1'));
  });
});

describe('second-sim files', () => {
  for (const name of ['sw1', 'ne1']) {
    it(`${name}: has the exact headers, known sites and well-formed values`, () => {
      expect(readsText(name).split('\n')[0]).toBe(READS_HEADER);
      expect(readFileSync(path.join(out(name), 'sites.csv'), 'utf8').split('\n')[0]).toBe(SITES_HEADER);
      const s = sites(name);
      for (const [id, site] of s) {
        expect(id).toMatch(/^C\d{4}$/);
        expect(site.cols).toBe(6);
        expect(COMPASS.has(site.direction)).toBe(true);
      }
      const rows = reads(name);
      expect(rows.length).toBeGreaterThan(1000);
      for (const r of rows) {
        const site = s.get(r.site);
        expect(site, r.site).toBeDefined();
        expect(r.lat).toMatch(/^-?\d+\.\d{5}$/);
        expect(r.lon).toMatch(/^-?\d+\.\d{5}$/);
        expect(+r.lat).toBe(site!.lat);
        expect(+r.lon).toBe(site!.lon);
        expect(r.direction).toBe(site!.direction);
        expect(r.confidence).toMatch(/^\d{1,3}$/);
        expect(+r.confidence).toBeLessThanOrEqual(100);
      }
      const conf = rows.map((r) => +r.confidence);
      expect(conf.filter((c) => c >= 80).length / conf.length).toBeGreaterThan(0.9);
    });

    it(`${name}: timestamps parse and carry the London offset of their instant; rows are sorted`, () => {
      const rows = reads(name);
      const offsets = new Set<string>();
      let prev: [number, string, string] | null = null;
      for (const r of rows) {
        expect(r.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[01]:00$/);
        const ms = Date.parse(r.timestamp);
        expect(Number.isFinite(ms)).toBe(true);
        const off = r.timestamp.endsWith('+01:00') ? 60 : 0;
        expect(off, r.timestamp).toBe(londonOffset(ms));
        offsets.add(r.timestamp.slice(-6));
        const key: [number, string, string] = [ms, r.site, r.vrm];
        if (prev) {
          const order = prev[0] - key[0] || (prev[1] < key[1] ? -1 : prev[1] > key[1] ? 1 : 0) || (prev[2] < key[2] ? -1 : prev[2] > key[2] ? 1 : 0);
          expect(order, `${r.timestamp} ${r.site} ${r.vrm}`).toBeLessThanOrEqual(0);
        }
        prev = key;
      }
      // both windows cross a change of clocks
      expect([...offsets].sort()).toEqual(['+00:00', '+01:00']);
    });

    it(`${name}: hub and market areas are circles of the stated sizes`, () => {
      const hub = json(name, 'hub.geojson');
      expect(hub.type).toBe('Feature');
      expect(hub.properties.kind).toBe('hub');
      expect(hub.geometry.type).toBe('Polygon');
      const radius = (ring: Ring) => {
        const lon = ring.slice(0, -1).reduce((a, p) => a + p[0], 0) / (ring.length - 1);
        const lat = ring.slice(0, -1).reduce((a, p) => a + p[1], 0) / (ring.length - 1);
        return km(lat, lon, ring[0][1], ring[0][0]);
      };
      const hubRing: Ring = hub.geometry.coordinates[0];
      expect(hubRing.length).toBeGreaterThanOrEqual(40);
      expect(hubRing[0]).toEqual(hubRing[hubRing.length - 1]);
      expect(radius(hubRing)).toBeGreaterThan(5.9);
      expect(radius(hubRing)).toBeLessThan(10.1);
      const markets = json(name, 'markets.geojson');
      expect(markets.type).toBe('FeatureCollection');
      expect(markets.features.length).toBe(7);
      for (const f of markets.features) {
        expect(f.properties.kind).toBe('market');
        expect(radius(f.geometry.coordinates[0])).toBeGreaterThan(1.45);
        expect(radius(f.geometry.coordinates[0])).toBeLessThan(3.05);
      }
    });

    it(`${name}: truth is consistent with itself and with the reads`, () => {
      const t = truth(name);
      expect(t.generator).toBe('second-sim');
      expect(t.scenario).toBe(name === 'sw1' ? 'south_west' : 'north_east');
      expect(t.days).toBe(7);
      const runners = new Set(t.county_lines);
      expect(runners.size).toBe(t.county_lines.length);
      expect([...runners].sort()).toEqual(t.swap_groups.flat().sort());
      expect(t.lines.length).toBe(t.swap_groups.length);
      t.lines.forEach((l, i) => {
        expect(l.vrms).toEqual(t.swap_groups[i]);
        expect(l.runs.length).toBe(l.vrms.length);
      });
      expect(Object.keys(t.decoys).sort()).toEqual(
        ['background', 'carer', 'commuter', 'delivery_round', 'evening_courier', 'leisure', 'market_local', 'market_resident_to_hub', 'private_hire', 'student', 'taxi'].sort()
      );
      const all = new Set(runners);
      for (const plates of Object.values(t.decoys)) {
        for (const p of plates) {
          expect(all.has(p), p).toBe(false); // classes and county_lines are disjoint
          all.add(p);
        }
      }
      for (const p of all) expect(NEVER_REAL.some((re) => re.test(p)), p).toBe(true);
      // every plate read is a truth plate, or one look-alike confusion of one
      const rows = reads(name);
      let misread = 0;
      for (const r of rows) {
        const p = r.vrm.replace(' ', '');
        if (all.has(p)) continue;
        misread++;
        let near = false;
        for (let i = 0; i < p.length && !near; i++) if (LOOKALIKE[p[i]] && all.has(p.slice(0, i) + LOOKALIKE[p[i]] + p.slice(i + 1))) near = true;
        expect(near, r.vrm).toBe(true);
      }
      expect(misread / rows.length).toBeLessThan(0.04);
      // every line with a run has reads at market-town cameras
      const s = sites(name);
      const rings: Ring[] = json(name, 'markets.geojson').features.map((f: { geometry: { coordinates: Ring[] } }) => f.geometry.coordinates[0]);
      const atMarket = new Set(rows.filter((r) => {
        const site = s.get(r.site)!;
        return rings.some((ring) => inRing(site.lon, site.lat, ring));
      }).map((r) => r.vrm.replace(' ', '')));
      const active = t.lines.filter((l) => l.runs.some((n) => n > 0));
      expect(active.length).toBeGreaterThan(0);
      for (const l of active) expect(l.vrms.some((v) => atMarket.has(v)), l.vrms.join(' ')).toBe(true);
    });

    it(`${name}: every plate read is never-real (allowing one look-alike and an inserted space)`, () => {
      for (const r of reads(name)) expect(neverRealOrLookalike(r.vrm), r.vrm).toBe(true);
    });
  }
});

describe('second-sim clock', () => {
  it('formats London time with the offset of the instant, and converts local times', async () => {
    // @ts-expect-error plain ESM script without types
    const clock = await import('../../../bench/second-sim/clock.mjs');
    expect(clock.formatLondon(Date.UTC(2025, 2, 30, 0, 59, 59))).toBe('2025-03-30T00:59:59+00:00');
    expect(clock.formatLondon(Date.UTC(2025, 2, 30, 1, 0, 0))).toBe('2025-03-30T02:00:00+01:00');
    expect(clock.formatLondon(Date.UTC(2025, 9, 26, 0, 59, 59))).toBe('2025-10-26T01:59:59+01:00');
    expect(clock.formatLondon(Date.UTC(2025, 9, 26, 1, 0, 0))).toBe('2025-10-26T01:00:00+00:00');
    expect(clock.localToUtc('2025-03-30', 0, 3)).toBe(Date.UTC(2025, 2, 30, 2));
    expect(clock.localToUtc('2025-07-01', 0, 12)).toBe(Date.UTC(2025, 6, 1, 11));
    expect(clock.localToUtc('2025-03-17', 2, 25)).toBe(Date.UTC(2025, 2, 20, 1));
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3 * 3600_000 + 17_000) {
      expect(clock.londonOffsetMinutes(ms)).toBe(londonOffset(ms));
    }
  });
});
