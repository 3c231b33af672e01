/** Two-sided 95% Student-t quantiles by degrees of freedom (standard tables); 1.96 beyond 30. */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function tQuantile95(degreesOfFreedom: number): number {
  return degreesOfFreedom >= 1 && degreesOfFreedom <= 30 ? (T95[degreesOfFreedom - 1] ?? 1.96) : 1.96;
}

/** An ordinary least-squares line y = intercept + slope·x with what is needed for its bands. */
export interface LineFit {
  readonly intercept: number;
  readonly slope: number;
  readonly n: number;
  /** Share of the variance of y the line explains. */
  readonly rSquared: number;
  /** Residual standard error, √(SSE / (n − 2)). */
  readonly residualStandardError: number;
  readonly meanX: number;
  /** Σ (x − x̄)². */
  readonly sxx: number;
}

/**
 * Least-squares fit of y on x (at least 3 points, x not all equal).
 * Example: fitLine([0, 1, 2], [1, 3, 5]) is y = 1 + 2x with R² = 1.
 */
export function fitLine(x: readonly number[], y: readonly number[]): LineFit {
  const n = x.length;
  if (n < 3 || y.length !== n) throw new Error(`fitLine needs at least 3 paired points, got ${n}`);
  const meanX = x.reduce((a, b) => a + b, 0) / n;
  const meanY = y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - meanX;
    const dy = (y[i] as number) - meanY;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) throw new Error('fitLine needs x values that differ');
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < n; i++) sse += ((y[i] as number) - (intercept + slope * (x[i] as number))) ** 2;
  return { intercept, slope, n, rSquared: syy === 0 ? 1 : 1 - sse / syy, residualStandardError: Math.sqrt(sse / (n - 2)), meanX, sxx };
}

/**
 * The fitted value at x with its 95% band: `confidence` for the mean (where the line is),
 * `prediction` for one new point (where a new model's price would fall).
 */
export function lineAt(fit: LineFit, x: number) {
  const y = fit.intercept + fit.slope * x;
  const t = tQuantile95(fit.n - 2);
  const lever = 1 / fit.n + (x - fit.meanX) ** 2 / fit.sxx;
  const conf = t * fit.residualStandardError * Math.sqrt(lever);
  const pred = t * fit.residualStandardError * Math.sqrt(1 + lever);
  return { y, confidence: [y - conf, y + conf] as const, prediction: [y - pred, y + pred] as const };
}
