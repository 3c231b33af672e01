import type { Accelerator } from '../accelerator/accelerator.js';
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, kvCacheShape, type KvCacheShape } from '../model/kvCache.js';
import type { ModelArchitecture, WeightPrecisions } from '../model/modelArchitecture.js';
import { countParameters } from '../model/parameters.js';
import type { KvPrecision, Precision } from '../precision.js';
import { GiB } from '../units.js';
import { resolveLayout, type LayoutRequest, type ResolvedLayout } from './layout.js';
import { stageLayerIndices, totalWeightBytes, weightBytesPerGpuOfStage } from './weightBytes.js';

export interface MemoryFitOptions {
  /** Precision of all linear weights (experts and the rest); default: the model's native precisions. */
  readonly weightPrecision?: Precision;
  /** Precision of each weight group; overrides `weightPrecision` when given. */
  readonly weightPrecisions?: WeightPrecisions;
  /** Precision of the KV cache; default bf16. */
  readonly kvPrecision?: KvPrecision;
  /** Context length (prompt + output tokens) of each sequence; default 8,192. */
  readonly contextTokens?: number;
  /**
   * Share of HBM the serving engine may use; default 0.9 (vLLM's `gpu_memory_utilization`
   * default; the rest holds the CUDA context and NCCL buffers).
   */
  readonly memoryUtilization?: number;
  /**
   * Tokens one forward step may batch, sizing the activation workspace; default 8,192 (vLLM's
   * `max_num_batched_tokens` for chunked prefill on large GPUs).
   */
  readonly maxBatchedTokens?: number;
  /** Fixed per-GPU workspace outside activations (CUDA graphs, sampler); default 1 GiB. */
  readonly runtimeReserveBytes?: number;
}

export const DEFAULT_CONTEXT_TOKENS = 8192;
export const DEFAULT_MEMORY_UTILIZATION = 0.9;
export const DEFAULT_MAX_BATCHED_TOKENS = 8192;
export const DEFAULT_RUNTIME_RESERVE_BYTES = 1 * GiB;

export interface MemoryFit {
  readonly model: string;
  readonly gpu: string;
  readonly gpus: number;
  readonly layout: ResolvedLayout;
  readonly weightPrecisions: WeightPrecisions;
  readonly kvPrecision: KvPrecision;
  readonly contextTokens: number;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly weightBytesTotal: number;
  /** Weights on the most loaded GPU (the heaviest pipeline stage). */
  readonly weightBytesPerGpu: number;
  readonly hbmBytesPerGpu: number;
  readonly usableBytesPerGpu: number;
  readonly activationBytesPerGpu: number;
  readonly runtimeReserveBytesPerGpu: number;
  /** Bytes left for the KV cache on the binding GPU; negative when the weights do not fit. */
  readonly freeBytesPerGpu: number;
  /** Mean KV bytes per token of a `contextTokens`-long sequence, whole model, before any split. */
  readonly kvCacheBytesPerToken: number;
  /** The same on one GPU of the binding stage, after the TP/PP split (MLA is not split by TP). */
  readonly kvCacheBytesPerTokenPerGpu: number;
  readonly maxKvTokensPerGpu: number;
  /** Sequences of `contextTokens` the whole system holds at once (all replicas and DP ranks). */
  readonly maxConcurrentSequences: number;
  readonly fits: boolean;
  /** Bytes per GPU missing for one sequence of `contextTokens`; 0 when it fits. */
  readonly shortfallBytesPerGpu: number;
  /** Soft notes for the reader, e.g. a replicated MLA cache. */
  readonly warnings: readonly string[];
}

/** Activation workspace of one step: hidden states and the local FFN intermediate of every batched token, 2 B each. */
function activationBytes(model: ModelArchitecture, layout: ResolvedLayout, maxBatchedTokens: number): number {
  const moe = model.moe;
  const ffnLocal = Math.max(
    (model.denseFfnSize ?? 0) / layout.tp,
    moe === null ? 0 : (moe.expertFfnSize * moe.expertsPerToken) / layout.moeTp,
  );
  return maxBatchedTokens * (8 * model.hiddenSize + 2 * ffnLocal) * 2;
}

/** Divides a stage's KV shape by how many GPUs share each token's cache (GQA heads under attention-TP). */
function kvShapePerGpu(model: ModelArchitecture, shape: KvCacheShape, layout: ResolvedLayout): KvCacheShape {
  const a = model.attention;
  const split = a.kind === 'gqa' ? Math.min(layout.attentionTp, a.kvHeadCount) : 1;
  return { ...shape, growingBytesPerToken: shape.growingBytesPerToken / split, windowedBytesPerToken: shape.windowedBytesPerToken / split };
}

