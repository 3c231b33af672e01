import { normalQuantile } from './normalQuantile.js';

/** How one input of a scenario may vary. Every parameter is in the input's own unit. */
export type Distribution =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
  /** Uniform in the logarithm: each factor of 2 inside [low, high] equally likely (low > 0). */
  | { readonly kind: 'loguniform'; readonly low: number; readonly high: number }
  | { readonly kind: 'triangular'; readonly low: number; readonly mode: number; readonly high: number }
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number }
  /** exp(ln median + sigma·Z): median, not mean (the mean is median·exp(sigma²/2)). */
  | { readonly kind: 'lognormal'; readonly median: number; readonly sigma: number };

export const DISTRIBUTION_KINDS = ['fixed', 'uniform', 'loguniform', 'triangular', 'normal', 'lognormal'] as const;

/**
 * The unbounded distributions (normal, lognormal) are cut at this probability in each tail, so
 * every draw, the solver's range and the domain check see finite values: ±6.0 standard deviations.
 * A cut of 1e-9 changes no percentile or mean that 10⁷ samples could resolve.
 */
export const TAIL_PROBABILITY = 1e-9;

/**
 * The p-quantile of `d` (p in [0, 1]): the value below which a share p of draws falls. Every
 * sample is `quantile(d, U)` with U uniform (inversion), so percentiles, medians and draws agree.
 * Normal and lognormal clip p to [TAIL_PROBABILITY, 1 − TAIL_PROBABILITY].
 * Example: `quantile({kind: 'loguniform', low: 1e12, high: 4e12}, 0.5)` = 2e12.
 */
export function quantile(d: Distribution, p: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.low + p * (d.high - d.low);
    case 'loguniform':
      // Clamped: exp(log(low)) can round a hair below low, and grids and solvers start at the ends.
      return Math.min(d.high, Math.max(d.low, p >= 1 ? d.high : Math.exp(Math.log(d.low) + p * (Math.log(d.high) - Math.log(d.low)))));
    case 'triangular': {
      // Inverse of the piecewise-quadratic CDF, split at the mode's cumulative share.
      const width = d.high - d.low;
      const split = (d.mode - d.low) / width;
      return p <= split ? d.low + Math.sqrt(p * width * (d.mode - d.low)) : d.high - Math.sqrt((1 - p) * width * (d.high - d.mode));
    }
    case 'normal':
      return d.mean + d.sd * normalQuantile(clip(p));
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normalQuantile(clip(p)));
  }
}

const clip = (p: number) => Math.min(1 - TAIL_PROBABILITY, Math.max(TAIL_PROBABILITY, p));

/** The 50th percentile. Example: triangular(0, mode 0, 1) has median 1 − √0.5 ≈ 0.293. */
export function median(d: Distribution): number {
  return quantile(d, 0.5);
}

/** The range every draw falls in: [low, high] of a bounded distribution, the 1e-9 tails of an unbounded one. */
export function support(d: Distribution): { readonly low: number; readonly high: number } {
  return { low: quantile(d, 0), high: quantile(d, 1) };
}

/** One line for the assumptions table. Example: `triangular(low 5.98, mode 6.89, high 8.6)`, `loguniform(low 1e12, high 5e12)`. */
export function describeDistribution(d: Distribution): string {
  const n = (x: number) => (Math.abs(x) >= 1e6 ? Number(x.toPrecision(6)).toExponential().replace('e+', 'e') : String(Number(x.toPrecision(6))));
  switch (d.kind) {
    case 'fixed':
      return `fixed ${n(d.value)}`;
    case 'uniform':
    case 'loguniform':
      return `${d.kind}(low ${n(d.low)}, high ${n(d.high)})`;
    case 'triangular':
      return `triangular(low ${n(d.low)}, mode ${n(d.mode)}, high ${n(d.high)})`;
    case 'normal':
      return `normal(mean ${n(d.mean)}, sd ${n(d.sd)})`;
    case 'lognormal':
      return `lognormal(median ${n(d.median)}, sigma ${n(d.sigma)})`;
  }
}
