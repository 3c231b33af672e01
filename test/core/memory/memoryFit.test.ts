import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { InputError } from '../../../src/core/errors.js';
import { resolveLayout } from '../../../src/core/memory/layout.js';
import { memoryFit } from '../../../src/core/memory/memoryFit.js';
import { smallestFittingGpuCount } from '../../../src/core/memory/smallestFit.js';
import { stageLayerIndices } from '../../../src/core/memory/weightBytes.js';
import { GB } from '../../../src/core/units.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);

describe('resolveLayout', () => {
  it('resolveLayout(llama-3.1-70b, 8, {tp: 2}) is 4 replicas of TP2', () => {
    const l = resolveLayout(model('llama-3.1-70b'), 8, { tp: 2 });
    expect(l).toMatchObject({ tp: 2, pp: 1, ep: 1, replicas: 4, attentionTp: 2, attentionDp: 1, moeTp: 2 });
  });
  it('resolveLayout(deepseek-v3, 16, {pp: 2, ep: 8, dpAttention}) runs attention data-parallel over 8 GPUs per stage', () => {
    const l = resolveLayout(model('deepseek-v3'), 16, { pp: 2, ep: 8, dpAttention: true });
    expect(l).toMatchObject({ tp: 8, pp: 2, ep: 8, attentionTp: 1, attentionDp: 8, moeTp: 1, replicas: 1 });
  });
  it('throws an InputError naming --ep when ep does not divide tp', () => {
    expect(() => resolveLayout(model('deepseek-v3'), 8, { ep: 3 })).toThrow(InputError);
    expect(() => resolveLayout(model('deepseek-v3'), 8, { ep: 3 })).toThrow(/--ep: 3/);
  });
});

describe('stageLayerIndices', () => {
  it('stageLayerIndices(61, 4) splits 61 layers 16, 15, 15, 15 with none lost', () => {
    const stages = stageLayerIndices(61, 4);
    expect(stages.map((s) => s.length)).toEqual([16, 15, 15, 15]);
    expect(stages.flat()).toEqual(Array.from({ length: 61 }, (_, i) => i));
  });
});

describe('memoryFit', () => {
  it('llama-3.1-8b bf16 on one h100-sxm: 16.06 GB of weights, 131,072 KV bytes per token', () => {
    const f = memoryFit(model('llama-3.1-8b'), gpu('h100-sxm'), 1);
    expect(f.weightBytesPerGpu / GB).toBeCloseTo(16.06, 1);
    expect(f.kvCacheBytesPerToken).toBe(131072);
    expect(f.fits).toBe(true);
  });
  it('GQA KV heads split over TP: llama-3.1-70b at TP 8 keeps 1/8 of each token per GPU', () => {
    const f = memoryFit(model('llama-3.1-70b'), gpu('h100-sxm'), 8);
    expect(f.kvCacheBytesPerToken).toBe(327680);
    expect(f.kvCacheBytesPerTokenPerGpu).toBe(327680 / 8);
  });
  it('pipeline stages split the cache by layers: llama-3.1-70b at PP 2 keeps 40 of 80 layers per GPU', () => {
    const f = memoryFit(model('llama-3.1-70b'), gpu('h200'), 2, { tp: 1, pp: 2 });
    expect(f.kvCacheBytesPerTokenPerGpu).toBe(327680 / 2);
  });
  it('int4 routed experts (kimi-k2.5 native) take about 0.5625 B per expert weight', () => {
    const native = memoryFit(model('kimi-k2.5'), gpu('h200'), 8);
    const fp8 = memoryFit(model('kimi-k2.5'), gpu('h200'), 8, {}, { weightPrecision: 'fp8' });
    expect(native.weightBytesTotal).toBeLessThan(0.65 * fp8.weightBytesTotal);
    expect(native.weightBytesTotal / GB).toBeGreaterThan(550);
    expect(native.weightBytesTotal / GB).toBeLessThan(650);
  });
  it('smallestFittingGpuCount(llama-3.1-405b bf16, h100-sxm) is 12 as TP 4 × PP 3 (811 GB of weights, 67.6 GB a GPU)', () => {
    // 12 GPUs cannot run TP 12 or TP 6 (128 heads), but TP 4 × PP 3 divides them.
    const s = smallestFittingGpuCount(model('llama-3.1-405b'), gpu('h100-sxm'), {});
    expect(s?.gpus).toBe(12);
    expect(s?.layout).toMatchObject({ tp: 4, pp: 3 });
  });
  it('replicas multiply sequences exactly', () => {
    const one = memoryFit(model('llama-3.1-8b'), gpu('h100-sxm'), 1);
    const four = memoryFit(model('llama-3.1-8b'), gpu('h100-sxm'), 4, { tp: 1 });
    expect(four.maxConcurrentSequences).toBe(4 * one.maxConcurrentSequences);
  });
});

