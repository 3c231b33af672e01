import { describe, expect, it } from 'vitest';
import { findPlan, parsePlanCatalog, PLAN_CATALOG, PLANS } from '../../../src/core/subscription/plans.js';
import { shareOfSeatsAtCap, usageOnPlan } from '../../../src/core/subscription/usage.js';
import { USAGE_PROFILES } from '../../../src/core/subscription/usageProfiles.js';

const derivation = (name: string) => {
  const d = PLAN_CATALOG.derivation[name];
  if (d === undefined) throw new Error(`no derivation input ${name}`);
  return d.value;
};

describe('PLANS', () => {
  it('ships the published prices: ChatGPT Plus $20, Pro $200, Claude Pro $20, Max 5x $100, Max 20x $200, Team $30 (the vendors\' own pages)', () => {
    expect(Object.fromEntries(PLANS.map((p) => [p.id, p.priceUsdPerSeatPerMonth.value]))).toEqual({
      'chatgpt-plus': 20, 'chatgpt-pro': 200, 'claude-pro': 20, 'claude-max-5x': 100, 'claude-max-20x': 200, 'claude-team': 30,
    });
    for (const p of PLANS) {
      expect(p.priceUsdPerSeatPerMonth.basis, p.id).toBe('sourced');
      expect(p.priceUsdPerSeatPerMonth.source, p.id).toMatch(/^https:\/\/(help\.openai\.com|openai\.com|claude\.com|support\.anthropic\.com)\//);
    }
  });

  it('cites no weak source: no mirror, no low-grade blog or content farm, in the plans or the usage profiles', () => {
    const text = JSON.stringify([PLAN_CATALOG, USAGE_PROFILES]);
    for (const weak of ['workers.dev', 'nesyona', 'endroid', 'dailycodesolutions', 'aicommission', 'glbgpt', 'apidog', 'log.ng', 'faithfulbiz', 'amanhimself', 'newsbytes', 'copilot-365', 'redresscompliance']) {
      expect(text, weak).not.toContain(weak);
    }
  });

  it('every token cap is marked derived (or an assumption) and follows its stated derivation within 0.1%', () => {
    const tokensPerHour = derivation('tokensPerClaudeCodeHour');
    const weeks = derivation('weeksPerMonth');
    const plus = (160 / 3) * derivation('chatHoursPerDay') * derivation('daysPerMonth') * derivation('tokensPerChatMessage');
    const expected: Record<string, number> = {
      'chatgpt-plus': plus,
      'chatgpt-pro': 10 * plus, // Codex: 300-1,500 against 30-150 messages per 5 hours
      'claude-pro': 60 * tokensPerHour * weeks, // middle of 40-80 hours of Sonnet 4 a week
      'claude-max-5x': 210 * tokensPerHour * weeks, // 140-280
      'claude-max-20x': 360 * tokensPerHour * weeks, // 240-480
      'claude-team': 60 * tokensPerHour * weeks, // as Claude Pro
    };
    for (const p of PLANS) {
      const cap = p.monthlyTokenCap;
      expect(cap, p.id).not.toBeNull();
      expect(['derived', 'assumption'], p.id).toContain(cap!.basis);
      expect(Math.abs(cap!.value / expected[p.id]! - 1), p.id).toBeLessThan(1e-3);
    }
    expect(derivation('weeksPerMonth')).toBeCloseTo(365.25 / 7 / 12, 5);
  });

  it('findPlan("claude-max-20x") finds the plan; an unknown id is an error listing the known ones', () => {
    expect(findPlan('claude-max-20x').name).toBe('Claude Max 20x');
    expect(() => findPlan('claude-ultra', '--plan')).toThrow(/invalid --plan: claude-ultra; expected one of chatgpt-plus, .*claude-team/);
  });

  it('parsePlanCatalog reports every problem with its path at once', () => {
    const raw = structuredClone({ derivation: {}, freeTiers: [], plans: [PLANS[0], { ...PLANS[1], id: PLANS[0]!.id }] }) as { plans: Record<string, unknown>[] };
    raw.plans[1]!.priceUsdPerSeatPerMonth = { value: -1, basis: 'guess', source: '', date: 'May', note: 'x' };
    expect(() => parsePlanCatalog(raw)).toThrow(/plans\[1\]\.priceUsdPerSeatPerMonth\.value: expected a value >=0, received -1[\s\S]*plans\[1\]\.priceUsdPerSeatPerMonth\.basis: expected one of "sourced", "derived", "assumption", received "guess"[\s\S]*plans\[1\]\.priceUsdPerSeatPerMonth\.date/);
    expect(() => parsePlanCatalog({ derivation: {}, freeTiers: [], plans: [PLANS[0], PLANS[0]] })).toThrow(/plan ids must be unique/);
  });
});

describe('USAGE_PROFILES', () => {
  it('the coding-agent profile caps fewer than 5% of Claude Pro seats, as Anthropic said of its weekly limits ("less than 5% of users", TechCrunch 2025-07-28), but some', () => {
    const pro = findPlan('claude-pro');
    const share = shareOfSeatsAtCap(usageOnPlan(USAGE_PROFILES['coding-agent'], pro), pro.monthlyTokenCap!.value);
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeLessThan(0.05);
  });

  it('chat seats take their token mix from the chat preset and coding-agent seats from the coding-agent preset; Claude plans default to coding-agent usage, ChatGPT plans to chat', () => {
    expect(USAGE_PROFILES.chat.workloadPreset).toBe('chat');
    expect(USAGE_PROFILES['coding-agent'].workloadPreset).toBe('coding-agent');
    expect(findPlan('claude-pro').defaultUsage).toBe('coding-agent');
    expect(findPlan('chatgpt-plus').defaultUsage).toBe('chat');
    expect(findPlan('claude-team').defaultUsage).toBe('enterprise-rollout');
  });

  it('Claude usage is not derived from ChatGPT: the coding-agent profile cites only Anthropic\'s pages', () => {
    for (const d of [USAGE_PROFILES['coding-agent'].medianTokensPerMonth, USAGE_PROFILES['coding-agent'].sigma]) {
      expect(d.source).toMatch(/anthropic\.com|claude\.com/);
      expect(d.note).not.toMatch(/ChatGPT|minutes/);
    }
  });

  it('the enterprise rollout leaves many more seats idle than chat seats, and documents every parameter', () => {
    expect(USAGE_PROFILES['enterprise-rollout'].idleShare.value).toBeGreaterThan(3 * USAGE_PROFILES.chat.idleShare.value);
    for (const p of Object.values(USAGE_PROFILES)) {
      for (const d of [p.idleShare, p.medianTokensPerMonth, p.sigma]) {
        expect(['sourced', 'derived', 'assumption']).toContain(d.basis);
        expect(d.note.length).toBeGreaterThan(20);
      }
    }
  });
});
