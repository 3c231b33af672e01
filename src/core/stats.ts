import { quantile as d3Quantile, quantileSorted as d3QuantileSorted } from 'd3-array';

/*
 * The statistics home of the project: one quantile definition, d3-array's, for validation errors,
 * calibration, Monte Carlo summaries and simulated latency percentiles alike. It interpolates
 * linearly between order statistics at position (n − 1) × q (Hyndman and Fan's type 7, the
 * default of R, NumPy and d3), so a p99 here is the p99 of a notebook given the same values.
 */

function checkQuantileArgs(count: number, q: number): void {
  if (count === 0) throw new RangeError('quantile of an empty list');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q = ${q}; expected a number from 0 to 1`);
}

/**
 * The `q`-quantile of `values` (0 ≤ q ≤ 1), type 7: the value at position (n − 1) × q of the
 * sorted values, interpolated. `values` is not modified (d3 selects in a copy, no full sort).
 * Throws a RangeError on an empty list or a `q` outside [0, 1].
 *
 * @example quantile([1, 2, 3, 4], 0.9) // 3.7: position 2.7, 3 + 0.7 × (4 − 3)
 */
export function quantile(values: ArrayLike<number> & Iterable<number>, q: number): number {
  checkQuantileArgs(values.length, q);
  return d3Quantile(values, q) as number;
}

/**
 * `quantile` of values already in ascending order, without copying them: for several quantiles
 * of one large sample (sort once, then read each). Same errors as `quantile`.
 *
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  checkQuantileArgs(sorted.length, q);
  // d3 reads only `length` and indices; its typings ask for an Array, and a Float64Array is none.
  return d3QuantileSorted(sorted as unknown as number[], q) as number;
}

/**
 * The middle value of `values`, or the mean of the two middle ones for an even count.
 * Throws a RangeError on an empty list.
 *
 * @example median([3, 1, 4, 1]) // 2
 */
export function median(values: ArrayLike<number> & Iterable<number>): number {
  return quantile(values, 0.5);
}
