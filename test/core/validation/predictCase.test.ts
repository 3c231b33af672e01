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
  it('serves a Poisson request rate below capacity at exactly that rate: 4 req/s × 200 tokens / 4 GPUs = 200 output tok/s per GPU', () => {
    expect(predictCase(base).outputTokensPerSecondPerGpu).toBeCloseTo(200, 3);
  });

  it('a rate above capacity saturates at the largest batch instead of exceeding it', () => {
    const huge = predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: 1e6 } });
    const offline = predictCase({ ...base, workload: { ...base.workload, requestRatePerSecond: null, pattern: 'max-throughput' } });
    expect(huge.outputTokensPerSecondPerGpu).toBeLessThan(1e6 * 200 / 4);
    expect(huge.outputTokensPerSecondPerGpu).toBeCloseTo(offline.outputTokensPerSecondPerGpu!, -1);
  });

  it('names what is missing when a case cannot be expressed', () => {
    expect(() => predictCase({ ...base, model: 'gpt-9' })).toThrow(/unknown model: gpt-9/);
    expect(() => predictCase({ ...base, workload: { ...base.workload, outputTokens: null, requestRatePerSecond: null, concurrency: 8 } })).toThrow(/needs workload.inputTokens and workload.outputTokens/);
  });
});