/**
 * How the model's weights and KV cache fit on `gpus` accelerators under a layout: weights per GPU,
 * KV bytes per token, tokens and sequences the cache holds. Throws InputError for a layout that
 * cannot be built; a layout that can be built but does not fit returns `fits: false`.
 * Example: deepseek-v3 at fp8 on 8 h200 fits with 70,272 KV bytes per token; on 8 h100-sxm it does not.
 */
export function memoryFit(
  model: ModelArchitecture,
  gpu: Accelerator,
  gpus: number,
  layoutRequest: LayoutRequest = {},
  options: MemoryFitOptions = {},
): MemoryFit {
  const {
    kvPrecision = 'bf16',
    contextTokens = DEFAULT_CONTEXT_TOKENS,
    memoryUtilization = DEFAULT_MEMORY_UTILIZATION,
    maxBatchedTokens = DEFAULT_MAX_BATCHED_TOKENS,
    runtimeReserveBytes = DEFAULT_RUNTIME_RESERVE_BYTES,
  } = options;
  const native = model.nativeWeightPrecision;
  const weightPrecisions: WeightPrecisions = options.weightPrecisions ?? (options.weightPrecision === undefined
    ? native
    : { ...native, routedExperts: options.weightPrecision, otherLinear: options.weightPrecision });
  const layout = resolveLayout(model, gpus, layoutRequest);
  const params = countParameters(model);
  const usableBytesPerGpu = gpu.hbmBytes * memoryUtilization;
  const activationBytesPerGpu = activationBytes(model, layout, maxBatchedTokens);

  // Every stage holds a slice of every sequence of its instance: the stage with the least room binds.
  const stages = stageLayerIndices(model.layerCount, layout.pp).map((layers, stage) => {
    const weightBytes = weightBytesPerGpuOfStage(model, weightPrecisions, layout, layers, stage);
    const free = usableBytesPerGpu - weightBytes - activationBytesPerGpu - runtimeReserveBytes;
    const shape = kvShapePerGpu(model, kvCacheShape(model, kvPrecision, layers), layout);
    const bytesPerSequence = kvCacheBytesPerSequence(shape, contextTokens);
    return { weightBytes, free, shape, bytesPerSequence, sequences: free > 0 ? Math.floor(free / bytesPerSequence) : 0 };
  });
  const binding = stages.reduce((a, b) => (b.sequences < a.sequences || (b.sequences === a.sequences && b.free < a.free) ? b : a));
  const weightBytesPerGpu = Math.max(...stages.map((s) => s.weightBytes));
  const kvCacheBytesPerTokenPerGpu = kvCacheBytesPerToken(binding.shape, contextTokens);
  const maxKvTokensPerGpu = binding.free > 0 ? Math.floor(binding.free / kvCacheBytesPerTokenPerGpu) : 0;
  const maxConcurrentSequences = binding.sequences * layout.attentionDp * layout.replicas;
  const fits = maxConcurrentSequences >= 1;

  const warnings: string[] = [];
  if (model.attention.kind === 'mla' && layout.attentionTp > 1) {
    warnings.push(`the MLA latent cache is replicated on all ${layout.attentionTp} GPUs of attention-TP; --dp-attention would give each GPU its own sequences`);
  }
  if (model.attention.kind === 'gqa' && layout.attentionTp > model.attention.kvHeadCount) {
    warnings.push(`tp ${layout.attentionTp} exceeds the ${model.attention.kvHeadCount} KV heads: KV heads are replicated ${layout.attentionTp / model.attention.kvHeadCount}×`);
  }
  return {
    model: model.id,
    gpu: gpu.id,
    gpus,
    layout,
    weightPrecisions,
    kvPrecision,
    contextTokens,
    totalParams: params.total,
    activeParams: params.active,
    weightBytesTotal: totalWeightBytes(model, weightPrecisions),
    weightBytesPerGpu,
    hbmBytesPerGpu: gpu.hbmBytes,
    usableBytesPerGpu,
    activationBytesPerGpu,
    runtimeReserveBytesPerGpu: runtimeReserveBytes,
    freeBytesPerGpu: binding.free,
    kvCacheBytesPerToken: kvCacheBytesPerToken(kvCacheShape(model, kvPrecision), contextTokens),
    kvCacheBytesPerTokenPerGpu,
    maxKvTokensPerGpu,
    maxConcurrentSequences,
    fits,
    shortfallBytesPerGpu: fits ? 0 : binding.bytesPerSequence - binding.free,
    warnings,
  };
}
