import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { buildPerfContext, maxSequencesPerInstance } from '../../../src/core/perf/buildContext.js';
import { allReduceSeconds, PCIE_COLLECTIVE_EFFICIENCY } from '../../../src/core/perf/communication.js';
import { disaggregated } from '../../../src/core/perf/disaggregated.js';
import { engineLimits } from '../../../src/core/perf/engineLimits.js';
import { poissonArrivals, requestLengths, simulateEngine } from '../../../src/core/perf/engineSimulation.js';
import { MAX_PREFILL_SPLITS, prefillPoolSizes, throughputFrontier } from '../../../src/core/perf/frontier.js';
import { divisors } from '../../../src/core/divisors.js';
import { aggregated, closedLoop } from '../../../src/core/perf/serving.js';
import { expertLoadImbalance } from '../../../src/core/perf/moeLayerCost.js';
import { rooflineSeconds } from '../../../src/core/perf/roofline.js';
import { decodeStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);

describe('step model v2', () => {
  it('rooflineSeconds is max(c, m) far from the ridge and 2^¼ = 1.19 × it where c = m', () => {
    expect(rooflineSeconds(1, 0.01) / 1).toBeCloseTo(1, 6);
    expect(rooflineSeconds(1, 1)).toBeCloseTo(Math.pow(2, 0.25), 12);
    expect(rooflineSeconds(0, 0)).toBe(0);
  });

  it('expertLoadImbalance(8, 256, 0.1) = 1 + 0.1 + √(2 ln 8 / 32) = 1.610; 1 without EP', () => {
    expect(expertLoadImbalance(8, 256, 0.1)).toBeCloseTo(1.1 + Math.sqrt((2 * Math.log(8)) / 32), 12);
    expect(expertLoadImbalance(1, 256, 0.1)).toBe(1);
    // More tokens spread the load more evenly.
    expect(expertLoadImbalance(64, 1e6, 0.1)).toBeLessThan(expertLoadImbalance(64, 1e3, 0.1));
  });

  it('a TP all-reduce on PCIe cards (L40S, no NIC in the catalog) goes at what NCCL reaches over PCIe, not a 4 GB/s guess', () => {
    const l40s = gpu('l40s');
    const ctx = buildPerfContext({ model: model('llama-3.1-70b'), gpu: l40s, gpus: 4, weightPrecision: 'fp8' });
    const bytes = 64e6;
    const seconds = allReduceSeconds(l40s, ctx.hardware, 4, bytes);
    // 2·3/4 × 64 MB over 32 GB/s × 0.55 (NCCL among 4 GPUs of a PCIe host): 5.5 ms, not the 24 ms a 4 GB/s link would take.
    const expected = ((2 * 3) / 4) * bytes / (l40s.scaleUpBandwidthBytesPerSecondPerDirection * PCIE_COLLECTIVE_EFFICIENCY.upToFourGpus);
    expect(seconds).toBeGreaterThan(expected);
    expect(seconds).toBeLessThan(expected * 1.1);
    // Eight PCIe GPUs reach less of the link than four (0.44 against 0.55): the same bytes take longer per byte.
    const eight = allReduceSeconds(l40s, ctx.hardware, 8, bytes);
    expect(eight).toBeGreaterThan(((2 * 7) / 8) * bytes / (l40s.scaleUpBandwidthBytesPerSecondPerDirection * PCIE_COLLECTIVE_EFFICIENCY.moreGpus));
  });

  it('a MoE step pays its per-MoE-layer overhead: deepseek-v3 on 8 h200 at batch 1 has 58 × moeLayerOverheadSeconds in it', () => {
    const ctx = buildPerfContext({ model: model('deepseek-v3'), gpu: gpu('h200'), gpus: 8 });
    const t = stepTime(ctx, decodeStep(1, 1000));
    expect(t.overheadSeconds).toBeCloseTo(ctx.framework.stepOverheadSeconds + ctx.framework.sequenceOverheadSeconds + 58 * ctx.framework.moeLayerOverheadSeconds, 12);
  });
});

describe('engine limits', () => {
  it('vLLM runs 1,024 sequences and 8,192 tokens a step on an H200, 256 and 2,048 on an A100', () => {
    expect(engineLimits('vllm', gpu('h200'))).toMatchObject({ maxBatchSequences: 1024, maxBatchedTokens: 8192 });
    expect(engineLimits('vllm', gpu('a100-80gb'))).toMatchObject({ maxBatchSequences: 256, maxBatchedTokens: 2048 });
    expect(engineLimits('sglang', gpu('l40s')).maxBatchedTokens).toBe(4096);
  });

  it('trtllm-bench caps a whole instance at 4,096 sequences, shared by its attention-DP ranks', () => {
    const ctx = buildPerfContext({ model: model('qwen3-235b-a22b'), gpu: gpu('h200'), gpus: 8, framework: 'trtllm', weightPrecision: 'fp8', layout: { tp: 8, ep: 8, dpAttention: true } });
    expect(ctx.framework.maxBatchSequences).toBe(512);
    expect(maxSequencesPerInstance(ctx, 256)).toBeLessThanOrEqual(4096);
  });
});

