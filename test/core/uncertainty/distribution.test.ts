import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeDistribution, median, normalQuantile, quantile, support, TAIL_PROBABILITY, type Distribution } from '../../../src/core/uncertainty/index.js';

const distributions: [string, Distribution][] = [
  ['fixed', { kind: 'fixed', value: 3 }],
  ['uniform', { kind: 'uniform', low: 2, high: 6 }],
  ['loguniform', { kind: 'loguniform', low: 1e12, high: 5e12 }],
  ['triangular', { kind: 'triangular', low: 5.98, mode: 6.89, high: 8.6 }],
  ['normal', { kind: 'normal', mean: 10, sd: 2 }],
  ['lognormal', { kind: 'lognormal', median: 4, sigma: 0.3 }],
];

describe('normalQuantile', () => {
  it.each([
    [0.5, 0], [0.975, 1.959963984540054], [0.9, 1.2815515655446004], [0.05, -1.6448536269514722], [0.001, -3.090232306167813], [1e-9, -5.997807015],
  ])('normalQuantile(%s) is %s within 1e-8 (Acklam)', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 8);
  });

  it('is −∞ at 0, +∞ at 1 and antisymmetric about 0.5 (where 1 − p is exact enough: p ≥ 1e-6)', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => Math.abs(normalQuantile(p) + normalQuantile(1 - p)) < 1e-6));
  });
});

describe('quantile', () => {
  it.each(distributions)('quantile(%s, p) rises with p and stays within the support', (_, d) => {
    const { low, high } = support(d);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (p, q) => {
      const [a, b] = p <= q ? [p, q] : [q, p];
      const x = quantile(d, a);
      const y = quantile(d, b);
      return x <= y + 1e-9 * Math.abs(y) && x >= low && y <= high;
    }));
  });

  it('gives the closed-form medians: loguniform √(low·high), triangular with the mode at low 1 − √½, lognormal its median', () => {
    expect(median({ kind: 'loguniform', low: 1e12, high: 4e12 })).toBeCloseTo(2e12, -2);
    expect(median({ kind: 'triangular', low: 0, mode: 0, high: 1 })).toBeCloseTo(1 - Math.SQRT1_2, 12);
    expect(median({ kind: 'triangular', low: 0, mode: 0.5, high: 1 })).toBeCloseTo(0.5, 12);
    expect(median({ kind: 'lognormal', median: 4, sigma: 0.3 })).toBe(4);
    expect(median({ kind: 'normal', mean: 10, sd: 2 })).toBe(10);
    expect(median({ kind: 'uniform', low: 2, high: 6 })).toBe(4);
  });

  it('returns the ends of a bounded distribution exactly and cuts an unbounded one at its 1e-9 tails (±6.0 sd)', () => {
    expect(support({ kind: 'loguniform', low: 1e12, high: 5e12 })).toEqual({ low: 1e12, high: 5e12 });
    expect(support({ kind: 'triangular', low: 5.98, mode: 6.89, high: 8.6 })).toEqual({ low: 5.98, high: 8.6 });
    const { low, high } = support({ kind: 'normal', mean: 0, sd: 1 });
    expect(low).toBeCloseTo(normalQuantile(TAIL_PROBABILITY), 12);
    expect(high).toBeCloseTo(6.0, 1);
  });

  it('a triangular p10 and p90 match the inverse of its CDF', () => {
    const d: Distribution = { kind: 'triangular', low: 0, mode: 1, high: 4 };
    // CDF below the mode: (x − low)² / ((high − low)(mode − low)); above: 1 − (high − x)² / ((high − low)(high − mode)).
    const cdf = (x: number) => (x <= 1 ? x ** 2 / 4 : 1 - (4 - x) ** 2 / 12);
    for (const p of [0.1, 0.25, 0.5, 0.9]) expect(cdf(quantile(d, p))).toBeCloseTo(p, 12);
  });
});

describe('describeDistribution', () => {
  it.each([
    [{ kind: 'loguniform', low: 1e12, high: 5e12 } as Distribution, 'loguniform(low 1e12, high 5e12)'],
    [{ kind: 'triangular', low: 5.98, mode: 6.89, high: 8.6 } as Distribution, 'triangular(low 5.98, mode 6.89, high 8.6)'],
    [{ kind: 'lognormal', median: 4, sigma: 0.3 } as Distribution, 'lognormal(median 4, sigma 0.3)'],
    [{ kind: 'fixed', value: 0.6 } as Distribution, 'fixed 0.6'],
  ])('describeDistribution(%j) is %s', (d, text) => {
    expect(describeDistribution(d)).toBe(text);
  });
});
