import { InputError } from '../errors.js';
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

/** The request mix, the option's precisions and its frontier for `workload`, aggregated or disaggregated. */
function frontierOf(o: ResolvedOption, w: Workload, disaggregation: boolean) {
  const mix = requestMix(w.inputTokens, w.outputTokens, w.prefixCacheHitRate);
  const precisions = {
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(o.profile !== undefined && { profile: o.profile }),
  };
  const frontier = throughputFrontier(o.model, o.gpu, o.gpus, {
    framework: o.framework, workload: w, disaggregation, batchGrowth: 2 ** 0.25, ...precisions,
    ...(!disaggregation && o.layout !== 'best' && { layout: { tp: o.layout.tp ?? o.gpus, pp: o.layout.pp ?? 1, ep: o.layout.ep ?? 1, dpAttention: o.layout.dpAttention ?? false } }),
  });
  return { mix, precisions, frontier };
}

/**
 * The instance an option's demand is served on: the cheapest aggregated operating point of its
 * frontier that meets the latency target for `workload` fixes the layout and the batch cap (an
 * operator holds the latency that way), and the step times are tabulated from the performance
 * model at the workload's mean context. Throws when the model does not fit.
 */
export function servingInstance(o: ResolvedOption, workload: Workload): ServingInstance {
  const w = workload;
  const { mix, precisions, frontier } = frontierOf(o, w, false);
  const choice = chooseOperatingPoint(frontier.allPoints, o.latencyTarget, mix);
  if (choice === null) {
    throw new InputError('gpus', String(o.gpus), `enough ${o.gpu.id} to hold ${o.model.id}`,
      `${o.model.id} does not fit ${o.gpus} ${o.gpu.id} with room for one request's KV cache; expected more accelerators (inferonomics report names the smallest count that fits)`);
  }
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

/** Disaggregated serving of an option: a unit of its GPUs split into a prefill pool and a decode pool. */
export interface ServingPools extends ServingInstance {
  /** A prefill instance (prompts only). `model` is a decode instance, batch cap the point's. */
  readonly prefill: InstanceModel;
  readonly prefillInstancesPerUnit: number;
  readonly decodeInstancesPerUnit: number;
  /** Seconds to move a prompt's KV cache from a prefill to a decode instance over the prefill instance's NICs, plus the request overhead. */
  readonly transferSeconds: (inputTokens: number) => number;
}

/**
 * The cheapest disaggregated operating point of an option that meets its latency target for
 * `workload` (the frontier's prefill and decode pools on the option's GPUs, a "unit"), as the
 * simulator runs it: decode instances at the point's batch cap, prefill instances at the engine's,
 * and the KV transfer as the performance model costs it (`perf/disaggregated.ts`). Throws when no
 * disaggregated point exists (fewer than two GPUs, or none fits).
 */
export function servingPools(o: ResolvedOption, workload: Workload): ServingPools {
  const w = workload;
  const { mix, precisions, frontier } = frontierOf(o, w, true);
  const choice = chooseOperatingPoint(frontier.allPoints.filter((x) => x.layout.mode === 'disaggregated'), o.latencyTarget, mix);
  if (choice === null || choice.point.layout.mode !== 'disaggregated') throw new Error(`${o.model.id} has no disaggregated setup on ${o.gpus} ${o.gpu.id}: it needs two pools that each fit`);
  const p = choice.point;
  const { prefill: pl, decode: dl } = p.layout as Extract<FrontierPoint['layout'], { mode: 'disaggregated' }>;
  const context = (l: typeof pl) => buildPerfContext({ model: o.model, gpu: o.gpu, gpus: l.tp * l.pp, framework: o.framework, layout: { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention }, ...precisions });
  const prefillCtx = context(pl);
  const decodeCtx = context(dl);
  const meanContext = w.inputTokens + w.outputTokens / 2;
  const prompt = { freshTokens: mix.freshInputTokens, cachedTokens: mix.cachedInputTokens };
  const decode = instanceModel(decodeCtx, meanContext, prompt, Math.max(1, Math.floor(p.sequencesPerInstance)));
  const prefill = instanceModel(prefillCtx, meanContext, prompt);
  const nic = (o.gpu.scaleOutBandwidthBytesPerSecond ?? o.gpu.scaleUpBandwidthBytesPerSecondPerDirection / 8) * prefillCtx.hardware.scaleOutLink;
  const bytesPerToken = prefill.kvCacheBytesPerToken ?? 0;
  const overhead = prefillCtx.framework.requestOverheadSeconds;
  const split = splitPrefillSeconds(prefillCtx, p, w);
  const seconds = { fresh: mix.freshInputTokens * split.freshInput, cached: mix.cachedInputTokens * split.cachedInput, output: mix.outputTokens * p.decodeGpuSecondsPerOutputToken };
  const total = seconds.fresh + seconds.cached + seconds.output;
  const decodeInstancesPerUnit = Math.max(1, Math.round(dl.replicas));
  return {
    point: p, model: decode, gpusPerInstance: decodeCtx.layout.gpusPerInstance, workload: w,
    capacityRequestsPerSecond: (p.outputTokensPerSecondPerGpu * o.gpus) / Math.max(1, w.outputTokens) / decodeInstancesPerUnit,
    shares: { freshInput: seconds.fresh / total, cachedInput: seconds.cached / total, output: seconds.output / total },
    prefill, prefillInstancesPerUnit: Math.max(1, Math.round(pl.replicas)), decodeInstancesPerUnit,
    transferSeconds: (inputTokens) => overhead + (inputTokens * bytesPerToken) / (nic * prefillCtx.layout.gpusPerInstance),
  };
}
