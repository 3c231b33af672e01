export interface RootOptions {
  /** Stop once |f(x)| is at most this... */
  readonly fTolerance?: number;
  /** ...and the bracket around x is at most this share of |x| wide... */
  readonly xRelativeTolerance?: number;
  /** ...or this wide, whichever is larger (a root at or near 0). */
  readonly xAbsoluteTolerance?: number;
  readonly maxIterations?: number;
}

export interface Root {
  readonly x: number;
  readonly fx: number;
  readonly iterations: number;
  /** False when the bracket shrank to floating-point resolution, or the iterations ran out, with |f| still above the tolerance (f jumps across zero at x). */
  readonly converged: boolean;
}

/**
 * A zero of `f` in [a, b], where f(a) and f(b) differ in sign, by Brent's method (R. P. Brent,
 * "Algorithms for Minimization without Derivatives", 1973, ch. 4; as in Numerical Recipes'
 * `zbrent`): inverse quadratic or secant steps while they shrink the bracket fast enough,
 * bisection otherwise, so it never does worse than bisection. Stops when |f(x)| ≤ fTolerance
 * (default 1e-12) and the bracket is within xRelativeTolerance (default 1e-9) of x or xAbsoluteTolerance wide.
 * Example: `findRoot((x) => x * x - 2, 0, 2).x` ≈ 1.414213562.
 */
export function findRoot(f: (x: number) => number, a0: number, b0: number, options: RootOptions = {}): Root {
  const { fTolerance = 1e-12, xRelativeTolerance = 1e-9, xAbsoluteTolerance = 1e-300, maxIterations = 200 } = options;
  let a = a0;
  let b = b0;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return { x: a, fx: 0, iterations: 0, converged: true };
  if (fb === 0) return { x: b, fx: 0, iterations: 0, converged: true };
  if (Math.sign(fa) === Math.sign(fb)) throw new RangeError(`findRoot: f(${a}) and f(${b}) have the same sign`);
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    // The smallest step floating point resolves near b, and the bracket that satisfies the caller.
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * xAbsoluteTolerance;
    const half = 0.5 * (c - b);
    if (fb === 0 || (Math.abs(half) <= Math.max(0.5 * xRelativeTolerance * Math.abs(b), tol) && Math.abs(fb) <= fTolerance)) {
      return { x: b, fx: fb, iterations: iteration, converged: true };
    }
    // The bracket cannot shrink further, yet f is not small: f jumps across zero here.
    if (Math.abs(half) <= tol) return { x: b, fx: fb, iterations: iteration, converged: false };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const r = fb / fc;
        const t = fa / fc;
        p = s * (2 * half * t * (t - r) - (b - a) * (r - 1));
        q = (t - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      p = Math.abs(p);
      if (2 * p < Math.min(3 * half * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : half > 0 ? tol : -tol;
    fb = f(b);
  }
  return { x: b, fx: fb, iterations: maxIterations, converged: false };
}
