import { bytesPerKvElement, type KvPrecision } from '../precision.js';
import type { ModelArchitecture } from './modelArchitecture.js';

/**
 * Bytes the V3.2 lightning indexer caches per element: fp8 keys plus one fp32 scale per 128
 * (DeepSeek-V3.2-Exp reference inference code, `indexer` k-cache, 2025-09).
 */
export const INDEXER_BYTES_PER_ELEMENT = (128 + 4) / 128;

/** Elements cached per token in one attention layer: 2·h_kv·d_h (K and V), or the MLA latent + RoPE key. */
export function kvElementsPerTokenPerLayer(model: ModelArchitecture): number {
  const a = model.attention;
  return a.kind === 'mla' ? a.kvLoraRank + a.qkRopeHeadDim : 2 * a.kvHeadCount * a.headDim;
}

/** How the cache of one sequence is laid out: layers that grow with context and layers capped at a window. */
export interface KvCacheShape {
  /** Bytes per token over all full-attention layers (grows with every token of context). */
  readonly growingBytesPerToken: number;
  /** Bytes per token over all windowed layers, for at most `windowTokens` tokens. */
  readonly windowedBytesPerToken: number;
  readonly windowTokens: number;
  readonly fullLayerCount: number;
  readonly windowedLayerCount: number;
}

/**
 * KV cache shape of `model` at `precision`, with `layerIndices` restricting it to some layers
 * (a pipeline stage); all layers by default.
 * Example: DeepSeek-V3 at bf16: 576 elements × 61 layers × 2 B = 70,272 B per token, none windowed.
 */
export function kvCacheShape(
  model: ModelArchitecture,
  precision: KvPrecision,
  layerIndices: readonly number[] = Array.from({ length: model.layerCount }, (_, i) => i),
): KvCacheShape {
  const local = model.localAttention;
  const localSet = new Set(local?.layerIndices ?? []);
  const windowedLayerCount = layerIndices.filter((i) => localSet.has(i)).length;
  const fullLayerCount = layerIndices.length - windowedLayerCount;
  const bytesPerLayer = kvElementsPerTokenPerLayer(model) * bytesPerKvElement(precision);
  const a = model.attention;
  const indexerBytesPerLayer = a.kind === 'mla' && a.indexer !== null ? a.indexer.headDim * INDEXER_BYTES_PER_ELEMENT : 0;
  return {
    growingBytesPerToken: fullLayerCount * bytesPerLayer + layerIndices.length * indexerBytesPerLayer,
    windowedBytesPerToken: windowedLayerCount * bytesPerLayer,
    windowTokens: local?.windowTokens ?? 0,
    fullLayerCount,
    windowedLayerCount,
  };
}

/** Bytes of KV cache one sequence of `contextTokens` holds, windowed layers capped at their window. */
export function kvCacheBytesPerSequence(shape: KvCacheShape, contextTokens: number): number {
  return shape.growingBytesPerToken * contextTokens + shape.windowedBytesPerToken * Math.min(contextTokens, shape.windowTokens);
}

/**
 * Mean KV bytes per token of a sequence of `contextTokens` (for a model without windowed layers,
 * the same at any length). Example: gpt-oss-120b at bf16: 36,864 B/token growing plus 36,864 B/token
 * for at most 128 tokens, so 37,440 B/token at 8,192 tokens.
 */
export function kvCacheBytesPerToken(shape: KvCacheShape, contextTokens: number): number {
  return kvCacheBytesPerSequence(shape, contextTokens) / contextTokens;
}
