import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../../src/core/hfConfig/index.js';
import { kvCacheShape } from '../../../src/core/model/kvCache.js';
import { DATE, fixtureObject } from './loadFixture.js';

const parseRaw = (config: unknown, fileName = 'x.config.json', id?: string) => modelFromHfConfig(config, { fileName, date: DATE, id });
const llama = fixtureObject('llama-3.1-8b');
const scoutText = fixtureObject('llama-4-scout').text_config as Record<string, unknown>;

describe('modelFromHfConfig ids and names', () => {
  it('options.id "my-llama" → id my-llama', () => {
    expect(parseRaw(llama, 'x.config.json', 'my-llama').id).toBe('my-llama');
  });
  it('_name_or_path "meta-llama/Llama-3.1-8B" → id llama-3.1-8b, name Llama-3.1-8B', () => {
    expect(parseRaw({ ...llama, _name_or_path: 'meta-llama/Llama-3.1-8B' })).toMatchObject({ id: 'llama-3.1-8b', name: 'Llama-3.1-8B' });
  });
  it('file models/Qwen3-8B/config.json → id qwen3-8b (the folder name)', () => {
    expect(parseRaw(fixtureObject('qwen3-8b'), 'models/Qwen3-8B/config.json')).toMatchObject({ id: 'qwen3-8b', name: 'Qwen3-8B' });
  });
  it('file C:\\cfg\\openai--gpt-oss-20b_config.json → id openai-gpt-oss-20b', () => {
    expect(parseRaw(fixtureObject('gpt-oss-20b'), 'C:\\cfg\\openai--gpt-oss-20b_config.json').id).toBe('openai-gpt-oss-20b');
  });
});

describe('modelFromHfConfig family variants', () => {
  it('deepseek_v32 with index_n_heads 64, index_head_dim 128, index_topk 2048 → indexer; bf16 KV 70,272 + 61 × 132 B', () => {
    const config = { ...fixtureObject('deepseek-v3'), model_type: 'deepseek_v32', index_n_heads: 64, index_head_dim: 128, index_topk: 2048 };
    const m = parseRaw(config);
    expect(m.attention).toMatchObject({ kind: 'mla', indexer: { headCount: 64, headDim: 128, topK: 2048 } });
    expect(kvCacheShape(m, 'bf16').growingBytesPerToken).toBeCloseTo(70_272 + 61 * 132, 6);
  });

  it('deepseek_v3 with moe_layer_freq 2, first_k_dense_replace 1 → dense layers 0 and every odd layer', () => {
    const m = parseRaw({ ...fixtureObject('deepseek-v3'), num_hidden_layers: 6, first_k_dense_replace: 1, moe_layer_freq: 2 });
    expect(m.moe?.denseLayerIndices).toEqual([0, 1, 3, 5]);
  });

  it('qwen3_moe with mlp_only_layers [0] and decoder_sparse_step 2 → dense 0, 2, 4 with intermediate_size', () => {
    const m = parseRaw({ ...fixtureObject('qwen3-30b-a3b'), num_hidden_layers: 6, mlp_only_layers: [0], decoder_sparse_step: 2 });
    expect(m.moe?.denseLayerIndices).toEqual([0, 2, 4]);
    expect(m.denseFfnSize).toBe(6144);
  });

  it('qwen3_moe shared_expert_intermediate_size 0 (Qwen3-Coder) → 0 shared experts', () => {
    expect(parseRaw({ ...fixtureObject('qwen3-30b-a3b'), shared_expert_intermediate_size: 0 }).moe?.sharedExpertCount).toBe(0);
  });

  it('qwen3 with use_sliding_window, sliding_window 4096, max_window_layers 34 → layers 34, 35 sliding', () => {
    const m = parseRaw({ ...fixtureObject('qwen3-8b'), use_sliding_window: true, sliding_window: 4096, max_window_layers: 34 });
    expect(m.localAttention).toEqual({ kind: 'sliding', windowTokens: 4096, layerIndices: [34, 35] });
  });

  it('gpt_oss without layer_types → transformers default: even layers sliding', () => {
    const { layer_types: _dropped, ...config } = fixtureObject('gpt-oss-20b');
    expect(parseRaw(config).localAttention?.layerIndices).toEqual(Array.from({ length: 12 }, (_, i) => 2 * i));
  });

  it('gpt_oss with only experts_per_token 4 → top-4', () => {
    const { num_experts_per_tok: _dropped, ...config } = fixtureObject('gpt-oss-20b');
    expect(parseRaw(config).moe?.expertsPerToken).toBe(4);
  });

  it('llama4 with interleave_moe_layer_step 2 (Maverick) → MoE on odd layers, dense even layers of intermediate_size_mlp', () => {
    const m = parseRaw({ model_type: 'llama4', text_config: { ...scoutText, num_local_experts: 128, interleave_moe_layer_step: 2 } });
    expect(m.moe?.denseLayerIndices).toEqual(Array.from({ length: 24 }, (_, i) => 2 * i));
    expect(m.denseFfnSize).toBe(16384);
  });

  it('llama4 with moe_layers [1] and no_rope_layers [1, 0, 1, 1] → dense 0, 2, 3; chunked 0, 2, 3', () => {
    const m = parseRaw({ model_type: 'llama4', text_config: { ...scoutText, num_hidden_layers: 4, moe_layers: [1], no_rope_layers: [1, 0, 1, 1] } });
    expect(m.moe?.denseLayerIndices).toEqual([0, 2, 3]);
    expect(m.localAttention?.layerIndices).toEqual([0, 2, 3]);
  });

  it('llama4 with attention_chunk_size null → no local attention', () => {
    expect(parseRaw({ model_type: 'llama4', text_config: { ...scoutText, attention_chunk_size: null } }).localAttention).toBeNull();
  });
});

