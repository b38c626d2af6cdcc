import { describe, expect, it } from 'vitest';
import { candidateSubstore } from '../../../kernel-lib/src/method/county-lines/plan';
import { findLookalikes, lookalikeCodeGroups, lookalikeGroupsOf, mergeLookalikes } from '../../../kernel-lib/src/reads/lookalikes';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import type { ReadStore } from '../../../kernel-lib/src/reads/types';
import { storeFromColumns } from '../../../kernel-lib/src/reads/store-from-columns';
import { siteAreas, area, areasFromGeoJson } from '../../../kernel-lib/src/core/areas';
import { findOvernightStays, findStays } from '../../../kernel-lib/src/trips/stays';
import { inferBases } from '../../../kernel-lib/src/trips/base';
import { splitTrips } from '../../../kernel-lib/src/trips/trips';
import { sitePlaces } from '../../../kernel-lib/src/trips/places';
import { at, hubGeo, marketsGeo, sites, worldRows } from '../trips/fixture';

// The reference: merge every look-alike (rebuilding the store), slice the window, keep vehicles
// read in both the hub (bit 1) and a market (bit 2).
function reference(store: ReadStore, mask: Uint8Array, from = -Infinity, to = Infinity): ReadStore {
  const merged = mergeLookalikes(store, findLookalikes(store));
  const keep: number[] = [];
  for (let v = 0; v < merged.vrms.length; v++) {
    let f = 0;
    for (let i = merged.vehicleStart[v]; i < merged.vehicleStart[v + 1]; i++) if (merged.time[i] >= from && merged.time[i] < to) f |= mask[merged.site[i]];
    if (f === 3) for (let i = merged.vehicleStart[v]; i < merged.vehicleStart[v + 1]; i++) if (merged.time[i] >= from && merged.time[i] < to) keep.push(i);
  }
  return storeFromColumns({
    vrms: merged.vrms, vehicle: Uint32Array.from(keep, (i) => merged.vehicle[i]),
    time: Float64Array.from(keep, (i) => merged.time[i]), site: Uint32Array.from(keep, (i) => merged.site[i]),
    confidence: Uint8Array.from(keep, (i) => merged.confidence[i]),
  }, merged.sites);
}

describe('candidateSubstore', () => {
  // Look-alikes of the runner (one merged, one an exact-time tie at another site), plus the world.
  const rows = [
    ...worldRows,
    { vrm: 'RUNI', time: at(8, 21, 10), site: 'M1' },
    { vrm: 'RUNI', time: at(10, 20, 0), site: 'H1' }, // an exact tie with a RUN1 read
  ];
  const store = buildStore(rows, sites);
  const areaOf = siteAreas(store.sites, [area(hubGeo), ...areasFromGeoJson(marketsGeo)], { bufferKm: 1.5 });
  const mask = Uint8Array.from(areaOf, (a) => (a === 0 ? 1 : a > 0 ? 2 : 0));
  const pick = (s: ReadStore) => ({ vrms: s.vrms, n: s.n, start: [...s.vehicleStart], time: [...s.time], site: [...s.site], vehicle: [...s.vehicle] });

  it('equals merging the whole store, then filtering to candidates', () => {
    const sub = candidateSubstore(store, lookalikeCodeGroups(store), mask, 3);
    expect(pick(sub.store)).toEqual(pick(reference(store, mask)));
    expect(sub.reads).toBe(store.n);
    expect(sub.vehicles).toBe(mergeLookalikes(store, findLookalikes(store)).vrms.length);
    expect(sub.store.vrms).toContain('RUN1');
    expect(sub.store.vrms).not.toContain('RUNI');
  });
  it('applies the time window', () => {
    const from = at(7, 0), to = at(13, 0);
    const sub = candidateSubstore(store, lookalikeCodeGroups(store), mask, 3, from, to);
    expect(pick(sub.store)).toEqual(pick(reference(store, mask, from, to)));
    expect(sub.firstTime).toBeGreaterThanOrEqual(from);
    expect(sub.lastTime).toBeLessThan(to);
  });
  it('look-alike code groups name the same groups as findLookalikes', () => {
    expect(lookalikeGroupsOf(store, lookalikeCodeGroups(store))).toEqual(findLookalikes(store));
  });
});

describe('findOvernightStays', () => {
  it('gives the same bases as all stays', () => {
    const store = buildStore(worldRows, sites);
    const trips = splitTrips(store);
    const all = findStays(store, trips), night = findOvernightStays(store, trips);
    expect(night.n).toBe([...all.overnight].filter((x) => x === 1).length);
    const places = sitePlaces(store.sites, [area(hubGeo), ...areasFromGeoJson(marketsGeo)]);
    expect(inferBases(store, night, places.sitePlace, places.n)).toEqual(inferBases(store, all, places.sitePlace, places.n));
  });
});
