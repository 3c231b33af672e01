import { describe, expect, it } from 'vitest';
import { PLANS } from '../../src/core/subscription/plans.js';
import { runCli, runCliJson } from './runCli.js';

interface PlanJson {
  id: string; name: string; priceUsdPerSeatPerMonth: number; monthlyTokenCap: number | null;
  usage: { idleShare: number; medianTokensPerMonth: number; sigma: number };
  meanCostUsd: number; meanMarginFraction: number; shareOfSeatsLosingMoney: number; breakEvenTokensPerSeatPerMonth: number;
  costUsdPerSeat: { p50: number; p90: number; p99: number }; shareCappedByLimit: number;
  price: { source: string; date: string }; limit: { basis: string; note: string };
  closedForm: { shareOfSeatsLosingMoney: number };
}
interface SubscriptionJson {
  samples: number; seed: number;
  servingCost: { inputUsdPerMillion: number; cachedInputUsdPerMillion: number; outputUsdPerMillion: number; sources: { input: string; output: string } };
  tokenMix: { inputShare: number; cachedShare: number; outputShare: number; source: string };
  costUsdPerMillionTokens: number;
  usage: { profile: string; idleShare: { value: number; source: string }; sigma: { value: number } };
  plans: PlanJson[];
}

describe('inferonomics subscription', () => {
  it('by default prints every plan with its margin, seats losing money and break-even usage, priced at the report\'s frontier model on B200', async () => {
    const r = await runCli(['subscription', '--samples', '20000']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    for (const p of PLANS) expect(r.stdout).toContain(p.name);
    expect(r.stdout).toMatch(/Frontier 2T\/100B on 32 rented B200.*from the report's default scenario/);
    expect(r.stdout).toMatch(/mean margin +seats losing money +break-even tokens\/mo +p90 cost\/seat +p99 cost\/seat/);
    expect(r.stdout).toContain('usage profile consumer');
  });

  it('--json gives every plan\'s figures and the assumptions: usage parameters, token mix and the source of the serving costs', async () => {
    const r = await runCliJson<SubscriptionJson>(['subscription', '--samples', '20000']);
    expect(r.plans.map((p) => p.id)).toEqual(PLANS.map((p) => p.id));
    expect(r.servingCost.sources.input).toMatch(/Frontier 2T\/100B on 32 rented B200/);
    expect(r.servingCost.outputUsdPerMillion).toBeGreaterThan(r.servingCost.inputUsdPerMillion);
    expect(r.tokenMix.inputShare + r.tokenMix.cachedShare + r.tokenMix.outputShare).toBeCloseTo(1, 12);
    expect(r.usage.profile).toBe('consumer');
    for (const p of r.plans) {
      expect(p.price.source, p.id).toMatch(/https:\/\//);
      expect(p.limit.basis, p.id).toMatch(/derived|assumption/);
      expect(p.breakEvenTokensPerSeatPerMonth * r.costUsdPerMillionTokens / 1e6).toBeCloseTo(p.priceUsdPerSeatPerMonth, 9);
      expect(p.meanMarginFraction).toBeCloseTo(1 - p.meanCostUsd / p.priceUsdPerSeatPerMonth, 12);
      expect(Math.abs(p.shareOfSeatsLosingMoney - p.closedForm.shareOfSeatsLosingMoney)).toBeLessThan(0.01);
    }
  });

  it('--plan, --usage and the usage and cost flags set the run; the same seed gives the same figures', async () => {
    const argv = ['subscription', '--plan', 'claude-max-20x', '--usage', 'enterprise-rollout', '--sigma', '1', '--median-tokens-per-month', '5e7', '--cost-output-usd-per-million', '10', '--token-mix', '0.03,0.96,0.01', '--samples', '20000', '--seed', '9'];
    const a = await runCliJson<SubscriptionJson>(argv);
    expect(a.plans).toHaveLength(1);
    expect(a.plans[0]!.usage).toEqual({ idleShare: 0.42, medianTokensPerMonth: 5e7, sigma: 1 });
    expect(a.servingCost.outputUsdPerMillion).toBe(10);
    expect(a.servingCost.sources.output).toBe('--cost-output-usd-per-million');
    expect(a.tokenMix).toMatchObject({ inputShare: 0.03, cachedShare: 0.96, outputShare: 0.01, source: '--token-mix' });
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
    [['--usage', 'heavy'], /^inferonomics: invalid --usage: heavy; expected one of consumer, enterprise-rollout\n$/],
    [['--token-mix', '0.5,0.5,0.5'], /^inferonomics: invalid --token-mix: 0\.5,0\.5,0\.5; expected three fractions in,cached,out .*summing to 1.*\n$/],
    [['--samples', '0'], /^inferonomics: invalid --samples: 0; expected a whole number >= 1\n$/],
    [['--sigma', 'wide'], /^inferonomics: invalid --sigma: wide; expected a number from 0 to 10\n$/],
    [['--cost-input-usd-per-million', '-1'], /^inferonomics: invalid --cost-input-usd-per-million: -1; expected a number from 0 to 1000000\n$/],
    [['--price', '20'], /^inferonomics: unknown flag: --price; expected one of --plan, .*--json\n$/],
  ])('a bad flag %j is a one-line error with exit code 2', async (flags, message) => {
    const r = await runCli(['subscription', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });
});
