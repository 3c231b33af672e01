import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

interface Summary { p5: number; p25: number; p50: number; p75: number; p95: number; mean: number }
interface UncertaintyJson {
  scenario: string;
  samples: number;
  seed: number;
  base: { label: string; gpu: string; gpus: number; gpusChosenPerPoint: boolean; gpusAtGridNodes: { min: number; max: number }; prices: { outputUsdPerMillion: number } };
  inputs: { name: string; distribution: { kind: string }; median: number; p10: number; p90: number; source: string | null }[];
  outputs: Record<'marginFraction' | 'costUsdPerMillionOutputTokens' | 'costUsdPerMillionInputTokens' | 'profitUsdPerGpuHour', Summary>;
  probabilityMarginPositive: number;
  probabilityStandardError: number;
  tornado: { output: string; field: string; outputAtMedians: number; rows: { name: string; swing: number }[] };
  breakEven: { input: string; value: number | null; reason: string | null; low: number; high: number }[];
  surrogate: { dimensions: { name: string; nodes: number[] }[]; physicsRuns: number; check: { medianAbsoluteRelativeError: number } | null };
  warnings: string[];
  assumptions: { options: unknown[]; costBasis: unknown[] };
}

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'inferonomics-uncertainty-')), 'uncertainty.yaml');
  writeFileSync(path, text);
  return path;
}

const SMALL = `
title: Kimi K2.5 on H200 with an uncertain GPU price and utilization
base:
  model: kimi-k2.5
  gpu: h200
  gpus: 16
  prices: { market: kimi-k2.5 }
uncertain:
  - name: gpuPriceUsdPerHour
    distribution: { kind: triangular, low: 2, mode: 4, high: 8 }
    source: quotes
  - name: utilization
    distribution: { kind: uniform, low: 0.3, high: 0.9 }
samples: 2000
seed: 3
`;

