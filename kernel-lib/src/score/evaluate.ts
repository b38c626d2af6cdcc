/**
 * Evaluation of a ranking against ground truth: average precision, precision at k, and
 * which kinds of decoy (false positive) rank near the top.
 */

/**
 * Average precision of a ranking: mean over truth items of the precision at the rank where
 * each is found (truth items never ranked count as 0). 1 = all truth first.
 *
 * @example
 * averagePrecision(['A', 'X', 'B'], new Set(['A', 'B'])) // (1/1 + 2/3) / 2 = 0.8333
 */
export function averagePrecision(ranked: readonly string[], truth: ReadonlySet<string> | readonly string[]): number {
  const t = truth instanceof Set ? truth : new Set(truth as readonly string[]);
  if (t.size === 0) return NaN;
  let hits = 0, sum = 0;
  const seen = new Set<string>();
  ranked.forEach((vrm, i) => {
    if (t.has(vrm) && !seen.has(vrm)) { seen.add(vrm); hits++; sum += hits / (i + 1); }
  });
  return sum / t.size;
}

/**
 * Share of the first k ranked items that are in the truth set (k larger than the ranking
 * counts the missing places as misses).
 *
 * @example
 * precisionAtK(['A', 'X', 'B'], new Set(['A', 'B']), 2) // 0.5
 */
export function precisionAtK(ranked: readonly string[], truth: ReadonlySet<string> | readonly string[], k: number): number {
  const t = truth instanceof Set ? truth : new Set(truth as readonly string[]);
  if (!(k > 0)) return NaN;
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (t.has(ranked[i])) hits++;
  return hits / k;
}

/**
 * How many of each decoy class appear in the top k, plus a total.
 *
 * @example
 * decoysInTop(['A', 'C1', 'D1'], { commuter: ['C1'], delivery: ['D1', 'D2'] }, 2)
 * // { commuter: 1, delivery: 0, total: 1 }
 */
export function decoysInTop(ranked: readonly string[], decoys: Record<string, readonly string[]>, k: number): Record<string, number> {
  const top = new Set(ranked.slice(0, k));
  const out: Record<string, number> = {};
  let total = 0;
  for (const cls of Object.keys(decoys).sort()) {
    let c = 0;
    for (const vrm of new Set(decoys[cls])) if (top.has(vrm)) c++;
    out[cls] = c; total += c;
  }
  out.total = total;
  return out;
}

/**
 * One-line summary of a ranking against truth: AP, precision at 10/50 and decoys in the top k.
 *
 * @example
 * evaluateRanking(res.candidates.map((c) => c.vrm), truth) // { ap: 0.71, p10: 1, p50: 0.6, truthCount: 30, found: 28, decoysTop: {...} }
 */
export function evaluateRanking(
  ranked: readonly string[],
  truth: { county_lines: readonly string[]; decoys?: Record<string, readonly string[]> },
  k = 50,
): { ap: number; p10: number; p50: number; truthCount: number; found: number; decoysTop: Record<string, number> } {
  const t = new Set(truth.county_lines);
  let found = 0;
  for (const v of new Set(ranked)) if (t.has(v)) found++;
  return {
    ap: averagePrecision(ranked, t), p10: precisionAtK(ranked, t, 10), p50: precisionAtK(ranked, t, 50),
    truthCount: t.size, found, decoysTop: decoysInTop(ranked, truth.decoys ?? {}, k),
  };
}

/**
 * Share of the truth items found in the first k ranked items (recall at k).
 *
 * @example
 * recallAtK(['A', 'X', 'B'], new Set(['A', 'B', 'C']), 2) // 1/3
 */
export function recallAtK(ranked: readonly string[], truth: ReadonlySet<string> | readonly string[], k: number): number {
  const t = truth instanceof Set ? truth : new Set(truth as readonly string[]);
  if (t.size === 0 || !(k > 0)) return NaN;
  const top = new Set(ranked.slice(0, k));
  let hits = 0;
  for (const v of t) if (top.has(v)) hits++;
  return hits / t.size;
}

/**
 * Pairwise precision, recall and F1 of grouping plates into lines, against the truth's swap
 * groups: a pair of plates is "same line" when both sit in one group. Only plates that appear in
 * both the found lines and the truth groups count (a plate the finder never grouped is a
 * singleton; a truth plate never seen is left out of precision but counts against recall).
 * Precision and recall are NaN when there is no pair to judge.
 *
 * @example
 * linePairScores([['A', 'B'], ['C', 'D']], [['A', 'B', 'C'], ['D']])
 * // { precision: 0.5, recall: 1/3, f1: 0.4, foundPairs: 2, truthPairs: 3, correctPairs: 1 }
 */
export function linePairScores(found: readonly (readonly string[])[], truth: readonly (readonly string[])[]):
  { precision: number; recall: number; f1: number; foundPairs: number; truthPairs: number; correctPairs: number } {
  const groupOf = new Map<string, number>();
  truth.forEach((g, i) => { for (const v of g) groupOf.set(v, i); });
  let foundPairs = 0, correctPairs = 0, truthPairs = 0;
  for (const g of truth) truthPairs += (g.length * (g.length - 1)) / 2;
  for (const line of found) {
    const vs = [...new Set(line)];
    for (let i = 0; i < vs.length; i++) for (let j = i + 1; j < vs.length; j++) {
      foundPairs++;
      const a = groupOf.get(vs[i]);
      if (a !== undefined && a === groupOf.get(vs[j])) correctPairs++;
    }
  }
  const precision = foundPairs ? correctPairs / foundPairs : NaN;
  const recall = truthPairs ? correctPairs / truthPairs : NaN;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, foundPairs, truthPairs, correctPairs };
}
