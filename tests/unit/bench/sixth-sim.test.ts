// sixth-sim: a held-out synthetic ANPR generator (activity diary + gravity model with
// link-level camera passage). These tests check the canonical output contract on small
// scenarios in both regions, each spanning a clock change, and the truth's consistency.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// @ts-expect-error plain ESM script without types
const { simulate } = await import('../../../bench/sixth-sim/sim.mjs');
const SIM = fileURLToPath(new URL('../../../bench/sixth-sim/sim.mjs', import.meta.url));

const FILES = ['hub.geojson', 'markets.geojson', 'reads.csv.gz', 'sites.csv', 'truth.json'];
const READS_HEADER = 'vrm,timestamp,site_id,lat,lon,direction,confidence';
const SITES_HEADER = 'site_id,name,lat,lon,road,direction';
const DIRS = new Set(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']);
const TRUE_PLATE = /^Z[A-Z][0-9]{2}[A-Z]{3}$|^Z[0-9]{1,3}[A-Z]{3}$/;
const LOOK: Record<string, string> = { O: '0', 0: 'O', I: '1', 1: 'I', S: '5', 5: 'S', B: '8', 8: 'B', Z: '2', 2: 'Z' };
const REQUIRED_DECOYS = ['commuter_hub_market', 'commuter_market_hub', 'delivery_round', 'evening_courier', 'taxi_hub', 'taxi_market',
  'carer_visitor', 'student_weekend', 'leisure_weekend', 'tradesperson_multiday', 'shift_worker', 'background'];

type Read = { vrm: string; ts: string; utc: number; site: string; lat: string; lon: string; dir: string; conf: string };
type Poly = number[][];
type Scenario = { dir: string; files: string[]; readsText: string; header: string; reads: Read[]; sitesText: string;
  sites: Map<string, string[]>; hub: Poly; markets: { name: string; ring: Poly }[]; truth: any };

// Europe/London rule, computed here independently of the simulator
function lastSunday0100(year: number, month0: number): number {
  const last = new Date(Date.UTC(year, month0 + 1, 0));
  return Date.UTC(year, month0 + 1, -last.getUTCDay(), 1);
}
const londonOffset = (utcMs: number) => {
  const y = new Date(utcMs).getUTCFullYear();
  return utcMs >= lastSunday0100(y, 2) && utcMs < lastSunday0100(y, 9) ? '+01:00' : '+00:00';
};
const localMidnightUtc = (date: string) => {
  const t = Date.parse(`${date}T00:00:00Z`);
  return londonOffset(t - 3600_000) === '+01:00' ? t - 3600_000 : t;
};
function inPoly(lon: number, lat: number, ring: Poly): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
const isMisreadOf = (read: string, plate: string) => {
  if (read.length !== plate.length || read[0] !== 'Z') return false;
  let diff = 0;
  for (let i = 1; i < read.length; i++) if (read[i] !== plate[i]) { if (LOOK[plate[i]] !== read[i]) return false; diff++; }
  return diff === 1;
};

function load(dir: string): Scenario {
  const readsText = gunzipSync(readFileSync(join(dir, 'reads.csv.gz'))).toString('utf8');
  const lines = readsText.split('\n');
  const reads = lines.slice(1, -1).map((l) => {
    const [vrm, ts, site, lat, lon, d, conf] = l.split(',');
    return { vrm, ts, utc: Date.parse(ts), site, lat, lon, dir: d, conf };
  });
  const sitesText = readFileSync(join(dir, 'sites.csv'), 'utf8');
  const sites = new Map(sitesText.trim().split('\n').slice(1).map((l) => { const f = l.split(','); return [f[0], f]; }));
  const hub = JSON.parse(readFileSync(join(dir, 'hub.geojson'), 'utf8'));
  const mk = JSON.parse(readFileSync(join(dir, 'markets.geojson'), 'utf8'));
  return { dir, files: readdirSync(dir).sort(), readsText, header: lines[0], reads, sitesText, sites,
    hub: hub.geometry.coordinates[0], markets: mk.features.map((f: any) => ({ name: f.properties.name, ring: f.geometry.coordinates[0] })),
    truth: JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) };
}

const root = mkdtempSync(join(tmpdir(), 'sixth-sim-'));
const WY = { region: 'west_yorkshire', seed: 't1', days: 7, start: '2025-03-27', vehicles: 300 };
const LE = { region: 'leicestershire', seed: 't1', days: 7, start: '2025-10-22', vehicles: 300 };
const CHANGE = { west_yorkshire: Date.parse('2025-03-30T01:00:00Z'), leicestershire: Date.parse('2025-10-26T01:00:00Z') };
let wy: Scenario, le: Scenario, summary: any;