describe('modelFromHfConfig weight precision', () => {
  it('llama torch_dtype float16 (Llama 2) → fp16 everywhere', () => {
    expect(parseRaw({ ...llama, torch_dtype: 'float16' }).nativeWeightPrecision).toEqual({ routedExperts: 'fp16', otherLinear: 'fp16', embeddings: 'fp16' });
  });

  it('fp8 with modules_to_not_convert of norms and gates (Qwen3-235B-FP8) → fp8 linear, bf16 embeddings', () => {
    const quantization_config = { quant_method: 'fp8', weight_block_size: [128, 128], modules_to_not_convert: ['lm_head', 'model.layers.0.post_attention_layernorm', 'model.layers.0.mlp.gate'] };
    expect(parseRaw({ ...fixtureObject('qwen3-30b-a3b'), quantization_config }).nativeWeightPrecision).toEqual({ routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' });
  });

  it('outer modelopt NVFP4 with self_attn ignored (nvidia/Kimi-K2.5-NVFP4) → routed nvfp4, other bf16', () => {
    const k = fixtureObject('kimi-k2.5');
    const { quantization_config: _dropped, ...text } = k.text_config as Record<string, unknown>;
    const quantization_config = { quant_method: 'modelopt', quant_algo: 'NVFP4', ignore: ['language_model.lm_head', 'language_model.model.layers.0.self_attn*'] };
    expect(parseRaw({ ...k, quantization_config, text_config: text }).nativeWeightPrecision).toEqual({ routedExperts: 'nvfp4', otherLinear: 'bf16', embeddings: 'bf16' });
  });

  it('compressed-tensors float 8 without ignore → fp8 on all linear layers', () => {
    const quantization_config = { quant_method: 'compressed-tensors', config_groups: { group_0: { weights: { num_bits: 8, type: 'float' } } } };
    expect(parseRaw({ ...llama, quantization_config }).nativeWeightPrecision).toEqual({ routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' });
  });
});
