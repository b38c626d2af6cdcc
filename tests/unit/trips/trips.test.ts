import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { at, rng, sites } from './fixture';

describe('splitTrips', () => {
  it('splits at a gap longer than maxGapMinutes', () => {
    const s = buildStore([
      { vrm: 'A1', time: at(6, 10, 0), site: 'H1' },
      { vrm: 'A1', time: at(6, 10, 20), site: 'H2' },
      { vrm: 'A1', time: at(6, 10, 51), site: 'H1' }, // 31 min later: new trip
      { vrm: 'A1', time: at(6, 11, 20), site: 'H2' }, // 29 min: same trip
    ], sites);
    const t = splitTrips(s, { maxGapMinutes: 30 });
    expect(t.n).toBe(2);
    expect(Array.from(t.first)).toEqual([0, 2]);
    expect(Array.from(t.last)).toEqual([1, 3]);
    expect(Array.from(t.endReason)).toEqual([1, 0]);
    expect(t.start[1]).toBe(at(6, 10, 51));
    expect(sites.id[t.endSite[1]]).toBe('H2');
  });
  it('splits at an implausible speed (Liverpool to Rhyl, ~35 km, in 5 minutes)', () => {
    const s = buildStore([
      { vrm: 'A1', time: at(6, 10, 0), site: 'H1' },
      { vrm: 'A1', time: at(6, 10, 5), site: 'M1' },
      { vrm: 'A1', time: at(6, 10, 30), site: 'R1' }, // ~20 km in 25 min: fine
    ], sites);
    const t = splitTrips(s);
    expect(t.n).toBe(2);
    expect(Array.from(t.endReason)).toEqual([2, 0]);
    expect(splitTrips(s, { maxSpeedKmh: 1000 }).n).toBe(1);
  });
  it('gives per-vehicle offsets and handles vehicles with one read', () => {
    const s = buildStore([
      { vrm: 'A1', time: at(6, 10), site: 'H1' },
      { vrm: 'B2', time: at(6, 10), site: 'H1' },
      { vrm: 'B2', time: at(6, 12), site: 'H1' },
    ], sites);
    const t = splitTrips(s);
    expect(Array.from(t.vehicleTripStart)).toEqual([0, 1, 3]);
  });
  it('rejects a non-positive gap', () => {
    expect(() => splitTrips(buildStore([], sites), { maxGapMinutes: 0 })).toThrow(/maxGapMinutes/);
  });
  it('property: trips partition each vehicle\'s reads, in order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      const rows = [];
      for (let i = 0; i < 200; i++) {
        rows.push({ vrm: `V${Math.floor(r() * 8)}`, time: at(6, 0) + Math.floor(r() * 48 * 60) * 60_000, site: sites.id[Math.floor(r() * 6)] });
      }
      const s = buildStore(rows, sites);
      const t = splitTrips(s, { maxGapMinutes: 5 + r() * 60, maxSpeedKmh: 30 + r() * 200 });
      const covered = new Uint8Array(s.n);
      for (let v = 0; v < s.vrms.length; v++) {
        let next = s.vehicleStart[v];
        for (let k = t.vehicleTripStart[v]; k < t.vehicleTripStart[v + 1]; k++) {
          expect(t.vehicle[k]).toBe(v);
          expect(t.first[k]).toBe(next);
          expect(t.last[k]).toBeGreaterThanOrEqual(t.first[k]);
          for (let i = t.first[k]; i <= t.last[k]; i++) covered[i]++;
          next = t.last[k] + 1;
        }
        expect(next).toBe(s.vehicleStart[v + 1]);
      }
      expect(covered.every((c) => c === 1)).toBe(true);
    }
  });
});