beforeAll(async () => {
  summary = await simulate({ ...WY, out: join(root, 'wy') });
  await simulate({ ...LE, out: join(root, 'le') });
  wy = load(join(root, 'wy'));
  le = load(join(root, 'le'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sixth-sim output contract', () => {
  it('writes exactly the five files with the canonical headers and a summary', () => {
    for (const s of [wy, le]) {
      expect(s.files).toEqual(FILES);
      expect(s.header).toBe(READS_HEADER);
      expect(s.readsText.endsWith('\n')).toBe(true);
      expect(s.readsText.includes('\r')).toBe(false);
      expect(s.sitesText.split('\n')[0]).toBe(SITES_HEADER);
      expect(s.reads.length).toBeGreaterThan(1000);
      expect(s.truth.generator).toBe('sixth-sim');
    }
    expect(summary.reads).toBe(wy.reads.length);
    expect(summary.sites).toBe(wy.sites.size);
    expect(summary.runner_plates).toBe(wy.truth.county_lines.length);
    expect(summary.lines).toBe(wy.truth.lines.length);
  });

  it('is byte-identical for the same options and different for another seed', async () => {
    await simulate({ ...WY, out: join(root, 'wy2') });
    await simulate({ ...WY, seed: 't2', out: join(root, 'wy3') });
    for (const f of FILES) expect(readFileSync(join(root, 'wy2', f)).equals(readFileSync(join(root, 'wy', f)))).toBe(true);
    expect(readFileSync(join(root, 'wy3', 'reads.csv.gz')).equals(readFileSync(join(root, 'wy', 'reads.csv.gz')))).toBe(false);
    expect(readFileSync(join(root, 'wy3', 'truth.json')).equals(readFileSync(join(root, 'wy', 'truth.json')))).toBe(false);
  });

  it('does not depend on the process time zone', () => {
    const out = join(root, 'le-tz');
    const r = spawnSync(process.execPath, [SIM, '--region', LE.region, '--seed', LE.seed, '--days', String(LE.days), '--start', LE.start, '--vehicles', String(LE.vehicles), '--out', out],
      { env: { ...process.env, TZ: 'America/New_York' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const f of FILES) expect(readFileSync(join(out, f)).equals(readFileSync(join(le.dir, f)))).toBe(true);
  });

  it('writes London offsets correctly on both sides of each clock change, inside the window', () => {
    for (const [s, o] of [[wy, WY], [le, LE]] as const) {
      const change = CHANGE[o.region as keyof typeof CHANGE];
      let before = 0, after = 0;
      for (const r of s.reads) {
        expect(r.ts).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+]0[01]:00$/);
        expect(r.ts.slice(19)).toBe(londonOffset(r.utc));
        if (r.utc < change) before++; else after++;
      }
      expect(before).toBeGreaterThan(100);
      expect(after).toBeGreaterThan(100);
      const start = localMidnightUtc(o.start);
      const end = localMidnightUtc(new Date(Date.parse(`${o.start}T00:00:00Z`) + o.days * 86400_000).toISOString().slice(0, 10));
      expect(s.reads[0].utc).toBeGreaterThanOrEqual(start);
      expect(s.reads[s.reads.length - 1].utc).toBeLessThan(end);
      expect(s.reads[0].utc - start).toBeLessThan(3600_000);
    }
    // both spellings of the same hour around the spring change exist in the data
    expect(wy.reads.some((r) => r.ts.startsWith('2025-03-30T00:') && r.ts.endsWith('+00:00'))).toBe(true);
    expect(wy.reads.some((r) => r.ts.startsWith('2025-03-30T03:') && r.ts.endsWith('+01:00'))).toBe(true);
    expect(le.reads.some((r) => r.ts.startsWith('2025-10-26T01:') && r.ts.endsWith('+01:00'))).toBe(true);
    expect(le.reads.some((r) => r.ts.startsWith('2025-10-26T01:') && r.ts.endsWith('+00:00'))).toBe(true);
  });

  it('sorts rows by instant, site and plate, with valid directions, confidences and coordinates', () => {
    for (const s of [wy, le]) {
      for (let i = 1; i < s.reads.length; i++) {
        const a = s.reads[i - 1], b = s.reads[i];
        const ok = a.utc < b.utc || (a.utc === b.utc && (a.site < b.site || (a.site === b.site && a.vrm <= b.vrm)));
        if (!ok) throw new Error(`row ${i} out of order: ${a.ts} ${a.site} ${a.vrm} / ${b.ts} ${b.site} ${b.vrm}`);
      }
      for (const r of s.reads) {
        expect(DIRS.has(r.dir)).toBe(true);
        expect(r.conf).toMatch(/^\d{1,3}$/);
        expect(Number(r.conf)).toBeLessThanOrEqual(100);
        const site = s.sites.get(r.site)!;
        expect(site, r.site).toBeDefined();
        expect([r.lat, r.lon]).toEqual([site[2], site[3]]);
        expect(r.lat).toMatch(/^5[2-4]\.\d{6}$/);
        expect(r.lon).toMatch(/^-?[0-2]\.\d{6}$/);
      }
      for (const f of s.sites.values()) {
        expect(f.length).toBe(6);
        expect(f[5].split('/').every((d) => DIRS.has(d))).toBe(true);
      }
    }
  });

  it('only writes safe plates: true plates or one look-alike misread of one', () => {
    let mis = 0, misConf = 0, okConf = 0, ok = 0, dups = 0;
    for (const s of [wy, le]) {
      const t = s.truth;
      const truePlates = new Set<string>([...t.county_lines, ...Object.values(t.decoys).flat() as string[]]);
      for (const p of truePlates) expect(p).toMatch(TRUE_PLATE);
      const byLen = new Map<number, string[]>();
      for (const p of truePlates) byLen.set(p.length, [...(byLen.get(p.length) || []), p]);
      const checked = new Map<string, boolean>();
      const last = new Map<string, number>();
      for (const r of s.reads) {
        expect(r.vrm[0]).toBe('Z');
        if (truePlates.has(r.vrm)) { ok++; okConf += Number(r.conf); } else {
          if (!checked.has(r.vrm)) checked.set(r.vrm, (byLen.get(r.vrm.length) || []).some((p) => isMisreadOf(r.vrm, p)));
          expect(checked.get(r.vrm), r.vrm).toBe(true);
          mis++; misConf += Number(r.conf);
        }
        const k = `${r.vrm}|${r.site}`;
        if (last.has(k) && r.utc - last.get(k)! <= 6000) dups++;
        last.set(k, r.utc);
      }
    }
    expect(mis).toBeGreaterThan(0);
    expect(misConf / mis).toBeLessThan(okConf / ok);
    expect(dups).toBeGreaterThan(0);
  });

  it('keeps the truth consistent: disjoint classes, swap groups covering the runner plates', () => {
    for (const s of [wy, le]) {
      const t = s.truth;
      for (const c of REQUIRED_DECOYS) expect(t.decoys[c]?.length, c).toBeGreaterThan(0);
      expect(Object.keys(t.decoys).length).toBeGreaterThanOrEqual(REQUIRED_DECOYS.length + 2);
      const seen = new Map<string, string>();
      for (const p of t.county_lines) seen.set(p, 'runner');
      for (const [c, plates] of Object.entries(t.decoys) as [string, string[]][]) {
        for (const p of plates) { expect(seen.has(p), `${p} in ${c} and ${seen.get(p)}`).toBe(false); seen.set(p, c); }
      }
      const grouped = t.swap_groups.flat();
      expect(new Set(grouped).size).toBe(grouped.length);
      expect([...grouped].sort()).toEqual([...t.county_lines].sort());
      const groups = new Set(t.swap_groups.map((g: string[]) => g.join('|')));
      expect(t.lines.length).toBeGreaterThanOrEqual(8);
      for (const l of t.lines) {
        expect(groups.has(l.vrms.join('|'))).toBe(true);
        expect(l.runs.length).toBe(l.vrms.length);
        for (const n of l.runs) expect(Number.isInteger(n) && n > 0).toBe(true);
        expect(['day', 'evening', 'night', 'mixed']).toContain(l.schedule);
        expect(typeof l.hire).toBe('boolean');
        expect(l.markets[0]).toBe(l.market);
        for (const m of l.markets) expect(s.markets.map((x) => x.name)).toContain(m);
      }
      expect(typeof t.params.misread_rate).toBe('number');
      expect(s.markets.length).toBe(7);
    }
    expect(wy.markets.map((m) => m.name)).not.toContain('Bradford');
    expect(wy.markets.map((m) => m.name)).not.toContain('Wakefield');
    expect(wy.truth.params.lines.length).toBeGreaterThanOrEqual(12);
    expect(new Set(wy.truth.lines.map((l: any) => l.market)).size).toBeLessThan(wy.truth.lines.length);
  });

  it('reads most runner plates inside the hub polygon and inside a market polygon', () => {
    for (const s of [wy, le]) {
      const siteIn = new Map<string, { hub: boolean; market: boolean }>();
      for (const [id, f] of s.sites) {
        const lat = Number(f[2]), lon = Number(f[3]);
        siteIn.set(id, { hub: inPoly(lon, lat, s.hub), market: s.markets.some((m) => inPoly(lon, lat, m.ring)) });
      }
      const runners = new Set<string>(s.truth.county_lines);
      const inHub = new Set<string>(), inMarket = new Set<string>();
      for (const r of s.reads) {
        if (!runners.has(r.vrm)) continue;
        if (siteIn.get(r.site)!.hub) inHub.add(r.vrm);
        if (siteIn.get(r.site)!.market) inMarket.add(r.vrm);
      }
      expect([...siteIn.values()].some((x) => x.hub)).toBe(true);
      const both = [...runners].filter((p) => inHub.has(p) && inMarket.has(p)).length;
      expect(inHub.size / runners.size).toBeGreaterThan(0.75);
      expect(inMarket.size / runners.size).toBeGreaterThan(0.6);
      expect(both / runners.size).toBeGreaterThan(0.5);
    }
  });
});
