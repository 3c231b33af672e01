import type { MixtureOfExperts, MlaAttention } from '../../model/modelArchitecture.js';
import type { ConfigReader } from '../configReader.js';
import { baseFields, layerIndicesWhere, type FamilyParser } from '../common.js';

/**
 * DeepSeek-style MoE (also GLM-4.5/4.6): layer i is dense when i < `first_k_dense_replace` or
 * i % `moe_layer_freq` (default 1) != 0; `n_shared_experts` shared experts of `moe_intermediate_size`.
 * Example: DeepSeek-V3 gives 256 routed experts of 2048, top-8, 1 shared, dense layers [0, 1, 2].
 */
export function deepseekStyleMoe(r: ConfigReader): MixtureOfExperts {
  const layerCount = r.int('num_hidden_layers');
  const firstDense = r.int('first_k_dense_replace', 0);
  const freq = r.optInt('moe_layer_freq', 1, 1);
  const expertFfnSize = r.int('moe_intermediate_size');
  const sharedExpertCount = r.int('n_shared_experts', 0);
  return {
    routedExpertCount: r.int('n_routed_experts'),
    expertsPerToken: r.int('num_experts_per_tok'),
    sharedExpertCount,
    expertFfnSize,
    sharedExpertFfnSize: sharedExpertCount > 0 ? expertFfnSize : 0,
    denseLayerIndices: layerIndicesWhere(layerCount, (i) => i < firstDense || i % freq !== 0),
  };
}

/**
 * Multi-head latent attention; `q_lora_rank` null or absent means queries are projected directly;
 * `deepseek_v32` adds the sparse-attention indexer (`index_n_heads`, `index_head_dim`, `index_topk`).
 * Example: DeepSeek-V3 gives 128 heads, q rank 1536, kv rank 512, 128 + 64 / 128 head dims.
 */
export function mlaAttention(r: ConfigReader, modelType: string): MlaAttention {
  const wantsIndexer = modelType === 'deepseek_v32' || r.has('index_n_heads');
  return {
    kind: 'mla',
    queryHeadCount: r.int('num_attention_heads'),
    qLoraRank: r.optInt('q_lora_rank', null, 1),
    kvLoraRank: r.int('kv_lora_rank'),
    qkNopeHeadDim: r.int('qk_nope_head_dim'),
    qkRopeHeadDim: r.int('qk_rope_head_dim'),
    vHeadDim: r.int('v_head_dim'),
    indexer: wantsIndexer ? { headCount: r.int('index_n_heads'), headDim: r.int('index_head_dim'), topK: r.int('index_topk') } : null,
  };
}

/**
 * `deepseek_v3`, `deepseek_v32`, `kimi_k2` (DeepSeek-V3/R1/V3.2, Kimi K2/K2.5): MLA plus
 * DeepSeek-style MoE; `num_nextn_predict_layers` (default 0) MTP modules.
 * Example: DeepSeek-V3 gives 61 layers, dense FFN 18432 on layers 0-2, 1 MTP module.
 */
export const parseDeepseekV3: FamilyParser = (r, modelType) => {
  const moe = deepseekStyleMoe(r);
  return {
    ...baseFields(r),
    attention: mlaAttention(r, modelType),
    localAttention: null,
    attentionSinks: false,
    denseFfnSize: moe.denseLayerIndices.length > 0 ? r.int('intermediate_size') : null,
    moe,
    mtpModuleCount: r.optInt('num_nextn_predict_layers', 0),
  };
};
