import { InputError } from '../errors.js';
import type { FrontierPoint } from '../perf/frontier.js';
import type { Workload } from '../perf/serving.js';
import type { ResolvedOption } from '../scenario/resolveScenario.js';
import { runOption, type GpuSecondsPerToken, type OptionResult } from '../scenario/runScenario.js';
import { instanceModel, type InstanceModel } from './instanceModel.js';

/** One serving instance of an option, as the simulator runs it. */
export interface ServingInstance {
  /** The option run through the pipeline at the instance's workload: operating point, GPU-seconds per token, the money as a function of utilization. */
  readonly served: OptionResult & { readonly economicsAt: NonNullable<OptionResult['economicsAt']>; readonly gpuSecondsPerToken: GpuSecondsPerToken };
  /** The cheapest operating point that meets the latency target (the pipeline's): layout and batch cap. */
  readonly point: FrontierPoint;
  readonly model: InstanceModel;
  readonly gpusPerInstance: number;
  /** Requests per second one instance serves at the operating point. */
  readonly capacityRequestsPerSecond: number;
  readonly workload: Workload;
}

/** The pipeline's run of `o` at `workload` in one serving mode, or the reason the simulator cannot serve it. */
function served(o: ResolvedOption, workload: Workload, mode: 'aggregated' | 'disaggregated'): ServingInstance['served'] {
  const r = runOption({ ...o, workload }, o.profile, mode);
  if (r.economicsAt !== null && r.gpuSecondsPerToken !== null && r.operatingPoint?.point.layout.mode === mode) return { ...r, economicsAt: r.economicsAt, gpuSecondsPerToken: r.gpuSecondsPerToken };
  if (mode === 'disaggregated') throw new Error(`${o.model.id} has no disaggregated setup on ${o.gpus} ${o.gpu.id}: it needs two pools that each fit`);
  throw new InputError('gpus', String(o.gpus), `enough ${o.gpu.id} to hold ${o.model.id}`,
    `${o.model.id} does not fit ${o.gpus} ${o.gpu.id} with room for one request's KV cache; expected more accelerators (inferonomics report names the smallest count that fits)`);
}

/** The prompt of the average request, split by prefix-cache hit, as the instance model wants it. */
function promptOf(s: ServingInstance['served']) {
  return { freshTokens: s.mix.freshInput, cachedTokens: s.mix.cachedInput };
}

/**
 * The instance an option's demand is served on: the pipeline's (`runOption`) cheapest aggregated
 * operating point that meets the latency target for `workload` fixes the layout and the batch cap
 * (an operator holds the latency that way), and the step times are tabulated from the performance
 * model at the workload's mean context. Throws when the model does not fit.
 */
export function servingInstance(o: ResolvedOption, workload: Workload): ServingInstance {
  const w = workload;
  const s = served(o, w, 'aggregated');
  const p = s.operatingPoint?.point as FrontierPoint;
  const ctx = s.contexts?.decode;
  if (ctx === undefined) throw new Error('a served option has its perf contexts');
  const model = instanceModel(ctx, w.inputTokens + w.outputTokens / 2, promptOf(s), Math.max(1, Math.floor(p.sequencesPerInstance)));
  const gpusPerInstance = ctx.layout.gpusPerInstance;
  return {
    served: s, point: p, model, gpusPerInstance, workload: w,
    capacityRequestsPerSecond: (p.outputTokensPerSecondPerGpu * gpusPerInstance) / Math.max(1, w.outputTokens),
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
 * The pipeline's cheapest disaggregated operating point of an option that meets its latency
 * target for `workload` (the frontier's prefill and decode pools on the option's GPUs, a "unit"),
 * as the simulator runs it: decode instances at the point's batch cap, prefill instances at the
 * engine's, and the KV transfer as the performance model costs it (`perf/disaggregated.ts`).
 * Throws when no disaggregated point exists (fewer than two GPUs, or none fits).
 */
export function servingPools(o: ResolvedOption, workload: Workload): ServingPools {
  const w = workload;
  const s = served(o, w, 'disaggregated');
  const p = s.operatingPoint?.point as FrontierPoint;
  if (p.layout.mode !== 'disaggregated' || s.contexts === null) throw new Error('a disaggregated point has two pools');
  const { prefill: pl, decode: dl } = p.layout;
  const { prefill: prefillCtx, decode: decodeCtx } = s.contexts;
  const meanContext = w.inputTokens + w.outputTokens / 2;
  const decode = instanceModel(decodeCtx, meanContext, promptOf(s), Math.max(1, Math.floor(p.sequencesPerInstance)));
  const prefill = instanceModel(prefillCtx, meanContext, promptOf(s));
  const nic = (o.gpu.scaleOutBandwidthBytesPerSecond ?? o.gpu.scaleUpBandwidthBytesPerSecondPerDirection / 8) * prefillCtx.hardware.scaleOutLink;
  const bytesPerToken = prefill.kvCacheBytesPerToken ?? 0;
  const overhead = prefillCtx.framework.requestOverheadSeconds;
  const decodeInstancesPerUnit = Math.max(1, Math.round(dl.replicas));
  return {
    served: s, point: p, model: decode, gpusPerInstance: decodeCtx.layout.gpusPerInstance, workload: w,
    capacityRequestsPerSecond: (p.outputTokensPerSecondPerGpu * o.gpus) / Math.max(1, w.outputTokens) / decodeInstancesPerUnit,
    prefill, prefillInstancesPerUnit: Math.max(1, Math.round(pl.replicas)), decodeInstancesPerUnit,
    transferSeconds: (inputTokens) => overhead + (inputTokens * bytesPerToken) / (nic * prefillCtx.layout.gpusPerInstance),
  };
}
