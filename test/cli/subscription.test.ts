import { describe, expect, it } from 'vitest';
import { PLANS } from '../../src/core/subscription/plans.js';
import { runCli, runCliJson } from './runCli.js';

interface PlanJson {
  id: string; name: string; priceUsdPerSeatPerMonth: number; monthlyTokenCap: number | null; usageProfile: string;
  tokenMix: { inputShare: number; cachedShare: number; outputShare: number; source: string };
  usage: { idleShare: number; medianTokensPerMonth: number; sigma: number };
  meanCostUsd: number; meanMarginFraction: number; shareOfSeatsLosingMoney: number; breakEvenTokensPerSeatPerMonth: number; costUsdPerMillionTokens: number;
  meanTokensPerSeatPerMonth: number;
  costUsdPerSeat: { p50: number; p90: number; p99: number }; shareCappedByLimit: number;
  price: { source: string; date: string }; limit: { basis: string; note: string };
  atListPrice: { schedule: string; usdPerMillionTokens: number; meanUsdPerSeat: number };
  freeTier: { name: string; freeUsersPerPaidSeat: number; costUsdPerPaidSeat: number } | null;
  meanMarginAfterFreeTierFraction: number;
  closedForm: { shareOfSeatsLosingMoney: number };
}
interface SubscriptionJson {
  samples: number; seed: number;
  servingCost: { inputUsdPerMillion: number; cachedInputUsdPerMillion: number; outputUsdPerMillion: number; sources: { input: string; output: string } };
  usageProfiles: Record<string, { profile: string; workloadPreset: string; idleShare: { value: number; source: string }; sigma: { value: number } }>;
  plans: PlanJson[];
}

