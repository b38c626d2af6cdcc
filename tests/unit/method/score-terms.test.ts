import { describe, expect, it } from 'vitest';
import { COUNTY_LINES_TERMS } from '../../../kernel-lib/src/method/county-lines/score/terms';
import type { VehicleFeatures } from '../../../kernel-lib/src/method/county-lines/features';

// Only the fields the two count-scaled regularity terms read.
const vehicle = (loops: number, arrivalWindowShare: number, dwellLogStd: number) =>
  ({ topMarketLoops: loops, arrivalWindowShare, dwellLogStd } as unknown as VehicleFeatures);
const term = (name: string) => COUNTY_LINES_TERMS.find((t) => t.name === name)!;

describe('county-lines score terms: repeats off the routine, counted', () => {
  it('offHourLoops grows with the loops that fall outside the usual clock window', () => {
    const t = term('offHourLoops');
    expect(t.value(vehicle(6, 0.5, 0))).toBeCloseTo(Math.log1p(3), 12);
    expect(t.value(vehicle(18, 0.5, 0))).toBeGreaterThan(t.value(vehicle(6, 0.5, 0)));
    // A commuter: every arrival in one window, however many loops.
    expect(t.value(vehicle(40, 1, 0))).toBe(0);
    // Not judged under 3 loops (the window share is undefined there).
    expect(t.value(vehicle(2, Number.NaN, Number.NaN))).toBe(0);
  });
  it('variedStayLoops grows with loops whose stays vary, and is 0 for a set stay', () => {
    const t = term('variedStayLoops');
    expect(t.value(vehicle(10, 1, 0.6))).toBeCloseTo(Math.log1p(10), 12);
    expect(t.value(vehicle(10, 1, 0.3))).toBeCloseTo(Math.log1p(5), 12);
    expect(t.value(vehicle(10, 1, 0))).toBe(0);
  });
});
