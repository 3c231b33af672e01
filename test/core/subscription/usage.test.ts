import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/demand/rng.js';
import { findPlan } from '../../../src/core/subscription/plans.js';
import { expectedMonthlyTokens, sampleMonthlyTokens, shareOfSeatsAbove, shareOfSeatsAtCap, usageOnPlan, type UsageDistribution } from '../../../src/core/subscription/usage.js';
import { USAGE_PROFILES } from '../../../src/core/subscription/usageProfiles.js';

const draw = (usage: UsageDistribution, cap: number | null, n: number, seed = 7) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => sampleMonthlyTokens(usage, cap, rng));
};

describe('usageOnPlan', () => {
  it('usageOnPlan(chat, Claude Max 20x) scales the $20-tier median by 20; an overriding median is used as is', () => {
    const max = findPlan('claude-max-20x');
    const consumer = USAGE_PROFILES.chat;
    expect(usageOnPlan(consumer, max)).toEqual({ idleShare: consumer.idleShare.value, medianTokensPerMonth: 20 * consumer.medianTokensPerMonth.value, sigma: consumer.sigma.value });
    expect(usageOnPlan(consumer, max, { medianTokensPerMonth: 3e6, sigma: 0.5, idleShare: 0 })).toEqual({ idleShare: 0, medianTokensPerMonth: 3e6, sigma: 0.5 });
  });
});

describe('sampleMonthlyTokens', () => {
  it('the same seed draws the same seats', () => {
    const u = { idleShare: 0.3, medianTokensPerMonth: 1e6, sigma: 2 };
    expect(draw(u, 5e7, 1000)).toEqual(draw(u, 5e7, 1000));
  });

  it('a share idleShare of seats use 0 tokens and the active median is the median (200k draws, within 1%)', () => {
    const seats = draw({ idleShare: 0.4, medianTokensPerMonth: 2e6, sigma: 1.5 }, null, 200_000);
    const active = seats.filter((s) => s.tokens > 0).map((s) => s.tokens).sort((a, b) => a - b);
    expect(Math.abs(1 - active.length / seats.length - 0.4)).toBeLessThan(0.01);
    expect(Math.abs(active[Math.floor(active.length / 2)]! / 2e6 - 1)).toBeLessThan(0.01);
  });

  it('no seat goes past the cap, and seats at the cap are marked capped', () => {
    const seats = draw({ idleShare: 0, medianTokensPerMonth: 1e6, sigma: 2 }, 3e6, 10_000);
    expect(Math.max(...seats.map((s) => s.tokens))).toBe(3e6);
    expect(seats.every((s) => s.capped === (s.tokens === 3e6))).toBe(true);
  });

  it('sigma 0 gives every active seat the median; a median above the cap gives every active seat the cap', () => {
    expect(draw({ idleShare: 0, medianTokensPerMonth: 5e5, sigma: 0 }, null, 10).every((s) => s.tokens === 5e5)).toBe(true);
    expect(draw({ idleShare: 0, medianTokensPerMonth: 5e6, sigma: 0 }, 1e6, 10).every((s) => s.tokens === 1e6 && s.capped)).toBe(true);
  });
});

describe('closed forms', () => {
  it('shareOfSeatsAbove: half the active seats are above the median, none at or above the cap, all above −1', () => {
    const u = { idleShare: 0.2, medianTokensPerMonth: 1e6, sigma: 1 };
    expect(shareOfSeatsAbove(u, null, 1e6)).toBeCloseTo(0.4, 7);
    expect(shareOfSeatsAbove(u, 5e6, 5e6)).toBe(0);
    expect(shareOfSeatsAbove(u, 5e6, -1)).toBe(1);
    expect(shareOfSeatsAtCap(u, null)).toBe(0);
  });

  it('expectedMonthlyTokens: (1 − idle)·median·e^(σ²/2) without a cap; the capped mean matches 200k draws within 1.5%', () => {
    expect(expectedMonthlyTokens({ idleShare: 0, medianTokensPerMonth: 1e6, sigma: 2 }, null)).toBeCloseTo(1e6 * Math.exp(2), 0);
    const u = { idleShare: 0.25, medianTokensPerMonth: 1e6, sigma: 1 };
    const seats = draw(u, 2e6, 200_000, 11);
    const mean = seats.reduce((s, x) => s + x.tokens, 0) / seats.length;
    expect(Math.abs(mean / expectedMonthlyTokens(u, 2e6) - 1)).toBeLessThan(0.015);
    const capped = seats.filter((s) => s.capped).length / seats.length;
    expect(Math.abs(capped - shareOfSeatsAtCap(u, 2e6))).toBeLessThan(0.005);
  });
});
