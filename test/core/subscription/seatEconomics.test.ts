import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/demand/rng.js';
import { blendedCostUsdPerMillionTokens, breakEvenTokensPerSeatPerMonth, seatEconomics } from '../../../src/core/subscription/seatEconomics.js';
import type { TokenPrices } from '../../../src/core/economics/prices.js';
import type { PerTokenKind } from '../../../src/core/tokenKinds.js';
import { shareOfSeatsAbove, type UsageDistribution } from '../../../src/core/subscription/usage.js';

// The report's frontier model on B200 costs about this much per million tokens; the mix is its workload's.
const costs: TokenPrices = { inputUsdPerMillion: 0.3615, cachedInputUsdPerMillion: 0.04, outputUsdPerMillion: 6.616 };
const mix: PerTokenKind = { freshInput: 5 / 11, cachedInput: 5 / 11, output: 1 / 11 };
const consumer: UsageDistribution = { idleShare: 0.1, medianTokensPerMonth: 1e6, sigma: 2 };
const plan = (price: number, cap: number | null = null) => ({ priceUsdPerSeatPerMonth: price, monthlyTokenCap: cap });

describe('blendedCostUsdPerMillionTokens and breakEvenTokensPerSeatPerMonth', () => {
  it('blends the costs by the mix: 5/11 × $0.3615 + 5/11 × $0.04 + 1/11 × $6.616 = $0.7839 per million tokens', () => {
    expect(blendedCostUsdPerMillionTokens(mix, costs)).toBeCloseTo((5 * 0.3615 + 5 * 0.04 + 6.616) / 11, 12);
  });

  it('breakEvenTokensPerSeatPerMonth($20, $0.50 per million) is 40 million tokens, and a seat using exactly that costs exactly $20', () => {
    expect(breakEvenTokensPerSeatPerMonth(20, 0.5)).toBe(40e6);
    const atBreakEven = seatEconomics(plan(20), { idleShare: 0, medianTokensPerMonth: 40e6, sigma: 0 }, { freshInput: 1, cachedInput: 0, output: 0 }, { ...costs, inputUsdPerMillion: 0.5 }, { samples: 10, rng: createRng(1) });
    expect(atBreakEven.meanCostUsd).toBe(20);
    expect(atBreakEven.meanRevenueUsd).toBe(20);
    expect(atBreakEven.meanMarginFraction).toBe(0);
    expect(atBreakEven.shareOfSeatsLosingMoney).toBe(0);
    expect(breakEvenTokensPerSeatPerMonth(20, 0)).toBeNull();
  });

  it('at the break-even usage revenue equals cost (to rounding) for any price, mix and costs', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 1000, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      (price, outputCost, outputShare) => {
        const m = { freshInput: (1 - outputShare) / 2, cachedInput: (1 - outputShare) / 2, output: outputShare };
        const perMillion = blendedCostUsdPerMillionTokens(m, { ...costs, outputUsdPerMillion: outputCost });
        const tokens = breakEvenTokensPerSeatPerMonth(price, perMillion)!;
        expect(Math.abs((tokens * perMillion) / 1e6 / price - 1)).toBeLessThan(1e-12);
      }));
  });
});

