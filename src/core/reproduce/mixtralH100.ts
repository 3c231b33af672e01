import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { MODELS } from '../catalog/models.js';
import { memoryFit } from '../memory/memoryFit.js';
import { smallestFittingGpuCount } from '../memory/smallestFit.js';
import { buildPerfContext, maxSequencesPerInstance } from '../perf/buildContext.js';
import { aggregated, type Workload } from '../perf/serving.js';
import { breakEvenUtilization } from '../money/gpuHourCost.js';
import { HOURS_PER_DAY, SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';

/**
 * A claim that circulates in the "does serving LLMs make money" argument: one 80 GB H100 serves
 * Mixtral 8x7B at about 10k tokens/s fully batched, so 36M tokens an hour, $38.88 an hour at
 * $0.54 per million; and an 8-GPU rental at $3.99 per GPU-hour with a two-week minimum needs about
 * 66% utilization to break even. The figures are the claim's; the checks are the model's.
 */
export const MIXTRAL_CLAIM = {
  tokensPerSecondPerGpu: 10_000,
  tokensPerHour: 36e6,
  revenueUsdPerHour: 38.88,
  priceUsdPerMillionTokens: 0.54,
  rentalUsdPerGpuHour: 3.99,
  rentalGpus: 8,
  rentalMinimumHours: 14 * HOURS_PER_DAY,
  breakEvenUtilization: 0.66,
} as const;

/** The workload the check assumes: a chat turn of 1,000 prompt and 250 output tokens (the claim states none). */
export const MIXTRAL_WORKLOAD: Workload = { inputTokens: 1000, outputTokens: 250, prefixCacheHitRate: 0 };

/** Tokens/s per user the latency-bound reading keeps (DeepSeek's production average). */
export const MIXTRAL_MIN_SPEED = 20;

/** A batch-size cap no batch reaches: fully batched (offline) means memory, not the engine, limits the batch. */
const NO_BATCH_CAP = 1e9;

/**
 * Checks each figure of the claim with the model: does Mixtral fit one H100 (at bf16, and at fp8);
 * its tokens/s fully batched (offline) and at 20 tokens/s per user; what an hour earns at $0.54 per
 * million tokens of either kind; and the utilization at which an 8-GPU, two-week rental breaks even.
 */
export function mixtralH100() {
  const c = MIXTRAL_CLAIM;
  const model = findById('model', 'mixtral-8x7b', MODELS);
  const gpu = findById('gpu', 'h100-sxm', ACCELERATORS);
  const context = MIXTRAL_WORKLOAD.inputTokens + MIXTRAL_WORKLOAD.outputTokens;
  const bf16 = memoryFit(model, gpu, 1, {}, { weightPrecision: 'bf16', contextTokens: context });
  const fp8 = memoryFit(model, gpu, 1, {}, { weightPrecision: 'fp8', contextTokens: context });
  const ctx = buildPerfContext({ model, gpu, gpus: 1, weightPrecision: 'fp8', framework: 'vllm' });
  const uncapped = { ...ctx, framework: { ...ctx.framework, maxBatchSequences: NO_BATCH_CAP } };
  const maxBatch = maxSequencesPerInstance(uncapped, context);
  const full = aggregated(uncapped, maxBatch, MIXTRAL_WORKLOAD);
  // Latency-bound: the largest batch keeping MIXTRAL_MIN_SPEED tokens/s per user.
  let lo = 1;
  let hi = maxBatch;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (aggregated(ctx, mid, MIXTRAL_WORKLOAD).tokensPerSecondPerUser >= MIXTRAL_MIN_SPEED) lo = mid;
    else hi = mid;
  }
  const bound = aggregated(ctx, lo, MIXTRAL_WORKLOAD);
  const hourly = (tokensPerSecond: number) => (tokensPerSecond * SECONDS_PER_HOUR * c.priceUsdPerMillionTokens) / TOKENS_PER_MILLION;
  const reading = (p: typeof full) => ({
    sequences: p.sequencesPerInstance,
    tokensPerSecondPerUser: p.tokensPerSecondPerUser,
    outputTokensPerSecond: p.outputTokensPerSecondPerGpu,
    totalTokensPerSecond: p.totalTokensPerSecondPerGpu,
    tokensPerHour: p.totalTokensPerSecondPerGpu * SECONDS_PER_HOUR,
    revenueUsdPerHourOutputOnly: hourly(p.outputTokensPerSecondPerGpu),
    revenueUsdPerHourAllTokens: hourly(p.totalTokensPerSecondPerGpu),
    breakEvenUtilizationAllTokens: breakEvenUtilization(c.rentalUsdPerGpuHour, 0, hourly(p.totalTokensPerSecondPerGpu)),
    breakEvenUtilizationOutputOnly: breakEvenUtilization(c.rentalUsdPerGpuHour, 0, hourly(p.outputTokensPerSecondPerGpu)),
  });
  return {
    claim: c,
    workload: MIXTRAL_WORKLOAD,
    fitsOneH100: {
      bf16: bf16.fits,
      bf16WeightBytes: bf16.weightBytesTotal,
      bf16SmallestGpus: bf16.fits ? 1 : smallestFittingGpuCount(model, gpu, {}, { weightPrecision: 'bf16', contextTokens: context })?.gpus ?? null,
      fp8: fp8.fits,
      fp8WeightBytes: fp8.weightBytesTotal,
    },
    arithmetic: {
      tokensPerHourFromClaim: c.tokensPerSecondPerGpu * SECONDS_PER_HOUR,
      revenueUsdPerHourFromClaim: hourly(c.tokensPerSecondPerGpu),
      claimedRevenueImpliesTokensPerSecond: (c.revenueUsdPerHour * TOKENS_PER_MILLION) / (SECONDS_PER_HOUR * c.priceUsdPerMillionTokens),
      breakEvenUtilizationFromClaim: breakEvenUtilization(c.rentalUsdPerGpuHour, 0, c.revenueUsdPerHour),
      rentalCommitmentUsd: c.rentalUsdPerGpuHour * c.rentalGpus * c.rentalMinimumHours,
      claimedBreakEvenImpliesRevenueUsdPerGpuHour: c.rentalUsdPerGpuHour / c.breakEvenUtilization,
    },
    fullyBatched: reading(full),
    latencyBound: { minTokensPerSecondPerUser: MIXTRAL_MIN_SPEED, ...reading(bound) },
  };
}
