import { InputError } from '../errors.js';
import { memoryFit, type MemoryFit } from '../memory/memoryFit.js';
import { smallestFittingGpuCount, type SmallestFit } from '../memory/smallestFit.js';
import { buildPerfContext, maxSequencesPerInstance, type ServingSetup } from './buildContext.js';
import { disaggregated } from './disaggregated.js';
import type { FrameworkEfficiency, HardwareEfficiency } from './efficiency.js';
import { bestPrefill } from './frontier.js';
import type { PerfContext } from './perfContext.js';
import { closedLoop, decodeOnly, prefillOnly, type ServingPoint, type Workload } from './serving.js';
import { servingUnderTraffic, type Traffic } from './trafficServing.js';
import type { Speculation } from './speculation.js';

export type ServingPhase = 'both' | 'prefill' | 'decode';

export interface ServingRequest {
  readonly workload: Workload;
  /** Requests in flight across all GPUs; null: the most the KV cache and engine allow (offline max-throughput). */
  readonly concurrency: number | null;
  readonly phase: ServingPhase;
  readonly speculation: Speculation | null;
  /** GPUs of a separate prefill pool (disaggregated serving); null: prefill and decode share the GPUs. */
  readonly prefillGpus: number | null;
  /**
   * Requests arriving over time (a finite burst, or Poisson arrivals at a rate) instead of a
   * standing batch: served by the engine simulator, so queueing is part of TTFT. Absent or null:
   * a steady batch of `concurrency`.
   */
  readonly traffic?: Traffic | null;
  /** With `traffic`: every request of the stated lengths (`fixed`, the default) or a dataset-like spread around them. */
  readonly lengths?: 'fixed' | 'varied';
}

export interface ServingPerformance {
  readonly fits: true;
  readonly point: ServingPoint;
  /** Requests in flight across all GPUs at this point. */
  readonly concurrency: number;
  readonly layout: PerfContext['layout'];
  readonly memory: MemoryFit;
  readonly hardwareEfficiency: HardwareEfficiency;
  readonly frameworkEfficiency: FrameworkEfficiency;
  readonly prefillPool: { readonly gpus: number; readonly layout: PerfContext['layout'] } | null;
  readonly warnings: readonly string[];
}

export interface ServingDoesNotFit {
  readonly fits: false;
  readonly memory: MemoryFit;
  readonly smallestFit: SmallestFit | null;
}

/**
 * Performance of one serving setup under a workload: checks the memory fit first and, when the
 * model does not fit, reports that (with the smallest count that fits) instead of computing.
 * Example: deepseek-v3 at fp8 on 8 h200 with 1,024/1,024-token requests, offline: the batch the
 * cache holds, its tokens/s per GPU and per user, TTFT, and the decode step's breakdown.
 */
export function servingPerformance(setup: ServingSetup, request: ServingRequest): ServingPerformance | ServingDoesNotFit {
  const { workload, phase, speculation } = request;
  const decodeGpus = setup.gpus - (request.prefillGpus ?? 0);
  const decodeSetup = { ...setup, gpus: decodeGpus };
  const ctx = buildPerfContext(decodeSetup);
  const context = phase === 'prefill' ? workload.inputTokens : workload.inputTokens + workload.outputTokens;
  const fitOptions = { weightPrecisions: ctx.weightPrecisions, kvPrecision: ctx.kvPrecision, contextTokens: Math.max(1, context) };
  const memory = memoryFit(setup.model, setup.gpu, decodeGpus, setup.layout ?? {}, fitOptions);
  if (!memory.fits) {
    return { fits: false, memory, smallestFit: smallestFittingGpuCount(setup.model, setup.gpu, setup.layout ?? {}, fitOptions) };
  }
  const warnings: string[] = [...memory.warnings];
  const maxPerInstance = maxSequencesPerInstance(ctx, context);
  let perInstance = request.concurrency === null ? maxPerInstance : request.concurrency / ctx.layout.replicas;
  const waiting = perInstance > maxPerInstance;
  if (waiting) {
    warnings.push(`concurrency ${request.concurrency} exceeds what the KV cache and engine hold (${Math.floor(maxPerInstance * ctx.layout.replicas)}); the rest wait for a slot, and TTFT includes that wait`);
  }
  const clients = perInstance;
  perInstance = Math.min(perInstance, maxPerInstance);
  let point: ServingPoint;
  let prefillPool: ServingPerformance['prefillPool'] = null;
  if (request.prefillGpus !== null) {
    const prefillCtx = bestPrefillContext(setup, request.prefillGpus, workload);
    prefillPool = { gpus: request.prefillGpus, layout: prefillCtx.layout };
    point = disaggregated({ prefill: prefillCtx, decode: ctx, prefillGpus: request.prefillGpus, decodeGpus }, perInstance * ctx.layout.replicas, workload, speculation);
  } else if (phase === 'prefill') {
    const perRank = request.concurrency === null ? Math.max(1, Math.floor(ctx.framework.maxBatchedTokens / Math.max(1, workload.inputTokens))) : perInstance / ctx.layout.attentionDp;
    point = prefillOnly(ctx, perRank * ctx.layout.attentionDp, workload);
  } else if (phase === 'decode') {
    point = decodeOnly(ctx, perInstance, workload.inputTokens + workload.outputTokens / 2, speculation);
  } else if (request.traffic != null) {
    point = servingUnderTraffic(ctx, request.traffic, workload, request.lengths ?? 'fixed', speculation);
  } else {
    point = closedLoop(ctx, clients, perInstance, workload, speculation, request.concurrency === null ? 'waves' : 'steady');
  }
  if (ctx.model.moe !== null && ctx.layout.moeTp > 1 && ctx.layout.gpusPerInstance > ctx.gpu.scaleUpDomainSize) {
    warnings.push(`experts are tensor-parallel across ${ctx.layout.gpusPerInstance / ctx.gpu.scaleUpDomainSize} scale-up domains: every MoE layer all-reduces over the scale-out network; expert parallelism (--ep) is how such deployments run`);
  }
  return {
    fits: true, point, concurrency: point.sequencesPerInstance * ctx.layout.replicas, layout: ctx.layout, memory,
    hardwareEfficiency: ctx.hardware, frameworkEfficiency: ctx.framework, prefillPool, warnings,
  };
}

/** The layout of a prefill pool of `gpus` GPUs with the most input tokens/s per GPU. */
function bestPrefillContext(setup: ServingSetup, gpus: number, workload: Workload): PerfContext {
  const best = bestPrefill(setup.model, gpus, setup.gpu.scaleUpDomainSize, workload, (n, layout) => buildPerfContext({ ...setup, gpus: n, layout }));
  if (best === null) throw new InputError('--prefill-gpus', String(gpus), `a pool on which ${setup.model.id} fits`);
  return best.ctx;
}
