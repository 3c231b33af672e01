/**
 * The `q`-quantile of `values` (0 <= q <= 1) by linear interpolation between order statistics,
 * numpy's default ("linear", type 7 of Hyndman and Fan): the value at position (n - 1) × q of
 * the sorted values. `values` is not modified. Throws a RangeError on an empty list or a `q`
 * outside [0, 1].
 *
 * @example quantile([1, 2, 3, 4], 0.9) // 3.7: position 2.7, 3 + 0.7 × (4 - 3)
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new RangeError('quantile of an empty list');
  if (!(q >= 0 && q <= 1)) throw new RangeError(`quantile: q = ${q}; expected a number from 0 to 1`);
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const lower = sorted[below] ?? Number.NaN;
  if (position === below) return lower;
  const upper = sorted[Math.ceil(position)] ?? Number.NaN;
  return lower + (position - below) * (upper - lower);
}

/**
 * The middle value of `values`, or the mean of the two middle ones for an even count.
 * Throws a RangeError on an empty list.
 *
 * @example median([3, 1, 4, 1]) // 2
 */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
