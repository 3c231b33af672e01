import type { LocalAttention } from '../../model/modelArchitecture.js';
import type { ConfigReader } from '../configReader.js';
import { baseFields, gqaAttention, layerIndicesWhere, localFromLayerTypes, type FamilyParser } from '../common.js';

/**
 * Qwen3's optional sliding window: off unless `use_sliding_window` is true; then `layer_types`, or
 * else (as transformers does) every layer from `max_window_layers` on. Example: Qwen3-8B gives null.
 */
export function qwenSlidingWindow(r: ConfigReader): LocalAttention | null {
  if (!r.optBool('use_sliding_window', false)) return null;
  const types = r.optStrList('layer_types');
  if (types !== undefined) return localFromLayerTypes(r, types, 'sliding_window');
  const layerCount = r.int('num_hidden_layers');
  const from = r.optInt('max_window_layers', layerCount);
  const layerIndices = layerIndicesWhere(layerCount, (i) => i >= from);
  return layerIndices.length === 0 ? null : { kind: 'sliding', windowTokens: r.int('sliding_window'), layerIndices };
}

/**
 * `qwen3` (dense Qwen3): GQA with an explicit `head_dim` (128, not hidden / heads for every size).
 * Example: Qwen3-8B gives 36 layers, 32 / 8 heads of 128, FFN 12288, untied embeddings.
 */
export const parseQwen3: FamilyParser = (r) => ({
  ...baseFields(r),
  attention: gqaAttention(r),
  localAttention: qwenSlidingWindow(r),
  attentionSinks: false,
  denseFfnSize: r.int('intermediate_size'),
  moe: null,
  mtpModuleCount: 0,
});
