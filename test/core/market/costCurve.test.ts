import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/core/catalog/models.js';
import { latestSnapshot } from '../../../src/core/catalog/prices.js';
import { compareFits, marketPoints, priceAt } from '../../../src/core/market/costCurve.js';
import { fitLine, lineAt, tQuantile95 } from '../../../src/core/market/regression.js';
import { countParameters } from '../../../src/core/model/parameters.js';
import { syntheticMoe } from '../../../src/core/model/syntheticMoe.js';

describe('fitLine', () => {
  it('fitLine([0, 1, 2, 3], [1, 3, 5, 7]) is y = 1 + 2x exactly, R² 1, zero residual error', () => {
    const f = fitLine([0, 1, 2, 3], [1, 3, 5, 7]);
    expect(f.intercept).toBeCloseTo(1, 12);
    expect(f.slope).toBeCloseTo(2, 12);
    expect(f.rSquared).toBeCloseTo(1, 12);
    expect(f.residualStandardError).toBeCloseTo(0, 12);
  });

  it('fitLine([1, 2, 3, 4], [2, 3, 5, 4]) matches the hand computation: slope 0.8, intercept 1.5, R² 0.64', () => {
    // x̄ = 2.5, ȳ = 3.5, Sxx = 5, Sxy = 4 → slope 0.8, intercept 3.5 − 2 = 1.5;
    // fitted 2.3, 3.1, 3.9, 4.7 → residuals −0.3, −0.1, 1.1, −0.7 → SSE 1.8; SST 5 → R² 0.64.
    const f = fitLine([1, 2, 3, 4], [2, 3, 5, 4]);
    expect(f.slope).toBeCloseTo(0.8, 12);
    expect(f.intercept).toBeCloseTo(1.5, 12);
    expect(f.rSquared).toBeCloseTo(0.64, 12);
    expect(f.residualStandardError).toBeCloseTo(Math.sqrt(1.8 / 2), 12);
  });

  it('the confidence band is narrowest at the mean of x and the prediction band contains it', () => {
    const f = fitLine([1, 2, 3, 4, 5], [1.1, 1.9, 3.2, 3.9, 5.1]);
    const width = (x: number) => { const a = lineAt(f, x); return a.confidence[1] - a.confidence[0]; };
    expect(width(3)).toBeLessThan(width(1));
    expect(width(3)).toBeLessThan(width(6));
    const at = lineAt(f, 4);
    expect(at.prediction[0]).toBeLessThan(at.confidence[0]);
    expect(at.prediction[1]).toBeGreaterThan(at.confidence[1]);
    expect(tQuantile95(3)).toBe(3.182);
  });
});

describe('the market-implied cost curve from the shipped snapshot', () => {
  const points = marketPoints(MODELS, latestSnapshot().api);

  it('covers every catalog model sold by at least two providers, with parameters computed from the catalog', () => {
    expect(points.length).toBeGreaterThanOrEqual(10);
    const kimi = points.find((p) => p.model === 'kimi-k2.5');
    expect(kimi?.providerCount).toBeGreaterThanOrEqual(6);
    expect(kimi?.totalParams).toBeCloseTo(countParameters(MODELS.find((m) => m.id === 'kimi-k2.5')!).total, 0);
  });

  it('price rises with size on both fits, and the better fit has the higher R²', () => {
    const f = compareFits(points, 'median');
    expect(f.active.exponent).toBeGreaterThan(0);
    expect(f.total.exponent).toBeGreaterThan(0);
    expect(f.better.rSquared).toBe(Math.max(f.active.rSquared, f.total.rSquared));
    const small = priceAt(f.active, 10e9).usdPerMillion;
    const large = priceAt(f.active, 100e9).usdPerMillion;
    expect(large).toBeGreaterThan(small);
    const at = priceAt(f.active, 32e9);
    expect(at.confidence[0]).toBeLessThan(at.usdPerMillion);
    expect(at.confidence[1]).toBeGreaterThan(at.usdPerMillion);
  });
});

describe('syntheticMoe', () => {
  it('lands within 5% of any total and active size asked in 0.3T-5T by 10B-150B', () => {
    fc.assert(fc.property(fc.double({ min: 0.3e12, max: 5e12, noNaN: true }), fc.double({ min: 10e9, max: 150e9, noNaN: true }), (total, active) => {
      fc.pre(total > 10 * active);
      const p = countParameters(syntheticMoe({ totalParams: total, activeParams: active }));
      expect(Math.abs(p.total / total - 1)).toBeLessThan(0.05);
      expect(Math.abs(p.active / active - 1)).toBeLessThan(0.05);
    }), { numRuns: 40 });
  });

  it('lands within 5% of a very sparse size that whole experts per token once missed by 5.0% (3.39T / 11.2B)', () => {
    const p = countParameters(syntheticMoe({ totalParams: 3392248025088, activeParams: 11225092096 }));
    expect(Math.abs(p.total / 3392248025088 - 1)).toBeLessThan(0.05);
    expect(Math.abs(p.active / 11225092096 - 1)).toBeLessThan(0.05);
  });
});
