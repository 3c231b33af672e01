import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../../../src/core/subscription/normalCdf.js';

describe('normalCdf', () => {
  it('normalCdf matches the standard normal table to 1e-12: Φ(0) = 0.5, Φ(1) = 0.841344746068543, Φ(1.959963984540054) = 0.975, Φ(−3) = 0.00134989803163009', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1)).toBeCloseTo(0.841344746068543, 12);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 12);
    expect(normalCdf(-3)).toBeCloseTo(0.00134989803163009, 12);
    expect(normalCdf(-8) / 6.22096057427178e-16 - 1).toBeLessThan(1e-8);
  });

  it('normalCdf(−x) = 1 − normalCdf(x), and it rises from 0 to 1', () => {
    fc.assert(fc.property(fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), (x, step) => {
      expect(normalCdf(-x)).toBeCloseTo(1 - normalCdf(x), 14);
      expect(normalCdf(x + step)).toBeGreaterThanOrEqual(normalCdf(x) - 1e-14);
    }));
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
