import { describe, it, expect } from 'vitest';
import { MODELS, type CatalogModel } from '../../../src/core/catalog/models.js';
import { kvCacheBytesPerSequence, kvCacheBytesPerToken, kvCacheShape } from '../../../src/core/model/kvCache.js';

function model(id: string): CatalogModel {
  const m = MODELS.find((x) => x.id === id);
  if (m === undefined) throw new Error(`no catalog model ${id}`);
  return m;
}

describe('KV cache of a GQA model', () => {
  it('kvCacheShape(llama-3.1-405b, bf16) grows 516,096 B per token (DeepSeek-V2 paper: 516 KB)', () => {
    // 2 (K and V) * 8 KV heads * 128 head dim * 126 layers * 2 B = 516,096 B.
    const shape = kvCacheShape(model('llama-3.1-405b'), 'bf16');
    expect(shape.growingBytesPerToken).toBe(516_096);
    expect(shape.windowedBytesPerToken).toBe(0);
    expect(shape.fullLayerCount).toBe(126);
    expect(shape.windowedLayerCount).toBe(0);
  });

  it('kvCacheBytesPerToken(llama-3.1-405b, bf16) is 516,096 at any context length', () => {
    const shape = kvCacheShape(model('llama-3.1-405b'), 'bf16');
    expect(kvCacheBytesPerToken(shape, 1)).toBe(516_096);
    expect(kvCacheBytesPerToken(shape, 131_072)).toBe(516_096);
    expect(kvCacheBytesPerSequence(shape, 8_192)).toBe(516_096 * 8_192);
  });
});

describe('KV cache of an MLA model', () => {
  it('kvCacheShape(deepseek-v3, bf16) grows 70,272 B per token (latent 512 + RoPE key 64, 61 layers)', () => {
    // (512 + 64) * 61 layers * 2 B = 70,272 B; the head count does not enter.
    const shape = kvCacheShape(model('deepseek-v3'), 'bf16');
    expect(shape.growingBytesPerToken).toBe(70_272);
    expect(shape.windowedBytesPerToken).toBe(0);
  });

  it('kvCacheShape(deepseek-v3, fp8) halves it to 35,136 B per token', () => {
    expect(kvCacheShape(model('deepseek-v3'), 'fp8').growingBytesPerToken).toBe(35_136);
  });

  it('kvCacheShape(deepseek-v3.2, bf16) adds the indexer key: 70,272 + 61 * 128 * 132/128 = 78,324 B per token', () => {
    // The lightning indexer caches a 128-element fp8 key plus an fp32 scale per 128 in every layer.
    expect(kvCacheShape(model('deepseek-v3.2'), 'bf16').growingBytesPerToken).toBe(70_272 + 61 * 132);
  });
});

describe('KV cache of a sliding-window model', () => {
  it('kvCacheShape(gpt-oss-120b, bf16) grows 36,864 B per token over 18 full layers and 36,864 B for at most 128 tokens over 18 sliding ones', () => {
    // Per layer: 2 * 8 KV heads * 64 head dim * 2 B = 2,048 B; * 18 layers = 36,864 B.
    const shape = kvCacheShape(model('gpt-oss-120b'), 'bf16');
    expect(shape.fullLayerCount).toBe(18);
    expect(shape.windowedLayerCount).toBe(18);
    expect(shape.growingBytesPerToken).toBe(36_864);
    expect(shape.windowedBytesPerToken).toBe(36_864);
    expect(shape.windowTokens).toBe(128);
  });

  it('kvCacheBytesPerSequence(gpt-oss-120b, bf16, 8,192 tokens) is 36,864 * 8,192 + 36,864 * 128 = 306,708,480 B', () => {
    const shape = kvCacheShape(model('gpt-oss-120b'), 'bf16');
    expect(kvCacheBytesPerSequence(shape, 8_192)).toBe(36_864 * 8_192 + 36_864 * 128);
    expect(kvCacheBytesPerSequence(shape, 8_192)).toBe(306_708_480);
    expect(kvCacheBytesPerToken(shape, 8_192)).toBe(37_440);
  });

  it('kvCacheBytesPerSequence(gpt-oss-120b, bf16) counts every layer in full below the 128-token window', () => {
    const shape = kvCacheShape(model('gpt-oss-120b'), 'bf16');
    expect(kvCacheBytesPerSequence(shape, 100)).toBe(73_728 * 100);
  });

  it('kvCacheShape(gpt-oss-120b, bf16, layers 0..17) splits a pipeline stage into 9 full and 9 sliding layers', () => {
    const shape = kvCacheShape(model('gpt-oss-120b'), 'bf16', Array.from({ length: 18 }, (_, i) => i));
    expect(shape.fullLayerCount).toBe(9);
    expect(shape.windowedLayerCount).toBe(9);
    expect(shape.growingBytesPerToken).toBe(18_432);
  });
});

describe('KV cache of a chunked-attention model', () => {
  it('kvCacheShape(llama-4-scout, bf16) grows over the 12 global layers and caps the 36 chunked ones at 8,192 tokens', () => {
    // Per layer: 2 * 8 KV heads * 128 head dim * 2 B = 4,096 B.
    const shape = kvCacheShape(model('llama-4-scout'), 'bf16');
    expect(shape.fullLayerCount).toBe(12);
    expect(shape.windowedLayerCount).toBe(36);
    expect(shape.growingBytesPerToken).toBe(12 * 4_096);
    expect(shape.windowedBytesPerToken).toBe(36 * 4_096);
    expect(shape.windowTokens).toBe(8_192);
  });

  it('kvCacheBytesPerSequence(llama-4-maverick, bf16) is 196,608 B per token up to 8,192 tokens, then only the global layers grow', () => {
    const shape = kvCacheShape(model('llama-4-maverick'), 'bf16');
    expect(kvCacheBytesPerSequence(shape, 8_192)).toBe(196_608 * 8_192);
    expect(kvCacheBytesPerSequence(shape, 1_048_576)).toBe(49_152 * 1_048_576 + 147_456 * 8_192);
  });

  it('llama-4 global (NoPE) layers are every 4th layer: 3, 7, ..., 47', () => {
    for (const id of ['llama-4-scout', 'llama-4-maverick']) {
      const local = model(id).localAttention;
      expect(local?.kind).toBe('chunked');
      const global = Array.from({ length: 48 }, (_, i) => i).filter((i) => !(local?.layerIndices ?? []).includes(i));
      expect(global).toEqual([3, 7, 11, 15, 19, 23, 27, 31, 35, 39, 43, 47]);
    }
  });
});
