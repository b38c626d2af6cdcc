import { describe, expect, it } from 'vitest';
import { buildStore } from '../../../kernel-lib/src/reads/build-store';
import { findLookalikes, lookalikeCodeGroups, lookalikeKey, mergeLookalikes } from '../../../kernel-lib/src/reads/lookalikes';
import { at, sites } from '../trips/fixture';

describe('look-alike plates', () => {
  it('folds look-alike characters', () => {
    expect(lookalikeKey('AB12CDE')).toBe('ABIZCDE');
    expect(lookalikeKey('A812CDE')).toBe('ABIZCDE');
    expect(lookalikeKey('S0ZZ')).toBe('SOZZ');
  });
  const rows = [];
  for (let h = 8; h < 18; h++) rows.push({ vrm: 'AB12CDE', time: at(6, h), site: 'H1' });
  // Misread at 12:30 at H2 (3 km away, 30 min later): plausible -> linked.
  rows.push({ vrm: 'A812CDE', time: at(6, 12, 30), site: 'H2' });
  rows.push({ vrm: 'A812CDE', time: at(6, 14, 30), site: 'H1' });
  // A real different car: read in Rhyl 5 minutes after AB12CDE was in Liverpool -> not linked.
  rows.push({ vrm: 'AB1ZCDE', time: at(6, 10, 5), site: 'M1' });
  const store = buildStore(rows, sites);
  it('links plates with no impossible travel, and not the others', () => {
    expect(findLookalikes(store)).toEqual([{ vrm: 'AB12CDE', reads: 10, members: [{ vrm: 'A812CDE', reads: 2 }] }]);
  });
  it('merges the minor plate\'s reads into the major one', () => {
    const merged = mergeLookalikes(store, findLookalikes(store));
    expect(merged.vrms).toEqual(['AB12CDE', 'AB1ZCDE']);
    expect(merged.vehicleStart[1]).toBe(12);
    expect(merged.n).toBe(store.n);
  });
  it('respects maxMinorRatio', () => {
    expect(findLookalikes(store, { maxMinorRatio: 0.1 })).toEqual([]);
  });
  it('keeps a store\'s groups for the next search with the same options, and only those', () => {
    const g = lookalikeCodeGroups(store);
    expect(g).toEqual([[store.vrms.indexOf('AB12CDE'), store.vrms.indexOf('A812CDE')]]);
    expect(lookalikeCodeGroups(store, {})).toBe(g); // the defaults spelled or not: one entry
    expect(lookalikeCodeGroups(store, { maxMinorRatio: 0.1 })).toEqual([]);
    expect(lookalikeCodeGroups(store)).toBe(g);
    expect(lookalikeCodeGroups(buildStore(rows, sites))).not.toBe(g); // another store: computed afresh
    expect(lookalikeCodeGroups(buildStore(rows, sites))).toEqual(g);
  });
});
