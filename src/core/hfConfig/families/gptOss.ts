import { baseFields, gqaAttention, localFromLayerTypes, type FamilyParser } from '../common.js';

/**
 * `gpt_oss`: every layer MoE (`num_local_experts` experts of `intermediate_size`, no shared one),
 * learned attention sinks, and sliding-window (`sliding_window`) layers listed in `layer_types`
 * (absent: transformers' default, even layers sliding). Top-k is `num_experts_per_tok`, else
 * `experts_per_token`. Example: gpt-oss-20b gives 32 experts of 2880, top-4, 12 of 24 layers sliding at 128.
 */
export const parseGptOss: FamilyParser = (r) => {
  const base = baseFields(r);
  const types = r.optStrList('layer_types') ?? Array.from({ length: base.layerCount }, (_, i) => (i % 2 === 0 ? 'sliding_attention' : 'full_attention'));
  return {
    ...base,
    attention: gqaAttention(r),
    localAttention: localFromLayerTypes(r, types, 'sliding_window'),
    attentionSinks: true,
    denseFfnSize: null,
    moe: {
      routedExpertCount: r.int('num_local_experts'),
      expertsPerToken: r.has('num_experts_per_tok') ? r.int('num_experts_per_tok') : r.int('experts_per_token'),
      sharedExpertCount: 0,
      expertFfnSize: r.int('intermediate_size'),
      sharedExpertFfnSize: 0,
      denseLayerIndices: [],
    },
    mtpModuleCount: 0,
  };
};
