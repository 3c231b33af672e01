import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { requestMix, revenueUsdPerRequest, usdPerMillionOf } from '../../../src/core/economics/prices.js';
import { costAsTokenPrices, tokenEconomics } from '../../../src/core/economics/tokenEconomics.js';
import type { PerTokenKind } from '../../../src/core/tokenKinds.js';
import type { CostBasis } from '../../../src/core/money/costBasis.js';
import { defaultOwnedCostBasis } from '../../../src/core/money/ownershipDefaults.js';

const rented: CostBasis = { kind: 'rented', priceUsdPerGpuHour: 2, commitment: null };
const seconds: PerTokenKind = { freshInput: 0.0001, cachedInput: 0.00001, output: 0.001 };
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

  it('costAsTokenPrices puts the three costs per million in a price list: a seat priced at them pays the cost of its tokens', () => {
    const e = tokenEconomics(seconds, mix, prices, rented, 0.5);
    expect(usdPerMillionOf(costAsTokenPrices(e))).toEqual({ freshInput: e.costUsdPerMillionInputTokens, cachedInput: e.costUsdPerMillionCachedInputTokens, output: e.costUsdPerMillionOutputTokens });
    // A request at cost prices earns its own cost.
    expect(revenueUsdPerRequest(mix, costAsTokenPrices(e))).toBeCloseTo(e.costUsdPerRequest, 15);
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
    const scaled = e.breakEvenPrices.prices;
    expect(scaled).not.toBeNull();
    const at = tokenEconomics(seconds, mix, scaled ?? prices, rented, 0.5);
    expect(at.profitUsdPerGpuHour).toBeCloseTo(0, 9);
    const held = tokenEconomics(seconds, mix, { ...prices, outputUsdPerMillion: e.breakEvenPrices.outputUsdPerMillionHoldingInput }, rented, 0.5);
    expect(held.profitUsdPerGpuHour).toBeCloseTo(0, 9);
  });
});

describe('tokenEconomics at the edges', () => {
  it('zero prices: no margin (null), never breaks even, no multiple of the prices pays, the output price that does is finite', () => {
    const e = tokenEconomics(seconds, mix, { inputUsdPerMillion: 0, cachedInputUsdPerMillion: 0, outputUsdPerMillion: 0 }, rented, 0.5);
    expect(e.marginFraction).toBeNull();
    expect(e.costProfitMargin).toBe(-1);
    expect(e.breakEvenUtilization).toBeNull();
    expect(e.breakEvenPrices.scale).toBeNull();
    expect(e.breakEvenPrices.prices).toBeNull();
    // Cost per request: 0.555 GPU-s × 2 / 1800 $/s = $0.000617, over 500 output tokens = $1.233 per million.
    expect(e.breakEvenPrices.outputUsdPerMillionHoldingInput).toBeCloseTo(1.2333, 4);
  });

  it('a break-even above 100% utilization is null: even a fully busy GPU loses money', () => {
    // Revenue at full load $10.05/GPU-hour against a rent of $20: break-even would be 199%.
    const e = tokenEconomics(seconds, mix, prices, { ...rented, priceUsdPerGpuHour: 20 }, 0.5);
    expect(e.breakEvenUtilization).toBeNull();
    expect(e.marginFraction).toBeLessThan(0);
  });

  it('a free GPU (marginal basis with free power) has no cost-profit margin (null) and breaks even at 0', () => {
    const free: CostBasis = { kind: 'marginal', powerWattsPerGpu: 1000, idlePowerFraction: 0.3, pue: 1.2, electricityUsdPerKwh: 0 };
    const e = tokenEconomics(seconds, mix, prices, free, 0.5);
    expect(e.costProfitMargin).toBeNull();
    expect(e.marginFraction).toBe(1);
    expect(e.breakEvenUtilization).toBe(0);
  });
});

describe('tokenEconomics invariants (generated inputs)', () => {
  const basis = fc.oneof(
    fc.record({ kind: fc.constant('rented' as const), priceUsdPerGpuHour: fc.double({ min: 0.1, max: 20, noNaN: true }), commitment: fc.constant(null) }),
    fc.constantFrom('h100-sxm', 'h200', 'b200').map((g) => defaultOwnedCostBasis(g)),
  );
  const secs = fc.record({
    freshInput: fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
    cachedInput: fc.double({ min: 0, max: 1e-4, noNaN: true }),
    output: fc.double({ min: 1e-6, max: 1e-1, noNaN: true }),
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
      expect(dearer.marginFraction ?? -Infinity).toBeGreaterThanOrEqual((base.marginFraction ?? -Infinity) - 1e-12);
      expect(dearer.profitUsdPerGpuHour).toBeGreaterThanOrEqual(base.profitUsdPerGpuHour - 1e-9);
    }), { numRuns: 300 });
  });

  it('break-even utilization × revenue at full load equals the cost at that utilization', () => {
    fc.assert(fc.property(secs, mixArb, priceArb, basis, util, (s, m, p, b, u) => {
      const e = tokenEconomics(s, m, p, b, u);
      const be = e.breakEvenUtilization;
      if (be === null) return; // never breaks even within a full GPU
      expect(be).toBeGreaterThanOrEqual(0);
      expect(be).toBeLessThanOrEqual(1);
      const atBe = tokenEconomics(s, m, p, b, Math.max(be, 1e-9));
      expect(be * e.revenueUsdPerGpuHourAtFullLoad).toBeCloseTo(atBe.costUsdPerGpuHour, 6);
    }), { numRuns: 300 });
  });

  it('every number is finite, margins null only without revenue or cost, break-even in [0, 1] or null (zero prices included)', () => {
    const anyPrices = fc.record({
      inputUsdPerMillion: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
      cachedInputUsdPerMillion: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
      outputUsdPerMillion: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
    });
    fc.assert(fc.property(secs, mixArb, anyPrices, basis, util, (s, m, p, b, u) => {
      const e = tokenEconomics(s, m, p, b, u);
      const numbers = JSON.stringify(e, (_k, x: unknown) => (typeof x === 'number' && !Number.isFinite(x) ? 'NOT FINITE' : x));
      expect(numbers).not.toContain('NOT FINITE');
      if (e.revenueUsdPerGpuHour === 0) expect([e.marginFraction, e.breakEvenPrices.scale]).toEqual([null, null]);
      // Non-null otherwise unless revenue is so small (a subnormal price) that the quotient overflows.
      if (e.revenueUsdPerGpuHour > 1e-290) expect(e.marginFraction).not.toBeNull();
      if (e.breakEvenUtilization !== null) {
        expect(e.breakEvenUtilization).toBeGreaterThanOrEqual(0);
        expect(e.breakEvenUtilization).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 300 });
    // The seed that once found an overflowing break-even price (a subnormal revenue beside a large price no token carries).
    fc.assert(fc.property(secs, mixArb, anyPrices, basis, util, (s, m, p, b, u) => {
      const e = tokenEconomics(s, m, p, b, u);
      for (const x of Object.values(e.breakEvenPrices.prices ?? {})) expect(Number.isFinite(x)).toBe(true);
    }), { numRuns: 300, seed: 656034925 });
  });
});
