import { describe, expect, it } from 'vitest';
import { median, quantile, quantileSorted } from '../../src/core/stats.js';

describe('quantile, quantileSorted and median (type 7, d3-array)', () => {
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

  it('quantileSorted reads a sorted Float64Array in place and agrees with quantile on the same values', () => {
    const values = [5, 3, 9, 1, 7, 2, 8];
    const sorted = Float64Array.from(values).sort();
    for (const q of [0, 0.05, 0.5, 0.9, 0.99, 1]) expect(quantileSorted(sorted, q)).toBe(quantile(values, q));
    // p99 of 1..100: position 99 × 0.99 = 98.01, 99 + 0.01 × (100 − 99) = 99.01 (nearest rank would give 99).
    expect(quantileSorted(Float64Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBeCloseTo(99.01, 12);
  });

  it('quantileSorted(empty) and a q outside [0, 1] throw', () => {
    expect(() => quantileSorted(new Float64Array(0), 0.5)).toThrow(/empty/);
    expect(() => quantileSorted([1, 2], 2)).toThrow(/from 0 to 1/);
  });
});
