/**
 * Robust nonlinear least squares: Levenberg–Marquardt on Huber-weighted residuals (iteratively
 * reweighted), with a forward-difference Jacobian. Pure and deterministic.
 */
export interface RobustFitProblem {
  /** Parameters to start from. */
  readonly start: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
  /** Residuals at `x`; `changed` (when given) is the index of the one parameter changed since `base`, for partial recomputation. */
  readonly residuals: (x: readonly number[]) => number[];
  /** Each residual's weight (1 by default). */
  readonly weights?: readonly number[];
  /** Residual size beyond which a point counts linearly, not quadratically (Huber's δ). */
  readonly huberDelta: number;
  /** Gaussian prior on each parameter: mean and standard deviation (regularises weakly pinned directions). */
  readonly priorMean: readonly number[];
  readonly priorSigma: number;
  readonly maxIterations?: number;
  /** Step of the finite-difference Jacobian. */
  readonly step?: number;
  /** Columns of the Jacobian: residuals at x with parameter j moved (default: `residuals`). */
  readonly column?: (x: readonly number[], j: number, base: readonly number[]) => number[];
}

export interface RobustFitResult {
  readonly x: number[];
  /** Standard error of each parameter (from the Gauss–Newton covariance, scaled by the robust residual variance). */
  readonly standardErrors: number[];
  readonly iterations: number;
  readonly cost: number;
}

function huberWeights(r: readonly number[], delta: number): number[] {
  return r.map((x) => (Math.abs(x) <= delta ? 1 : delta / Math.abs(x)));
}

function cost(r: readonly number[], w: readonly number[], delta: number, x: readonly number[], mean: readonly number[], sigma: number): number {
  let c = 0;
  r.forEach((ri, i) => {
    const a = Math.abs(ri);
    c += (w[i] ?? 1) * (a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta));
  });
  x.forEach((xi, j) => { c += 0.5 * ((xi - (mean[j] ?? 0)) / sigma) ** 2; });
  return c;
}

/** Solves the symmetric positive-definite system A y = b by Cholesky (A is n×n, row-major arrays). */
export function solveSpd(a: number[][], b: number[]): number[] {
  const n = b.length;
  const l = a.map((row) => row.map(() => 0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (a[i] as number[])[j] as number;
      for (let k = 0; k < j; k++) sum -= ((l[i] as number[])[k] as number) * ((l[j] as number[])[k] as number);
      if (i === j) (l[i] as number[])[i] = Math.sqrt(Math.max(sum, 1e-300));
      else (l[i] as number[])[j] = sum / ((l[j] as number[])[j] as number);
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i] as number;
    for (let k = 0; k < i; k++) sum -= ((l[i] as number[])[k] as number) * (y[k] as number);
    y[i] = sum / ((l[i] as number[])[i] as number);
  }
  const out = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i] as number;
    for (let k = i + 1; k < n; k++) sum -= ((l[k] as number[])[i] as number) * (out[k] as number);
    out[i] = sum / ((l[i] as number[])[i] as number);
  }
  return out;
}

/**
 * Minimises Σ wᵢ·huber(rᵢ(x)) + Σ ((xⱼ − μⱼ)/σ)²/2 within the bounds.
 * Example: fitting one scale to residuals log(k·aᵢ/bᵢ) finds log k near the median log ratio.
 */
export function robustFit(p: RobustFitProblem): RobustFitResult {
  const n = p.start.length;
  const h = p.step ?? 1e-3;
  const clamp = (x: number[]) => x.map((v, j) => Math.min(p.upper[j] as number, Math.max(p.lower[j] as number, v)));
  let x = clamp([...p.start]);
  let r = p.residuals(x);
  const baseWeights = p.weights ?? r.map(() => 1);
  let c = cost(r, baseWeights, p.huberDelta, x, p.priorMean, p.priorSigma);
  let lambda = 1e-2;
  let iterations = 0;
  let jtj: number[][] = [];
  const maxIterations = p.maxIterations ?? 30;
  for (; iterations < maxIterations; iterations++) {
    const hw = huberWeights(r, p.huberDelta).map((w, i) => w * (baseWeights[i] ?? 1));
    const columns: number[][] = [];
    for (let j = 0; j < n; j++) {
      const moved = [...x];
      moved[j] = (moved[j] as number) + h;
      const rj = p.column === undefined ? p.residuals(moved) : p.column(moved, j, x);
      columns.push(rj.map((v, i) => (v - (r[i] as number)) / h));
    }
    jtj = columns.map((ci, a) => columns.map((cj, b) => ci.reduce((s, v, i) => s + (hw[i] as number) * v * (cj[i] as number), 0) + (a === b ? 1 / p.priorSigma ** 2 : 0)));
    const grad = columns.map((cj, j) => cj.reduce((s, v, i) => s + (hw[i] as number) * v * (r[i] as number), 0) + ((x[j] as number) - (p.priorMean[j] ?? 0)) / p.priorSigma ** 2);
    let improved = false;
    for (let attempt = 0; attempt < 8; attempt++) {
      const damped = jtj.map((row, a) => row.map((v, b) => (a === b ? v * (1 + lambda) : v)));
      const delta = solveSpd(damped, grad.map((g) => -g));
      const candidate = clamp(x.map((v, j) => v + (delta[j] as number)));
      const rc = p.residuals(candidate);
      const cc = cost(rc, baseWeights, p.huberDelta, candidate, p.priorMean, p.priorSigma);
      if (cc < c) {
        const gain = (c - cc) / Math.max(c, 1e-12);
        x = candidate; r = rc; c = cc; lambda = Math.max(1e-6, lambda / 3); improved = true;
        if (gain < 1e-5) iterations = maxIterations;
        break;
      }
      lambda *= 4;
    }
    if (!improved) break;
  }
  // Covariance ≈ s² (JᵀWJ + prior)⁻¹, s² the weighted residual variance.
  const m = r.length;
  const hw = huberWeights(r, p.huberDelta).map((w, i) => w * (baseWeights[i] ?? 1));
  const s2 = r.reduce((s, v, i) => s + (hw[i] as number) * v * v, 0) / Math.max(1, m - n);
  const standardErrors = jtj.length === 0 ? x.map(() => p.priorSigma) : x.map((_, j) => {
    const e = new Array<number>(n).fill(0);
    e[j] = 1;
    const col = solveSpd(jtj, e);
    return Math.sqrt(Math.max(0, s2 * (col[j] as number)));
  });
  return { x, standardErrors, iterations, cost: c };
}
