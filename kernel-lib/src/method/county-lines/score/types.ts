/** The fitted logistic scorer's model: intercept and weights per term (see logistic.ts). */

/**
 * Weights by term name (a missing term weighs 0), the intercept, and how they were fitted. A
 * term's weights are [on its value, then on max(0, value − knot) for each of its knots]; a
 * single number weighs the value only (`{ night: 0 }` turns a term off).
 */
export interface ScorerModel {
  intercept: number;
  weights: Record<string, number | number[]>;
  fitted: null | {
    command: string;
    variants: string[];
    seeds: string[];
    /** The independent generators' tuning variants and their seeds, when the fit used them (bench/<generator>/scenarios.json). */
    otherGenerators?: { variant: string; seeds: string[] }[];
    rows: number;
    positives: number;
    l2: number;
    logLoss: number;
    /** The share of the model from one fit on all rows; the rest is the mean of the generators' own fits (below). */
    pooledShare?: number;
    /** Each generator's own fit, when the fit was made per generator. */
    perGenerator?: { group: string; rows: number; positives: number; logLoss: number }[];
  };
}
