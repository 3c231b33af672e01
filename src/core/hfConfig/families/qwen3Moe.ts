import { baseFields, gqaAttention, layerIndicesWhere, type FamilyParser } from '../common.js';
import { qwenSlidingWindow } from './qwen3.js';

/**
 * `qwen3_moe` (Qwen3-30B-A3B, 235B-A22B, Coder-480B-A35B): a layer is dense when listed in
 * `mlp_only_layers` (default []) or when (index + 1) is not a multiple of `decoder_sparse_step`
 * (default 1); `intermediate_size` is used only by such layers (null when there are none);
 * `shared_expert_intermediate_size` > 0 adds one shared expert (Coder's 0 means none).
 * Example: Qwen3-30B-A3B gives 128 experts of 768, top-8, no dense layer, denseFfnSize null.
 */
export const parseQwen3Moe: FamilyParser = (r) => {
  const base = baseFields(r);
  const onlyMlp = new Set(r.optIntList('mlp_only_layers') ?? []);
  const step = r.optInt('decoder_sparse_step', 1, 1);
  const denseLayerIndices = layerIndicesWhere(base.layerCount, (i) => onlyMlp.has(i) || (i + 1) % step !== 0);
  const sharedSize = r.optInt('shared_expert_intermediate_size', 0);
  return {
    ...base,
    attention: gqaAttention(r),
    localAttention: qwenSlidingWindow(r),
    attentionSinks: false,
    denseFfnSize: denseLayerIndices.length > 0 ? r.int('intermediate_size') : null,
    moe: denseLayerIndices.length === base.layerCount ? null : {
      routedExpertCount: r.int('num_experts'),
      expertsPerToken: r.int('num_experts_per_tok'),
      sharedExpertCount: sharedSize > 0 ? 1 : 0,
      expertFfnSize: r.int('moe_intermediate_size'),
      sharedExpertFfnSize: sharedSize,
      denseLayerIndices,
    },
    mtpModuleCount: 0,
  };
};
