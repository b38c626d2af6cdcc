/**
 * Logistic regression by Newton's method (iteratively reweighted least squares) with an L2
 * penalty on the weights (not the intercept): the fit behind the county-lines scorer's weights
 * (scripts/fit-scorer.mjs). Small, dense and deterministic: same rows, same weights, bit for bit.
 */

/** A fitted model: intercept and one weight per column, plus the fit's figures. */
export interface LogisticFit {
  intercept: number;
  weights: number[];
  iterations: number;
  /** Mean log-loss of the rows under the fitted model. */
  logLoss: number;
}

/**
 * Fit P(y = 1 | x) = 1 / (1 + exp(-(b + w·x))) to rows `x` and 0/1 labels `y`, each row
 * counted `rowWeights[i]` times (default 1: every row once).
 *
 * @example
 * const fit = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0.1 });
 * fit.weights[0] > 0 // true
 */
export function fitLogistic(x: readonly ArrayLike<number>[], y: ArrayLike<number>, options: { l2?: number; maxIterations?: number; tolerance?: number; rowWeights?: ArrayLike<number> } = {}): LogisticFit {
  const l2 = options.l2 ?? 1, maxIt = options.maxIterations ?? 50, tol = options.tolerance ?? 1e-9;
  const n = x.length, rw = options.rowWeights;
  if (n === 0 || n !== y.length) throw new RangeError(`fitLogistic: ${n} rows and ${y.length} labels`);
  if (rw && rw.length !== n) throw new RangeError(`fitLogistic: ${n} rows and ${rw.length} row weights`);
  const d = x[0].length + 1; // column 0 is the intercept
  const beta = new Float64Array(d);
  let it = 0;
  for (; it < maxIt; it++) {
    const g = new Float64Array(d), h = new Float64Array(d * d);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      let z = beta[0];
      for (let k = 1; k < d; k++) z += beta[k] * xi[k - 1];
      const c = rw ? rw[i] : 1, p = 1 / (1 + Math.exp(-z)), r = c * (y[i] - p), w = c * Math.max(p * (1 - p), 1e-12);
      for (let a = 0; a < d; a++) {
        const xa = a === 0 ? 1 : xi[a - 1];
        g[a] += r * xa;
        for (let b = a; b < d; b++) h[a * d + b] += w * xa * (b === 0 ? 1 : xi[b - 1]);
      }
    }
    for (let a = 1; a < d; a++) { g[a] -= l2 * beta[a]; h[a * d + a] += l2; }
    for (let a = 0; a < d; a++) for (let b = 0; b < a; b++) h[a * d + b] = h[b * d + a];
    const step = solve(h, g, d);
    let change = 0;
    for (let a = 0; a < d; a++) { beta[a] += step[a]; change = Math.max(change, Math.abs(step[a])); }
    if (change < tol) { it++; break; }
  }
  const weights = Array.from(beta.subarray(1));
  return { intercept: beta[0], weights, iterations: it, logLoss: meanLogLoss(x, y, beta[0], weights, rw) };
}

/**
 * Mean log-loss of rows `x` with 0/1 labels `y` under the model P(y = 1 | x) = σ(b + w·x), each
 * row counted `rowWeights[i]` times (default once).
 * @example meanLogLoss([[0]], [1], 0, [1]) // ln 2
 */
export function meanLogLoss(x: readonly ArrayLike<number>[], y: ArrayLike<number>, intercept: number, weights: ArrayLike<number>, rowWeights?: ArrayLike<number>): number {
  let loss = 0, total = 0;
  for (let i = 0; i < x.length; i++) {
    let z = intercept;
    for (let k = 0; k < weights.length; k++) z += weights[k] * x[i][k];
    const c = rowWeights ? rowWeights[i] : 1;
    loss += c * (y[i] ? Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z)));
    total += c;
  }
  return loss / total;
}

/** Solve the symmetric positive-definite system A s = g (Cholesky). */
function solve(a: Float64Array, g: Float64Array, d: number): Float64Array {
  const l = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * d + j];
      for (let k = 0; k < j; k++) s -= l[i * d + k] * l[j * d + k];
      l[i * d + j] = i === j ? Math.sqrt(Math.max(s, 1e-12)) : s / l[j * d + j];
    }
  }
  const z = new Float64Array(d), s = new Float64Array(d);
  for (let i = 0; i < d; i++) { let t = g[i]; for (let k = 0; k < i; k++) t -= l[i * d + k] * z[k]; z[i] = t / l[i * d + i]; }
  for (let i = d - 1; i >= 0; i--) { let t = z[i]; for (let k = i + 1; k < d; k++) t -= l[k * d + i] * s[k]; s[i] = t / l[i * d + i]; }
  return s;
}
