import { describe, expect, it } from 'vitest';
import { buildStore, type ReadRow } from '../../../kernel-lib/src/reads/build-store';
import { findCountyLines } from '../../../kernel-lib/src/find/county-lines';
import { COUNTY_LINES_TERMS, termValue } from '../../../kernel-lib/src/method/county-lines/score/terms';
import { at, hubGeo, marketsGeo, sites } from '../trips/fixture';

// January 2025 (GMT): 10, 17 and 24 Jan are Fridays. STU goes home to Rhyl for the weekend
// (Friday evening to Sunday afternoon); MID runs to Rhyl on Tuesday to Thursday nights and back next morning.
const rows: ReadRow[] = [];
const read = (vrm: string, day: number, hh: number, mm: number, site: string) => rows.push({ vrm, time: at(day, hh, mm), site });
for (const fri of [10, 17, 24]) {
  read('STU', fri, 18, 0, 'H1'); read('STU', fri, 18, 40, 'R1'); read('STU', fri, 19, 20, 'M1');
  read('STU', fri + 2, 15, 0, 'M2'); read('STU', fri + 2, 15, 40, 'R1'); read('STU', fri + 2, 16, 20, 'H2');
}
for (const d of [7, 8, 9, 14, 15, 16]) {
  read('MID', d, 21, 0, 'H1'); read('MID', d, 21, 40, 'R1'); read('MID', d, 22, 20, 'M1');
  read('MID', d + 1, 9, 0, 'M2'); read('MID', d + 1, 9, 40, 'R1'); read('MID', d + 1, 10, 20, 'H2');
}
const store = buildStore(rows, sites);

describe('weekends away (a Saturday night between leaving the hub and coming back)', () => {
  const r = findCountyLines(store, { hub: hubGeo, markets: marketsGeo });
  const f = (vrm: string) => r.candidates.find((c) => c.vrm === vrm)!.features;
  const term = COUNTY_LINES_TERMS.find((t) => t.name === 'weekendsAway')!;
  it('counts the loops that span a Saturday night, and none of the weekday overnights', () => {
    expect(f('STU').loops).toBe(3);
    expect(f('STU').weekendNightLoops).toBe(3);
    expect(f('MID').loops).toBe(6);
    expect(f('MID').weekendNightLoops).toBe(0);
  });
  it('the term is the share of such loops, judged fully from 2 loops', () => {
    expect(termValue(term, f('STU'))).toBe(1);
    expect(termValue(term, f('MID'))).toBe(0);
    expect(termValue(term, { ...f('STU'), loops: 1, topMarketLoops: 1, weekendNightLoops: 1 })).toBe(0.5);
  });
});
