import { describe, expect, it } from 'vitest';
import { fitLogistic, meanLogLoss } from '../../../kernel-lib/src/score/fit-logistic';
import { createRng } from '../../../kernel-lib/src/synth/prng';

describe('fitLogistic', () => {
  it('recovers the weights of data drawn from a known model', () => {
    const rng = createRng('fit-logistic');
    const x: number[][] = [], y: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const a = rng.next() * 2, b = rng.next() * 2 - 1;
      const p = 1 / (1 + Math.exp(-(-1 + 2 * a - 3 * b)));
      x.push([a, b]); y.push(rng.next() < p ? 1 : 0);
    }
    const fit = fitLogistic(x, y, { l2: 0 });
    expect(fit.intercept).toBeCloseTo(-1, 0);
    expect(fit.weights[0]).toBeCloseTo(2, 0);
    expect(fit.weights[1]).toBeCloseTo(-3, 0);
    expect(Math.abs(fit.weights[1] + 3)).toBeLessThan(0.2);
  });
  it('is deterministic, shrinks with the L2 penalty, and names a shape mismatch', () => {
    const x = [[0], [1], [2], [3], [1.5], [1.6]], y = [0, 0, 1, 1, 1, 0];
    expect(fitLogistic(x, y, { l2: 0.5 })).toEqual(fitLogistic(x, y, { l2: 0.5 }));
    expect(Math.abs(fitLogistic(x, y, { l2: 50 }).weights[0])).toBeLessThan(Math.abs(fitLogistic(x, y, { l2: 0.1 }).weights[0]));
    expect(() => fitLogistic([[1]], [1, 0])).toThrow(/1 rows and 2 labels/);
  });
  it('counts a row of weight 2 as that row twice, and names a weights mismatch', () => {
    const x = [[0], [1], [2], [3], [1.5], [1.6]], y = [0, 0, 1, 1, 1, 0];
    const weighted = fitLogistic(x, y, { l2: 0.5, rowWeights: [1, 1, 1, 1, 2, 1] });
    const doubled = fitLogistic([...x, [1.5]], [...y, 1], { l2: 0.5 });
    expect(weighted.intercept).toBeCloseTo(doubled.intercept, 9);
    expect(weighted.weights[0]).toBeCloseTo(doubled.weights[0], 9);
    expect(weighted.logLoss).toBeCloseTo(doubled.logLoss, 9);
    expect(fitLogistic(x, y, { l2: 0.5, rowWeights: [1, 1, 1, 1, 1, 1] })).toEqual(fitLogistic(x, y, { l2: 0.5 }));
    expect(() => fitLogistic(x, y, { rowWeights: [1] })).toThrow(/6 rows and 1 row weights/);
  });
  it('reports the mean log-loss of its rows, as meanLogLoss gives it', () => {
    expect(meanLogLoss([[0]], [1], 0, [1])).toBeCloseTo(Math.LN2, 12);
    const x = [[0], [1], [2], [3], [1.5], [1.6]], y = [0, 0, 1, 1, 1, 0], rowWeights = [1, 2, 1, 1, 3, 1];
    const fit = fitLogistic(x, y, { l2: 0.5, rowWeights });
    expect(fit.logLoss).toBe(meanLogLoss(x, y, fit.intercept, fit.weights, rowWeights));
    // Weighted: a row counted twice weighs twice.
    expect(meanLogLoss([[0], [0]], [1, 0], 1, [0], [2, 1])).toBeCloseTo((2 * Math.log1p(Math.exp(-1)) + Math.log1p(Math.exp(1))) / 3, 12);
  });
});
