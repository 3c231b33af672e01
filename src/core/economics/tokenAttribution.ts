import { kvCacheBytesPerToken, kvCacheShape } from '../model/kvCache.js';
import { gpuHourCost } from '../money/gpuHourCost.js';
import type { CostBasis } from '../money/costBasis.js';
import type { FrontierPoint } from '../perf/frontier.js';
import type { PerfContext } from '../perf/perfContext.js';
import type { Workload } from '../perf/serving.js';
import { SECONDS_PER_HOUR } from '../units.js';
import type { CostSplit } from './costSplit.js';
import { cachedKvSeconds, totalCachedKvSeconds, type CachedKvSeconds } from './kvHoldingCost.js';
import { gpuSecondsPerToken, type GpuSecondsPerToken } from './phaseAttribution.js';
import type { TokenGpuSeconds } from './tokenEconomics.js';

/** Who pays for which GPU-second at an operating point, and what a cached token's KV costs besides. */
export interface TokenAttribution {
  readonly costSplit: CostSplit;
  /** The point's GPU-time per token of each kind: `fresh·freshInput + cached·cachedInput + O·output` is its whole GPU-time per request. */
  readonly gpuSecondsPerToken: GpuSecondsPerToken;
  /** Share of that GPU-time spent on prompts (fresh and cached), 0 to 1. */
  readonly prefillGpuTimeShare: number;
  /** Keeping and moving a cached token's KV (busy GPU-second equivalents); null under `marginal`, which keeps the earlier method as it was. */
  readonly cachedKv: CachedKvSeconds | null;
}

/**
 * Attributes the GPU-time of point `p` to token kinds under `split` (phaseAttribution.ts) and,
 * under `phase`, adds what a cached token's KV costs to keep and move (kvHoldingCost.ts) at the
 * GPU-second price of `basis` at `utilization`. `ctx`: the perf context of the GPUs that prefill.
 */
export function attributeTokenCosts(ctx: PerfContext, p: FrontierPoint, workload: Workload, split: CostSplit, basis: CostBasis, utilization: number): TokenAttribution {
  const seconds = gpuSecondsPerToken(ctx, p, workload, split);
  const cached = workload.inputTokens * workload.prefixCacheHitRate;
  const fresh = workload.inputTokens - cached;
  const prompt = fresh * seconds.freshInput + cached * seconds.cachedInput;
  const total = prompt + workload.outputTokens * seconds.output;
  const busyGpuSecondUsd = gpuHourCost(basis, utilization).totalUsdPerGpuHour / (SECONDS_PER_HOUR * utilization);
  const cachedKv = split === 'marginal' ? null : cachedKvSeconds({
    kvBytesPerToken: kvCacheBytesPerToken(kvCacheShape(ctx.model, ctx.kvPrecision), Math.max(1, workload.inputTokens)),
    hbmBytesPerGpu: ctx.gpu.hbmBytes,
    utilization,
    busyGpuSecondUsd,
  });
  return { costSplit: split, gpuSecondsPerToken: seconds, prefillGpuTimeShare: total > 0 ? prompt / total : 0, cachedKv };
}

/** The GPU-seconds `tokenEconomics` prices: the attributed GPU-time, a cached token's KV keeping and moving added to its own. */
export function pricedGpuSeconds(a: TokenAttribution): TokenGpuSeconds {
  const s = a.gpuSecondsPerToken;
  return { perFreshInputToken: s.freshInput, perCachedInputToken: s.cachedInput + (a.cachedKv === null ? 0 : totalCachedKvSeconds(a.cachedKv)), perOutputToken: s.output };
}
