import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestMix, revenueUsdPerRequest } from '../../../src/core/economics/prices.js';
import { tokenEconomics, type TokenGpuSeconds } from '../../../src/core/economics/tokenEconomics.js';
import type { CostBasis } from '../../../src/core/money/costBasis.js';
import { defaultOwnedCostBasis } from '../../../src/core/money/ownershipDefaults.js';

const rented: CostBasis = { kind: 'rented', priceUsdPerGpuHour: 2, commitment: null };
const seconds: TokenGpuSeconds = { perFreshInputToken: 0.0001, perCachedInputToken: 0.00001, perOutputToken: 0.001 };
const prices = { inputUsdPerMillion: 0.5, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 2.5 };
const mix = requestMix(1000, 500, 0.5);

describe('tokenEconomics, checked by hand', () => {
  it('$2/GPU-hour at 50% utilization and 1 ms of GPU per output token costs $1.111 per million output tokens', () => {
    // A paid hour does 0.5 busy hours: a busy GPU-second costs 2 / (3600 × 0.5) = $0.001111.
    // 1e6 tokens × 0.001 s × 0.001111 $/s = $1.111.
    const e = tokenEconomics(seconds, mix, prices, rented, 0.5);
    expect(e.costUsdPerMillionOutputTokens).toBeCloseTo(1.1111, 4);
    expect(e.costUsdPerMillionInputTokens).toBeCloseTo(0.11111, 5);
    expect(e.costUsdPerMillionCachedInputTokens).toBeCloseTo(0.011111, 6);
  });

  it('revenue per fully busy GPU-hour = revenue per request × requests a busy GPU-hour serves', () => {
    // A request: 500 fresh × 0.1 ms + 500 cached × 0.01 ms + 500 out × 1 ms = 0.555 GPU-seconds.
    // Revenue: (500 × 0.5 + 500 × 0.1 + 500 × 2.5) / 1e6 = $0.00155; × 3600 / 0.555 = $10.054.
    const e = tokenEconomics(seconds, mix, prices, rented, 0.5);
    expect(revenueUsdPerRequest(mix, prices)).toBeCloseTo(0.00155, 10);
    expect(e.revenueUsdPerGpuHourAtFullLoad).toBeCloseTo((0.00155 * 3600) / 0.555, 9);
    expect(e.revenueUsdPerGpuHour).toBeCloseTo(0.5 * e.revenueUsdPerGpuHourAtFullLoad, 9);
    expect(e.breakEvenUtilization).toBeCloseTo(2 / e.revenueUsdPerGpuHourAtFullLoad, 12);
  });

  it('break-even prices earn exactly the cost', () => {
    const e = tokenEconomics(seconds, mix, prices, rented, 0.5);
    const at = tokenEconomics(seconds, mix, e.breakEvenPrices.prices, rented, 0.5);
    expect(at.profitUsdPerGpuHour).toBeCloseTo(0, 9);
    const held = tokenEconomics(seconds, mix, { ...prices, outputUsdPerMillion: e.breakEvenPrices.outputUsdPerMillionHoldingInput }, rented, 0.5);
    expect(held.profitUsdPerGpuHour).toBeCloseTo(0, 9);
  });
});

describe('tokenEconomics invariants (generated inputs)', () => {
  const basis = fc.oneof(
    fc.record({ kind: fc.constant('rented' as const), priceUsdPerGpuHour: fc.double({ min: 0.1, max: 20, noNaN: true }), commitment: fc.constant(null) }),
    fc.constantFrom('h100-sxm', 'h200', 'b200').map((g) => defaultOwnedCostBasis(g)),
  );
  const secs = fc.record({
    perFreshInputToken: fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
    perCachedInputToken: fc.double({ min: 0, max: 1e-4, noNaN: true }),
    perOutputToken: fc.double({ min: 1e-6, max: 1e-1, noNaN: true }),
  });
  const priceArb = fc.record({
    inputUsdPerMillion: fc.double({ min: 0.01, max: 20, noNaN: true }),
    cachedInputUsdPerMillion: fc.double({ min: 0, max: 5, noNaN: true }),
    outputUsdPerMillion: fc.double({ min: 0.01, max: 100, noNaN: true }),
  });
  const mixArb = fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 10_000 }), fc.double({ min: 0, max: 0.95, noNaN: true }))
    .map(([i, o, h]) => requestMix(i, o, h));
  const util = fc.double({ min: 0.01, max: 1, noNaN: true });

  it('cost per token falls as utilization rises', () => {
    fc.assert(fc.property(secs, mixArb, priceArb, basis, util, util, (s, m, p, b, u1, u2) => {
      const [lo, hi] = u1 < u2 ? [u1, u2] : [u2, u1];
      const a = tokenEconomics(s, m, p, b, lo);
      const c = tokenEconomics(s, m, p, b, hi);
      expect(c.costUsdPerMillionOutputTokens).toBeLessThanOrEqual(a.costUsdPerMillionOutputTokens * (1 + 1e-12));
      expect(c.costUsdPerMillionInputTokens).toBeLessThanOrEqual(a.costUsdPerMillionInputTokens * (1 + 1e-12));
    }), { numRuns: 300 });
  });

  it('a higher price never lowers the margin', () => {
    fc.assert(fc.property(secs, mixArb, priceArb, basis, util, fc.double({ min: 1, max: 5, noNaN: true }), fc.constantFrom('inputUsdPerMillion', 'cachedInputUsdPerMillion', 'outputUsdPerMillion'), (s, m, p, b, u, k, which) => {
      const base = tokenEconomics(s, m, p, b, u);
      const dearer = tokenEconomics(s, m, { ...p, [which]: p[which] * k }, b, u);
      expect(dearer.marginFraction).toBeGreaterThanOrEqual(base.marginFraction - 1e-12);
      expect(dearer.profitUsdPerGpuHour).toBeGreaterThanOrEqual(base.profitUsdPerGpuHour - 1e-9);
    }), { numRuns: 300 });
  });

  it('break-even utilization × revenue at full load equals the cost at that utilization', () => {
    fc.assert(fc.property(secs, mixArb, priceArb, basis, util, (s, m, p, b, u) => {
      const e = tokenEconomics(s, m, p, b, u);
      const be = e.breakEvenUtilization;
      if (be === null || be > 1) return; // never breaks even within a full GPU
      const atBe = tokenEconomics(s, m, p, b, Math.max(be, 1e-9));
      expect(be * e.revenueUsdPerGpuHourAtFullLoad).toBeCloseTo(atBe.costUsdPerGpuHour, 6);
    }), { numRuns: 300 });
  });
});
