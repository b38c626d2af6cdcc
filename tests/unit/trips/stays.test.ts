import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { dwellBounds, findStays, spansOvernight } from '../../../kernel-lib/src/trips/stays';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { haversineKm } from '../../../kernel-lib/src/core/haversine';
import { at, sites } from './fixture';

const MIN = 60_000;

describe('stays', () => {
  it('bounds the dwell between two reads at the same site: max = gap, min = gap - 2 × access', () => {
    expect(dwellBounds(sites, 0, 0, at(6, 10), at(6, 12))).toEqual([110 * MIN, 120 * MIN]);
  });
  it('subtracts the travel between different sites', () => {
    const d = haversineKm(sites.lat[0], sites.lon[0], sites.lat[3], sites.lon[3]);
    const travel = (d * 1.3 / 50) * 60 + 10; // minutes
    const [mn, mx] = dwellBounds(sites, 0, 3, at(6, 10), at(6, 13));
    expect(mx).toBe(180 * MIN);
    expect(mn / MIN).toBeCloseTo(180 - travel, 6);
    expect(dwellBounds(sites, 0, 3, at(6, 10), at(6, 10, 30))[0]).toBe(0); // never negative
  });
  it('finds stays between consecutive trips with sites and overnight flag', () => {
    const s = buildStore([
      { vrm: 'A1', time: at(6, 10, 0), site: 'H1' },
      { vrm: 'A1', time: at(6, 10, 20), site: 'H2' },
      { vrm: 'A1', time: at(6, 12, 20), site: 'H2' },
      { vrm: 'A1', time: at(6, 22, 0), site: 'H1' },
      { vrm: 'A1', time: at(7, 7, 0), site: 'H1' },
      { vrm: 'B2', time: at(6, 9, 0), site: 'H1' },
    ], sites);
    const st = findStays(s, splitTrips(s));
    expect(st.n).toBe(3);
    expect(Array.from(st.vehicleStayStart)).toEqual([0, 3, 3]);
    expect(st.dwellMax[0]).toBe(120 * MIN);
    expect(st.dwellMin[0]).toBe(110 * MIN);
    expect(sites.id[st.siteBefore[0]]).toBe('H2');
    expect(Array.from(st.overnight)).toEqual([0, 0, 1]);
  });
  it('overnight = spans 03:00 Europe/London (also in summer time)', () => {
    expect(spansOvernight(at(6, 22), at(7, 2, 59))).toBe(false);
    expect(spansOvernight(at(6, 22), at(7, 3, 1))).toBe(true);
    // 1 July 2025 02:30 UTC is 03:30 BST
    expect(spansOvernight(Date.UTC(2025, 5, 30, 21), Date.UTC(2025, 6, 1, 2, 30))).toBe(true);
    expect(spansOvernight(Date.UTC(2025, 5, 30, 21), Date.UTC(2025, 6, 1, 1, 30))).toBe(false);
  });
});
