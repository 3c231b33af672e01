import { describe, expect, it } from 'vitest';
import { modelFromHfConfig } from '../../../src/core/hfConfig/index.js';
import { kvCacheShape } from '../../../src/core/model/kvCache.js';
import { countParameters } from '../../../src/core/model/parameters.js';
import { DATE, loadFixture } from './loadFixture.js';

function parse(name: string) {
  const { config, fileName } = loadFixture(name);
  return modelFromHfConfig(config, { fileName, date: DATE });
}

/** Relative distance of `actual` from `expected`. */
const off = (actual: number, expected: number) => Math.abs(actual / expected - 1);

interface Case {
  readonly fixture: string;
  readonly layers: number;
  readonly hidden: number;
  /** Published total and active parameters, the tolerance, and whether active counts the input embedding. */
  readonly total: number;
  readonly active: number;
  readonly activeWithEmbedding: boolean;
  readonly tolerance: number;
  /** KV bytes per token at bf16: growing, windowed. */
  readonly kv: readonly [number, number];
}

// Published sizes: model cards (Llama 3.1 8.03B, Mixtral 46.7B/12.9B, Qwen3 30.5B/3.3B and 8.2B,
// DeepSeek-V3 671B/37B, Kimi K2 1.026T computed/32B, gpt-oss 20.9B/3.6B, GLM-4.6 355B/32B,
// MiniMax-M2 230B/10B, Llama 4 Scout 109B/17B including its vision encoder).
const CASES: readonly Case[] = [
  { fixture: 'llama-3.1-8b', layers: 32, hidden: 4096, total: 8.03e9, active: 8.03e9, activeWithEmbedding: true, tolerance: 0.01, kv: [131_072, 0] },
  { fixture: 'mixtral-8x7b', layers: 32, hidden: 4096, total: 46.7e9, active: 12.9e9, activeWithEmbedding: true, tolerance: 0.01, kv: [131_072, 0] },
  { fixture: 'qwen3-30b-a3b', layers: 48, hidden: 2048, total: 30.5e9, active: 3.3e9, activeWithEmbedding: true, tolerance: 0.02, kv: [98_304, 0] },
  { fixture: 'qwen3-8b', layers: 36, hidden: 4096, total: 8.2e9, active: 8.2e9, activeWithEmbedding: true, tolerance: 0.01, kv: [147_456, 0] },
  { fixture: 'deepseek-v3', layers: 61, hidden: 7168, total: 671.0e9, active: 37e9, activeWithEmbedding: false, tolerance: 0.02, kv: [70_272, 0] },
  { fixture: 'kimi-k2.5', layers: 61, hidden: 7168, total: 1.026e12, active: 32e9, activeWithEmbedding: false, tolerance: 0.02, kv: [70_272, 0] },
  { fixture: 'gpt-oss-20b', layers: 24, hidden: 2880, total: 20.9e9, active: 3.6e9, activeWithEmbedding: false, tolerance: 0.01, kv: [24_576, 24_576] },
  { fixture: 'glm-4.6', layers: 92, hidden: 5120, total: 355e9, active: 32e9, activeWithEmbedding: false, tolerance: 0.03, kv: [376_832, 0] },
  { fixture: 'minimax-m2', layers: 62, hidden: 3072, total: 230e9, active: 10e9, activeWithEmbedding: false, tolerance: 0.05, kv: [253_952, 0] },
  { fixture: 'llama-4-scout', layers: 48, hidden: 5120, total: 109e9, active: 17e9, activeWithEmbedding: true, tolerance: 0.02, kv: [49_152, 147_456] },
];

describe('modelFromHfConfig(fixture) against published figures', () => {
  it.each(CASES)('modelFromHfConfig($fixture) → $layers layers × $hidden, total ≈ $total, active ≈ $active, KV $kv B/token', (c) => {
    const model = parse(c.fixture);
    expect([model.layerCount, model.hiddenSize]).toEqual([c.layers, c.hidden]);
    const p = countParameters(model);
    expect(off(p.total, c.total)).toBeLessThan(c.tolerance);
    expect(off(p.active + (c.activeWithEmbedding ? p.inputEmbedding : 0), c.active)).toBeLessThan(c.tolerance);
    const kv = kvCacheShape(model, 'bf16');
    expect([kv.growingBytesPerToken, kv.windowedBytesPerToken]).toEqual(c.kv);
  });
});

