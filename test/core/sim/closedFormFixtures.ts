// Instances and demand whose queues have closed forms, shared by simulate.test.ts (100,000
// requests) and simulate.heavy.test.ts (300,000 requests, tighter bounds).
import { poissonArrivals } from '../../../src/core/demand/arrivals.js';
import { createRng } from '../../../src/core/demand/rng.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';

/** One request at a time, a fixed step per request: the M/D/1 queue. */
export const fixedStep = (seconds: number, maxSequences = 1): InstanceModel => ({
  stepSeconds: () => seconds, maxSequences, kvCapacityTokens: 1e12, maxBatchedTokens: 1e9, gpus: 1,
});

/** `count` Poisson arrivals at `rate` of one input and one output token. */
export const oneTokenRequests = (rate: number, count: number, seed: number) => poissonArrivals({
  requestsPerSecond: rate, durationSeconds: 1e12, maxRequests: count,
  sizes: { inputTokens: { mean: 1, sigma: 0 }, outputTokens: { mean: 1, sigma: 0 }, prefixCacheHitRate: 0 },
  rng: createRng(seed),
});

export const noTarget = { minTokensPerSecondPerUser: null, maxTtftSeconds: null };