describe('queueing', () => {
  const ctx = buildPerfContext({ model: model('llama-3.1-8b'), gpu: gpu('h100-sxm'), gpus: 1 });
  const workload = { inputTokens: 1000, outputTokens: 200, prefixCacheHitRate: 0 };

  it('closedLoop beyond the cap: same throughput as the cap, TTFT longer by (clients − cap) / completions per second', () => {
    const atCap = aggregated(ctx, 100, workload, null, 'steady');
    const loop = closedLoop(ctx, 300, 100, workload);
    expect(loop.outputTokensPerSecondPerGpu).toBe(atCap.outputTokensPerSecondPerGpu);
    const perSecond = atCap.outputTokensPerSecondPerGpu / 200;
    expect(loop.ttftSeconds - atCap.ttftSeconds).toBeCloseTo(200 / perSecond, 9);
    expect(closedLoop(ctx, 50, 100, workload)).toEqual(aggregated(ctx, 50, workload, null, 'steady'));
  });

  it('simulateEngine: a burst within the cap all starts at once; twice the cap takes about two waves', () => {
    const limits = { maxSequences: 64, kvCapacityTokens: 1e9, maxBatchedTokens: 8192 };
    const burst = (n: number) => simulateEngine(ctx, requestLengths(n, 1000, 200, 'fixed').map((r) => ({ ...r, arrivalSeconds: 0, cachedTokens: 0 })), limits);
    const one = burst(64);
    const two = burst(128);
    expect(one.requests).toBe(64);
    expect(two.outputTokens).toBe(128 * 200);
    expect(two.makespanSeconds / one.makespanSeconds).toBeGreaterThan(1.8);
    expect(two.makespanSeconds / one.makespanSeconds).toBeLessThan(2.2);
    expect(two.meanTtftSeconds).toBeGreaterThan(one.meanTtftSeconds + one.makespanSeconds / 3);
  });

  it('simulateEngine: a KV cache that holds 10 requests admits 10 at a time', () => {
    const requests = requestLengths(30, 1000, 200, 'fixed').map((r) => ({ ...r, arrivalSeconds: 0, cachedTokens: 0 }));
    const tight = simulateEngine(ctx, requests, { maxSequences: 1000, kvCapacityTokens: 10 * 1200, maxBatchedTokens: 8192 });
    const roomy = simulateEngine(ctx, requests, { maxSequences: 1000, kvCapacityTokens: 1e9, maxBatchedTokens: 8192 });
    expect(tight.makespanSeconds).toBeGreaterThan(2 * roomy.makespanSeconds);
  });

  it('poissonArrivals and requestLengths are deterministic, with the stated means', () => {
    const a = poissonArrivals(1000, 5);
    expect(a).toEqual(poissonArrivals(1000, 5));
    expect(a[999]! / 999).toBeCloseTo(1 / 5, 1);
    const l = requestLengths(1000, 500, 200, 'varied');
    const mean = l.reduce((s, r) => s + r.inputTokens, 0) / l.length;
    expect(Math.abs(mean / 500 - 1)).toBeLessThan(0.05);
    expect(new Set(l.map((r) => r.inputTokens)).size).toBeGreaterThan(100);
  });

  it('disaggregated: a decode pool at its batch cap leaves the rest of the concurrency waiting in TTFT', () => {
    const d = buildPerfContext({ model: model('llama-3.1-8b'), gpu: gpu('h100-sxm'), gpus: 1 });
    const pools = { prefill: d, decode: { ...d, framework: { ...d.framework, maxBatchSequences: 32 } }, prefillGpus: 1, decodeGpus: 1 };
    const small = disaggregated(pools, 32, workload);
    const large = disaggregated(pools, 320, workload);
    // At 32 a few requests are still prefilling; at 320 the pool decodes its full 32.
    expect(large.outputTokensPerSecondPerGpu / small.outputTokensPerSecondPerGpu).toBeGreaterThanOrEqual(1);
    expect(large.outputTokensPerSecondPerGpu / small.outputTokensPerSecondPerGpu).toBeLessThan(1.05);
    expect(large.ttftSeconds).toBeGreaterThan(5 * small.ttftSeconds);
  });
});

describe('large systems', () => {
  it('divisors(100000) in order, found in O(√n)', () => {
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
    expect(divisors(100000)).toHaveLength(36);
    expect(divisors(49)).toEqual([1, 7, 49]);
  });

  it('prefillPoolSizes tries every split of a small system and at most 32 of a large one', () => {
    expect(prefillPoolSizes(16, 8)).toEqual([8]);
    expect(prefillPoolSizes(10, 1)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const big = prefillPoolSizes(100000, 8);
    expect(big.length).toBeLessThanOrEqual(MAX_PREFILL_SPLITS);
    expect(big[0]).toBe(8);
    expect(big.every((g) => g % 8 === 0 && g < 100000)).toBe(true);
  });

  it('frontier of llama-2-7b on 100,000 h100 returns a front (no stack overflow)', { timeout: 30_000 }, () => {
    const f = throughputFrontier(model('llama-2-7b'), gpu('h100-sxm'), 100000, { workload: { inputTokens: 1024, outputTokens: 1024, prefixCacheHitRate: 0 } });
    expect(f.points.length).toBeGreaterThan(0);
    for (const p of f.points) expect(Number.isFinite(p.outputTokensPerSecondPerGpu)).toBe(true);
  });
});
