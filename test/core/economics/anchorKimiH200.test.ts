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
      // The NVFP4 runs serve an fp8 KV cache (--kv-cache-dtype fp8 in InferenceX's kimik2.5_fp4_b200.sh
      // at 975194f, the image of the measured run); the INT4 runs keep vLLM's default.
      ...(weightPrecision !== null && { weightPrecision, kvPrecision: 'fp8' }),
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
 * K2.5/K2.6", measured 2026-05-19, vllm/vllm-openai:v0.21.0, B200 at its $1.95 per GPU-hour;
 * inferencex.semianalysis.com/blog/b200-nvfp4-vs-h200-int4-kimi-k2-vllm-perf-per-dollar and the
 * SemiAnalysisAI/InferenceX-app commit 1c5643c quoting its table): H200 INT4 $0.413, $0.453, $0.511,
 * $0.660 and $0.996 per million total tokens at 32, 40, 50, 70 and 90 tok/s per user; B200 INT4
 * $0.343 at 32 and $0.397 at 40; B200 NVFP4 $0.140, $0.154, $0.177, $0.244 and $0.347 at the same
 * five speeds. Layouts as InferenceX's config of the time searched them (SemiAnalysisAI/InferenceX
 * .github/configs/nvidia-master.yaml at 975194f): H200 INT4 and B200 INT4 at TP8, B200 NVFP4 at TP4
 * (TP8 only at concurrency 4).
 */
describe('InferenceX\'s other Kimi K2.5 points: other accelerator, precision and speed', () => {
  // Measured: +9%, +10%, +9%, +4%, -9%.
  it.each([[40, 0.453], [50, 0.511], [70, 0.660], [90, 0.996]])('H200 INT4 at %i tok/s per user: within 25%% of $%f per million total tokens', (speed, published) => {
    expect(Math.abs(kimiCost('h200', 8, null, speed, 1.41) / published - 1)).toBeLessThan(0.25);
  }, 60_000);

  // Measured: -9.6% and -11.6%.
  it.each([[32, 0.343], [40, 0.397]])('B200 INT4 at %i tok/s per user: within 25%% of $%f per million total tokens', (speed, published) => {
    expect(Math.abs(kimiCost('b200', 8, null, speed, 1.95) / published - 1)).toBeLessThan(0.25);
  }, 60_000);

  // Unmet: the model costs B200 NVFP4 at TP4 $0.202/M at 32 tok/s per user (+44%), and +49%, +49%,
  // +34% and +11% at 40-90. At the batch the measured rate implies (about 54) its decode step is
  // about 20% slower than the measured TPOT allows: 115 GB a GPU read at 4.1 TB/s, the expert
  // reads at the HBM share Blackwell inherits from Hopper (one Blackwell MoE source, too few to
  // fit its own). NVFP4 grouped GEMMs reaching 3-4 TB/s on a B200 (NVIDIA/cutlass issue #2266,
  // 2025-04) support that share, so no factor is moved for this one source. INT4 on the same B200
  // is within 12%, H200 INT4 within 10%. Flip to `it` once the step model gets there.
  it.fails('B200 NVFP4 at 32 tok/s per user: within 25% of $0.140 per million total tokens', () => {
    expect(Math.abs(kimiCost('b200', 4, 'fp4', 32, 1.95) / 0.140 - 1)).toBeLessThan(0.25);
  }, 60_000);
});
