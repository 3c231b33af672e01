import { describe, expect, it } from 'vitest';
import { predictCase } from '../../../src/core/validation/predictCase.js';
import type { ValidationCase } from '../../../src/core/validation/validationCase.js';

const base: ValidationCase = {
  id: 'poisson-llama70b', source: 'test', reliability: 'low', note: '', model: 'llama-3.1-70b', gpu: 'h100-sxm', gpus: 4,
  framework: 'vllm', precision: { weights: 'bf16', kvCache: null },
  parallelism: { tp: 4, pp: 1, ep: null, dpAttention: false, replicas: 1 }, phase: 'both', disaggregated: null, speculative: null,
  workload: { inputTokens: 1000, outputTokens: 200, concurrency: null, batchSize: null, requestRatePerSecond: 4, prefixCacheHitRate: null, pattern: 'poisson' },
  measured: { outputTokensPerSecondPerGpu: 200, inputTokensPerSecondPerGpu: null, totalTokensPerSecondPerGpu: null, tokensPerSecondPerUser: null, tpotSeconds: null, ttftSeconds: null },
};

describe('predictCase', () => {
  it('serves a Poisson request rate below capacity at about that rate: 4 req/s × 200 tokens / 4 GPUs = 200 output tok/s per GPU, less the finite run\'s drain', () => {
    const out = predictCase(base).outputTokensPerSecondPerGpu ?? 0;
    expect(out).toBeLessThanOrEqual(200 * 1.02);
    expect(out).toBeGreaterThan(200 * 0.9);
  });

  it('a rate far above capacity is a burst: the engine runs at its cap and TTFT grows with the queue', () => {
    const at = (rate: number) => predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: rate, requests: 2000 } });
    const offline = predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: null, pattern: 'max-throughput' } });
    const huge = at(1e6);
    expect(huge.outputTokensPerSecondPerGpu).toBeLessThan(1e6 * 200 / 4);
    // Within 25% of the closed-form offline maximum (the simulation pays the run's ramp and drain).
    expect(Math.abs((huge.outputTokensPerSecondPerGpu ?? 0) / (offline.outputTokensPerSecondPerGpu ?? 1) - 1)).toBeLessThan(0.25);
    expect(huge.ttftSeconds ?? 0).toBeGreaterThan(10 * (at(1).ttftSeconds ?? Infinity));
  });

  it('a burst of twice the batch cap waits about a wave longer than a burst within it', () => {
    const burst = (requests: number) => predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: null, pattern: 'burst', requests } });
    const small = burst(64);
    const large = burst(2048);
    expect(large.ttftSeconds ?? 0).toBeGreaterThan(3 * (small.ttftSeconds ?? Infinity));
    expect(large.outputTokensPerSecondPerGpu ?? 0).toBeGreaterThan(small.outputTokensPerSecondPerGpu ?? Infinity);
    expect(() => predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: null, pattern: 'burst' } })).toThrow(/needs workload.requests/);
  });

  it('a case with data-parallel attention and no stated EP spreads the experts over the attention width (not EP 1)', () => {
    const moe: ValidationCase = {
      ...base, model: 'qwen3-235b-a22b', gpu: 'h200', gpus: 8, framework: 'trtllm', precision: { weights: 'fp8', kvCache: null },
      parallelism: { tp: 8, pp: 1, ep: null, dpAttention: true, replicas: 1 },
      workload: { ...base.workload, requestRatePerSecond: null, pattern: 'fixed-concurrency', concurrency: 64 },
    };
    const derived = predictCase(moe).outputTokensPerSecondPerGpu ?? 0;
    const ep8 = predictCase({ ...moe, parallelism: { ...moe.parallelism, ep: 8 } }).outputTokensPerSecondPerGpu ?? 0;
    expect(derived).toBeCloseTo(ep8, 9);
  });

  it('a stated engine version changes the engine: TensorRT-LLM 0.5 (no XQA) decodes Llama-2-70B slower than the current release', () => {
    const old: ValidationCase = {
      ...base, model: 'llama-2-70b', gpu: 'h200', gpus: 2, framework: 'trtllm', precision: { weights: 'fp8', kvCache: null },
      parallelism: { tp: 2, pp: 1, ep: null, dpAttention: false, replicas: 1 },
      workload: { ...base.workload, inputTokens: 128, outputTokens: 2048, requestRatePerSecond: null, pattern: 'fixed-concurrency', concurrency: 512, batchSize: 512 },
    };
    const current = predictCase(old).outputTokensPerSecondPerGpu ?? 0;
    const v05 = predictCase({ ...old, engineVersion: '0.5.0' }).outputTokensPerSecondPerGpu ?? Infinity;
    expect(v05).toBeLessThan(0.6 * current);
    expect(predictCase({ ...old, engineVersion: '0.9.0' }).outputTokensPerSecondPerGpu).toBeCloseTo(current, 9);
  });

  it('names what is missing when a case cannot be expressed', () => {
    expect(() => predictCase({ ...base, model: 'gpt-9' })).toThrow(/unknown model: gpt-9/);
    expect(() => predictCase({ ...base, workload: { ...base.workload, outputTokens: null, requestRatePerSecond: null, concurrency: 8 } })).toThrow(/needs workload.inputTokens and workload.outputTokens/);
  });
});

describe('statedEngineVersion', () => {
  it('reads the release a note gives after the engine name, and prefers the field', async () => {
    const { statedEngineVersion } = await import('../../../src/core/validation/statedEngineVersion.js');
    expect(statedEngineVersion({ framework: 'trtllm', note: 'TensorRT-LLM v0.5 (2023) preliminary measurement' })).toBe('0.5');
    expect(statedEngineVersion({ framework: 'sglang', note: 'docker lmsysorg/sglang:v0.5.12-cu130. Per-GPU' })).toBe('0.5.12');
    expect(statedEngineVersion({ framework: 'vllm', note: 'ROCm vLLM 0.8.5 container' })).toBe('0.8.5');
    expect(statedEngineVersion({ framework: 'trtllm', note: 'TensorRT-LLM v0.5', engineVersion: '0.9.0' })).toBe('0.9.0');
    // Another engine's release, or none, is not this case's.
    expect(statedEngineVersion({ framework: 'vllm', note: 'compared with TensorRT-LLM v0.5' })).toBeNull();
    expect(statedEngineVersion({ framework: 'other', note: 'gpt-fast 2023' })).toBeNull();
  });
});
