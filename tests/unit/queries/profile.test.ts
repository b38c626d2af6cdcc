import { describe, expect, it } from 'vitest';
import { buildStore, findCountyLines, MIMEBUNDLE, profile, PROFILE_MIME, pseudonym, splitTrips, type ProfileBundle } from '../../../kernel-lib/src';
import { hubGeo, marketsGeo, sites, worldRows, at } from '../trips/fixture';

process.env.ANPR_PSEUDONYM_KEY = 'test-key';
const store = buildStore(worldRows, sites);

describe('profile', () => {
  const p = profile(store, 'RUN1', { hub: hubGeo, markets: marketsGeo });

  it('summarises the vehicle: reads, trips, stays, base, tours, hour x weekday', () => {
    expect(p.summary.reads).toBe(49);
    expect(p.summary.days).toBe(7);
    const v = store.vrms.indexOf('RUN1');
    const trips = splitTrips(store);
    expect(p.trips.numRows()).toBe(trips.vehicleTripStart[v + 1] - trips.vehicleTripStart[v]);
    expect(p.stays.numRows()).toBe(p.trips.numRows() - 1);
    expect(p.base?.place).toBe('Liverpool');
    expect(p.tours).toHaveLength(7);
    expect(new Set(p.tours.map((t) => t.destination))).toEqual(new Set(['Rhyl']));
    // 6 Jan 2025 is a Monday: 7 reads at 20:00-22:59 on Mon (6th, 13th) ... every other day.
    expect(p.hourWeekday.flat().reduce((a, b) => a + b, 0)).toBe(49);
    expect(p.hourWeekday[0][11]).toBe(1); // Monday 6th 11:00 (the 13th is not a RUN1 day)
    expect(p.frequentSites[0]).toEqual({ siteId: 'H1', name: 'Liverpool A', reads: 14 });
    expect(p.clones).toEqual([]);
  });

  it('scores it as the finder does', () => {
    const res = findCountyLines(store, { hub: hubGeo, markets: marketsGeo });
    const c = res.candidates.find((x) => x.vrm === 'RUN1')!;
    expect(p.countyLines!.score).toBeCloseTo(c.score, 6);
    expect(p.countyLines!.reasons[0]).toBe(c.reasons[0]);
  });

  it('shows as the profile widget, pseudonymised', () => {
    const b = p[MIMEBUNDLE]();
    const bundle = b.data[PROFILE_MIME] as ProfileBundle;
    expect(bundle.vehicle).toEqual({ pseudonym: pseudonym('RUN1'), revealed: false });
    expect(bundle.summary.reads).toBe(49);
    expect(bundle.tours).toHaveLength(7);
    expect(bundle.stays!.length).toBe(p.stays.numRows());
    expect(bundle.base?.place).toBe('Liverpool');
    expect(bundle.scoreParts!.length).toBeGreaterThan(5);
    expect(JSON.stringify(b)).not.toContain('RUN1');
  });

  it('windows by from/to and names missing plates', () => {
    const w = profile(store, 'RUN1', { from: at(6, 0), to: at(7, 0), associates: false });
    expect(w.summary.reads).toBe(7);
    expect(w.countyLines).toBeNull();
    expect(() => profile(store, 'RUN1', { from: at(1, 0), to: at(2, 0) })).toThrow(/No reads for VRM "RUN1" in the period/);
    expect(() => profile(store, 'NOPE')).toThrow(/No reads for VRM "NOPE"/);
  });
});
