import { baseFields, gqaAttention, type FamilyParser } from '../common.js';
import { deepseekStyleMoe } from './deepseekV3.js';

/**
 * `glm4_moe` (GLM-4.5, 4.6, 4.7): GQA with an explicit `head_dim` plus DeepSeek-style MoE
 * (`first_k_dense_replace` dense layers, `n_shared_experts`); `num_nextn_predict_layers` MTP modules.
 * Example: GLM-4.6 gives 92 layers, 96 / 8 heads of 128, 160 experts of 1536, 3 dense layers.
 */
export const parseGlm4Moe: FamilyParser = (r) => {
  const moe = deepseekStyleMoe(r);
  return {
    ...baseFields(r),
    attention: gqaAttention(r),
    localAttention: null,
    attentionSinks: false,
    denseFfnSize: moe.denseLayerIndices.length > 0 ? r.int('intermediate_size') : null,
    moe,
    mtpModuleCount: r.optInt('num_nextn_predict_layers', 0),
  };
};