describe('memoryFit invariants (generated inputs)', () => {
  const ids = MODELS.map((m) => m.id);
  const gpuIds = ACCELERATORS.map((a) => a.id);
  const setup = fc.record({
    modelId: fc.constantFrom(...ids),
    gpuId: fc.constantFrom(...gpuIds),
    gpus: fc.constantFrom(1, 2, 4, 8, 16),
    contextTokens: fc.integer({ min: 1, max: 300_000 }),
    dpAttention: fc.boolean(),
  });
  const tryFit = (...args: Parameters<typeof memoryFit>) => {
    try {
      return memoryFit(...args);
    } catch (e) {
      if (e instanceof InputError) return null; // an impossible layout for this model
      throw e;
    }
  };

  it('more HBM never holds fewer sequences', () => {
    fc.assert(fc.property(setup, fc.double({ min: 1, max: 4, noNaN: true }), (s, scale) => {
      const g = gpu(s.gpuId);
      const a = tryFit(model(s.modelId), g, s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens });
      const b = tryFit(model(s.modelId), { ...g, hbmBytes: g.hbmBytes * scale }, s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens });
      if (a === null || b === null) return;
      expect(b.maxConcurrentSequences).toBeGreaterThanOrEqual(a.maxConcurrentSequences);
      expect(b.freeBytesPerGpu).toBeGreaterThanOrEqual(a.freeBytesPerGpu);
    }), { numRuns: 200 });
  });

  it('a longer context never holds more sequences, and an fp8 cache never fewer than bf16', () => {
    fc.assert(fc.property(setup, fc.integer({ min: 1, max: 100_000 }), (s, more) => {
      const m = model(s.modelId);
      const g = gpu(s.gpuId);
      const base = tryFit(m, g, s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens });
      const longer = tryFit(m, g, s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens + more });
      const fp8 = tryFit(m, g, s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens, kvPrecision: 'fp8' });
      if (base === null || longer === null || fp8 === null) return;
      expect(longer.maxConcurrentSequences).toBeLessThanOrEqual(base.maxConcurrentSequences);
      expect(fp8.maxConcurrentSequences).toBeGreaterThanOrEqual(base.maxConcurrentSequences);
      expect(fp8.kvCacheBytesPerToken).toBeLessThanOrEqual(base.kvCacheBytesPerToken);
    }), { numRuns: 200 });
  });

  it('every result is finite and fits means at least one sequence', () => {
    fc.assert(fc.property(setup, (s) => {
      const f = tryFit(model(s.modelId), gpu(s.gpuId), s.gpus, { dpAttention: s.dpAttention }, { contextTokens: s.contextTokens });
      if (f === null) return;
      for (const v of [f.weightBytesPerGpu, f.freeBytesPerGpu, f.kvCacheBytesPerToken, f.kvCacheBytesPerTokenPerGpu, f.maxKvTokensPerGpu, f.maxConcurrentSequences]) {
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(f.fits).toBe(f.maxConcurrentSequences >= 1);
      expect(f.shortfallBytesPerGpu).toBeGreaterThanOrEqual(0);
    }), { numRuns: 200 });
  });
});
