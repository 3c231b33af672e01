import { describe, expect, it } from 'vitest';
import { median, quantile } from '../../../src/core/validation/stats.js';

describe('quantile and median', () => {
  it.each([
    // [values, q, expected]: positions (n - 1) × q, checked by hand (numpy.quantile gives the same).
    [[1, 2, 3, 4], 0.9, 3.7],
    [[4, 1, 3, 2], 0.5, 2.5],
    [[1, 2, 3, 4, 5], 0.5, 3],
    [[1, 2, 3, 4, 5], 0.9, 4.6],
    [[10, 20], 0.25, 12.5],
    [[7], 0.9, 7],
    [[3, 1, 2], 0, 1],
    [[3, 1, 2], 1, 3],
  ])('quantile(%j, %d) is %d', (values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 12);
  });

  it('median([3, 1, 4, 1]) is 2, the mean of the two middle values', () => {
    expect(median([3, 1, 4, 1])).toBe(2);
  });

  it('quantile does not reorder its input', () => {
    const values = [3, 1, 2];
    quantile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });

  it('quantile([], 0.5) and median([]) throw', () => {
    expect(() => quantile([], 0.5)).toThrow(/empty/);
    expect(() => median([])).toThrow(/empty/);
  });

  it.each([-0.1, 1.5, Number.NaN])('quantile([1, 2], %d) throws for a q outside [0, 1]', (q) => {
    expect(() => quantile([1, 2], q)).toThrow(/from 0 to 1/);
  });
});
