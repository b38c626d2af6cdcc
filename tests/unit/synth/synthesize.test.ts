import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthesize } from '../../../kernel-lib/src/synth/synthesize';
import { londonOffsetSeconds } from '../../../kernel-lib/src/core/london-time';
import { run } from '../../../kernel-lib/src/cli/synth';
import { cleanup, hashes, readRows, tmp } from './helpers';

const small = { scenario: 'merseyside', days: 5, vehicles: 400, start: '2025-03-27' };

describe('synthesize', () => {
  afterAll(cleanup);

  it('same seed twice gives byte-identical files; another seed differs', async () => {
    const [a, b, c] = [tmp('a'), tmp('b'), tmp('c')];
    const ra = await synthesize({ ...small, seed: 'same', out: a });
    await synthesize({ ...small, seed: 'same', out: b });
    await synthesize({ ...small, seed: 'other', out: c });
    const ha = hashes(a);
    expect(Object.keys(ha)).toEqual(['hub.geojson', 'markets.geojson', 'reads.csv.gz', 'sites.csv', 'truth.json']);
    expect(hashes(b)).toEqual(ha);
    const hc = hashes(c);
    expect(hc['reads.csv.gz']).not.toBe(ha['reads.csv.gz']);
    expect(hc['truth.json']).not.toBe(ha['truth.json']);
    expect(ra.reads).toBeGreaterThan(5000);
  });

  it('writes the canonical schema, time-ordered, with correct offsets across the clock change', async () => {
    const dir = tmp('dst');
    const r = await synthesize({ ...small, seed: 'dst', out: dir });
    const { header, rows } = readRows(dir);
    expect(header).toBe('vrm,timestamp,site_id,lat,lon,direction,confidence');
    expect(rows.length).toBe(r.reads);
    let prev = -Infinity, gmt = 0, bst = 0;
    const sites = new Set(readFileSync(join(dir, 'sites.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
    for (const row of rows) {
      expect(row.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00$/);
      const t = Date.parse(row.timestamp) / 1000;
      expect(Number.isFinite(t)).toBe(true);
      expect(row.timestamp.endsWith(londonOffsetSeconds(t) ? '+01:00' : '+00:00')).toBe(true);
      if (row.timestamp.endsWith('+01:00')) bst++; else gmt++;
      expect(t).toBeGreaterThanOrEqual(prev);
      prev = t;
      expect(sites.has(row.site_id)).toBe(true);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(row.confidence).toBeLessThanOrEqual(100);
    }
    expect(gmt).toBeGreaterThan(0);
    expect(bst).toBeGreaterThan(0);
    expect(Date.parse(rows[0].timestamp)).toBeGreaterThanOrEqual(Date.parse('2025-03-27T00:00:00Z'));
    expect(Date.parse(rows[rows.length - 1].timestamp)).toBeLessThan(Date.parse('2025-03-31T23:00:00Z'));
  });

  it('truth lists exactly vehicles present in the reads, classes disjoint, swap groups cover county lines', async () => {
    const dir = tmp('truth');
    const r = await synthesize({ scenario: 'london', days: 14, seed: 'truth', vehicles: 300, out: dir });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const { rows } = readRows(dir);
    const present = new Set(rows.map((x) => x.vrm));
    expect(truth).toMatchObject({ scenario: 'london', seed: 'truth', days: 14, start: '2025-03-03' });
    const all: string[] = [...truth.county_lines, ...Object.values(truth.decoys as Record<string, string[]>).flat()];
    expect(new Set(all).size).toBe(all.length);
    for (const v of all) expect(present.has(v), v).toBe(true);
    expect(truth.county_lines.length).toBeGreaterThan(8);
    expect([...truth.swap_groups.flat()].sort()).toEqual([...truth.county_lines].sort());
    expect(truth.swap_groups.some((g: string[]) => g.length > 1)).toBe(true);
    for (const cls of ['commuter_to_market', 'market_resident_to_hub', 'delivery_van', 'taxi', 'leisure', 'market_local', 'background'])
      expect(truth.decoys[cls]?.length, cls).toBeGreaterThan(0);
    expect(r.vehicles.county_lines).toBe(truth.county_lines.length);
    // everything read is a true vehicle or a look-alike misread of one
    const strays = [...present].filter((v) => !all.includes(v));
    expect(strays.length).toBeLessThan(r.misreads + 1);
    // duplicates present
    const keys = new Set<string>(); let dups = 0;
    for (const x of rows) { const k = `${x.vrm}|${x.site_id}|${x.timestamp}`; if (keys.has(k)) dups++; keys.add(k); }
    expect(dups).toBeGreaterThan(0);
    const hub = JSON.parse(readFileSync(join(dir, 'hub.geojson'), 'utf8'));
    expect(hub.properties.name).toBe('London');
    expect(hub.geometry.coordinates[0].length).toBe(33);
    const markets = JSON.parse(readFileSync(join(dir, 'markets.geojson'), 'utf8'));
    expect(markets.features.map((f: { properties: { name: string } }) => f.properties.name)).toContain('Canterbury');
  });

  it('county-lines runners go hub -> market and back, mostly in the evening or at night', async () => {
    const dir = tmp('cl');
    await synthesize({ scenario: 'merseyside', days: 21, seed: 'cl', vehicles: 200, out: dir });
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8'));
    const cl = new Set<string>(truth.county_lines);
    const { rows } = readRows(dir);
    const hours = rows.filter((x) => cl.has(x.vrm)).map((x) => +x.timestamp.slice(11, 13));
    const evening = hours.filter((h) => h >= 17 || h < 4).length;
    expect(evening / hours.length).toBeGreaterThan(0.45);
  });

  it('rejects bad options with a message naming what was expected', async () => {
    await expect(synthesize({ scenario: 'atlantis', days: 1, seed: 1, out: tmp('bad') })).rejects.toThrow(/Unknown scenario "atlantis".*merseyside/);
    await expect(synthesize({ scenario: 'london', days: 0, seed: 1, out: tmp('bad') })).rejects.toThrow(/days = 0; expected/);
  });

  it('CLI: anpr synth writes the files and exits 0; bad usage exits 2', async () => {
    const dir = tmp('cli');
    const err = process.stderr.write, out = process.stdout.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      expect(await run(['--scenario', 'merseyside', '--days', '2', '--seed', '1', '--vehicles', '100', '--out', dir])).toBe(0);
      expect(await run(['--scenario', 'merseyside'])).toBe(2);
      expect(await run(['--scenario', 'nowhere', '--days', '2', '--seed', '1', '--out', dir])).toBe(2);
    } finally { process.stderr.write = err; process.stdout.write = out; }
    expect(Object.keys(hashes(dir))).toHaveLength(5);
  });
});
