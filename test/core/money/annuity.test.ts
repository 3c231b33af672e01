import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capitalRecoveryFactor, capitalRecoveryUsdPerYear } from '../../../src/core/money/annuity.js';

describe('capitalRecoveryUsdPerYear', () => {
  it('capitalRecoveryUsdPerYear(50000, 5, 0.1, 0.1) is $12,370.89 a year, computed by hand', () => {
    // (1.1)^5 = 1.61051
    // residual $5,000, worth 5,000 / 1.61051 = $3,104.61 today
    // CRF = 0.1 × 1.61051 / (1.61051 − 1) = 0.161051 / 0.61051 = 0.2637974808
    // payment = (50,000 − 3,104.6066) × 0.2637974808 = 46,895.3934 × 0.2637974808 = $12,370.8866
    //         = (50,000 − 5,000) × 0.2637974808 + 5,000 × 0.1 = 11,870.8866 + 500 (same)
    // exactly 755,255,000 / 61,051 = 12,370.886635763...
    const payment = capitalRecoveryUsdPerYear(50_000, 5, 0.1, 0.1);
    expect(Math.round(payment * 100) / 100).toBe(12_370.89);
    expect(payment).toBeCloseTo(755_255_000 / 61_051, 9);
  });

  it('capitalRecoveryUsdPerYear(50000, 5, 0.1, 0) is the mortgage payment 50,000 × 0.2637975 = $13,189.87', () => {
    expect(Math.round(capitalRecoveryUsdPerYear(50_000, 5, 0.1, 0) * 100) / 100).toBe(13_189.87);
  });

  it('capitalRecoveryUsdPerYear at rate 0 is straight-line (capex − residual) / years exactly', () => {
    expect(capitalRecoveryUsdPerYear(50_000, 5, 0, 0.1)).toBe(9_000);
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (capex, years, residual) => {
        expect(capitalRecoveryUsdPerYear(capex, years, 0, residual)).toBe((capex - capex * residual) / years);
      }));
  });

  it('capitalRecoveryUsdPerYear tends to straight line as the rate tends to 0 (no cancellation at tiny rates)', () => {
    const straight = capitalRecoveryUsdPerYear(50_000, 5, 0, 0.1);
    expect(capitalRecoveryUsdPerYear(50_000, 5, 1e-12, 0.1) / straight - 1).toBeLessThan(1e-9);
    expect(capitalRecoveryFactor(5, 1e-15) * 5).toBeCloseTo(1, 12);
  });

  it('capitalRecoveryUsdPerYear rises with the rate and never falls below straight line', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 1e-4, max: 0.5, noNaN: true }),
      (capex, years, residual, rate, step) => {
        const low = capitalRecoveryUsdPerYear(capex, years, rate, residual);
        expect(capitalRecoveryUsdPerYear(capex, years, rate + step, residual)).toBeGreaterThanOrEqual(low * (1 - 1e-12));
        expect(low).toBeGreaterThanOrEqual(capitalRecoveryUsdPerYear(capex, years, 0, residual) * (1 - 1e-12));
      }));
  });

  it('capitalRecoveryUsdPerYear repays the loan: the payments discounted at the rate equal capex less the discounted residual', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: 10 }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      (capex, years, residual, rate) => {
        const payment = capitalRecoveryUsdPerYear(capex, years, rate, residual);
        let presentValue = capex * residual / (1 + rate) ** years;
        for (let year = 1; year <= years; year++) presentValue += payment / (1 + rate) ** year;
        expect(presentValue / capex).toBeCloseTo(1, 9);
      }));
  });
});
