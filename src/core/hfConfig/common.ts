import type { GqaAttention, LocalAttention, ModelArchitecture } from '../model/modelArchitecture.js';
import type { ConfigReader } from './configReader.js';

/** What a family parser derives from the text config; the entry point adds id, name, precision and source. */
export type FamilyFields = Pick<
  ModelArchitecture,
  'layerCount' | 'hiddenSize' | 'vocabSize' | 'tiedEmbeddings' | 'attention' | 'localAttention' | 'attentionSinks' | 'denseFfnSize' | 'moe' | 'mtpModuleCount'
>;

/** Reads one family's text config (already unwrapped from `text_config`) into architecture fields. */
export type FamilyParser = (r: ConfigReader, modelType: string) => FamilyFields;

/**
 * Fields every family spells the same way; `tie_word_embeddings` defaults to false.
 * Example: Llama-3.1-8B gives { layerCount: 32, hiddenSize: 4096, vocabSize: 128256, tiedEmbeddings: false }.
 */
export function baseFields(r: ConfigReader) {
  return {
    layerCount: r.int('num_hidden_layers'),
    hiddenSize: r.int('hidden_size'),
    vocabSize: r.int('vocab_size'),
    tiedEmbeddings: r.optBool('tie_word_embeddings', false),
  };
}

/**
 * Grouped-query attention: `num_key_value_heads` defaults to `num_attention_heads` (multi-head),
 * `head_dim` to hidden_size / num_attention_heads. Example: Qwen3-30B-A3B gives 32 / 4 heads of 128.
 */
export function gqaAttention(r: ConfigReader): GqaAttention {
  const queryHeadCount = r.int('num_attention_heads');
  const kvHeadCount = r.optInt('num_key_value_heads', queryHeadCount, 1);
  const hidden = r.int('hidden_size');
  if (!r.has('head_dim') && hidden % queryHeadCount !== 0) {
    r.fail('head_dim', undefined, `a whole number (hidden_size ${hidden} is not a multiple of num_attention_heads ${queryHeadCount})`);
  }
  if (queryHeadCount % kvHeadCount !== 0) r.fail('num_key_value_heads', kvHeadCount, `a divisor of num_attention_heads ${queryHeadCount}`);
  return { kind: 'gqa', queryHeadCount, kvHeadCount, headDim: r.optInt('head_dim', hidden / queryHeadCount, 1) };
}

/** Indices 0..count-1 for which `keep` holds, e.g. `layerIndicesWhere(4, (i) => i < 1)` gives [0]. */
export function layerIndicesWhere(count: number, keep: (index: number) => boolean): number[] {
  return Array.from({ length: count }, (_, i) => i).filter(keep);
}

const LAYER_TYPES = ['full_attention', 'sliding_attention', 'chunked_attention'] as const;

/**
 * Bounded-attention layers from a `layer_types` list ('sliding_attention' / 'chunked_attention' vs
 * 'full_attention'), windowed at `windowTokens`; null when every layer is full.
 * Example: gpt-oss-20b's alternating list and sliding_window 128 give 12 sliding layers 0, 2, 4, ...
 */
export function localFromLayerTypes(r: ConfigReader, types: readonly string[], windowField: string): LocalAttention | null {
  const layerCount = r.int('num_hidden_layers');
  if (types.length !== layerCount) r.fail('layer_types', types, `a list of ${layerCount} entries, one per layer`);
  types.forEach((t) => {
    if (!(LAYER_TYPES as readonly string[]).includes(t)) r.fail('layer_types', t, `entries among ${LAYER_TYPES.join(', ')}`);
  });
  const layerIndices = layerIndicesWhere(layerCount, (i) => types[i] !== 'full_attention');
  if (layerIndices.length === 0) return null;
  const chunked = types.includes('chunked_attention');
  if (chunked && types.includes('sliding_attention')) r.fail('layer_types', 'both sliding and chunked', 'one kind of bounded attention');
  return { kind: chunked ? 'chunked' : 'sliding', windowTokens: r.int(windowField), layerIndices };
}
