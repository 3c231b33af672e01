import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { splitPrefillSeconds } from '../../../src/core/economics/cachedTokenCost.js';
import { parseCostSplit } from '../../../src/core/economics/costSplit.js';
import { cachedShareOfPrefill, gpuSecondsPerToken, standalonePrefillSeconds } from '../../../src/core/economics/phaseAttribution.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import type { FrontierPoint } from '../../../src/core/perf/frontier.js';
import type { PerfContext } from '../../../src/core/perf/perfContext.js';
import { aggregated, type Workload } from '../../../src/core/perf/serving.js';
import { prefillStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);
const llama8b = buildPerfContext({ model: model('llama-3.1-8b'), gpu: gpu('h100-sxm'), gpus: 1 });

/** An aggregated frontier point of `ctx` at `batch`, as throughputFrontier builds it. */
function pointAt(ctx: PerfContext, batch: number, w: Workload): FrontierPoint {
  const { decodeStep: _d, prefillStep: _p, ...rest } = aggregated(ctx, batch, w);
  const l = ctx.layout;
  return { ...rest, layout: { mode: 'aggregated', pool: { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention, gpus: l.gpusPerInstance, replicas: 1 } }, decodeBound: 'memory' };
}

/** GPU-seconds of one request at `p` by the attributed per-token seconds. */
function attributedTotal(s: { freshInput: number; cachedInput: number; output: number }, w: Workload): number {
  const cached = w.inputTokens * w.prefixCacheHitRate;
  return (w.inputTokens - cached) * s.freshInput + cached * s.cachedInput + w.outputTokens * s.output;
}

/** GPU-seconds of one request at `p` as the performance model counts them. */
function pointTotal(p: FrontierPoint, w: Workload): number {
  return w.inputTokens * (1 - w.prefixCacheHitRate) * p.prefillGpuSecondsPerInputToken + w.outputTokens * p.decodeGpuSecondsPerOutputToken;
}

describe('gpuSecondsPerToken by phase', () => {
  const w: Workload = { inputTokens: 4000, outputTokens: 400, prefixCacheHitRate: 0.5 };
  const p = pointAt(llama8b, 64, w);

  it('the three kinds add up to the point\'s GPU-time per request under both splits', () => {
    for (const split of ['phase', 'marginal'] as const) {
      expect(attributedTotal(gpuSecondsPerToken(llama8b, p, w, split), w) / pointTotal(p, w)).toBeCloseTo(1, 12);
    }
  });

  it('marginal is the earlier method: the prompt bears the time its chunk adds to the decode step', () => {
    const s = gpuSecondsPerToken(llama8b, p, w, 'marginal');
    const earlier = splitPrefillSeconds(llama8b, p, w);
    expect(s).toEqual({ freshInput: earlier.freshInput, cachedInput: earlier.cachedInput, output: p.decodeGpuSecondsPerOutputToken });
  });

  it('phase: the mixed step is split in proportion to the standalone costs of its chunk and its decode step', () => {
    // 2,000 fresh tokens fit one chunk; the mixed step runs once per request (64 mixed steps ≤ 400 decode steps).
    const at = aggregated(llama8b, 64, w);
    const tDecode = at.decodeStep?.stepSeconds ?? NaN;
    const tMixed = at.prefillStep?.stepSeconds ?? NaN;
    const chunk = standalonePrefillSeconds(llama8b, 2000, 2000);
    const prefill = tMixed * (chunk / (chunk + tDecode));
    const s = gpuSecondsPerToken(llama8b, p, w, 'phase');
    expect(2000 * s.freshInput + 2000 * s.cachedInput).toBeCloseTo(prefill, 12);
    // The serving model's own lifetime holds: the marginal prefill is the mixed step less the decode step.
    expect(p.prefillGpuSecondsPerInputToken * 2000).toBeCloseTo(tMixed - tDecode, 12);
  });

  it('a disaggregated point keeps each pool\'s GPU-time with its phase', () => {
    const d: FrontierPoint = { ...p, layout: { mode: 'disaggregated', prefill: { tp: 1, pp: 1, ep: 1, dpAttention: false, gpus: 1, replicas: 1 }, decode: { tp: 1, pp: 1, ep: 1, dpAttention: false, gpus: 1, replicas: 1 } } };
    const s = gpuSecondsPerToken(llama8b, d, w, 'phase');
    expect(2000 * s.freshInput + 2000 * s.cachedInput).toBeCloseTo(2000 * p.prefillGpuSecondsPerInputToken, 12);
    expect(s.output).toBe(p.decodeGpuSecondsPerOutputToken);
  });
});

