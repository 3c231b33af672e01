import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from './runCli.js';

function scenarioFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'inferonomics-split-')), 'scenario.yaml');
  writeFileSync(path, text);
  return path;
}

const SMALL = `
defaults: { model: llama-3.1-8b, gpu: h100-sxm, gpus: 1, prices: { inputUsdPerMillion: 0.1, cachedInputUsdPerMillion: 0.02, outputUsdPerMillion: 0.3 } }
`;

interface SplitJson {
  options: {
    label: string; costSplit: string; prefillGpuTimeShare: number;
    costUsdPerMillionInputTokens: number; costUsdPerMillionCachedInputTokens: number; costUsdPerMillionOutputTokens: number;
    cachedInputKvGpuSeconds: Record<string, number> | null;
  }[];
}

describe('inferonomics report --cost-split', { timeout: 60_000 }, () => {
  it('--json says which split each option used: phase by default, marginal when asked; input and cached input above zero', async () => {
    const phase = await runCliJson<SplitJson>(['report']);
    const marginal = await runCliJson<SplitJson>(['report', '--cost-split', 'marginal']);
    expect(phase.options.map((o) => o.costSplit)).toEqual(['phase', 'phase', 'phase', 'phase']);
    expect(marginal.options.map((o) => o.costSplit)).toEqual(['marginal', 'marginal', 'marginal', 'marginal']);
    for (const o of phase.options) {
      expect(o.costUsdPerMillionInputTokens, o.label).toBeGreaterThan(0);
      expect(o.costUsdPerMillionCachedInputTokens, o.label).toBeGreaterThan(0);
      expect(o.prefillGpuTimeShare, o.label).toBeGreaterThan(0);
      expect(o.prefillGpuTimeShare, o.label).toBeLessThan(1);
      expect(o.cachedInputKvGpuSeconds, o.label).not.toBeNull();
    }
    for (const o of marginal.options) expect(o.cachedInputKvGpuSeconds).toBeNull();
  });

  it('the human report names the split and the prompts\' share of GPU-time', async () => {
    const r = await runCli(['report', '--cost-split', 'marginal']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cost split\s+marginal: a prompt bears only the time it adds to decode steps.*prompts take \d+% of the GPU-time/);
    const d = await runCli(['report']);
    expect(d.stdout).toMatch(/cost split\s+by phase: .*prompts take \d+% of the GPU-time/);
    expect(d.stdout).toMatch(/cached input\s+per million: attention \$0\.\d{4}, KV kept in HBM \$0\.\d{4}, host DRAM \$0\.\d{4}, SSD \$0\.\d{4}, moved back to HBM \$0\.\d{4}/);
  });

  it('a scenario sets the split with costSplit (in defaults or per option); the flag overrides it', async () => {
    const path = scenarioFile(`${SMALL}options:\n  - { costSplit: marginal }\n  - { label: by phase }\n`);
    const r = await runCliJson<SplitJson>(['report', path]);
    expect(r.options.map((o) => o.costSplit)).toEqual(['marginal', 'phase']);
    const forced = await runCliJson<SplitJson>(['report', path, '--cost-split', 'phase']);
    expect(forced.options.map((o) => o.costSplit)).toEqual(['phase', 'phase']);
  });

  it('a scenario with an unknown costSplit names its path, the value and the allowed set (exit 2)', async () => {
    const r = await runCli(['report', scenarioFile(`${SMALL}options:\n  - { costSplit: evenly }\n`)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/options\[0\]\.costSplit.*one of phase, marginal/);
  });

  it('an unknown split is an error naming the flag, the value and the allowed set (exit 2)', async () => {
    const r = await runCli(['report', '--cost-split', 'evenly']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--cost-split.*evenly.*phase, marginal/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

interface DeepseekJson {
  dailyCostUsd: number; revenueUsd: number;
  prefillGpuTimeShare: number; outputToInputCostRatio: number;
  publishedAttribution: { prefillNodes: number; decodeNodes: number; prefillGpuTimeShare: number; outputToInputCostRatioAllPrefillOnMisses: number };
  physics: { predictedPrefillNodes: number; predictedDecodeNodes: number; attribution: { cachedShareOfPrefill: number; gpuSecondsPerToken: { freshInput: number; cachedInput: number; output: number } } };
}

describe('inferonomics reproduce deepseek: who pays for the GPU-time', { timeout: 60_000 }, () => {
  it('the published per-node rates give 95.5 prefill and 131.4 decode nodes: 42.1% on prompts, output 2.18× a cache-miss input token (anchor #8)', async () => {
    const r = await runCliJson<DeepseekJson>(['reproduce', 'deepseek']);
    // 608e9 / 86,400 / 73,700 = 95.48 nodes; 168e9 / 86,400 / 14,800 = 131.38 nodes.
    expect(r.publishedAttribution.prefillNodes).toBeCloseTo(95.48, 2);
    expect(r.publishedAttribution.decodeNodes).toBeCloseTo(131.38, 2);
    expect(r.publishedAttribution.prefillGpuTimeShare).toBeCloseTo(0.4209, 4);
    expect(r.publishedAttribution.outputToInputCostRatioAllPrefillOnMisses).toBeCloseTo((73_700 * 266) / (14_800 * 608), 9);
    // The accounting stays exact.
    expect(r.dailyCostUsd).toBe(87_072);
  });

  it('the physics share is its own prefill nodes over all its nodes, and the day\'s GPU-time adds up over the three token kinds', async () => {
    const r = await runCliJson<DeepseekJson>(['reproduce', 'deepseek']);
    const p = r.physics;
    expect(r.prefillGpuTimeShare).toBeCloseTo(p.predictedPrefillNodes / (p.predictedPrefillNodes + p.predictedDecodeNodes), 12);
    const s = p.attribution.gpuSecondsPerToken;
    const gpuSeconds = (608e9 - 342e9) * s.freshInput + 342e9 * s.cachedInput + 168e9 * s.output;
    expect(gpuSeconds / ((p.predictedPrefillNodes + p.predictedDecodeNodes) * 8 * 86_400)).toBeCloseTo(1, 9);
    expect(p.attribution.cachedShareOfPrefill).toBeGreaterThan(0);
    expect(r.outputToInputCostRatio).toBeCloseTo(s.output / s.freshInput, 12);
  });

  // Issue 13's target. The capacity physics alone puts 24% of the day's GPU-time on prompts: it
  // prefills at about twice the published 73.7k tokens/s per node. DeepSeek's own full-batch profile
  // of the same layout (62.7k cache-miss tokens/s per node, as LMSYS computed it) is also about twice
  // the day's 32.2k, so the day's prefill pool was about half busy: a stated input of the reproduction
  // (prefillPoolOccupancy), while the capacity is held to the profile.
  it('with the day\'s stated prefill-pool occupancy the physics share is within 0.08 of the published 0.42 (economics anchor #8)', async () => {
    const r = await runCliJson<DeepseekJson & { prefillPoolOccupancy: number; prefillGpuTimeShareAtFullOccupancy: number }>(['reproduce', 'deepseek']);
    expect(r.prefillPoolOccupancy).toBeCloseTo((73_700 * (1 - 342 / 608)) / 62_713, 9);
    expect(Math.abs(r.prefillGpuTimeShare - 0.42)).toBeLessThanOrEqual(0.08);
    // The stated input is what closes the gap: with the pool fully used the share is far under.
    expect(r.prefillGpuTimeShareAtFullOccupancy).toBeLessThan(r.prefillGpuTimeShare - 0.08);
  });

  it('the capacity the reproduction stands on agrees with DeepSeek\'s own full-batch profile within 15% for both phases', async () => {
    const r = await runCliJson<{ profileCheck: { prefill: { relativeError: number }; decode: { relativeError: number } } }>(['reproduce', 'deepseek']);
    expect(Math.abs(r.profileCheck.prefill.relativeError)).toBeLessThanOrEqual(0.15);
    expect(Math.abs(r.profileCheck.decode.relativeError)).toBeLessThanOrEqual(0.15);
  });
});
