import { baseFields, gqaAttention, type FamilyParser } from '../common.js';

/**
 * `llama` (Llama 2, 3, 3.1, 3.3): dense GQA, every layer a gated FFN of `intermediate_size`.
 * Example: Llama-3.1-8B gives 32 layers, 32 / 8 heads of 128, FFN 14336.
 */
export const parseLlama: FamilyParser = (r) => ({
  ...baseFields(r),
  attention: gqaAttention(r),
  localAttention: null,
  attentionSinks: false,
  denseFfnSize: r.int('intermediate_size'),
  moe: null,
  mtpModuleCount: 0,
});
