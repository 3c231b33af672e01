import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { disaggregated } from '../../../src/core/perf/disaggregated.js';
import { aggregated, decodeOnly, prefillOnly, type Workload } from '../../../src/core/perf/serving.js';
import { tokensPerVerifyStep, type Speculation } from '../../../src/core/perf/speculation.js';
import { decodeStep, prefillStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);
const rel = (a: number, b: number) => Math.abs(a / b - 1);

const llama8b = buildPerfContext({ model: model('llama-3.1-8b'), gpu: gpu('h100-sxm'), gpus: 1 });
const deepseek = buildPerfContext({ model: model('deepseek-v3'), gpu: gpu('h200'), gpus: 8 });
const mtp: Speculation = { method: 'mtp', draftTokens: 1, acceptanceRate: 0.85 };

describe('decodeOnly', () => {
  it('decodeOnly(llama-3.1-70b, TP 4 on 8 h100-sxm, 32 seqs) gives 32 / TPOT / 4 tokens/s per GPU: per-GPU divides by the instance, not the 2 replicas', () => {
    const ctx = buildPerfContext({ model: model('llama-3.1-70b'), gpu: gpu('h100-sxm'), gpus: 8, layout: { tp: 4 } });
    expect(ctx.layout).toMatchObject({ gpusPerInstance: 4, replicas: 2 });
    const p = decodeOnly(ctx, 32, 2000);
    expect(p.tpotSeconds).toBe(stepTime(ctx, decodeStep(32, 2000)).stepSeconds);
    expect(p.outputTokensPerSecondPerGpu).toBeCloseTo(32 / p.tpotSeconds / 4, 9);
    expect(p.tokensPerSecondPerUser).toBeCloseTo(1 / p.tpotSeconds, 9);
    expect(p.inputTokensPerSecondPerGpu).toBe(0);
  });
});

describe('speculative decoding', () => {
  it('tokensPerVerifyStep(null) is 1, one draft at 0.85 is 1.85, three at 0.8 is 1 + 0.8 + 0.64 + 0.512 = 2.952', () => {
    expect(tokensPerVerifyStep(null)).toBe(1);
    expect(tokensPerVerifyStep(mtp)).toBeCloseTo(1.85, 12);
    expect(tokensPerVerifyStep({ method: 'eagle', draftTokens: 3, acceptanceRate: 0.8 })).toBeCloseTo(2.952, 12);
  });

  it('tokensPerVerifyStep is the geometric sum (1 − a^(n+1)) / (1 − a): above 1, at most 1 + n, rising with n', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 0.99, noNaN: true }), (n, a) => {
      const s = tokensPerVerifyStep({ method: 'mtp', draftTokens: n, acceptanceRate: a });
      expect(s).toBeCloseTo((1 - Math.pow(a, n + 1)) / (1 - a), 9);
      expect(s).toBeGreaterThanOrEqual(1);
      expect(s).toBeLessThanOrEqual(1 + n);
      expect(tokensPerVerifyStep({ method: 'mtp', draftTokens: n + 1, acceptanceRate: a })).toBeGreaterThanOrEqual(s);
    }), { numRuns: 100, seed: 20_261_127 });
  });

  it('decodeOnly(deepseek-v3 on 8 h200, 1 seq, MTP 1 at 0.85) is faster per user: TPOT = step(2 tokens) × (1 + 1/61) / 1.85', () => {
    // Batch-1 decode is weight-bound, so verifying 2 tokens costs about one step; the MTP head adds
    // a 62nd layer's worth (1/61) and the step emits 1.85 tokens on average.
    const plain = decodeOnly(deepseek, 1, 4000);
    const spec = decodeOnly(deepseek, 1, 4000, mtp);
    const verify = stepTime(deepseek, decodeStep(1, 4000, 2)).stepSeconds;
    expect(spec.tpotSeconds).toBeCloseTo((verify * (1 + 1 / 61)) / 1.85, 12);
    expect(spec.tokensPerSecondPerUser).toBeGreaterThan(1.4 * plain.tokensPerSecondPerUser);
  });
});

describe('prefix cache', () => {
  const miss: Workload = { inputTokens: 4000, outputTokens: 500, prefixCacheHitRate: 0 };
  const half: Workload = { ...miss, prefixCacheHitRate: 0.5 };

  it('prefillOnly(llama-3.1-8b, 4 prompts of 4,000, hit rate 0.5) counts all 16,000 input tokens over a step that computes 8,000', () => {
    const p = prefillOnly(llama8b, 4, half);
    const step = stepTime(llama8b, prefillStep(4, 2000, 2000)).stepSeconds;
    expect(p.inputTokensPerSecondPerGpu).toBeCloseTo((4 * 4000) / step, 6);
    expect(p.ttftSeconds).toBe(step);
  });

  it('prefillOnly input throughput rises with a 0.5 prefix hit rate (compute-bound prefill: about 1.9× for 4,000-token prompts)', () => {
    const cold = prefillOnly(llama8b, 4, miss).inputTokensPerSecondPerGpu;
    const warm = prefillOnly(llama8b, 4, half).inputTokensPerSecondPerGpu;
    expect(warm).toBeGreaterThan(1.5 * cold);
    expect(warm).toBeLessThan(2 * cold);
  });

  it('aggregated(llama-3.1-8b, 8 requests) has a lower TTFT with a 0.5 prefix hit rate', () => {
    expect(aggregated(llama8b, 8, half).ttftSeconds).toBeLessThan(aggregated(llama8b, 8, miss).ttftSeconds);
    expect(aggregated(llama8b, 1, half).ttftSeconds).toBeLessThan(aggregated(llama8b, 1, miss).ttftSeconds);
  });
});

