import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface Level { outputEquivalent: number; freshInput: number; cachedInput: number; output: number }
interface Rates {
  marginal: Level; serving: Level; full: Level;
  amortizedUsdPerMillionOutputEquivalent: { training: number; research: number; staffAndOperating: number; total: number };
  marginFraction: { marginal: number; serving: number; full: number };
  breakEvenLifetimeOutputEquivalentTokens: number | null;
}
interface LabJson {
  option: string; gpu: string;
  input: { gpuSecondsPerToken: { output: number }; discountFraction: number };
  result: { list: Rates; discounted: Rates; lifetimeOutputEquivalentTokens: number; revenue: { perMillion: Level } };
  assumptions: { name: string; value: string; source: string }[];
}

describe('inferonomics lab', () => {
  it('prints the side-by-side table (marginal / serving / full × list / discounted) and every assumption, exit 0', async () => {
    const r = await runCli(['lab']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Frontier 2T/100B on 32 rented B200');
    expect(r.stdout).toMatch(/USD per million output-equivalent tokens\s+list rates\s+discounted \(58% off\)/);
    for (const row of ['marginal: power only', 'serving: hardware (rented', 'full: serving + training + research + staff/opex', 'break-even lifetime', 'margin on marginal / serving / full cost']) {
      expect(r.stdout).toContain(row);
    }
    expect(r.stdout).toMatch(/marginal list\s+marginal disc\.\s+serving list\s+serving disc\.\s+full list\s+full disc\./);
    expect(r.stdout).toContain('assumptions:');
    for (const name of ['researchMultiple', 'staffUsdPerYear', 'lifetimeMonths', 'apiShare', 'discountFraction', 'trainingToServingCompute', 'gpuSecondsPerToken']) {
      expect(r.stdout).toMatch(new RegExp(`\\n  ${name}\\s`));
    }
    expect(r.stdout).toContain('assumption (2026-11)');
  });

  it('--json: the default run orders marginal ≤ serving ≤ full, and the discount lowers serving and full', async () => {
    const j = await runCliJson<LabJson>(['lab']);
    expect(j.gpu).toBe('b200');
    // list = B200 on demand (median $6.89), discounted = its 3-year contract ($2.90): 1 − 2.90 / 6.89
    expect(j.input.discountFraction).toBeCloseTo(1 - 2.9 / 6.89, 9);
    expect(j.input.gpuSecondsPerToken.output).toBeGreaterThan(0);
    for (const c of [j.result.list, j.result.discounted]) {
      expect(c.marginal.outputEquivalent).toBeLessThanOrEqual(c.serving.outputEquivalent);
      expect(c.serving.outputEquivalent).toBeLessThan(c.full.outputEquivalent);
    }
    expect(j.result.discounted.serving.outputEquivalent).toBeCloseTo(j.result.list.serving.outputEquivalent * 2.9 / 6.89, 9);
    expect(j.result.discounted.full.outputEquivalent).toBeLessThan(j.result.list.full.outputEquivalent);
    expect(j.assumptions.find((a) => a.name === 'researchMultiple')?.source).toMatch(/^derived, 2026-12: https:\/\/epoch\.ai/);
  });

  it('--json: by default training + research compute is 2.49× serving (OpenAI 2024 per Epoch AI), and full cost loses money as every reported frontier lab does', async () => {
    const j = await runCliJson<LabJson & { result: { list: { lifetimeUsd: Record<string, number> }; discounted: { lifetimeUsd: Record<string, number> } } }>(['lab']);
    for (const c of [j.result.list, j.result.discounted]) {
      const t = c.lifetimeUsd;
      // Epoch AI: ($0.48B final runs + $4.5B research) / $2B inference = 2.49.
      expect(((t.training ?? 0) + (t.research ?? 0)) / (t.serving ?? 1)).toBeCloseTo(4.98 / 2, 9);
    }
    // Anchor #13, sign and order: serving earns a margin (compute margins 53-70% reported for late 2025), full cost does not.
    expect(j.result.list.marginFraction.serving).toBeGreaterThan(0);
    expect(j.result.list.marginFraction.full).toBeLessThan(0);
    expect(j.result.discounted.marginFraction.full).toBeLessThan(0);
  });

  it('--training-usd 1e8 with 2× research over 1e15 output tokens amortizes $0.30 per million at list', async () => {
    const j = await runCliJson<LabJson>(['lab', '--training-usd', '1e8', '--research-multiple', '2', '--staff-usd-per-year', '0', '--other-operating-usd-per-year', '0',
      '--lifetime-months', '10', '--output-tokens-per-month', '1e14', '--input-tokens-per-month', '0', '--discount', '0.5']);
    expect(j.result.lifetimeOutputEquivalentTokens).toBe(1e15);
    expect(j.result.list.amortizedUsdPerMillionOutputEquivalent.total).toBeCloseTo(0.3, 12);
    expect(j.result.discounted.amortizedUsdPerMillionOutputEquivalent.total).toBeCloseTo(0.15, 12);
    expect(j.assumptions.find((a) => a.name === 'training')?.source).toBe('given (--training-usd)');
  });

  it('--training-flop is used as given', async () => {
    const j = await runCliJson<LabJson>(['lab', '--training-flop', '3e25']);
    expect(j.assumptions.find((a) => a.name === 'trainingFlop')).toMatchObject({ value: '3.00e+25', source: 'given (--training-flop)' });
    expect(j.assumptions.find((a) => a.name === 'trainingMfu')?.source).toMatch(/^sourced/);
    expect(j.assumptions.find((a) => a.name === 'trainingToServingCompute')).toBeUndefined();
  });

  it.each([
    [['--discount', '2'], /invalid --discount: 2; expected a number from 0 to 1/],
    [['--api-share', 'half'], /invalid --api-share: half/],
    [['--lifetime-months', '0'], /invalid --lifetime-months: 0; expected a number > 0/],
    [['--training-flop', '1e25', '--training-usd', '1e8'], /give one or the other/],
    [['--training-flop'], /invalid --training-flop: \(no value\)/],
    [['--gpus', '8'], /unknown flag: --gpus/],
    [['--output-tokens-per-month', '0', '--input-tokens-per-month', '0'], /both 0/],
  ])('lab %j exits 2 with a one-line error', async (flags, message) => {
    const r = await runCli(['lab', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reports every bad flag at once', async () => {
    const r = await runCli(['lab', '--discount', '-1', '--staff-usd-per-year', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--discount');
    expect(r.stderr).toContain('--staff-usd-per-year');
  });
});
