import { describe, expect, it } from 'vitest';
import { basisDot, COUNTY_LINES_TERMS, termBasis, termValue } from '../../../kernel-lib/src/method/county-lines/score/terms';
import type { VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

// Only the fields the two count-scaled regularity terms read.
const vehicle = (loops: number, arrivalWindowShare: number, dwellLogStd: number) =>
  ({ topMarketLoops: loops, arrivalWindowShare, dwellLogStd } as unknown as VehicleFeatures);
const term = (name: string) => COUNTY_LINES_TERMS.find((t) => t.name === name)!;

describe('county-lines score terms: repeats off the routine, counted', () => {
  it('offHourLoops grows with the loops that fall outside the usual clock window', () => {
    const t = term('offHourLoops');
    expect(t.value(vehicle(6, 0.5, 0))).toBeCloseTo(Math.log1p(3), 12);
    expect(t.value(vehicle(4, 0.5, 0))).toBeLessThan(t.value(vehicle(6, 0.5, 0)));
    // ... up to 6 loops: dozens of irregular loops are as often a worker's as a runner's.
    expect(t.value(vehicle(18, 0.5, 0))).toBe(t.value(vehicle(6, 0.5, 0)));
    // A commuter: every arrival in one window, however many loops.
    expect(t.value(vehicle(40, 1, 0))).toBe(0);
    // Not judged under 3 loops (the window share is undefined there).
    expect(t.value(vehicle(2, Number.NaN, Number.NaN))).toBe(0);
  });
  it('variedStayLoops grows with loops whose stays vary, and is 0 for a set stay', () => {
    const t = term('variedStayLoops');
    expect(t.value(vehicle(5, 1, 0.6))).toBeCloseTo(Math.log1p(5), 12);
    expect(t.value(vehicle(5, 1, 0.3))).toBeCloseTo(Math.log1p(2.5), 12);
    expect(t.value(vehicle(10, 1, 0.6))).toBeCloseTo(Math.log1p(6), 12); // counted up to 6 loops
    expect(t.value(vehicle(10, 1, 0))).toBe(0);
  });
});

describe('county-lines score terms: the plate, its nights and its tours (chosen by leaving one generator out of the fit)', () => {
  const f = (x: Partial<VehicleFeatures>) => x as VehicleFeatures;
  it('plateLife is ln(1 + days from first to last read)', () => {
    expect(term('plateLife').value(f({ spanDays: 0 }))).toBe(0);
    expect(term('plateLife').value(f({ spanDays: Math.E - 1 }))).toBeCloseTo(1, 12);
    expect(term('plateLife').value(f({ spanDays: 20 }))).toBeGreaterThan(term('plateLife').value(f({ spanDays: 3 })));
  });
  it('nightTrips is the share of all trips made at night', () => {
    expect(term('nightTrips').value(f({ tripNightShare: 0.25 }))).toBe(0.25);
    expect(termValue(term('nightTrips'), f({ tripNightShare: Number.NaN }))).toBe(0);
  });
  it('loopFocus is the share of hub tours that are loops to a market', () => {
    expect(term('loopFocus').value(f({ loops: 3, hubTours: 12 }))).toBe(0.25);
    expect(term('loopFocus').value(f({ loops: 3, hubTours: 0 }))).toBe(0);
  });
  it('shiftStays is the share of loops whose market stop lasts a work shift, day or night, both bounds inside 6.5-13.5 h', () => {
    const stop = (min: number, max: number, stopOvernight = false) => ({ dwellMinMinutes: min, dwellMaxMinutes: max, stopOvernight });
    const worker = (stops: ReturnType<typeof stop>[]) => f({ loops: stops.length, topMarketLoops: stops.length, loopList: stops as VehicleFeatures['loopList'] });
    // A night-shift worker: 20:00-08:00 every time (an overnight stop counts, as dayShifts' does not).
    expect(term('shiftStays').value(worker([stop(700, 730, true), stop(690, 720, true), stop(700, 740, true), stop(710, 725, true)]))).toBe(1);
    // A runner: a 30-min drop, a night at a trap house of 9-11 h, a two-day stay, an 8-h day: two of four are shift-like.
    expect(term('shiftStays').value(worker([stop(20, 40), stop(540, 660, true), stop(2800, 2900, true), stop(470, 500)]))).toBe(0.5);
    // Bounds that straddle the range do not count (a stay of 5-15 h might be anything).
    expect(term('shiftStays').value(worker([stop(300, 900), stop(300, 900), stop(300, 900), stop(300, 900)]))).toBe(0);
    // Judged from 2 loops, in full from 4.
    expect(term('shiftStays').value(worker([stop(600, 620)]))).toBe(0);
    expect(term('shiftStays').value(worker([stop(600, 620), stop(600, 620)]))).toBeCloseTo(1 / 3, 12);
  });
  it('the terms that did not carry across generators are gone', () => {
    for (const gone of ['hubTaxi', 'manyMarkets', 'nightsAway', 'weekdaysOnly']) expect(COUNTY_LINES_TERMS.some((t) => t.name === gone)).toBe(false);
  });
});

describe('county-lines score terms: the scorer\'s sums', () => {
  it('basisDot is the weights over termBasis, to the bit, on every term and side of its knots', () => {
    for (const t of COUNTY_LINES_TERMS) {
      const w = [0.7, -1.3, 2.1].slice(0, 1 + t.knots.length);
      for (const x of [0, 0.2, 0.5, 0.9, 1.5, 2.5, 4]) {
        const b = termBasis(t, x);
        let ref = 0;
        for (let j = 0; j < w.length; j++) ref += w[j] * b[j];
        expect(basisDot(t, w, x)).toBe(ref);
      }
    }
    expect(basisDot(COUNTY_LINES_TERMS[0], [1, 0.5], 2.3)).toBeCloseTo(2.95, 12);
  });
  it('termValue is 0 where a term is not finite', () => {
    const t = { name: 'x', describe: 'x', knots: [], value: (f: VehicleFeatures) => (f as unknown as { v: number }).v };
    expect(termValue(t, { v: Number.NaN } as unknown as VehicleFeatures)).toBe(0);
    expect(termValue(t, { v: Infinity } as unknown as VehicleFeatures)).toBe(0);
    expect(termValue(t, { v: 1.5 } as unknown as VehicleFeatures)).toBe(1.5);
  });
});