describe('seatEconomics', () => {
  it('the same seed gives the same result; another seed a different one', () => {
    const run = (seed: number) => seatEconomics(plan(20, 1.3e9), consumer, mix, costs, { samples: 20_000, rng: createRng(seed) });
    expect(run(42)).toEqual(run(42));
    expect(run(43).meanCostUsd).not.toBe(run(42).meanCostUsd);
  });

  it('a plan whose seats are all idle has margin 100%, no seat losing money and zero cost percentiles', () => {
    const r = seatEconomics(plan(20, 1e9), { ...consumer, idleShare: 1 }, mix, costs, { samples: 5_000, rng: createRng(3) });
    expect(r.meanMarginFraction).toBe(1);
    expect(r.shareOfSeatsLosingMoney).toBe(0);
    expect(r.meanCostUsd).toBe(0);
    expect(r.costUsdPerSeat).toEqual({ p50: 0, p90: 0, p99: 0 });
    expect(r.shareCappedByLimit).toBe(0);
  });

  it('raising the price never raises the share of seats losing money (same seats)', () => {
    fc.assert(fc.property(
      fc.double({ min: 1, max: 500, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 1e4, max: 1e9, noNaN: true }), fc.double({ min: 0, max: 4, noNaN: true }),
      fc.option(fc.double({ min: 1e5, max: 1e10, noNaN: true })), fc.integer({ min: 0, max: 1000 }),
      (price, raise, idleShare, medianTokensPerMonth, sigma, cap, seed) => {
        const usage = { idleShare, medianTokensPerMonth, sigma };
        const low = seatEconomics(plan(price, cap), usage, mix, costs, { samples: 2_000, rng: createRng(seed) });
        const high = seatEconomics(plan(price + raise, cap), usage, mix, costs, { samples: 2_000, rng: createRng(seed) });
        expect(high.shareOfSeatsLosingMoney).toBeLessThanOrEqual(low.shareOfSeatsLosingMoney);
        expect(high.meanMarginFraction).toBeGreaterThanOrEqual(low.meanMarginFraction - 1e-12);
      }), { numRuns: 60 });
  });

  // Sampling error of a share p over n seats: sqrt(p (1 − p) / n).
  const cases: [string, number, number | null, UsageDistribution][] = [
    ['$20, consumer usage, no cap', 20, null, consumer],
    ['$20, capped above the break-even usage', 20, 2e8, { idleShare: 0.3, medianTokensPerMonth: 5e7, sigma: 1 }],
    ['$200, enterprise rollout (42% idle), capped', 200, 1.3e9, { idleShare: 0.42, medianTokensPerMonth: 2e7, sigma: 2 }],
    ['$20, capped below the break-even usage', 20, 2e7, { idleShare: 0.1, medianTokensPerMonth: 1e7, sigma: 2 }],
  ];
  it.each(cases)('the sampled share losing money matches the closed form P(usage > break-even) within 3 standard errors at 200k seats: %s', (_name, price, cap, usage) => {
    const n = 200_000;
    const r = seatEconomics(plan(price, cap), usage, mix, costs, { samples: n, rng: createRng(2024) });
    const p = shareOfSeatsAbove(usage, cap, r.breakEvenTokensPerSeatPerMonth!);
    const standardError = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(r.shareOfSeatsLosingMoney - p)).toBeLessThanOrEqual(3 * standardError);
    if (cap !== null && cap <= r.breakEvenTokensPerSeatPerMonth!) expect(r.shareOfSeatsLosingMoney).toBe(0);
  });

  it('cost percentiles rise p50 <= p90 <= p99 and never pass the cost of the cap', () => {
    const cap = 5e8;
    const r = seatEconomics(plan(20, cap), consumer, mix, costs, { samples: 50_000, rng: createRng(5) });
    expect(r.costUsdPerSeat.p50).toBeLessThanOrEqual(r.costUsdPerSeat.p90);
    expect(r.costUsdPerSeat.p90).toBeLessThanOrEqual(r.costUsdPerSeat.p99);
    expect(r.costUsdPerSeat.p99).toBeLessThanOrEqual((cap * r.costUsdPerMillionTokens) / 1e6);
    expect(r.meanCostUsd).toBeCloseTo((r.meanTokensPerSeatPerMonth * r.costUsdPerMillionTokens) / 1e6, 9);
  });

  it('samples must be a whole number >= 1', () => {
    expect(() => seatEconomics(plan(20), consumer, mix, costs, { samples: 0, rng: createRng(1) })).toThrow(RangeError);
    expect(() => seatEconomics(plan(20), consumer, mix, costs, { samples: 1.5, rng: createRng(1) })).toThrow(/whole number/);
  });
});
