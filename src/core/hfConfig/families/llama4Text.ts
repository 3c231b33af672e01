import type { LocalAttention } from '../../model/modelArchitecture.js';
import type { ConfigReader } from '../configReader.js';
import { baseFields, gqaAttention, layerIndicesWhere, localFromLayerTypes, type FamilyParser } from '../common.js';

/**
 * Llama 4's chunked attention (iRoPE): with `attention_chunk_size` set, `layer_types` if present,
 * else the RoPE layers of `no_rope_layers` (1 = RoPE = chunked), else every layer but each
 * `no_rope_layer_interval`-th (default 4) is chunked. Example: Scout gives 36 of 48 layers at 8192.
 */
function chunkedAttention(r: ConfigReader, layerCount: number): LocalAttention | null {
  const chunk = r.optInt('attention_chunk_size', null, 1);
  if (chunk === null) return null;
  const types = r.optStrList('layer_types');
  if (types !== undefined) return localFromLayerTypes(r, types, 'attention_chunk_size');
  const noRope = r.optIntList('no_rope_layers');
  if (noRope !== undefined && noRope.length !== layerCount) r.fail('no_rope_layers', noRope, `a list of ${layerCount} 0/1 flags`);
  const interval = r.optInt('no_rope_layer_interval', 4, 1);
  const layerIndices = layerIndicesWhere(layerCount, (i) => (noRope === undefined ? (i + 1) % interval !== 0 : noRope[i] === 1));
  return layerIndices.length === 0 ? null : { kind: 'chunked', windowTokens: chunk, layerIndices };
}

/**
 * `llama4_text` (the `text_config` of Llama 4 Scout and Maverick): MoE layers are `moe_layers`
 * if listed, else those with (index + 1) % `interleave_moe_layer_step` == 0; each has one routed
 * expert pick of `intermediate_size` plus one implicit shared expert of the same size; dense
 * layers use `intermediate_size_mlp`. Example: Scout gives 16 experts, top-1, all 48 layers MoE.
 */
export const parseLlama4Text: FamilyParser = (r) => {
  const base = baseFields(r);
  const listed = r.optIntList('moe_layers');
  const step = r.optInt('interleave_moe_layer_step', 1, 1);
  const moeSet = new Set(listed ?? layerIndicesWhere(base.layerCount, (i) => (i + 1) % step === 0));
  const denseLayerIndices = layerIndicesWhere(base.layerCount, (i) => !moeSet.has(i));
  const expertFfnSize = r.int('intermediate_size');
  return {
    ...base,
    attention: gqaAttention(r),
    localAttention: chunkedAttention(r, base.layerCount),
    attentionSinks: false,
    denseFfnSize: denseLayerIndices.length > 0 ? r.int('intermediate_size_mlp') : null,
    moe: moeSet.size === 0 ? null : {
      routedExpertCount: r.int('num_local_experts'),
      expertsPerToken: r.int('num_experts_per_tok'),
      sharedExpertCount: 1,
      expertFfnSize,
      sharedExpertFfnSize: expertFfnSize,
      denseLayerIndices,
    },
    mtpModuleCount: 0,
  };
};
