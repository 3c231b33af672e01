import type { CaseMeasurements, ValidationCase } from '../../../src/core/validation/validationCase.js';

const NOTHING_MEASURED: CaseMeasurements = {
  outputTokensPerSecondPerGpu: null,
  inputTokensPerSecondPerGpu: null,
  totalTokensPerSecondPerGpu: null,
  tokensPerSecondPerUser: null,
  tpotSeconds: null,
  ttftSeconds: null,
};

/** A valid case (llama-3.1-8b on one h100-sxm, vLLM) with the given id and measured figures. */
export function makeCase(id: string, measured: Partial<CaseMeasurements> = {}): ValidationCase {
  return {
    id,
    source: 'test',
    reliability: 'low',
    note: 'made up for a test',
    model: 'llama-3.1-8b',
    gpu: 'h100-sxm',
    gpus: 1,
    framework: 'vllm',
    precision: { weights: 'bf16', kvCache: 'bf16' },
    parallelism: { tp: 1, pp: 1, ep: null, dpAttention: false, replicas: 1 },
    phase: 'both',
    disaggregated: null,
    speculative: null,
    workload: {
      inputTokens: 1024, outputTokens: 1024, concurrency: 8, batchSize: null,
      requestRatePerSecond: null, prefixCacheHitRate: null, pattern: 'fixed-concurrency',
    },
    measured: { ...NOTHING_MEASURED, ...measured },
  };
}
