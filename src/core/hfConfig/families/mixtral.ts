import { baseFields, gqaAttention, layerIndicesWhere, type FamilyParser } from '../common.js';

/**
 * `mixtral`: every layer MoE with no shared expert; `intermediate_size` is the size of ONE expert;
 * a non-null `sliding_window` bounds every layer's attention (null in Mixtral's published configs).
 * Example: Mixtral-8x7B gives 8 experts of 14336, top-2, full attention.
 */
export const parseMixtral: FamilyParser = (r) => {
  const base = baseFields(r);
  const window = r.optInt('sliding_window', null, 1);
  return {
    ...base,
    attention: gqaAttention(r),
    localAttention: window === null ? null : { kind: 'sliding', windowTokens: window, layerIndices: layerIndicesWhere(base.layerCount, () => true) },
    attentionSinks: false,
    denseFfnSize: null,
    moe: {
      routedExpertCount: r.int('num_local_experts'),
      expertsPerToken: r.int('num_experts_per_tok'),
      sharedExpertCount: 0,
      expertFfnSize: r.int('intermediate_size'),
      sharedExpertFfnSize: 0,
      denseLayerIndices: [],
    },
    mtpModuleCount: 0,
  };
};
