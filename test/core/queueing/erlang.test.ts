import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, md1WaitSeconds, mgcWaitSeconds, mmcWaitSeconds } from '../../../src/core/queueing/erlang.js';

describe('erlangB and erlangC', () => {
  it('erlangB(2, 1) is (1/2) / (1 + 1 + 1/2) = 0.2', () => {
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 15);
  });

  it('erlangC(1, ρ) is ρ for ρ in [0, 1)', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.999, noNaN: true }), (rho) => {
      expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
    }));
  });

  // Hand-checked with the direct sum C = (aᶜ/c!)(c/(c−a)) / (Σ_{k<c} aᵏ/k! + (aᶜ/c!)(c/(c−a))), in exact fractions.
  it.each([
    [2, 1, 1 / 3],
    [3, 2, 4 / 9],
    [10, 5, 0.03610535915832019],
    [10, 8, 0.40918015079644354],
    [10, 9, 0.668731524107697],
    [10, 9.5, 0.8255855781256987],
  ])('erlangC(%i, %f) is %f', (c, a, expected) => {
    expect(erlangC(c, a)).toBeCloseTo(expected, 12);
  });

  it('erlangC(c, a) is 1 at a >= c (every arrival waits) and 0 at a = 0', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(erlangC(10, 12)).toBe(1);
    expect(erlangC(10, 0)).toBe(0);
  });

  it('erlangC(5000, 4900) stays finite and in (0, 1) where aᶜ/c! would overflow', () => {
    const c = erlangC(5000, 4900);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });

  it('erlangC(0, 1) and erlangC(2.5, 1) throw: servers are whole numbers >= 1', () => {
    expect(() => erlangC(0, 1)).toThrow(/servers/);
    expect(() => erlangC(2.5, 1)).toThrow(/servers/);
  });
});

describe('waiting times', () => {
  it('mmcWaitSeconds(λ, μ, 1) is the M/M/1 wait ρ / (μ − λ)', () => {
    expect(mmcWaitSeconds(0.5, 1, 1)).toBeCloseTo(1, 14);
    fc.assert(fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (rho, mu) => {
      const lambda = rho * mu;
      expect(mmcWaitSeconds(lambda, mu, 1)).toBeCloseTo(rho / (mu - lambda), 9);
    }));
  });

  it('mmcWaitSeconds(1, 1, 2) is C(2, 1) / (2 − 1) = 1/3 s', () => {
    expect(mmcWaitSeconds(1, 1, 2)).toBeCloseTo(1 / 3, 14);
  });

  it('md1WaitSeconds is half of the M/M/1 wait at the same load', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), (rho, s) => {
      const lambda = rho / s;
      expect(md1WaitSeconds(lambda, s)).toBeCloseTo(mmcWaitSeconds(lambda, 1 / s, 1) / 2, 9);
    }));
    expect(md1WaitSeconds(0.5, 1)).toBeCloseTo(0.5, 14);
  });

  it('mgcWaitSeconds with Cs² = 1 equals mmcWaitSeconds, and with Cs² = 0 on one server equals md1WaitSeconds', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.integer({ min: 1, max: 64 }),
      (rho, s, c) => {
        const lambda = (rho * c) / s;
        expect(mgcWaitSeconds(lambda, s, 1, c)).toBeCloseTo(mmcWaitSeconds(lambda, 1 / s, c), 9);
        if (c === 1) expect(mgcWaitSeconds(lambda, s, 0, 1)).toBeCloseTo(md1WaitSeconds(lambda, s), 9);
      }));
  });

  it('every wait is Infinity at load ρ >= 1', () => {
    expect(mmcWaitSeconds(2, 1, 2)).toBe(Infinity);
    expect(mmcWaitSeconds(3, 1, 2)).toBe(Infinity);
    expect(mgcWaitSeconds(4, 1, 0.36, 4)).toBe(Infinity);
    expect(md1WaitSeconds(1, 1)).toBe(Infinity);
    expect(md1WaitSeconds(2, 1)).toBe(Infinity);
  });

  it('every wait is 0 with no arrivals', () => {
    expect(mmcWaitSeconds(0, 1, 3)).toBe(0);
    expect(mgcWaitSeconds(0, 1, 2, 3)).toBe(0);
    expect(md1WaitSeconds(0, 1)).toBe(0);
  });
});
