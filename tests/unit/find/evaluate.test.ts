import { describe, expect, it } from 'vitest';
import { averagePrecision, decoysInTop, evaluateRanking, precisionAtK } from '../../../kernel-lib/src/score/evaluate';

describe('evaluate', () => {
  it('average precision, hand-checked', () => {
    expect(averagePrecision(['A', 'X', 'B'], new Set(['A', 'B']))).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(averagePrecision(['X', 'A'], ['A', 'B'])).toBeCloseTo(0.5 / 2, 12); // B never ranked
    expect(averagePrecision(['A', 'B'], ['A', 'B'])).toBe(1);
  });
  it('precision at k and decoys in the top k', () => {
    expect(precisionAtK(['A', 'X', 'B'], new Set(['A', 'B']), 2)).toBe(0.5);
    expect(precisionAtK(['A'], new Set(['A']), 4)).toBe(0.25);
    expect(decoysInTop(['A', 'C1', 'D1'], { delivery: ['D1', 'D2'], commuter: ['C1'] }, 2)).toEqual({ commuter: 1, delivery: 0, total: 1 });
    const e = evaluateRanking(['A', 'C1', 'B'], { county_lines: ['A', 'B', 'Z'], decoys: { commuter: ['C1'] } }, 2);
    expect(e.found).toBe(2);
    expect(e.truthCount).toBe(3);
    expect(e.decoysTop).toEqual({ commuter: 1, total: 1 });
  });
});

describe('recall at k and line pairs', () => {
  it('recall at k, hand-checked', async () => {
    const { recallAtK } = await import('../../../kernel-lib/src/score/evaluate');
    expect(recallAtK(['A', 'X', 'B'], new Set(['A', 'B', 'C']), 2)).toBeCloseTo(1 / 3, 12);
    expect(recallAtK(['A', 'X', 'B'], ['A', 'B'], 3)).toBe(1);
    expect(recallAtK(['A'], [], 3)).toBeNaN();
  });
  it('pairwise precision and recall of lines against swap groups', async () => {
    const { linePairScores } = await import('../../../kernel-lib/src/score/evaluate');
    const s = linePairScores([['A', 'B'], ['C', 'D']], [['A', 'B', 'C'], ['D']]);
    expect(s).toMatchObject({ foundPairs: 2, truthPairs: 3, correctPairs: 1, precision: 0.5 });
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.f1).toBeCloseTo(0.4, 12);
    expect(linePairScores([], [['A', 'B']])).toMatchObject({ precision: NaN, recall: 0, f1: 0 });
    expect(linePairScores([['A', 'B', 'C']], [['A', 'B', 'C']]).f1).toBe(1);
  });
});
