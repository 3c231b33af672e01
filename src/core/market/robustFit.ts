import { lineAt } from './regression.js';

/** A robust weighted line y = intercept + slope·x (Huber M-estimate) with what its bands need. */
export interface RobustLineFit {
  readonly intercept: number;
  readonly slope: number;
  readonly n: number;
  /** Robust residual scale: 1.4826 × the median absolute residual (σ for normal errors). */
  readonly scale: number;
  /** Weighted share of the variance of y the line explains (final weights). */
  readonly rSquared: number;
  /** Weighted mean of x and Σ ŵ(x − x̄)² with weights normalised to mean 1. */
  readonly meanX: number;
  readonly sxx: number;
  /** Indices of points more than 2.5 scales from the line (shown, down-weighted, never dropped). */
  readonly outliers: readonly number[];
  /** Final weight of each point: prior weight × Huber weight. */
  readonly weights: readonly number[];
}

/** Huber's tuning constant: 95% efficiency for normal errors. */
const HUBER_K = 1.345;
const MAD_TO_SIGMA = 1.4826;
const OUTLIER_SCALES = 2.5;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

function weightedLine(x: readonly number[], y: readonly number[], w: readonly number[]) {
  let sw = 0, sx = 0, sy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] as number;
    sw += wi;
    sx += wi * (x[i] as number);
    sy += wi * (y[i] as number);
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0, sxy = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i] as number;
    const dx = (x[i] as number) - mx;
    sxx += wi * dx * dx;
    sxy += wi * dx * ((y[i] as number) - my);
  }
  if (!(sxx > 0)) throw new Error('robustLine needs x values that differ');
  const slope = sxy / sxx;
  return { intercept: my - slope * mx, slope, mx, my };
}

/**
 * Fits y on x by iteratively reweighted least squares with Huber weights (k = 1.345) on a
 * MAD scale, so that a few far-off points (a premium provider, a mislabelled model) cannot pull
 * the line: each point's weight is its prior weight (e.g. fewer providers, less weight) times
 * min(1, k·scale/|residual|). At least 3 points with x not all equal.
 * Source: Huber, Robust Statistics (1981); the prediction band is the weighted least-squares one
 * at the robust scale, an approximation that ignores the reweighting's own uncertainty.
 * Example: robustLine([0, 1, 2, 3, 4], [0, 1, 2, 3, 40]) has slope ≈ 1, with point 4 an outlier.
 */
export function robustLine(x: readonly number[], y: readonly number[], priorWeights: readonly number[] = x.map(() => 1)): RobustLineFit {
  const n = x.length;
  if (n < 3 || y.length !== n || priorWeights.length !== n) throw new Error(`robustLine needs at least 3 paired points, got ${n}`);
  let w = [...priorWeights];
  let line = weightedLine(x, y, w);
  let scale = 0;
  for (let iter = 0; iter < 100; iter++) {
    const r = x.map((xi, i) => (y[i] as number) - (line.intercept + line.slope * xi));
    scale = MAD_TO_SIGMA * median(r.map(Math.abs));
    if (!(scale > 0)) break;
    w = r.map((ri, i) => (priorWeights[i] as number) * Math.min(1, (HUBER_K * scale) / Math.abs(ri)));
    const next = weightedLine(x, y, w);
    const done = Math.abs(next.slope - line.slope) < 1e-10 && Math.abs(next.intercept - line.intercept) < 1e-10;
    line = next;
    if (done) break;
  }
  const meanW = w.reduce((a, b) => a + b, 0) / n;
  const wn = w.map((wi) => wi / meanW);
  let sxx = 0, sse = 0, sst = 0;
  for (let i = 0; i < n; i++) {
    const wi = wn[i] as number;
    const xi = x[i] as number;
    const yi = y[i] as number;
    sxx += wi * (xi - line.mx) ** 2;
    sse += wi * (yi - line.intercept - line.slope * xi) ** 2;
    sst += wi * (yi - line.my) ** 2;
  }
  const outliers = x.flatMap((xi, i) => (Math.abs((y[i] as number) - line.intercept - line.slope * xi) > OUTLIER_SCALES * scale ? [i] : []));
  return { intercept: line.intercept, slope: line.slope, n, scale, rSquared: sst === 0 ? 1 : 1 - sse / sst, meanX: line.mx, sxx, outliers, weights: w };
}

/**
 * The fitted value at x with 95% bands at the robust scale: `confidence` for the line,
 * `prediction` for one new point (a new model's price), t with n − 2 degrees of freedom.
 */
export function robustLineAt(fit: RobustLineFit, x: number) {
  return lineAt({ ...fit, residualStandardError: fit.scale }, x);
}
