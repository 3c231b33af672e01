import { kvCacheBytesPerToken, kvCacheShape } from '../model/kvCache.js';
import { gpuHourCost } from '../money/gpuHourCost.js';
import type { CostBasis } from '../money/costBasis.js';
import type { FrontierPoint } from '../perf/frontier.js';
import type { PerfContext } from '../perf/perfContext.js';
import type { Workload } from '../perf/serving.js';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';
import type { CostSplit } from './costSplit.js';
import { cachedKvSeconds, totalCachedKvSeconds, type CachedKvSeconds } from './kvHoldingCost.js';
import { gpuSecondsPerToken, type GpuSecondsPerToken } from './phaseAttribution.js';
import { dotKinds } from '../tokenKinds.js';

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
  const tokens = { freshInput: workload.inputTokens - cached, cachedInput: cached, output: workload.outputTokens };
  const prompt = dotKinds({ ...tokens, output: 0 }, seconds);
  const total = dotKinds(tokens, seconds);
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
export function pricedGpuSeconds(a: TokenAttribution): GpuSecondsPerToken {
  const s = a.gpuSecondsPerToken;
  return { ...s, cachedInput: s.cachedInput + (a.cachedKv === null ? 0 : totalCachedKvSeconds(a.cachedKv)) };
}

/** A cached token's cost per million by part (USD): its attention GPU-time, then each KV keeping and moving part (zero under `marginal`). */
export interface CachedInputCostParts {
  readonly attention: number;
  readonly hbmHolding: number;
  readonly moving: number;
  readonly hostDramHolding: number;
  readonly ssdHolding: number;
}

/**
 * Splits `costUsdPerMillionCachedInputTokens` into its parts at a busy GPU-second price of
 * `costUsdPerGpuHour / (3600 · utilization)`; the parts add up to it.
 * Example: 1e-5 GPU-seconds of attention at $2/GPU-hour, 50% utilization: $0.0111 per million.
 */
export function cachedInputCostParts(a: TokenAttribution, costUsdPerGpuHour: number, utilization: number): CachedInputCostParts {
  const perMillion = (costUsdPerGpuHour / (SECONDS_PER_HOUR * utilization)) * TOKENS_PER_MILLION;
  const kv = a.cachedKv;
  return {
    attention: a.gpuSecondsPerToken.cachedInput * perMillion,
    hbmHolding: (kv?.hbmHolding ?? 0) * perMillion,
    moving: (kv?.moving ?? 0) * perMillion,
    hostDramHolding: (kv?.hostDramHolding ?? 0) * perMillion,
    ssdHolding: (kv?.ssdHolding ?? 0) * perMillion,
  };
}
