import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { INDEXER_BYTES_PER_ELEMENT, kvElementsPerTokenPerLayer } from '../model/kvCache.js';

/** Tokens one query of layer `layer` attends to when `contextTokens` precede it (windowed layers and DSA top-k cap it). */
export function attendedTokens(model: ModelArchitecture, layer: number, contextTokens: number): number {
  const local = model.localAttention;
  let span = contextTokens;
  if (local !== null && local.layerIndices.includes(layer)) span = Math.min(span, local.windowTokens);
  const a = model.attention;
  if (a.kind === 'mla' && a.indexer !== null) span = Math.min(span, a.indexer.topK);
  return span;
}

/**
 * FLOP of the attention core (scores and weighted sum, not the projections) for one decoded token
 * attending to `span` tokens. GQA: 4·h·d_h·span. MLA with weight absorption (as FlashMLA decodes)
 * attends in the latent: 2·h·(r_kv + d_rope)·span for scores plus 2·h·r_kv·span for values.
 * The V3.2 indexer scores every context token: 2·h_idx·d_idx·context.
 */
export function decodeAttentionFlopPerToken(model: ModelArchitecture, span: number, contextTokens: number): number {
  const a = model.attention;
  if (a.kind === 'gqa') return 4 * a.queryHeadCount * a.headDim * span;
  const latent = 2 * a.queryHeadCount * (a.kvLoraRank + a.qkRopeHeadDim) * span + 2 * a.queryHeadCount * a.kvLoraRank * span;
  const indexer = a.indexer === null ? 0 : 2 * a.indexer.headCount * a.indexer.headDim * contextTokens;
  return latent + indexer;
}

/**
 * FLOP of the attention core for prefilling `newTokens` after `cachedTokens` of the same sequence
 * (causal: query i sees cachedTokens + i tokens). MLA prefill runs un-absorbed with per-head keys
 * of d_nope + d_rope and values of d_v (FlashAttention-style), 2·h·(d_qk + d_v) per pair.
 */
export function prefillAttentionFlop(model: ModelArchitecture, layer: number, newTokens: number, cachedTokens: number): number {
  if (newTokens <= 0) return 0;
  const meanSpan = attendedTokens(model, layer, cachedTokens + newTokens / 2);
  const pairs = newTokens * meanSpan;
  const a = model.attention;
  if (a.kind === 'gqa') return 4 * a.queryHeadCount * a.headDim * pairs;
  const dense = 2 * a.queryHeadCount * (a.qkNopeHeadDim + a.qkRopeHeadDim + a.vHeadDim) * pairs;
  const indexer = a.indexer === null ? 0 : 2 * a.indexer.headCount * a.indexer.headDim * newTokens * (cachedTokens + newTokens / 2);
  return dense + indexer;
}

/**
 * KV-cache bytes one layer reads per sequence when its query attends to `span` tokens, plus the
 * V3.2 indexer keys of the whole context (stored in fp8 with scales, whatever the KV precision).
 */
export function kvBytesReadPerSequence(model: ModelArchitecture, kvBytesPerElement: number, span: number, contextTokens: number): number {
  const a = model.attention;
  const indexer = a.kind === 'mla' && a.indexer !== null ? a.indexer.headDim * contextTokens * INDEXER_BYTES_PER_ELEMENT : 0;
  return kvElementsPerTokenPerLayer(model) * span * kvBytesPerElement + indexer;
}

/** KV-cache bytes one layer writes for `tokens` new tokens (their keys and values, or latents). */
export function kvBytesWritten(model: ModelArchitecture, kvBytesPerElement: number, tokens: number): number {
  return kvBytesReadPerSequence(model, kvBytesPerElement, tokens, tokens);
}
