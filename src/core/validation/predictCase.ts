import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { MODELS } from '../catalog/models.js';
import type { LayoutRequest } from '../memory/layout.js';
import type { Accelerator } from '../accelerator/accelerator.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { buildPerfContext, maxSequencesPerInstance } from '../perf/buildContext.js';
import { disaggregated } from '../perf/disaggregated.js';
import { parseEngineVersion } from '../perf/engineVersion.js';
import { statedEngineVersion } from './statedEngineVersion.js';
import type { PerfContext } from '../perf/perfContext.js';
import { aggregated, closedLoop, decodeOnly, prefillOnly, type ServingPoint, type Workload } from '../perf/serving.js';
import type { Speculation } from '../perf/speculation.js';
import { servingUnderTraffic } from '../perf/trafficServing.js';
import { SHIPPED_PROFILE, type EfficiencyProfile } from '../perf/efficiencyProfiles.js';
import type { CasePredictor, MeasuredMetric } from './predictor.js';
import type { CaseParallelism, ValidationCase } from './validationCase.js';

/**
 * Prompt length assumed where a case publishes none (DeepSeek's production prefill): a typical
 * chat-with-context prompt. Prefill throughput depends on it only through attention's share.
 */
export const DEFAULT_PROMPT_TOKENS = 4096;
/** Acceptance rate assumed for a speculative method whose rate is not published. */
export const DEFAULT_ACCEPTANCE_RATE = 0.7;

/**
 * The layout of one instance from a case's parallelism: `tp` defaults to the EP width under
 * data-parallel attention (SGLang's `--tp N --dp N --enable-dp-attention`), else to the GPUs of
 * one replica. An instance may be wider than the case's `gpus` when per-GPU figures are quoted
 * per node (DeepSeek): the layout then covers the whole instance.
 */
function layoutOf(model: ModelArchitecture, p: CaseParallelism, gpus: number): { request: LayoutRequest; gpus: number } {
  const pp = p.pp ?? 1;
  const dpAttention = p.dpAttention ?? false;
  const tp = p.tp ?? (dpAttention && p.ep !== null ? p.ep : dpAttention ? gpus / pp : gpus / (pp * (p.replicas ?? 1)));
  // Data-parallel attention with no stated EP: the experts are spread over the attention width
  // (SGLang's --enable-dp-attention with --ep-size tp; TensorRT-LLM's attention-DP with MoE EP).
  const ep = model.moe === null ? 1 : Math.min(p.ep ?? (dpAttention ? tp : 1), tp);
  const instanceGpus = Math.max(gpus, tp * pp);
  return { request: { tp, pp, ep: tp % ep === 0 ? ep : 1, dpAttention }, gpus: instanceGpus - (instanceGpus % (tp * pp)) };
}

function contextFor(c: ValidationCase, model: ModelArchitecture, gpu: Accelerator, p: CaseParallelism, gpus: number, profile: EfficiencyProfile): PerfContext {
  const { request, gpus: layoutGpus } = layoutOf(model, p, gpus);
  const stated = statedEngineVersion(c);
  return buildPerfContext({
    model, gpu, gpus: layoutGpus, layout: request, profile,
    weightPrecision: c.precision.weights,
    ...(c.precision.kvCache !== null && { kvPrecision: c.precision.kvCache }),
    framework: c.framework,
    ...(stated !== null && { engineVersion: parseEngineVersion('engineVersion', stated) }),
  });
}

function speculationOf(c: ValidationCase): Speculation | null {
  const s = c.speculative;
  return s === null ? null : { method: s.method, draftTokens: s.tokens, acceptanceRate: s.acceptanceRate ?? DEFAULT_ACCEPTANCE_RATE };
}

/** Decode batch of one instance: published batch (per attention rank) or concurrency, else the most the cache holds. */
function decodeBatch(c: ValidationCase, ctx: PerfContext, contextTokens: number): number {
  const w = c.workload;
  if (w.batchSize !== null) return w.batchSize * ctx.layout.attentionDp;
  if (w.concurrency !== null) return w.concurrency / ctx.layout.replicas;
  const max = maxSequencesPerInstance(ctx, contextTokens);
  if (max < 1) throw new Error(`${c.model} does not fit on this layout of ${c.gpu} at ${contextTokens} tokens of context`);
  return max;
}

