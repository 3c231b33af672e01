import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface ReportJson {
  options: {
    label: string; fits: boolean; costUsdPerGpuHour: number; costUsdPerMillionInputTokens: number; costUsdPerMillionOutputTokens: number;
    revenueUsdPerGpuHourAtFullLoad: number; breakEvenUtilization: number | null; marginFraction: number; utilization: number;
    assumptions: { options: { name: string; origin: string }[]; costBasis: unknown[] };
  }[];
}

function scenarioFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'inferonomics-scenario-'));
  const path = join(dir, 'scenario.yaml');
  writeFileSync(path, text);
  return path;
}

describe('inferonomics report', () => {
  it('--json gives every required figure and the assumptions for each option of the default scenario', async () => {
    const r = await runCliJson<ReportJson>(['report']);
    expect(r.options).toHaveLength(4);
    for (const o of r.options) {
      for (const k of ['costUsdPerGpuHour', 'costUsdPerMillionInputTokens', 'costUsdPerMillionOutputTokens', 'revenueUsdPerGpuHourAtFullLoad', 'marginFraction'] as const) {
        expect(Number.isFinite(o[k]), `${o.label} ${k}`).toBe(true);
      }
      expect(o.costUsdPerGpuHour).toBeGreaterThan(0);
      expect(o.assumptions.options.length).toBeGreaterThan(8);
      // Break-even utilization × revenue at full load = the cost of a GPU-hour (rented: flat).
      if (o.breakEvenUtilization !== null) expect(o.breakEvenUtilization * o.revenueUsdPerGpuHourAtFullLoad).toBeCloseTo(o.costUsdPerGpuHour, 6);
    }
  });

  it('the human report shows a verdict, the costs and the assumptions', async () => {
    const r = await runCli(['report']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/verdict\s+(PROFITABLE|LOSES MONEY) at 60% utilization/);
    expect(r.stdout).toContain('cost per million');
    expect(r.stdout).toContain('assumptions:');
    expect(r.stdout).toContain('Claude Sonnet 4.5');
  });

  it('runs a scenario file (YAML) with an owned cost basis, and prints where each default came from', async () => {
    const path = scenarioFile(`
title: owned H100s for Llama 3.3 70B
options:
  - model: llama-3.3-70b
    gpu: h100
    gpus: 8
    framework: trtllm
    costBasis: { kind: owned, electricityUsdPerKwh: 0.12 }
    prices: { market: llama-3.3-70b }
    utilization: 0.5
`);
    const r = await runCliJson<ReportJson>(['report', path]);
    const o = r.options[0]!;
    expect(o.utilization).toBe(0.5);
    expect(o.costUsdPerGpuHour).toBeGreaterThan(1);
    expect(o.assumptions.options.find((a) => a.name === 'workload.inputTokens')?.origin).toBe('default');
    expect(JSON.stringify(o.assumptions.costBasis)).toContain('electricityUsdPerKwh');
  });

  it('--json gives each option its deployment (count, how decided, layout) and a sensitivity table whose stricter-target row never costs less', async () => {
    interface Row { case: string; gpus: number; costUsdPerRequest: number | null; profitable: boolean | null }
    const r = await runCliJson<{ onePoint: string; options: { gpus: number; deployment: { gpus: number; decidedBy: string; layout: string }; sensitivity: Row[] }[] }>(['report']);
    expect(r.onePoint).toMatch(/^Each option is one point/);
    for (const o of r.options) {
      expect(o.deployment).toMatchObject({ gpus: o.gpus, decidedBy: 'scenario' });
      expect(o.deployment.layout).toMatch(/TP/);
      const by = Object.fromEntries(o.sensitivity.map((x) => [x.case, x]));
      expect(by['half the GPUs']!.gpus).toBe(o.gpus / 2);
      expect(by['double the GPUs']!.gpus).toBe(2 * o.gpus);
      expect(by['latency target 2x stricter']!.costUsdPerRequest!).toBeGreaterThanOrEqual(by['as given']!.costUsdPerRequest!);
    }
  }, 120_000);

  it('gpus: auto chooses the count: the report names it, the counts tried, and the sensitivity rows around it', async () => {
    const path = scenarioFile(`
options:
  - { model: llama-3.3-70b, gpu: h200, gpus: auto, framework: sglang, prices: { inputUsdPerMillion: 0.6, outputUsdPerMillion: 0.8 } }
`);
    const r = await runCli(['report', path]);
    expect(r.code).toBe(0);
    const gpus = Number(/deployment\s+(\d+) h200 \(chosen: least cost per request meeting the target; tried /.exec(r.stdout)?.[1]);
    expect(gpus).toBeGreaterThanOrEqual(1);
    expect(r.stdout).toContain(`llama-3.3-70b on ${gpus} h200 (count chosen)`);
    expect(r.stdout).toMatch(/Each option is one point/);
    expect(r.stdout).toMatch(/half the GPUs|double the GPUs/);
    expect(r.stdout).toContain('agentic prompt');
  }, 120_000);

  it('a scenario with a misspelled field, a negative price and an unknown model lists all three and exits 2', async () => {
    const path = scenarioFile(`
options:
  - { model: kimi-k9, gpu: h200, gpus: 8, utilisation: 0.6, prices: { inputUsdPerMillion: -1, outputUsdPerMillion: 2 } }
`);
    const r = await runCli(['report', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 problems');
    expect(r.stderr).toContain('options[0].utilisation: unknown field');
    expect(r.stderr).toContain('options[0].prices.inputUsdPerMillion: expected a number from 0 to 1,000,000, received -1');
    expect(r.stderr).toMatch(/options\[0\]\.model: unknown model: kimi-k9/);
  });
});

describe('inferonomics reproduce', () => {
  it('deepseek --json: $87,072 a day, revenue within 0.5% of $562,027, cost-profit margin within 0.02 of 5.45, and the predicted nodes with their error', async () => {
    const r = await runCliJson<{ dailyCostUsd: number; revenueUsd: number; costProfitMargin: number; predictedAverageNodes: number; predictedAverageNodesRelativeError: number }>(['reproduce', 'deepseek']);
    expect(r.dailyCostUsd).toBe(87_072);
    expect(Math.abs(r.revenueUsd / 562_027 - 1)).toBeLessThan(0.005);
    expect(Math.abs(r.costProfitMargin - 5.45)).toBeLessThan(0.02);
    expect(r.predictedAverageNodes).toBeGreaterThan(0);
    expect(r.predictedAverageNodesRelativeError).toBeCloseTo(r.predictedAverageNodes / 226.75 - 1, 12);
  });

  it('mixtral-h100 says whether one H100 holds Mixtral and what each figure of the claim comes to', async () => {
    const r = await runCliJson<{ fitsOneH100: { bf16: boolean; fp8: boolean }; arithmetic: { revenueUsdPerHourFromClaim: number; breakEvenUtilizationFromClaim: number } }>(['reproduce', 'mixtral-h100']);
    expect(r.fitsOneH100.bf16).toBe(false); // 46.7B parameters × 2 B = 93 GB
    expect(r.fitsOneH100.fp8).toBe(true);
    expect(r.arithmetic.revenueUsdPerHourFromClaim).toBeCloseTo(19.44, 6); // 36M × $0.54/M
    expect(r.arithmetic.breakEvenUtilizationFromClaim).toBeCloseTo(3.99 / 38.88, 9);
  });

  it('an unknown case lists the known ones', async () => {
    const r = await runCli(['reproduce', 'openai']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid case: openai; expected one of deepseek, mixtral-h100/);
  });
});