describe('aggregated', () => {
  const workload: Workload = { inputTokens: 4000, outputTokens: 500, prefixCacheHitRate: 0 };

  it.each([
    ['llama-3.1-8b on 1 h100-sxm', llama8b],
    ['deepseek-v3 on 8 h200', deepseek],
  ] as const)('aggregated(%s, concurrency 1) has the TPOT of decodeOnly at batch 1 and context I + O/2, within 3%%', (_, ctx) => {
    const agg = aggregated(ctx, 1, workload);
    const alone = decodeOnly(ctx, 1, workload.inputTokens + workload.outputTokens / 2);
    expect(rel(agg.tpotSeconds, alone.tpotSeconds)).toBeLessThan(0.03);
    expect(agg.ttftSeconds).toBeGreaterThan(0);
  });
});

describe('disaggregated', () => {
  const workload: Workload = { inputTokens: 2000, outputTokens: 400, prefixCacheHitRate: 0.2 };

  it('disaggregated output per GPU never exceeds what its decode pool alone gives with every request decoding', () => {
    const l70 = buildPerfContext({ model: model('llama-3.1-70b'), gpu: gpu('h100-sxm'), gpus: 8 });
    const setups = [
      { pools: { prefill: llama8b, decode: llama8b }, ctx: llama8b },
      { pools: { prefill: l70, decode: l70 }, ctx: l70 },
      { pools: { prefill: deepseek, decode: deepseek }, ctx: deepseek },
    ];
    fc.assert(fc.property(
      fc.nat(setups.length - 1), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 2048 }), fc.boolean(),
      (i, prefillInstances, decodeInstances, concurrency, speculate) => {
        const { pools, ctx } = setups[i]!;
        const n = ctx.layout.gpusPerInstance;
        const spec = speculate ? mtp : null;
        const d = disaggregated({ ...pools, prefillGpus: prefillInstances * n, decodeGpus: decodeInstances * n }, concurrency, workload, spec);
        // The decode pool alone, all `concurrency` requests decoding at once, I + O/2 tokens of context.
        const alone = decodeOnly(ctx, concurrency / decodeInstances, workload.inputTokens + workload.outputTokens / 2, spec);
        const gpus = (prefillInstances + decodeInstances) * n;
        expect(d.outputTokensPerSecondPerGpu * gpus).toBeLessThanOrEqual(alone.outputTokensPerSecondPerGpu * decodeInstances * n * (1 + 1e-9));
        expect(d.outputTokensPerSecondPerGpu).toBeLessThanOrEqual(alone.outputTokensPerSecondPerGpu * (1 + 1e-9));
        expect(d.outputTokensPerSecondPerGpu).toBeGreaterThan(0);
        expect(d.sequencesPerInstance * decodeInstances).toBeLessThanOrEqual(concurrency * (1 + 1e-9));
      },
    ), { numRuns: 100, seed: 20_261_127 });
  });

  // A lightly loaded prefill pool computes a prompt alone: TTFT is its own prefill plus the request
  // overhead and KV transfer, not a full 8-prompt budget step (173 ms, as an earlier version had it).
  it('disaggregated(llama-3.1-8b, 1 + 1 h100-sxm, concurrency 1, 1,000 in) prefills its one prompt alone: TTFT under a 2-prompt step + overhead (96 ms), not 173 ms', () => {
    const d = disaggregated({ prefill: llama8b, decode: llama8b, prefillGpus: 1, decodeGpus: 1 }, 1, { inputTokens: 1000, outputTokens: 100, prefixCacheHitRate: 0 });
    expect(d.ttftSeconds).toBeLessThan(stepTime(llama8b, prefillStep(2, 1000)).stepSeconds + llama8b.framework.requestOverheadSeconds);
  });

  // Like aggregated, disaggregated TTFT pays framework.requestOverheadSeconds (HTTP, tokenizing).
  it('disaggregated(llama-3.1-8b, concurrency 1, one 16,000-token prompt a step) TTFT includes the 50 ms request overhead, as aggregated does', () => {
    const d = disaggregated({ prefill: llama8b, decode: llama8b, prefillGpus: 1, decodeGpus: 1 }, 1, { inputTokens: 16_000, outputTokens: 100, prefixCacheHitRate: 0 });
    const prefill = stepTime(llama8b, prefillStep(1, 16_000)).stepSeconds;
    expect(d.ttftSeconds).toBeGreaterThanOrEqual(prefill + llama8b.framework.requestOverheadSeconds);
  });
});