function predictPoint(c: ValidationCase, profile: EfficiencyProfile): ServingPoint {
  const model = findById('model', c.model, MODELS);
  const gpu = findById('gpu', c.gpu, ACCELERATORS);
  const w = c.workload;
  const spec = speculationOf(c);
  const input = w.inputTokens ?? DEFAULT_PROMPT_TOKENS;
  const workload: Workload = { inputTokens: input, outputTokens: w.outputTokens ?? 0, prefixCacheHitRate: w.prefixCacheHitRate ?? 0 };
  if (c.disaggregated !== null) {
    const d = c.disaggregated;
    if (w.concurrency === null) throw new Error('a disaggregated case needs workload.concurrency');
    if (w.outputTokens === null) throw new Error('a disaggregated case needs workload.outputTokens');
    return disaggregated({
      prefill: contextFor(c, model, gpu, d.prefill, d.prefillGpus, profile),
      decode: contextFor(c, model, gpu, d.decode, d.decodeGpus, profile),
      prefillGpus: d.prefillGpus,
      decodeGpus: d.decodeGpus,
    }, w.concurrency, workload, spec);
  }
  const ctx = contextFor(c, model, gpu, c.parallelism, c.gpus, profile);
  if (c.phase === 'prefill') {
    const perRank = w.batchSize ?? Math.max(1, Math.floor(ctx.framework.maxBatchedTokens / input));
    return prefillOnly(ctx, perRank * ctx.layout.attentionDp, workload);
  }
  if (c.phase === 'decode') {
    const context = input + (w.outputTokens ?? 0) / 2;
    return decodeOnly(ctx, decodeBatch(c, ctx, context), context, spec);
  }
  if (w.outputTokens === null || w.inputTokens === null) throw new Error('a case with both phases needs workload.inputTokens and workload.outputTokens');
  // Offline runs start their requests together, and so, in effect, do fixed-concurrency loops:
  // their measured TTFTs (InferenceX) match prompts queueing behind each other's prefills (spread
  // arrivals put the model 54-85% under them). Live traffic arrives spread out.
  const arrivals = w.pattern === 'poisson' || w.pattern === 'production' ? 'steady' : 'waves';
  const maxPerInstance = maxSequencesPerInstance(ctx, input + workload.outputTokens);
  const lengths = w.lengths ?? 'fixed';
  if (w.pattern === 'burst') {
    const requests = w.requests ?? w.concurrency;
    if (requests === null || requests === undefined) throw new Error('a burst case needs workload.requests');
    return servingUnderTraffic(ctx, { kind: 'burst', requests }, workload, lengths, spec);
  }
  if (w.concurrency === null && w.requestRatePerSecond !== null) {
    return servingUnderTraffic(ctx, { kind: 'poisson', requestsPerSecond: w.requestRatePerSecond, ...(w.requests != null && { requests: w.requests }) }, workload, lengths, spec);
  }
  if (w.concurrency !== null) return closedLoop(ctx, w.concurrency / ctx.layout.replicas, Math.max(1, maxPerInstance), workload, spec, arrivals);
  return aggregated(ctx, decodeBatch(c, ctx, input + workload.outputTokens), workload, spec, arrivals);
}

/** The metrics a point can speak for, by the phase it covers. */
function metricsOf(c: ValidationCase, p: ServingPoint): Partial<Record<MeasuredMetric, number>> {
  if (c.phase === 'prefill' && c.disaggregated === null) {
    return { inputTokensPerSecondPerGpu: p.inputTokensPerSecondPerGpu, totalTokensPerSecondPerGpu: p.totalTokensPerSecondPerGpu, ttftSeconds: p.ttftSeconds };
  }
  const out: Partial<Record<MeasuredMetric, number>> = {
    outputTokensPerSecondPerGpu: p.outputTokensPerSecondPerGpu,
    tokensPerSecondPerUser: p.tokensPerSecondPerUser,
    tpotSeconds: p.tpotSeconds,
  };
  if (c.phase === 'decode' && c.disaggregated === null) return out;
  return { ...out, inputTokensPerSecondPerGpu: p.inputTokensPerSecondPerGpu, totalTokensPerSecondPerGpu: p.totalTokensPerSecondPerGpu, ttftSeconds: p.ttftSeconds };
}

/**
 * Predicts a validation case with the performance model: the layout, precisions and framework
 * the case states, the workload it ran, and the serving mode its phase and pattern imply.
 */
export function casePredictor(profile: EfficiencyProfile): CasePredictor {
  return (c) => metricsOf(c, predictPoint(c, profile));
}

/** `casePredictor` with the shipped calibration. */
export const predictCase: CasePredictor = casePredictor(SHIPPED_PROFILE);