describe('modelFromHfConfig(fixture) key fields', () => {
  it('deepseek-v3 → MLA 512 + 64, 256 experts top-8 + 1 shared, dense layers 0-2, 1 MTP, fp8 linear, 163840 ctx', () => {
    const m = parse('deepseek-v3');
    expect(m).toMatchObject({ id: 'deepseek-v3', name: 'deepseek-v3', family: 'deepseek_v3', denseFfnSize: 18432, mtpModuleCount: 1, maxContextTokens: 163840, published: null });
    expect(m.attention).toEqual({ kind: 'mla', queryHeadCount: 128, qLoraRank: 1536, kvLoraRank: 512, qkNopeHeadDim: 128, qkRopeHeadDim: 64, vHeadDim: 128, indexer: null });
    expect(m.moe).toEqual({ routedExpertCount: 256, expertsPerToken: 8, sharedExpertCount: 1, expertFfnSize: 2048, sharedExpertFfnSize: 2048, denseLayerIndices: [0, 1, 2] });
    expect(m.nativeWeightPrecision).toEqual({ routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' });
    expect(m.source).toEqual({ url: loadFixture('deepseek-v3').fileName, date: DATE });
  });

  it('kimi-k2.5 (text_config, compressed-tensors int4) → family kimi_k2, 384 experts, dense layer 0, routed int4 / rest bf16', () => {
    const m = parse('kimi-k2.5');
    expect(m).toMatchObject({ id: 'kimi-k2.5', family: 'kimi_k2', mtpModuleCount: 0, maxContextTokens: 262144, tiedEmbeddings: false });
    expect(m.moe).toMatchObject({ routedExpertCount: 384, sharedExpertCount: 1, denseLayerIndices: [0] });
    expect(m.nativeWeightPrecision).toEqual({ routedExperts: 'int4', otherLinear: 'bf16', embeddings: 'bf16' });
  });

  it('gpt-oss-20b → sinks, 12 sliding layers (even indices) at 128, no dense FFN, experts mxfp4 / rest bf16', () => {
    const m = parse('gpt-oss-20b');
    expect(m).toMatchObject({ attentionSinks: true, denseFfnSize: null, attention: { kind: 'gqa', queryHeadCount: 64, kvHeadCount: 8, headDim: 64 } });
    expect(m.localAttention).toEqual({ kind: 'sliding', windowTokens: 128, layerIndices: Array.from({ length: 12 }, (_, i) => 2 * i) });
    expect(m.moe).toMatchObject({ routedExpertCount: 32, expertsPerToken: 4, sharedExpertCount: 0, expertFfnSize: 2880 });
    expect(m.nativeWeightPrecision).toEqual({ routedExperts: 'mxfp4', otherLinear: 'bf16', embeddings: 'bf16' });
  });

  it('qwen3-30b-a3b → head_dim 128 (not 2048/32), every layer MoE, denseFfnSize null (intermediate_size unused)', () => {
    const m = parse('qwen3-30b-a3b');
    expect(m.attention).toEqual({ kind: 'gqa', queryHeadCount: 32, kvHeadCount: 4, headDim: 128 });
    expect(m).toMatchObject({ denseFfnSize: null, localAttention: null, moe: { routedExpertCount: 128, expertsPerToken: 8, sharedExpertCount: 0, expertFfnSize: 768, denseLayerIndices: [] } });
  });

  it('qwen3-8b → dense, 32 / 8 heads of 128, FFN 12288, untied, bf16', () => {
    const m = parse('qwen3-8b');
    expect(m).toMatchObject({ family: 'qwen3', moe: null, denseFfnSize: 12288, tiedEmbeddings: false, vocabSize: 151936, attention: { headDim: 128, kvHeadCount: 8 } });
    expect(m.nativeWeightPrecision).toEqual({ routedExperts: 'bf16', otherLinear: 'bf16', embeddings: 'bf16' });
  });

  it('llama-3.1-8b → head_dim derived 4096/32 = 128, no MoE, 131072 ctx', () => {
    expect(parse('llama-3.1-8b')).toMatchObject({ attention: { kind: 'gqa', queryHeadCount: 32, kvHeadCount: 8, headDim: 128 }, moe: null, denseFfnSize: 14336, maxContextTokens: 131072 });
  });

  it('mixtral-8x7b → 8 experts of 14336 (intermediate_size per expert), top-2, sliding_window null → full attention', () => {
    expect(parse('mixtral-8x7b')).toMatchObject({ denseFfnSize: null, localAttention: null, moe: { routedExpertCount: 8, expertsPerToken: 2, expertFfnSize: 14336, sharedExpertCount: 0 } });
  });

  it('glm-4.6 → GQA 96 / 8 × 128, 160 experts + 1 shared of 1536, dense layers 0-2 of 12288, 1 MTP', () => {
    const m = parse('glm-4.6');
    expect(m).toMatchObject({ family: 'glm4_moe', denseFfnSize: 12288, mtpModuleCount: 1, attention: { queryHeadCount: 96, kvHeadCount: 8, headDim: 128 } });
    expect(m.moe).toEqual({ routedExpertCount: 160, expertsPerToken: 8, sharedExpertCount: 1, expertFfnSize: 1536, sharedExpertFfnSize: 1536, denseLayerIndices: [0, 1, 2] });
  });

  it('minimax-m2 → 256 experts of 1536, shared size 0 → no shared expert, 3 MTP modules, fp8', () => {
    const m = parse('minimax-m2');
    expect(m).toMatchObject({ mtpModuleCount: 3, moe: { routedExpertCount: 256, sharedExpertCount: 0, sharedExpertFfnSize: 0, expertFfnSize: 1536 } });
    expect(m.nativeWeightPrecision).toEqual({ routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' });
  });

  it('llama-4-scout (text_config) → 16 experts + 1 shared of 8192, all MoE, chunked 8192 on 36 layers (every 4th global)', () => {
    const m = parse('llama-4-scout');
    expect(m).toMatchObject({ family: 'llama4_text', denseFfnSize: null, maxContextTokens: 10485760 });
    expect(m.moe).toEqual({ routedExpertCount: 16, expertsPerToken: 1, sharedExpertCount: 1, expertFfnSize: 8192, sharedExpertFfnSize: 8192, denseLayerIndices: [] });
    expect(m.localAttention?.layerIndices).toHaveLength(36);
    expect(m.localAttention?.layerIndices).not.toContain(3);
    expect(m.localAttention).toMatchObject({ kind: 'chunked', windowTokens: 8192 });
  });
});
