import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { sitesFromRows } from '../../../kernel-lib/src/reads/sites-from-rows';
import { storeFromColumns } from '../../../kernel-lib/src/reads/store-from-columns';
import { dropExactDuplicates } from '../../../kernel-lib/src/reads/drop-duplicates';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';

const sites = sitesFromRows([
  { site_id: 'S1', name: 'One', lat: 53.4, lon: -2.2, road: 'M60', direction: 'N' },
  { site_id: 'S2', lat: 53.5, lon: -2.3 },
  { site_id: 'S3', lat: 53.6, lon: -2.4 },
]);

/** Rows of a store back as plain objects, in store order. */
const rowsOf = (s: ReadStore) =>
  Array.from({ length: s.n }, (_, i) => ({
    vrm: s.vrms[s.vehicle[i]], time: s.time[i], site: s.sites.id[s.site[i]], confidence: s.confidence[i],
  }));

describe('sitesFromRows', () => {
  it('keeps row order and fills defaults', () => {
    expect(sites.id).toEqual(['S1', 'S2', 'S3']);
    expect(sites.name).toEqual(['One', 'S2', 'S3']);
    expect(Array.from(sites.lat)).toEqual([53.4, 53.5, 53.6]);
    expect(sites.road).toEqual(['M60', '', '']);
    expect(sites.direction).toEqual(['N', '', '']);
  });
  it('rejects repeated or empty ids and bad coordinates', () => {
    expect(() => sitesFromRows([{ site_id: 'A', lat: 1, lon: 1 }, { site_id: 'A', lat: 1, lon: 1 }])).toThrow(/repeats site id "A"/);
    expect(() => sitesFromRows([{ site_id: ' ', lat: 1, lon: 1 }])).toThrow(/empty site_id/);
    expect(() => sitesFromRows([{ site_id: 'A', lat: NaN, lon: 1 }])).toThrow(/Site "A" has lat=NaN/);
  });
});

describe('buildStore', () => {
  it('the @example works', () => {
    const s = sitesFromRows([{ site_id: 'S1', lat: 53.48, lon: -2.24 }]);
    const store = buildStore([
      { vrm: 'ab12 cde', time: Date.UTC(2025, 0, 1, 9), site: 'S1', confidence: 97 },
      { vrm: 'AB12CDE', time: Date.UTC(2025, 0, 1, 8), site: 'S1' },
    ], s);
    expect(store.vrms).toEqual(['AB12CDE']);
    expect(Array.from(store.vehicleStart)).toEqual([0, 2]);
    expect(Array.from(store.confidence)).toEqual([255, 97]);
  });

  it('codes VRMs in sorted order and sorts by (vehicle, time, site)', () => {
    const store = buildStore([
      { vrm: 'ZZ99ZZZ', time: 30, site: 'S2' },
      { vrm: 'AB12CDE', time: 20, site: 'S3' },
      { vrm: 'ZZ99ZZZ', time: 10, site: 'S1' },
      { vrm: 'AB12CDE', time: 20, site: 'S1' },
      { vrm: 'M1', time: 5, site: 'S3', confidence: 50.4 },
    ], sites);
    expect(store.n).toBe(5);
    expect(store.vrms).toEqual(['AB12CDE', 'M1', 'ZZ99ZZZ']);
    expect(Array.from(store.vehicleStart)).toEqual([0, 2, 3, 5]);
    expect(Array.from(store.vehicle)).toEqual([0, 0, 1, 2, 2]);
    expect(rowsOf(store)).toEqual([
      { vrm: 'AB12CDE', time: 20, site: 'S1', confidence: 255 },
      { vrm: 'AB12CDE', time: 20, site: 'S3', confidence: 255 },
      { vrm: 'M1', time: 5, site: 'S3', confidence: 50 },
      { vrm: 'ZZ99ZZZ', time: 10, site: 'S1', confidence: 255 },
      { vrm: 'ZZ99ZZZ', time: 30, site: 'S2', confidence: 255 },
    ]);
    expect(store.sites).toBe(sites);
  });

  it('is deterministic: input order does not change the result', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({
      vrm: `V${(i * 7919) % 37}`, time: (i * 104729) % 1000, site: `S${1 + (i % 3)}`,
    }));
    const a = buildStore(rows, sites);
    const b = buildStore([...rows].reverse(), sites);
    expect(rowsOf(a)).toEqual(rowsOf(b));
    for (let v = 0; v < a.vrms.length; v++)
      for (let i = a.vehicleStart[v] + 1; i < a.vehicleStart[v + 1]; i++) expect(a.time[i]).toBeGreaterThanOrEqual(a.time[i - 1]);
    expect(a.vehicleStart[a.vrms.length]).toBe(500);
  });

  it('handles an empty input', () => {
    const store = buildStore([], sites);
    expect(store.n).toBe(0);
    expect(store.vrms).toEqual([]);
    expect(Array.from(store.vehicleStart)).toEqual([0]);
  });

  it('throws clear messages on bad rows', () => {
    expect(() => buildStore([{ vrm: 'AB12CDE', time: 1, site: 'NOPE' }], sites)).toThrow(
      'Read 0 names site "NOPE", which is not in the site table.');
    expect(() => buildStore([{ vrm: ' - ', time: 1, site: 'S1' }], sites)).toThrow(/empty after normalisation/);
    expect(() => buildStore([{ vrm: 'A1', time: NaN, site: 'S1' }], sites)).toThrow(/time NaN/);
    expect(() => buildStore([{ vrm: 'A1', time: 1, site: 'S1', confidence: 101 }], sites)).toThrow(/confidence 101/);
  });
});

