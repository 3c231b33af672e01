import { kvCapacityTokensPerInstance } from './buildContext.js';
import { poissonArrivals, requestLengths, simulateEngine, type EngineRequest } from './engineSimulation.js';
import type { PerfContext } from './perfContext.js';
import type { ServingPoint, Workload } from './serving.js';
import type { Speculation } from './speculation.js';

/**
 * Traffic that arrives over time rather than as a standing batch: a finite burst (all requests at
 * once, as `vllm bench serve --request-rate inf --num-prompts N` sends them) or Poisson arrivals
 * at a rate, over all the GPUs of the setup.
 */
export type Traffic =
  | { readonly kind: 'burst'; readonly requests: number }
  | { readonly kind: 'poisson'; readonly requestsPerSecond: number; readonly requests?: number };

/** Requests simulated per instance for Poisson traffic without a stated count: two minutes of it, within bounds. */
function poissonCount(ratePerInstance: number): number {
  return Math.round(Math.min(2000, Math.max(200, ratePerInstance * 120)));
}

/** Most requests simulated per instance (a larger burst is refused by the callers' bounds). */
export const MAX_SIMULATED_REQUESTS = 100_000;

/**
 * Serving `traffic` on the instances of `ctx` (spread evenly over them) with the engine simulator:
 * throughput over the whole run, TTFT and TPOT as means over requests, so waiting for a slot, for
 * KV space and behind other prompts is included. `lengths: 'varied'` spreads request lengths
 * around the workload's means.
 * Example: a burst of 1,000 requests of 1,000/1,000 tokens on one H100 serving Llama 3.1 8B.
 */
export function servingUnderTraffic(ctx: PerfContext, traffic: Traffic, workload: Workload, lengths: 'fixed' | 'varied' = 'fixed', spec: Speculation | null = null): ServingPoint {
  const replicas = ctx.layout.replicas;
  const count = traffic.kind === 'burst'
    ? Math.max(1, Math.ceil(traffic.requests / replicas))
    : Math.max(1, Math.ceil((traffic.requests ?? poissonCount(traffic.requestsPerSecond / replicas) * replicas) / replicas));
  if (count > MAX_SIMULATED_REQUESTS) throw new RangeError(`${count} requests per instance; at most ${MAX_SIMULATED_REQUESTS} are simulated`);
  const simulated = count;
  const sizes = requestLengths(simulated, workload.inputTokens, Math.max(1, workload.outputTokens), lengths);
  const arrivals = traffic.kind === 'burst' ? sizes.map(() => 0) : poissonArrivals(simulated, traffic.requestsPerSecond / replicas);
  const requests: EngineRequest[] = sizes.map((s, i) => ({
    arrivalSeconds: arrivals[i] as number, inputTokens: s.inputTokens, outputTokens: s.outputTokens,
    cachedTokens: Math.floor(s.inputTokens * workload.prefixCacheHitRate),
  }));
  const context = workload.inputTokens + workload.outputTokens;
  const run = simulateEngine(ctx, requests, {
    maxSequences: ctx.framework.maxBatchSequences * ctx.layout.attentionDp,
    kvCapacityTokens: kvCapacityTokensPerInstance(ctx, context),
    maxBatchedTokens: ctx.framework.maxBatchedTokens * ctx.layout.attentionDp,
  }, spec);
  const gpus = ctx.layout.gpusPerInstance;
  const seconds = Math.max(run.makespanSeconds, 1e-12);
  const input = run.inputTokens / seconds / gpus;
  const output = run.outputTokens / seconds / gpus;
  const tpot = run.meanTpotSeconds > 0 ? run.meanTpotSeconds : seconds;
  return {
    inputTokensPerSecondPerGpu: input, outputTokensPerSecondPerGpu: output, totalTokensPerSecondPerGpu: input + output,
    tokensPerSecondPerUser: 1 / tpot, tpotSeconds: tpot, ttftSeconds: run.meanTtftSeconds,
    sequencesPerInstance: Math.min(simulated, ctx.framework.maxBatchSequences * ctx.layout.attentionDp),
    // The run's GPU-time split by tokens, as a whole (the simulator does not apportion steps).
    prefillGpuSecondsPerInputToken: 0,
    decodeGpuSecondsPerOutputToken: run.outputTokens > 0 ? (gpus * seconds) / run.outputTokens : 0,
    decodeStep: null, prefillStep: null,
  };
}
