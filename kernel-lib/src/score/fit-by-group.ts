/**
 * One vote per source: a logistic fit on each group of rows alone (each traffic generator's tuning
 * runs), then the mean of the groups' intercepts and weights, optionally blended with one fit on all
 * the rows together (`pooledShare`). A mean of linear models is a linear model over the same terms,
 * so the scorer keeps its named parts and reasons. A signal one generator happens to make strong
 * gets a quarter of the groups' say with four groups, not the share its rows would have in one
 * pooled fit (scripts/fit-scorer.mjs; README "Robustness benchmark").
 */
import { fitLogistic, meanLogLoss, type LogisticFit } from './fit-logistic';

/** The blended model, each group's own fit and the pooled fit (null with `pooledShare` 0). */
export interface GroupedLogisticFit {
  intercept: number;
  weights: number[];
  /** Mean log-loss of all the rows under the blended model. */
  logLoss: number;
  /** Each group's fit, in the order the groups first appear in the rows. */
  groups: { group: string; rows: number; positives: number; fit: LogisticFit }[];
  pooled: LogisticFit | null;
}

/**
 * Fit each group of rows (`groups[i]` names row i's group) with fitLogistic and average the fits;
 * with `pooledShare` p, the model is p × (one fit on all rows) + (1 − p) × (the groups' mean).
 * Options otherwise as fitLogistic's; `rowWeights` apply within each fit.
 *
 * @example
 * const fit = fitLogisticByGroup([[0], [1], [0], [2]], [0, 1, 0, 1], ['a', 'a', 'b', 'b'], { l2: 0.1 });
 * fit.weights[0] === (fit.groups[0].fit.weights[0] + fit.groups[1].fit.weights[0]) / 2 // true
 */
export function fitLogisticByGroup(x: readonly ArrayLike<number>[], y: ArrayLike<number>, groups: readonly string[],
  options: Parameters<typeof fitLogistic>[2] & { pooledShare?: number } = {}): GroupedLogisticFit {
  const { pooledShare = 0, ...fitOptions } = options;
  if (groups.length !== x.length) throw new RangeError(`fitLogisticByGroup: ${x.length} rows and ${groups.length} group names`);
  if (!(pooledShare >= 0 && pooledShare <= 1)) throw new RangeError(`fitLogisticByGroup: pooledShare ${pooledShare} is not between 0 and 1`);
  const members = new Map<string, number[]>();
  groups.forEach((g, i) => { if (!members.has(g)) members.set(g, []); members.get(g)!.push(i); });
  const fits = [...members].map(([group, rows]) => ({
    group, rows: rows.length, positives: rows.reduce((s, i) => s + (y[i] ? 1 : 0), 0),
    fit: fitLogistic(rows.map((i) => x[i]), rows.map((i) => y[i]), { ...fitOptions, rowWeights: fitOptions.rowWeights && rows.map((i) => fitOptions.rowWeights![i]) }),
  }));
  const pooled = pooledShare > 0 ? fitLogistic(x, y, fitOptions) : null;
  const blend = (f: (g: LogisticFit) => number) => {
    const mean = fits.reduce((s, g) => s + f(g.fit), 0) / fits.length;
    return pooled ? pooledShare * f(pooled) + (1 - pooledShare) * mean : mean;
  };
  const intercept = blend((g) => g.intercept), weights = fits[0].fit.weights.map((_, k) => blend((g) => g.weights[k]));
  return { intercept, weights, logLoss: meanLogLoss(x, y, intercept, weights, fitOptions.rowWeights), groups: fits, pooled };
}