describe('storeFromColumns', () => {
  it('drops unused dictionary entries and merges repeated ones', () => {
    const store = storeFromColumns({
      vrms: ['B', 'UNUSED', 'A', 'B'], vehicle: Uint32Array.of(3, 0, 2, 0),
      time: Float64Array.of(4, 3, 2, 1), site: Uint32Array.of(0, 0, 0, 0),
    }, sites);
    expect(store.vrms).toEqual(['A', 'B']);
    expect(Array.from(store.time)).toEqual([2, 1, 3, 4]);
    expect(Array.from(store.vehicleStart)).toEqual([0, 1, 4]);
  });
  it('sorts long per-vehicle ranges too', () => {
    const n = 1000;
    const time = Float64Array.from({ length: n }, (_, i) => (i * 7919) % n);
    const store = storeFromColumns({ vrms: ['X'], vehicle: new Uint32Array(n), time, site: new Uint32Array(n) }, sites);
    expect(Array.from(store.time)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
  it('gives the order of a plain sort by (VRM, time, site, input order) on random columns', () => {
    // Many plates (more than one 11-bit radix digit), repeated and unused dictionary entries,
    // equal times and sites (ties keep input order, seen through the confidence column).
    let seed = 12345;
    const rnd = (k: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed % k; };
    for (const [n, plates] of [[5000, 3000], [20000, 40], [300, 2]] as const) {
      const vrms = Array.from({ length: plates + 5 }, (_, i) => `P${rnd(plates)}`);
      const vehicle = Uint32Array.from({ length: n }, () => rnd(plates));
      const time = Float64Array.from({ length: n }, () => rnd(50));
      const site = Uint32Array.from({ length: n }, () => rnd(3));
      const confidence = Uint8Array.from({ length: n }, (_, i) => i % 251);
      const store = storeFromColumns({ vrms, vehicle, time, site, confidence }, sites);
      const expected = Array.from({ length: n }, (_, i) => i)
        .sort((a, b) => (vrms[vehicle[a]] < vrms[vehicle[b]] ? -1 : vrms[vehicle[a]] > vrms[vehicle[b]] ? 1 : 0)
          || time[a] - time[b] || site[a] - site[b] || a - b)
        .map((i) => ({ vrm: vrms[vehicle[i]], time: time[i], site: sites.id[site[i]], confidence: confidence[i] }));
      expect(rowsOf(store)).toEqual(expected);
      expect(store.vrms).toEqual([...new Set(Array.from(vehicle, (c) => vrms[c]))].sort());
      for (let v = 0; v < store.vrms.length; v++)
        for (let i = store.vehicleStart[v]; i < store.vehicleStart[v + 1]; i++) expect(store.vehicle[i]).toBe(v);
    }
  });
  it('drops exact duplicates the same way in place as into fresh arrays', () => {
    const cols = () => ({
      vrms: ['A', 'B'], vehicle: Uint32Array.of(0, 0, 1, 0, 1, 1, 0), time: Float64Array.of(5, 5, 1, 5, 1, 2, 6),
      site: Uint32Array.of(1, 1, 0, 2, 0, 0, 1), confidence: Uint8Array.of(10, 11, 12, 13, 14, 15, 16),
    });
    const copy = dropExactDuplicates(storeFromColumns(cols(), sites));
    const built = storeFromColumns(cols(), sites);
    const inPlace = dropExactDuplicates(built, { inPlace: true });
    expect([copy.removed, inPlace.removed]).toEqual([2, 2]);
    expect(rowsOf(inPlace.store)).toEqual(rowsOf(copy.store));
    expect(rowsOf(copy.store).map((r) => r.confidence)).toEqual([10, 13, 16, 12, 15]);
    expect(Array.from(inPlace.store.vehicleStart)).toEqual([0, 3, 5]);
    expect(inPlace.store.time.buffer).toBe(built.time.buffer); // no fresh column
  });
  it('checks column lengths', () => {
    expect(() => storeFromColumns({ vrms: ['X'], vehicle: new Uint32Array(2), time: new Float64Array(1), site: new Uint32Array(2) }, sites))
      .toThrow('Column "time" has 1 values; expected 2 (one per read).');
  });
});
