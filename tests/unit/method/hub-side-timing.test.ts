import { describe, expect, it } from 'vitest';
import { buildStore, type ReadRow } from '../../../kernel-lib/src/reads/build-store';
import { findCountyLines } from '../../../kernel-lib/src/find/county-lines';
import { at, hubGeo, marketsGeo, sites } from '../trips/fixture';

// A routine is judged where the cameras are dense. NSC works nights in Rhyl: it leaves the hub at
// 20:00 and is back at 07:00 every time, but the market's camera catches it arriving (20:50) on
// some nights and only leaving next morning (06:00) on others, so its market "arrivals" and
// "stays" look irregular while its hub departures and tour lengths are a routine. RND leaves the
// hub at a different hour each time and stays a different time.
const rows: ReadRow[] = [];
const read = (vrm: string, day: number, hh: number, mm: number, site: string) => rows.push({ vrm, time: at(day, hh, mm), site });
[6, 7, 8, 9, 10, 13].forEach((d, i) => {
  read('NSC', d, 20, 0, 'H1'); read('NSC', d, 20, 30, 'R1');
  if (i % 2 === 0) read('NSC', d, 20, 50, 'M1');
  read('NSC', d + 1, 6, 0, 'M2'); read('NSC', d + 1, 6, 30, 'R1'); read('NSC', d + 1, 7, 0, 'H2');
});
[[6, 9, 2], [8, 15, 6], [10, 21, 1], [12, 2, 9], [14, 12, 4], [16, 18, 12]].forEach(([d, h, stay]) => {
  read('RND', d, h, 0, 'H1'); read('RND', d, h, 30, 'R1'); read('RND', d, h + 1, 0, 'M1');
  const back = at(d, h + 1) + stay * 3_600_000;
  rows.push({ vrm: 'RND', time: back, site: 'M2' }, { vrm: 'RND', time: back + 1_800_000, site: 'R1' }, { vrm: 'RND', time: back + 3_600_000, site: 'H2' });
});
const store = buildStore(rows, sites);

describe('loop timing is judged at the hub end too (arrivalWindowShare, dwellLogStd)', () => {
  const r = findCountyLines(store, { hub: hubGeo, markets: marketsGeo });
  const f = (vrm: string) => r.candidates.find((c) => c.vrm === vrm)!.features;
  it('a fixed hub departure is a routine however the market camera caught the arrival', () => {
    expect(f('NSC').loops).toBe(6);
    const arrivals = new Set(f('NSC').loopList.map((l) => new Date(l.arrive).getUTCHours()));
    expect(arrivals).toEqual(new Set([20, 6])); // the market side alone: two clock times 10 h apart
    expect(f('NSC').arrivalWindowShare).toBe(1);
    expect(f('RND').arrivalWindowShare).toBeLessThanOrEqual(0.5);
  });
  it('steady tour lengths are a set stay however long the market reads make it look', () => {
    expect(f('NSC').dwellLogStd).toBeLessThan(0.01);
    expect(f('RND').dwellLogStd).toBeGreaterThan(0.5);
  });
});
