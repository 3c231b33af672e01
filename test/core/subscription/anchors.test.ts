import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/demand/rng.js';
import { freeTierCost } from '../../../src/core/subscription/freeTier.js';
import { findPlan, freeTierOf, PLANS } from '../../../src/core/subscription/plans.js';
import { profileTokenMix, seatListPrice } from '../../../src/core/subscription/seatAtList.js';
import { blendedCostUsdPerMillionTokens, seatEconomics } from '../../../src/core/subscription/seatEconomics.js';
import { expectedMonthlyTokens, usageOnPlan } from '../../../src/core/subscription/usage.js';
import { USAGE_PROFILES } from '../../../src/core/subscription/usageProfiles.js';

const coding = USAGE_PROFILES['coding-agent'];
const pro = findPlan('claude-pro');

describe('a coding-agent seat against anchor #12 (Anthropic, Claude Code costs)', () => {
  // The profile's volume is derived from the 2025 page ($100-200 a developer-month at Sonnet 4);
  // this checks that, valued at Sonnet 4.5's list prices on the coding-agent traffic (cache reads
  // and writes priced), it lands within 2× of the 2026 page's $150-250 a developer-month.
  it('a Claude Pro seat with coding-agent usage costs $75-500 a month at API list prices (2× around $150-250, code.claude.com/docs/en/costs, 2026)', () => {
    const usage = usageOnPlan(coding, pro);
    const meanTokens = expectedMonthlyTokens(usage, pro.monthlyTokenCap!.value);
    const atListUsd = (meanTokens * seatListPrice(pro, coding).blendedUsdPerMillion) / 1e6;
    expect(atListUsd).toBeGreaterThan(150 / 2);
    expect(atListUsd).toBeLessThan(250 * 2);
  });

  it('per active day: that seat over 11.5-19 active days (the 2026 page\'s $150-250 at $13 a day) is within 2× of $13', () => {
    const meanTokens = expectedMonthlyTokens(usageOnPlan(coding, pro), pro.monthlyTokenCap!.value);
    const monthUsd = (meanTokens * seatListPrice(pro, coding).blendedUsdPerMillion) / 1e6;
    for (const activeDays of [150 / 13, 250 / 13]) {
      expect(monthUsd / activeDays).toBeGreaterThan(13 / 2);
      expect(monthUsd / activeDays).toBeLessThan(13 * 2);
    }
  });

  it('the coding-agent seat is no longer priced at the chat mix: its list value is at least 5× a chat seat\'s on the same plan', () => {
    const chatValue = (expectedMonthlyTokens(usageOnPlan(USAGE_PROFILES.chat, pro), pro.monthlyTokenCap!.value) * seatListPrice(pro, USAGE_PROFILES.chat).blendedUsdPerMillion) / 1e6;
    const codingValue = (expectedMonthlyTokens(usageOnPlan(coding, pro), pro.monthlyTokenCap!.value) * seatListPrice(pro, coding).blendedUsdPerMillion) / 1e6;
    expect(codingValue).toBeGreaterThan(5 * chatValue);
    expect(profileTokenMix(coding).cachedInput).toBeGreaterThan(0.9);
  });
});

describe('free tier paid for by paid seats', () => {
  const costs = { inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.06, outputUsdPerMillion: 12 };
  const plus = findPlan('chatgpt-plus');
  const tier = freeTierOf('OpenAI')!;
  const chat = USAGE_PROFILES.chat;
  const perMillion = blendedCostUsdPerMillionTokens(profileTokenMix(chat), costs);

  it('freeTierCost(ChatGPT Free) = free users per paid seat × a free user\'s capped mean tokens × cost per token', () => {
    const f = freeTierCost(tier, chat, perMillion);
    const perUser = expectedMonthlyTokens(usageOnPlan(chat, tier), tier.monthlyTokenCap.value);
    expect(f.meanTokensPerFreeUser).toBeCloseTo(perUser, 6);
    expect(f.costUsdPerPaidSeat).toBeCloseTo((17 * perUser * perMillion) / 1e6, 9);
    expect(f.costUsdPerPaidSeat).toBeGreaterThan(0);
  });

  it('charging it to the paid seats lowers a ChatGPT Plus seat\'s margin by exactly its cost over the price; Anthropic has no free tier modelled', () => {
    const e = seatEconomics({ priceUsdPerSeatPerMonth: 20, monthlyTokenCap: plus.monthlyTokenCap!.value }, usageOnPlan(chat, plus), profileTokenMix(chat), costs, { samples: 20_000, rng: createRng(1) });
    const f = freeTierCost(tier, chat, perMillion);
    const withFree = (20 - e.meanCostUsd - f.costUsdPerPaidSeat) / 20;
    expect(e.meanMarginFraction - withFree).toBeCloseTo(f.costUsdPerPaidSeat / 20, 12);
    expect(freeTierOf('Anthropic')).toBeNull();
  });

  it('property: a free tier with more free users per paid seat never costs the paid seats less', () => {
    let last = -1;
    for (const n of [0, 1, 5, 17, 40]) {
      const c = freeTierCost({ ...tier, freeUsersPerPaidSeat: { ...tier.freeUsersPerPaidSeat, value: n } }, chat, perMillion).costUsdPerPaidSeat;
      expect(c).toBeGreaterThanOrEqual(last);
      last = c;
    }
  });
});

describe('properties of a seat valued at list', () => {
  it('property: more idle seats or a tighter cap never raise the mean list value of a seat, for every plan and profile', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: PLANS.length - 1 }), fc.constantFrom('chat', 'coding-agent', 'enterprise-rollout' as const),
      fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true }),
      (i, id, idleLow, idleStep, capFactor) => {
        const plan = PLANS[i]!;
        const profile = USAGE_PROFILES[id];
        const usdPerMillion = seatListPrice(plan, profile).blendedUsdPerMillion;
        const cap = plan.monthlyTokenCap!.value;
        const idleHigh = idleLow + (1 - idleLow) * idleStep;
        const value = (idle: number, c: number) => (expectedMonthlyTokens(usageOnPlan(profile, plan, { idleShare: idle }), c) * usdPerMillion) / 1e6;
        expect(value(idleHigh, cap)).toBeLessThanOrEqual(value(idleLow, cap) * (1 + 1e-12));
        expect(value(idleLow, cap * capFactor)).toBeLessThanOrEqual(value(idleLow, cap) * (1 + 1e-12));
      },
    ));
  });
});
