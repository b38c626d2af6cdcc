import { describe, expect, it } from 'vitest';
import { fitLogistic } from '../../../kernel-lib/src/score/fit-logistic';
import { fitLogisticByGroup } from '../../../kernel-lib/src/score/fit-by-group';
import { createRng } from '../../../kernel-lib/src/synth/prng';

/** Rows from a model where column 0 separates in both groups and column 1 only in group `b` (10x its rows). */
function rows() {
  const rng = createRng('fit-by-group');
  const x: number[][] = [], y: number[] = [], g: string[] = [];
  for (const [group, n, w1] of [['a', 2000, 0], ['b', 20000, 3]] as const) {
    for (let i = 0; i < n; i++) {
      const a = rng.next() * 2 - 1, b = rng.next() * 2 - 1;
      const p = 1 / (1 + Math.exp(-(2 * a + w1 * b)));
      x.push([a, b]); y.push(rng.next() < p ? 1 : 0); g.push(group);
    }
  }
  return { x, y, g };
}

describe('fitLogisticByGroup', () => {
  it('gives each group one vote: a signal of the larger group alone gets half its weight, not the pooled fit\'s', () => {
    const { x, y, g } = rows();
    const byGroup = fitLogisticByGroup(x, y, g, { l2: 0.01 });
    const pooled = fitLogistic(x, y, { l2: 0.01 });
    expect(byGroup.groups.map((q) => [q.group, q.rows])).toEqual([['a', 2000], ['b', 20000]]);
    expect(byGroup.weights[1]).toBeCloseTo((byGroup.groups[0].fit.weights[1] + byGroup.groups[1].fit.weights[1]) / 2, 12);
    expect(byGroup.weights[1]).toBeGreaterThan(1.1);
    expect(byGroup.weights[1]).toBeLessThan(1.9);
    expect(pooled.weights[1]).toBeGreaterThan(2.4); // the pooled fit follows group b's rows
    expect(byGroup.pooled).toBeNull();
  });
  it('blends in the pooled fit by pooledShare, and is deterministic', () => {
    const { x, y, g } = rows();
    const half = fitLogisticByGroup(x, y, g, { l2: 0.01, pooledShare: 0.5 });
    const mean = fitLogisticByGroup(x, y, g, { l2: 0.01 });
    expect(half.weights[1]).toBeCloseTo(0.5 * half.pooled!.weights[1] + 0.5 * mean.weights[1], 12);
    expect(half.intercept).toBeCloseTo(0.5 * half.pooled!.intercept + 0.5 * mean.intercept, 12);
    expect(fitLogisticByGroup(x, y, g, { l2: 0.01, pooledShare: 1 }).weights).toEqual(half.pooled!.weights);
    expect(fitLogisticByGroup(x, y, g, { l2: 0.01, pooledShare: 0.5 })).toEqual(half);
    expect(half.logLoss).toBeGreaterThan(0);
  });
  it('names a shape mismatch and a share out of range', () => {
    expect(() => fitLogisticByGroup([[0], [1]], [0, 1], ['a'])).toThrow(/2 rows and 1 group names/);
    expect(() => fitLogisticByGroup([[0], [1]], [0, 1], ['a', 'a'], { pooledShare: 2 })).toThrow(/pooledShare 2 is not between 0 and 1/);
  });
  it('runs its example', () => {
    const fit = fitLogisticByGroup([[0], [1], [0], [2]], [0, 1, 0, 1], ['a', 'a', 'b', 'b'], { l2: 0.1 });
    expect(fit.weights[0] === (fit.groups[0].fit.weights[0] + fit.groups[1].fit.weights[0]) / 2).toBe(true);
  });
});
