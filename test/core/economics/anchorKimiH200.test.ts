import { describe, expect, it } from 'vitest';
import { parseScenario, resolveScenario, runOption } from '../../../src/core/scenario/index.js';

/**
 * Anchor #6 of shared/research/economics-anchors.md: SemiAnalysis InferenceX measured Kimi K2.5 on
 * 8 H200 (INT4, vLLM TP8), 8K in / 1K out, about 32 tokens/s per user, at $1.41 per GPU-hour and
 * utilization 1: $0.413 per million total tokens (cost per request / 9,216 tokens). Tolerance 25%.
 */
/** Cost per million total tokens of Kimi K2.5 on `gpus` × `gpu` (vLLM, TP = gpus, 8K in / 1K out) at `tokensPerSecondPerUser`. */
function kimiCost(gpu: string, gpus: number, weightPrecision: 'fp4' | null, tokensPerSecondPerUser: number, gpuHourUsd: number): number {
  const scenario = parseScenario({
    options: [{
      model: 'kimi-k2.5', gpu, gpus, framework: 'vllm', layout: { tp: gpus },
      ...(weightPrecision !== null && { weightPrecision }),
      workload: { inputTokens: 8192, outputTokens: 1024, prefixCacheHitRate: 0 },
      latencyTarget: { minTokensPerSecondPerUser: tokensPerSecondPerUser, maxTtftSeconds: 30 },
      costBasis: { kind: 'rented', priceUsdPerGpuHour: gpuHourUsd }, utilization: 1,
      prices: { inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 3 },
    }],
  }, 'InferenceX Kimi');
  const [option] = resolveScenario(scenario, 'InferenceX Kimi');
  if (option === undefined) throw new Error('one option');
  const r = runOption(option);
  expect(r.operatingPoint?.meetsTarget).toBe(true);
  return ((r.economics?.costUsdPerRequest ?? Number.NaN) / (8192 + 1024)) * 1e6;
}

describe('anchor #6: Kimi K2.5 on 8 H200 at InferenceX\'s setup', () => {
  it('costs within 25% of $0.413 per million total tokens', () => {
    expect(Math.abs(kimiCost('h200', 8, null, 32, 1.41) / 0.413 - 1)).toBeLessThan(0.25);
  }, 60_000);
});

/**
 * The same blog's other measured points (SemiAnalysis InferenceX, "B200 NVFP4 vs H200 INT4 on Kimi
 * K2.5/K2.6", measured 2026-05-19, GHA run 26118912054, vllm/vllm-openai:v0.21.0, B200 at TP4, its
 * $1.95 per GPU-hour; inferencex.semianalysis.com/blog/b200-nvfp4-vs-h200-int4-kimi-k2-vllm-perf-per-dollar
 * and the SemiAnalysisAI/InferenceX-app commit 1c5643c quoting its table): B200 INT4 $0.343/M at
 * 32 tok/s per user and $0.397/M at 40; B200 NVFP4 $0.140/M at 32 and $0.154/M at 40.
 */
describe('InferenceX\'s other Kimi K2.5 points: other accelerator, precision and speed', () => {
  it.each([[32, 0.343], [40, 0.397]])('B200 INT4 at %i tok/s per user: within 25%% of $%f per million total tokens', (speed, published) => {
    expect(Math.abs(kimiCost('b200', 4, null, speed, 1.95) / published - 1)).toBeLessThan(0.25);
  }, 60_000);

  // Unmet: the model costs B200 NVFP4 at $0.220/M (+57%) at 32 tok/s per user. It holds 40
  // requests where the measured rate implies about 54 (vLLM's default bf16 cache for the
  // replicated MLA KV fills the 4 GPUs; with an fp8 cache, $0.202/M, +44%), and its decode step at
  // that batch is about 20% slower than the measured one implies (fp4 expert reads at the family's
  // HBM share). INT4 on the same B200 is within 13-15%, so the gap is the NVFP4 path. Flip to `it`
  // once the step model gets there.
  it.fails('B200 NVFP4 at 32 tok/s per user: within 25% of $0.140 per million total tokens', () => {
    expect(Math.abs(kimiCost('b200', 4, 'fp4', 32, 1.95) / 0.140 - 1)).toBeLessThan(0.25);
  }, 60_000);
});