describe('standalone prefill and the cached share', () => {
  it('standalonePrefillSeconds fills a step with as many chunks as the token budget holds', () => {
    const budget = llama8b.framework.maxBatchedTokens * llama8b.layout.attentionDp;
    const n = Math.floor(budget / 1000);
    expect(n).toBeGreaterThan(1);
    expect(standalonePrefillSeconds(llama8b, 1000, 0)).toBeCloseTo(stepTime(llama8b, prefillStep(n, 1000, 0)).stepSeconds / n, 15);
    expect(standalonePrefillSeconds(llama8b, 0, 5000)).toBe(0);
  });

  it('cachedShareOfPrefill is 0 without hits and grows with the cached prefix', () => {
    expect(cachedShareOfPrefill(llama8b, 2000, 0)).toBe(0);
    const short = cachedShareOfPrefill(llama8b, 2000, 2000);
    const long = cachedShareOfPrefill(llama8b, 2000, 30000);
    expect(short).toBeGreaterThan(0);
    expect(long).toBeGreaterThan(short);
    expect(long).toBeLessThan(1);
  });
});

describe('gpuSecondsPerToken invariants (generated workloads, Llama 3.1 8B on one H100)', () => {
  const workload = fc.record({
    inputTokens: fc.integer({ min: 1, max: 60_000 }),
    outputTokens: fc.integer({ min: 1, max: 4000 }),
    prefixCacheHitRate: fc.constantFrom(0, 0.25, 0.5, 0.9),
  });
  const batch = fc.integer({ min: 1, max: 64 });

  it('every part is non-negative, output positive, and the parts add up to the point\'s GPU-time', () => {
    fc.assert(fc.property(workload, batch, fc.constantFrom('phase' as const, 'marginal' as const), (w, b, split) => {
      const p = pointAt(llama8b, b, w);
      const s = gpuSecondsPerToken(llama8b, p, w, split);
      expect(s.freshInput).toBeGreaterThanOrEqual(0);
      expect(s.cachedInput).toBeGreaterThanOrEqual(0);
      expect(s.output).toBeGreaterThan(0);
      expect(attributedTotal(s, w) / pointTotal(p, w)).toBeCloseTo(1, 9);
    }), { numRuns: 60 });
  });

  const promptSeconds = (b: number, x: Workload) => {
    const s = gpuSecondsPerToken(llama8b, pointAt(llama8b, b, x), x, 'phase');
    const cached = x.inputTokens * x.prefixCacheHitRate;
    return (x.inputTokens - cached) * s.freshInput + cached * s.cachedInput;
  };
  const chunksOf = (x: Workload) => Math.max(1, Math.ceil((x.inputTokens * (1 - x.prefixCacheHitRate)) / llama8b.framework.maxBatchedTokens));

  it('more prompt tokens are never cheaper per request (same batch, output and hit rate), across chunk boundaries too', () => {
    fc.assert(fc.property(workload, batch, fc.integer({ min: 1, max: 20_000 }), (w, b, more) => {
      const longer = { ...w, inputTokens: w.inputTokens + more };
      expect(promptSeconds(b, longer)).toBeGreaterThanOrEqual(promptSeconds(b, w) * (1 - 1e-9));
    }), { numRuns: 200 });
  });

  // Found by the property above (a random seed in CI) when the aggregated server cut a prompt into
  // equal chunks: 49,153 tokens (half cached) needed 4 chunks of 6,144 where 48,500 needed 3 of
  // 8,083, spread its compute over one more memory-bound decode step where more of it hid, and cost
  // about 8% less (1.047 against 1.133 GPU-s). Engines fill the token budget and cut only the last
  // chunk short (serving.ts, promptChunks); so does the model now.
  it('a prompt that needs one more chunk is not cheaper per request (the equal-chunk counterexample)', () => {
    const w = { inputTokens: 48_500, outputTokens: 1, prefixCacheHitRate: 0.5 };
    const longer = { ...w, inputTokens: 49_153 };
    expect(chunksOf(longer)).toBe(chunksOf(w) + 1);
    expect(promptSeconds(38, longer)).toBeGreaterThanOrEqual(promptSeconds(38, w));
  });

  it('with hits and fresh tokens both present a cached token costs GPU-time; under 8k-token prompts less than a fresh one', () => {
    // In long prompts attention dominates: every fresh token looks back at each cached one, so a
    // cached token can cost as much as a fresh one (56,510 tokens, 25% cached: equal to 5 digits).
    fc.assert(fc.property(workload.filter((w) => w.prefixCacheHitRate > 0 && w.inputTokens >= 4), batch, (w, b) => {
      const s = gpuSecondsPerToken(llama8b, pointAt(llama8b, b, w), w, 'phase');
      expect(s.cachedInput).toBeGreaterThan(0);
      if (w.inputTokens <= 8000) expect(s.cachedInput).toBeLessThan(s.freshInput);
    }), { numRuns: 60 });
  });
});

describe('parseCostSplit', () => {
  it('names the field, the value and the allowed set', () => {
    expect(parseCostSplit('--cost-split', 'marginal')).toBe('marginal');
    expect(() => parseCostSplit('--cost-split', 'even')).toThrow(/--cost-split.*even.*phase, marginal/);
  });
});