describe('inferonomics uncertainty', () => {
  it('--json of the default scenario: percentiles of each output, P(margin > 0), tornado, break-evens and the surrogate', async () => {
    const r = await runCliJson<UncertaintyJson>(['uncertainty', '--samples', '5000']);
    expect(Object.keys(r)).toEqual(['scenario', 'file', 'samples', 'seed', 'base', 'inputs', 'outputs', 'probabilityMarginPositive', 'probabilityStandardError', 'tornado', 'breakEven', 'surrogate', 'warnings', 'assumptions']);
    expect(r.samples).toBe(5000);
    expect(r.seed).toBe(1);
    expect(r.base).toMatchObject({ gpu: 'b200', gpusChosenPerPoint: true, prices: { outputUsdPerMillion: 15 } });
    expect(Object.keys(r.outputs)).toEqual(['marginFraction', 'costUsdPerMillionOutputTokens', 'costUsdPerMillionInputTokens', 'profitUsdPerGpuHour']);
    for (const s of Object.values(r.outputs)) {
      expect(s.p5).toBeLessThanOrEqual(s.p25);
      expect(s.p25).toBeLessThanOrEqual(s.p50);
      expect(s.p50).toBeLessThanOrEqual(s.p75);
      expect(s.p75).toBeLessThanOrEqual(s.p95);
    }
    expect(r.probabilityMarginPositive).toBeGreaterThan(0);
    expect(r.probabilityMarginPositive).toBeLessThan(1);
    expect(r.inputs.map((x) => x.name)).toEqual(['totalParams', 'activeParams', 'gpuPriceUsdPerHour', 'utilization']);
    expect(r.tornado.field).toBe('marginFraction');
    // The model's size tops the tornado: its active parameters (the attention, shared experts and
    // dense layers every data-parallel rank reads each step) or its total (the GPUs it needs).
    expect(['totalParams', 'activeParams']).toContain(r.tornado.rows[0]?.name);
    expect(r.breakEven.map((b) => b.input)).toEqual(['totalParams', 'activeParams', 'gpuPriceUsdPerHour', 'utilization']);
    expect(r.surrogate.physicsRuns).toBe(25);
    expect(r.surrogate.dimensions.map((d) => d.name)).toEqual(['totalParams', 'activeParams']);
    // The deployment is chosen again per grid node: larger models get at least as many GPUs.
    expect(r.base.gpusAtGridNodes.max).toBeGreaterThanOrEqual(r.base.gpusAtGridNodes.min);
  }, 120_000);

  it('prints the assumptions, the percentiles, P(margin > 0), the tornado and the break-evens', async () => {
    const r = await runCli(['uncertainty', file(SMALL)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Kimi K2.5 on H200 with an uncertain GPU price and utilization');
    expect(r.stdout).toMatch(/gpuPriceUsdPerHour\s+triangular\(low 2, mode 4, high 8\)\s+\$3\.10\s+\$4\.54\s+\$6\.45\s+quotes/);
    expect(r.stdout).toContain('2,000 samples, seed 3:');
    expect(r.stdout).toMatch(/margin \(share of revenue\)\s+-?\d/);
    expect(r.stdout).toMatch(/P\(margin > 0\) = \d+\.\d% \(standard error \d\.\d\d points\)/);
    expect(r.stdout).toContain('tornado: margin (share of revenue) as each input moves from its p10 to its p90');
    expect(r.stdout).toMatch(/break-even:[\s\S]*gpuPriceUsdPerHour\s+\$2\.00 to \$8\.00/);
    expect(r.stdout).toContain('physics: one direct run (no physics input varies)');
    expect(r.stdout).toContain('assumptions of the base option:');
  });

  it('--solve with --range finds one input\'s break-even; the same seed gives the same figures', async () => {
    const path = file(SMALL);
    const a = await runCliJson<UncertaintyJson>(['uncertainty', path, '--solve', 'gpuPriceUsdPerHour', '--range', '1,100', '--output', 'costOutput']);
    const b = await runCliJson<UncertaintyJson>(['uncertainty', path, '--solve', 'gpuPriceUsdPerHour', '--range', '1,100', '--output', 'costOutput']);
    expect(a.breakEven).toHaveLength(1);
    expect(a.breakEven[0]?.input).toBe('gpuPriceUsdPerHour');
    // Solved inside the given range (about $7.2 an hour with the v2 performance model).
    expect(a.breakEven[0]?.value).toBeGreaterThan(1);
    expect(a.breakEven[0]?.value).toBeLessThan(100);
    expect(a.tornado.field).toBe('costUsdPerMillionOutputTokens');
    expect(b.outputs).toEqual(a.outputs);
    const c = await runCliJson<UncertaintyJson>(['uncertainty', path, '--seed', '4']);
    expect(c.outputs.marginFraction.p50).not.toBe(a.outputs.marginFraction.p50);
  });

  it('a range where margin keeps its sign says so', async () => {
    const r = await runCliJson<UncertaintyJson>(['uncertainty', file(SMALL), '--solve', 'gpuPriceUsdPerHour', '--range', '0.1,0.2']);
    expect(r.breakEven[0]?.value).toBeNull();
    expect(r.breakEven[0]?.reason).toMatch(/^no break-even in \[0\.1000, 0\.2000\]: margin stays positive/);
  });

  it.each([
    [['--output', 'revenue'], /invalid --output: revenue; expected one of margin, costOutput, costInput, profitPerGpuHour/],
    [['--solve', 'gpuPrice'], /invalid --solve: gpuPrice; expected one of gpuPriceUsdPerHour, utilization/],
    [['--range', '1,2'], /--range: it needs --solve/],
    [['--solve', 'utilization', '--range', '0.5'], /invalid --range: 0\.5; expected two numbers low,high/],
    [['--samples', '0'], /invalid --samples: 0; expected a whole number >= 1/],
    [['--grid-points', '12'], /invalid --grid-points: 12; expected a whole number from 2 to 9/],
    [['--sample', '10'], /unknown flag: --sample/],
  ])('bad flags %j exit 2 with one line', async (flags, message) => {
    const r = await runCli(['uncertainty', file(SMALL), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('a file with several problems lists them all and exits 2', async () => {
    const r = await runCli(['uncertainty', file(`
base: { model: kimi-k2.5, gpu: h200 }
uncertain:
  - { name: gpuPrice, distribution: { kind: uniform, low: 1, high: 2 } }
  - { name: utilization, distribution: { kind: uniform, low: 0.9, high: 0.1 } }
`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uncertain[0].name: expected one of gpuPriceUsdPerHour');
    expect(r.stderr).toContain('uncertain[1].distribution.high: expected a number > low, received 0.1');
  });
});
