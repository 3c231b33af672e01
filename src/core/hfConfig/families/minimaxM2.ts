import { baseFields, gqaAttention, type FamilyParser } from '../common.js';

/**
 * `minimax_m2` (MiniMax-M2, M2.1, M2.5): every layer MoE with `num_local_experts` experts of
 * `intermediate_size` (per expert); `shared_intermediate_size` > 0 adds one shared expert (0: none);
 * `num_mtp_modules` MTP modules when `use_mtp`. An `attn_type_list` with a 0 (linear attention, as
 * in MiniMax-M1) is refused. Example: MiniMax-M2.5 gives 62 layers, 256 experts of 1536, top-8.
 */
export const parseMinimaxM2: FamilyParser = (r) => {
  const kinds = r.optIntList('attn_type_list');
  if (kinds !== undefined && kinds.some((k) => k !== 1)) r.fail('attn_type_list', kinds, 'all 1 (full softmax attention); linear-attention layers are not modelled');
  const sharedSize = r.optInt('shared_intermediate_size', 0);
  return {
    ...baseFields(r),
    attention: gqaAttention(r),
    localAttention: null,
    attentionSinks: false,
    denseFfnSize: null,
    moe: {
      routedExpertCount: r.int('num_local_experts'),
      expertsPerToken: r.int('num_experts_per_tok'),
      sharedExpertCount: sharedSize > 0 ? 1 : 0,
      expertFfnSize: r.int('intermediate_size'),
      sharedExpertFfnSize: sharedSize,
      denseLayerIndices: [],
    },
    mtpModuleCount: r.optBool('use_mtp', false) ? r.optInt('num_mtp_modules', 0) : 0,
  };
};
