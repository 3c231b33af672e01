import { describe, expect, it } from 'vitest';
import { chooseDeployment, DEPLOYMENT_COST_TOLERANCE, deploymentCandidates, MAX_TIMES_SMALLEST_FIT, parseScenarioText, resolveScenario, runOption, ScenarioError } from '../../../src/core/scenario/index.js';
import { sensitivity } from '../../../src/core/scenario/sensitivity.js';

const option = (yaml: string) => resolveScenario(parseScenarioText(`options: [${yaml}]`, 'x'), 'x')[0]!;
const KIMI_B200 = '{ model: kimi-k2.5, gpu: b200, gpus: 16, framework: sglang, latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 }, prices: { inputUsdPerMillion: 0.6, outputUsdPerMillion: 3 }, costBasis: { kind: rented, priceUsdPerGpuHour: 6 } }';

describe('chooseDeployment', () => {
  it('deploymentCandidates(kimi-k2.5 on b200) starts at the smallest count that fits and doubles up to 16 times it (at most 128)', () => {
    const counts = deploymentCandidates(option(KIMI_B200));
    const bound = Math.min(128, MAX_TIMES_SMALLEST_FIT * counts[0]!);
    expect(counts.at(-1)).toBeLessThanOrEqual(bound);
    expect(2 * counts.at(-1)!).toBeGreaterThan(bound);
    for (const n of counts.slice(1)) expect(Math.log2(n) % 1).toBe(0);
    expect(runOption({ ...option(KIMI_B200), gpus: counts[0]! - 1 }).fits).toBe(false);
  });

  it('the chosen count meets the latency target, costs less than every smaller count and at most 5% more than every larger one', () => {
    const choice = chooseDeployment(option(KIMI_B200), { maxGpus: 64 });
    const chosen = choice.chosen;
    expect(chosen.operatingPoint?.meetsTarget).toBe(true);
    const cost = chosen.economics!.costUsdPerRequest;
    const fitting = choice.candidates.filter((c) => c.result !== null && c.result.operatingPoint!.meetsTarget);
    expect(fitting.length).toBeGreaterThanOrEqual(3);
    for (const c of fitting) {
      const other = c.result!.economics!.costUsdPerRequest;
      if (c.gpus < chosen.option.gpus) expect(other).toBeGreaterThan(cost);
      else expect(cost).toBeLessThanOrEqual(other * (1 + DEPLOYMENT_COST_TOLERANCE));
    }
  }, 30_000);

  it('gpus: auto (or no gpus) resolves to the chosen count and records every count tried', () => {
    const o = option(KIMI_B200.replace('gpus: 16', 'gpus: auto'));
    expect(o.deployment?.candidates.map((c) => c.gpus)).toEqual(deploymentCandidates(o));
    expect(o.deployment?.candidates.some((c) => c.gpus === o.gpus && c.costUsdPerRequest !== null)).toBe(true);
    expect(o.assumptions.find((a) => a.name === 'gpus')?.value).toMatch(new RegExp(`^${o.gpus} \\(chosen of `));
    expect(option(KIMI_B200.replace('gpus: 16, ', '')).gpus).toBe(o.gpus);
    expect(option(KIMI_B200).deployment).toBeUndefined();
  }, 30_000);

  it('a gpus value that is neither a count nor "auto" is one problem naming the field and what is allowed', () => {
    try {
      option(KIMI_B200.replace('gpus: 16', 'gpus: many'));
      expect.unreachable();
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual(['options[0].gpus: expected a whole number from 1 to 65,536, or "auto", received "many"']);
    }
  });
});

describe('sensitivity', () => {
  it('moves one input at a time: half and double the GPUs, a 2x stricter target (never cheaper), longer prompts', () => {
    const base = runOption(option(KIMI_B200));
    const rows = sensitivity(base);
    expect(rows.map((r) => r.case)).toEqual(['as given', 'half the GPUs', 'double the GPUs', 'latency target 2x stricter', 'prompt 4x longer', 'agentic prompt']);
    expect(rows.map((r) => r.gpus)).toEqual([16, 8, 32, 16, 16, 16]);
    expect(rows[0]!.costUsdPerRequest).toBe(base.economics!.costUsdPerRequest);
    const stricter = rows[3]!;
    expect(stricter.change).toBe('30 tok/s per user, TTFT 5 s → 60 tok/s per user, TTFT 2.5 s');
    expect(stricter.costUsdPerRequest!).toBeGreaterThanOrEqual(base.economics!.costUsdPerRequest);
    for (const r of rows) expect(r.profitable === null || r.marginFraction !== null).toBe(true);
  }, 30_000);
});