describe('inferonomics subscription', () => {
  it('by default prints every plan with its product\'s usage, margin, value at API list, free-tier burden and break-even usage, priced at the report\'s frontier model on B200', async () => {
    const r = await runCli(['subscription', '--samples', '20000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const p of PLANS) expect(r.stdout).toContain(p.name);
    expect(r.stdout).toMatch(/Frontier 2T\/100B on 32 rented B200.*from the report's default scenario/);
    expect(r.stdout).toMatch(/mean cost\/seat +at API list +mean margin +free users\/seat +margin w\/ free +seats losing/);
    for (const id of ['chat', 'coding-agent', 'enterprise-rollout']) expect(r.stdout).toContain(`usage profile ${id}`);
    expect(r.stdout).toContain('ChatGPT Free: 17 free users a paid seat');
  });

  it('--json gives every plan\'s figures and the assumptions: usage parameters, token mix and the source of the serving costs', async () => {
    const r = await runCliJson<SubscriptionJson>(['subscription', '--samples', '20000']);
    expect(r.plans.map((p) => p.id)).toEqual(PLANS.map((p) => p.id));
    expect(r.servingCost.sources.input).toMatch(/Frontier 2T\/100B on 32 rented B200/);
    expect(r.servingCost.outputUsdPerMillion).toBeGreaterThan(r.servingCost.inputUsdPerMillion);
    expect(Object.keys(r.usageProfiles).sort()).toEqual(['chat', 'coding-agent', 'enterprise-rollout']);
    for (const p of r.plans) {
      expect(p.tokenMix.inputShare + p.tokenMix.cachedShare + p.tokenMix.outputShare, p.id).toBeCloseTo(1, 12);
      expect(p.tokenMix.source, p.id).toMatch(/workload preset/);
      expect(p.price.source, p.id).toMatch(/https:\/\//);
      expect(p.limit.basis, p.id).toMatch(/derived|assumption/);
      expect(p.breakEvenTokensPerSeatPerMonth * p.costUsdPerMillionTokens / 1e6).toBeCloseTo(p.priceUsdPerSeatPerMonth, 9);
      expect(p.meanMarginFraction).toBeCloseTo(1 - p.meanCostUsd / p.priceUsdPerSeatPerMonth, 12);
      expect(Math.abs(p.shareOfSeatsLosingMoney - p.closedForm.shareOfSeatsLosingMoney)).toBeLessThan(0.01);
      expect(p.atListPrice.meanUsdPerSeat).toBeCloseTo(p.meanTokensPerSeatPerMonth * p.atListPrice.usdPerMillionTokens / 1e6, 9);
      expect(p.meanMarginAfterFreeTierFraction).toBeCloseTo(p.meanMarginFraction - (p.freeTier?.costUsdPerPaidSeat ?? 0) / p.priceUsdPerSeatPerMonth, 12);
    }
    const plus = r.plans.find((p) => p.id === 'chatgpt-plus')!;
    expect(plus.usageProfile).toBe('chat');
    expect(plus.freeTier?.costUsdPerPaidSeat).toBeGreaterThan(0);
    expect(plus.meanMarginAfterFreeTierFraction).toBeLessThan(plus.meanMarginFraction);
    expect(r.plans.find((p) => p.id === 'claude-pro')!.freeTier).toBeNull();
  });

  it('subscription --usage coding-agent: a Claude Pro seat\'s tokens at Sonnet 4.5 list prices are within 2× of Anthropic\'s $150-250 a developer-month (anchor #12); every usage input is sourced', async () => {
    const r = await runCliJson<SubscriptionJson>(['subscription', '--usage', 'coding-agent', '--plan', 'claude-pro', '--samples', '20000']);
    const pro = r.plans[0]!;
    expect(pro.usageProfile).toBe('coding-agent');
    expect(pro.tokenMix.cachedShare).toBeGreaterThan(0.9);
    expect(pro.atListPrice.schedule).toBe('anthropic/claude-sonnet-4.5');
    expect(pro.atListPrice.meanUsdPerSeat).toBeGreaterThan(75);
    expect(pro.atListPrice.meanUsdPerSeat).toBeLessThan(500);
    const u = r.usageProfiles['coding-agent']!;
    expect(u.workloadPreset).toBe('coding-agent');
    expect(u.idleShare.source).toMatch(/anthropic\.com/);
  });

  it('--plan, --usage and the usage and cost flags set the run; the same seed gives the same figures', async () => {
    const argv = ['subscription', '--plan', 'claude-max-20x', '--usage', 'enterprise-rollout', '--sigma', '1', '--median-tokens-per-month', '5e7', '--cost-output-usd-per-million', '10', '--token-mix', '0.03,0.96,0.01', '--samples', '20000', '--seed', '9'];
    const a = await runCliJson<SubscriptionJson>(argv);
    expect(a.plans).toHaveLength(1);
    expect(a.plans[0]!.usage).toEqual({ idleShare: 0.64, medianTokensPerMonth: 5e7, sigma: 1 });
    expect(a.servingCost.outputUsdPerMillion).toBe(10);
    expect(a.servingCost.sources.output).toBe('--cost-output-usd-per-million');
    expect(a.plans[0]!.tokenMix).toMatchObject({ inputShare: 0.03, cachedShare: 0.96, outputShare: 0.01, source: '--token-mix' });
    expect(await runCliJson<SubscriptionJson>(argv)).toEqual(a);
  });

  it('everyone idle: margin 100% and no seat losing money', async () => {
    const r = await runCliJson<SubscriptionJson>(['subscription', '--idle-share', '1', '--samples', '1000']);
    for (const p of r.plans) {
      expect(p.meanMarginFraction).toBe(1);
      expect(p.shareOfSeatsLosingMoney).toBe(0);
    }
  });

  it.each([
    [['--idle-share', '2'], /^inferonomics: invalid --idle-share: 2; expected a number from 0 to 1\n$/],
    [['--plan', 'claude-ultra'], /^inferonomics: invalid --plan: claude-ultra; expected one of chatgpt-plus, .*claude-team\n$/],
    [['--usage', 'heavy'], /^inferonomics: invalid --usage: heavy; expected one of chat, coding-agent, enterprise-rollout\n$/],
    [['--token-mix', '0.5,0.5,0.5'], /^inferonomics: invalid --token-mix: 0\.5,0\.5,0\.5; expected three fractions in,cached,out .*summing to 1.*\n$/],
    [['--samples', '0'], /^inferonomics: invalid --samples: 0; expected a whole number from 1 to 10,000,000\n$/],
    [['--sigma', 'wide'], /^inferonomics: invalid --sigma: wide; expected a number from 0 to 10\n$/],
    [['--cost-input-usd-per-million', '-1'], /^inferonomics: invalid --cost-input-usd-per-million: -1; expected a number from 0 to 1,000,000\n$/],
    [['--price', '20'], /^inferonomics: unknown flag: --price; expected one of --plan, .*--json\n$/],
  ])('a bad flag %j is a one-line error with exit code 2', async (flags, message) => {
    const r = await runCli(['subscription', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});

describe('inferonomics subscription --workload-preset', () => {
  it('takes every seat\'s token mix from the preset: batch traffic on Claude Pro has no coding-agent cache share', async () => {
    const r = await runCliJson<{ plans: { tokenMix: { cachedShare: number; source: string } }[] }>(['subscription', '--plan', 'claude-pro', '--workload-preset', 'rag', '--samples', '2000']);
    expect(r.plans[0]!.tokenMix.source).toMatch(/rag workload preset/);
    expect(r.plans[0]!.tokenMix.cachedShare).toBeCloseTo((4096 * 0.1) / (4096 + 512), 9);
    const both = await runCli(['subscription', '--workload-preset', 'rag', '--token-mix', '0.5,0.4,0.1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --workload-preset or --token-mix, not both');
  });
});
