import { chooseOperatingPoint } from '../economics/operatingPoint.js';
import { splitPrefillSeconds } from '../economics/cachedTokenCost.js';
import { requestMix } from '../economics/prices.js';
import { buildPerfContext } from '../perf/buildContext.js';
import { throughputFrontier, type FrontierPoint } from '../perf/frontier.js';
import type { Workload } from '../perf/serving.js';
import type { ResolvedOption } from '../scenario/resolveScenario.js';
import type { TokenShares } from './fleetCosts.js';
import { instanceModel, type InstanceModel } from './instanceModel.js';

/** One serving instance of an option, as the simulator runs it. */
export interface ServingInstance {
  /** The cheapest aggregated operating point that meets the latency target: layout and batch cap. */
  readonly point: FrontierPoint;
  readonly model: InstanceModel;
  readonly gpusPerInstance: number;
  /** Requests per second one instance serves at the operating point. */
  readonly capacityRequestsPerSecond: number;
  /** How the point's GPU-time splits between fresh input, cached input and output tokens. */
  readonly shares: TokenShares;
  readonly workload: Workload;
}

/**
 * The instance an option's demand is served on: the cheapest aggregated operating point of its
 * frontier that meets the latency target for `workload` fixes the layout and the batch cap (an
 * operator holds the latency that way), and the step times are tabulated from the performance
 * model at the workload's mean context. Throws when the model does not fit.
 */
export function servingInstance(o: ResolvedOption, workload: Workload): ServingInstance {
  const w = workload;
  const mix = requestMix(w.inputTokens, w.outputTokens, w.prefixCacheHitRate);
  const precisions = {
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
  };
  const frontier = throughputFrontier(o.model, o.gpu, o.gpus, {
    framework: o.framework, workload: w, disaggregation: false, batchGrowth: 2 ** 0.25, ...precisions,
    ...(o.layout !== 'best' && { layout: { tp: o.layout.tp ?? o.gpus, pp: o.layout.pp ?? 1, ep: o.layout.ep ?? 1, dpAttention: o.layout.dpAttention ?? false } }),
  });
  const choice = chooseOperatingPoint(frontier.allPoints, o.latencyTarget, mix);
  if (choice === null) throw new Error(`${o.model.id} does not fit ${o.gpus} ${o.gpu.id}`);
  const p = choice.point;
  if (p.layout.mode !== 'aggregated') throw new Error('the simulator serves aggregated instances only');
  const pool = p.layout.pool;
  const ctx = buildPerfContext({
    model: o.model, gpu: o.gpu, gpus: pool.tp * pool.pp, framework: o.framework, layout: { tp: pool.tp, pp: pool.pp, ep: pool.ep, dpAttention: pool.dpAttention }, ...precisions,
  });
  const model = instanceModel(ctx, w.inputTokens + w.outputTokens / 2, { freshTokens: mix.freshInputTokens, cachedTokens: mix.cachedInputTokens }, Math.max(1, Math.floor(p.sequencesPerInstance)));
  const gpusPerInstance = ctx.layout.gpusPerInstance;
  const prefill = splitPrefillSeconds(ctx, p, w);
  const seconds = { fresh: mix.freshInputTokens * prefill.freshInput, cached: mix.cachedInputTokens * prefill.cachedInput, output: mix.outputTokens * p.decodeGpuSecondsPerOutputToken };
  const total = seconds.fresh + seconds.cached + seconds.output;
  return {
    point: p, model, gpusPerInstance, workload: w,
    capacityRequestsPerSecond: (p.outputTokensPerSecondPerGpu * gpusPerInstance) / Math.max(1, w.outputTokens),
    shares: { freshInput: seconds.fresh / total, cachedInput: seconds.cached / total, output: seconds.output / total },
  };
}
