import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Accelerator } from '../../../src/core/accelerator/accelerator.js';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { InputError } from '../../../src/core/errors.js';
import type { LayoutRequest } from '../../../src/core/memory/layout.js';
import { memoryFit } from '../../../src/core/memory/memoryFit.js';
import { kvElementsPerTokenPerLayer } from '../../../src/core/model/kvCache.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { disaggregated } from '../../../src/core/perf/disaggregated.js';
import { achievedHbmBytesPerSecond, type PerfContext } from '../../../src/core/perf/perfContext.js';
import { aggregated, decodeOnly, prefillOnly, type ServingPoint } from '../../../src/core/perf/serving.js';
import { stepTime, type StepTime, type StepWork } from '../../../src/core/perf/stepTime.js';
import { bytesPerKvElement } from '../../../src/core/precision.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);

/** Layouts tried on every generated setup: plain TP, DP attention, experts spread one group a GPU, two pipeline stages. */
const LAYOUTS = ['tp', 'dp-attention', 'ep', 'pp2'] as const;
type LayoutKind = (typeof LAYOUTS)[number];

function layoutRequest(kind: LayoutKind, gpus: number): LayoutRequest {
  if (kind === 'dp-attention') return { dpAttention: true };
  if (kind === 'ep') return { ep: gpus };
  if (kind === 'pp2') return { pp: 2 };
  return {};
}

interface Setup {
  readonly modelId: string;
  readonly gpuId: string;
  readonly gpus: number;
  readonly layout: LayoutKind;
  readonly batch: number;
  readonly context: number;
}

const setupArb: fc.Arbitrary<Setup> = fc.record({
  modelId: fc.constantFrom(...MODELS.map((m) => m.id)),
  gpuId: fc.constantFrom(...ACCELERATORS.map((a) => a.id)),
  gpus: fc.constantFrom(1, 2, 4, 8, 16),
  layout: fc.constantFrom(...LAYOUTS),
  batch: fc.integer({ min: 1, max: 2048 }),
  context: fc.integer({ min: 1, max: 100_000 }),
});

interface Extra {
  readonly verifyTokens: number;
  readonly prefillSequences: number;
  readonly prefillNewTokens: number;
  readonly prefillCachedTokens: number;
}

/** Extra work riding on a decode step: a prefill chunk of some sequences, and speculative verify tokens. */
const extraArb: fc.Arbitrary<Extra> = fc.record({
  verifyTokens: fc.integer({ min: 1, max: 4 }),
  prefillSequences: fc.integer({ min: 0, max: 4 }),
  prefillNewTokens: fc.integer({ min: 1, max: 16_384 }),
  prefillCachedTokens: fc.integer({ min: 0, max: 100_000 }),
});

const scaleArb = fc.double({ min: 1, max: 4, noNaN: true });

/**
 * The perf context of a setup, or null (skipped) when the layout cannot be built for the model
 * (an InputError) or one sequence of the setup's context does not fit.
 */
function contextOf(s: Setup, g: Accelerator = gpu(s.gpuId)): PerfContext | null {
  let ctx: PerfContext;
  try {
    ctx = buildPerfContext({ model: model(s.modelId), gpu: g, gpus: s.gpus, layout: layoutRequest(s.layout, s.gpus) });
  } catch (e) {
    if (e instanceof InputError) return null;
    throw e;
  }
  const l = ctx.layout;
  const fit = memoryFit(ctx.model, g, s.gpus, { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention }, {
    weightPrecisions: ctx.weightPrecisions, kvPrecision: ctx.kvPrecision, contextTokens: s.context,
  });
  return fit.fits ? ctx : null;
}

function fittingContext(s: Setup): PerfContext {
  const ctx = contextOf(s);
  fc.pre(ctx !== null);
  return ctx as PerfContext;
}

function work(s: Setup, e: Extra): StepWork {
  return {
    decodeSequences: s.batch,
    decodeContextTokens: s.context,
    tokensPerDecodeSequence: e.verifyTokens,
    prefillSequences: e.prefillSequences,
    prefillNewTokensPerSequence: e.prefillNewTokens,
    prefillCachedTokensPerSequence: e.prefillCachedTokens,
  };
}

/** a ≤ b up to floating-point noise. */
const atMost = (a: number, b: number) => expect(a).toBeLessThanOrEqual(b * (1 + 1e-9));

/** Seeded so a failure reproduces; modest so the file stays well under 5 s. */
const RUNS = { numRuns: 150, seed: 20_261_127 };

describe('stepTime invariants (generated catalog setups)', () => {
  it('more HBM bandwidth never makes a step slower', () => {
    fc.assert(fc.property(setupArb, extraArb, scaleArb, (s, e, k) => {
      const ctx = fittingContext(s);
      const faster = { ...ctx, gpu: { ...ctx.gpu, hbmBandwidthBytesPerSecond: ctx.gpu.hbmBandwidthBytesPerSecond * k } };
      atMost(stepTime(faster, work(s, e)).stepSeconds, stepTime(ctx, work(s, e)).stepSeconds);
    }), RUNS);
  });

  it('more FLOP/s (every entry of peakFlopPerSecond scaled) never makes a step slower', () => {
    fc.assert(fc.property(setupArb, extraArb, scaleArb, (s, e, k) => {
      const ctx = fittingContext(s);
      const p = ctx.gpu.peakFlopPerSecond;
      const scale = (x: number | null) => (x === null ? null : x * k);
      const faster = { ...ctx, gpu: { ...ctx.gpu, peakFlopPerSecond: { bf16: p.bf16 * k, fp8: scale(p.fp8), fp4: scale(p.fp4), int8: scale(p.int8) } } };
      atMost(stepTime(faster, work(s, e)).stepSeconds, stepTime(ctx, work(s, e)).stepSeconds);
    }), RUNS);
  });

  it('more link bandwidth (scale-up, scale-out, or both) never makes a step slower', () => {
    fc.assert(fc.property(setupArb, extraArb, scaleArb, (s, e, k) => {
      const ctx = fittingContext(s);
      const g = ctx.gpu;
      const nic = g.scaleOutBandwidthBytesPerSecond === null ? null : g.scaleOutBandwidthBytesPerSecond * k;
      const base = stepTime(ctx, work(s, e)).stepSeconds;
      for (const faster of [
        { ...g, scaleUpBandwidthBytesPerSecondPerDirection: g.scaleUpBandwidthBytesPerSecondPerDirection * k },
        { ...g, scaleOutBandwidthBytesPerSecond: nic },
        { ...g, scaleUpBandwidthBytesPerSecondPerDirection: g.scaleUpBandwidthBytesPerSecondPerDirection * k, scaleOutBandwidthBytesPerSecond: nic },
      ]) {
        atMost(stepTime({ ...ctx, gpu: faster }, work(s, e)).stepSeconds, base);
      }
    }), RUNS);
  });

  it('a longer context never makes a decode step faster', () => {
    fc.assert(fc.property(setupArb, fc.integer({ min: 1, max: 100_000 }), (s, more) => {
      const ctx = fittingContext(s);
      const w = (context: number): StepWork => ({ decodeSequences: s.batch, decodeContextTokens: context, tokensPerDecodeSequence: 1, prefillSequences: 0, prefillNewTokensPerSequence: 0, prefillCachedTokensPerSequence: 0 });
      atMost(stepTime(ctx, w(s.context)).stepSeconds, stepTime(ctx, w(s.context + more)).stepSeconds);
    }), RUNS);
  });

  it('every field of a step is finite and non-negative, the step itself positive, and it adds up', () => {
    fc.assert(fc.property(setupArb, extraArb, (s, e) => {
      const ctx = fittingContext(s);
      const t: StepTime = stepTime(ctx, work(s, e));
      for (const v of [t.computeSeconds, t.memorySeconds, t.kernelSeconds, t.communicationSeconds, t.communicationTotalSeconds, t.overheadSeconds, t.flopPerGpu, t.hbmBytesPerGpu]) {
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(0);
      }
      expect(t.stepSeconds).toBeGreaterThan(0);
      expect(Number.isFinite(t.stepSeconds)).toBe(true);
      // Roofline: each kernel takes the larger of its two times, so the sum lies between the larger sum and both sums.
      expect(t.kernelSeconds).toBeGreaterThanOrEqual(Math.max(t.computeSeconds, t.memorySeconds) * (1 - 1e-9));
      atMost(t.kernelSeconds, t.computeSeconds + t.memorySeconds);
      atMost(t.communicationSeconds, t.communicationTotalSeconds);
      expect(t.stepSeconds).toBeCloseTo(t.kernelSeconds + t.communicationSeconds + t.overheadSeconds, 12);
    }), RUNS);
  });
});

describe('decodeOnly invariants (generated catalog setups)', () => {
  it('per-user speed (1 / TPOT) never rises with batch', () => {
    fc.assert(fc.property(setupArb, fc.integer({ min: 1, max: 2048 }), (s, more) => {
      const ctx = fittingContext(s);
      atMost(decodeOnly(ctx, s.batch + more, s.context).tokensPerSecondPerUser, decodeOnly(ctx, s.batch, s.context).tokensPerSecondPerUser);
    }), RUNS);
  });

  // Stronger than "while memory-bound": every part of a step (roofline kernels with a fixed weight
  // read, experts touched E(1 − (1 − k/E)^N), collectives = latency + bytes) grows at most in
  // proportion to the batch, so doubling the batch never lowers throughput whatever bounds the step.
  it('throughput per GPU never falls when the batch doubles, whatever bounds the step (so also while memory-bound)', () => {
    let memoryBound = 0;
    fc.assert(fc.property(setupArb, (s) => {
      const ctx = fittingContext(s);
      const one = decodeOnly(ctx, s.batch, s.context);
      const two = decodeOnly(ctx, 2 * s.batch, s.context);
      if (one.decodeStep?.bound === 'memory') memoryBound++;
      expect(two.outputTokensPerSecondPerGpu).toBeGreaterThanOrEqual(one.outputTokensPerSecondPerGpu * (1 - 1e-9));
    }), RUNS);
    expect(memoryBound).toBeGreaterThan(0);
  });

  it('with speculation, TPOT is the verify step × (1 + drafting) / tokens per step, and throughput is sequences / TPOT / GPUs', () => {
    fc.assert(fc.property(setupArb, fc.integer({ min: 1, max: 3 }), fc.double({ min: 0, max: 0.95, noNaN: true }), (s, n, a) => {
      const ctx = fittingContext(s);
      const p = decodeOnly(ctx, s.batch, s.context, { method: 'mtp', draftTokens: n, acceptanceRate: a });
      expect(p.outputTokensPerSecondPerGpu).toBeCloseTo(s.batch / p.tpotSeconds / ctx.layout.gpusPerInstance, 6);
      expect(p.tokensPerSecondPerUser * p.tpotSeconds).toBeCloseTo(1, 12);
    }), { ...RUNS, numRuns: 50 });
  });
});

describe('serving outputs (generated catalog setups)', () => {
  const workloadArb = fc.record({
    inputTokens: fc.integer({ min: 1, max: 32_000 }),
    outputTokens: fc.integer({ min: 1, max: 4_000 }),
    prefixCacheHitRate: fc.double({ min: 0, max: 0.95, noNaN: true }),
  });

  const positive = (p: ServingPoint, fields: readonly (keyof ServingPoint)[]) => {
    for (const f of fields) {
      const v = p[f] as number;
      expect(Number.isFinite(v), `${String(f)} = ${v}`).toBe(true);
      expect(v, String(f)).toBeGreaterThan(0);
    }
  };

  it('decodeOnly, prefillOnly, aggregated and disaggregated give finite, positive figures', () => {
    fc.assert(fc.property(setupArb, workloadArb, fc.constantFrom('steady', 'waves') as fc.Arbitrary<'steady' | 'waves'>, (s, w, arrivals) => {
      const ctx = fittingContext(s);
      positive(decodeOnly(ctx, s.batch, s.context), ['outputTokensPerSecondPerGpu', 'totalTokensPerSecondPerGpu', 'tokensPerSecondPerUser', 'tpotSeconds']);
      positive(prefillOnly(ctx, Math.min(s.batch, 8), w), ['inputTokensPerSecondPerGpu', 'totalTokensPerSecondPerGpu', 'ttftSeconds']);
      const all = ['inputTokensPerSecondPerGpu', 'outputTokensPerSecondPerGpu', 'totalTokensPerSecondPerGpu', 'tokensPerSecondPerUser', 'tpotSeconds', 'ttftSeconds', 'sequencesPerInstance'] as const;
      positive(aggregated(ctx, s.batch, w, null, arrivals), all);
      const n = ctx.layout.gpusPerInstance;
      positive(disaggregated({ prefill: ctx, decode: ctx, prefillGpus: n, decodeGpus: 2 * n }, s.batch, w), all);
    }), { ...RUNS, numRuns: 100 });
  });

  // A prefix hit skips prefill arithmetic but the model charges the read of the cached KV, while it
  // never charges writing the KV of freshly computed tokens. For short prompts, whose prefill is
  // bound by the weight read, a hit therefore costs a little: llama-3.1-8b on 1 h100-sxm, one
  // 10-token prompt, 1,161.20 input tokens/s cold against 1,161.13 at a 0.9 hit rate (−0.006%);
  // the worst found is llama-2-7b (MHA, 512 KiB of KV a token) on 1 h100-sxm, 2 prompts of 118
  // tokens at a hit rate of ~1: −0.57%. Plain monotonicity is pinned below as a known failure;
  // what holds is that a hit costs at most the read of the cached KV it adds.
  it('a higher prefix hit rate lengthens a prefillOnly step by at most the read of the cached KV (whole model, at achieved KV bandwidth)', () => {
    fc.assert(fc.property(setupArb, workloadArb, fc.double({ min: 0, max: 1, noNaN: true }), (s, w, more) => {
      const ctx = fittingContext(s);
      const sequences = Math.min(s.batch, 8);
      const lower = w.prefixCacheHitRate;
      const higher = Math.min(1, lower + more * (1 - lower));
      const base = prefillOnly(ctx, sequences, w);
      const hit = prefillOnly(ctx, sequences, { ...w, prefixCacheHitRate: higher });
      const a = ctx.model.attention;
      const indexer = a.kind === 'mla' && a.indexer !== null ? a.indexer.headDim : 0;
      const kvBytesPerToken = (kvElementsPerTokenPerLayer(ctx.model) + indexer) * ctx.model.layerCount * bytesPerKvElement(ctx.kvPrecision);
      const addedRead = (sequences * w.inputTokens * (higher - lower) * kvBytesPerToken) / (achievedHbmBytesPerSecond(ctx) * ctx.hardware.kvHbmShare);
      atMost(hit.ttftSeconds, base.ttftSeconds + addedRead);
    }), RUNS);
  });

  it('prefillOnly(llama-3.1-8b on 1 h100-sxm, one 10-token prompt) is no slower at a 0.9 prefix hit rate than cold', () => {
    const ctx = buildPerfContext({ model: model('llama-3.1-8b'), gpu: gpu('h100-sxm'), gpus: 1 });
    const cold = prefillOnly(ctx, 1, { inputTokens: 10, outputTokens: 1, prefixCacheHitRate: 0 }).inputTokensPerSecondPerGpu;
    const warm = prefillOnly(ctx, 1, { inputTokens: 10, outputTokens: 1, prefixCacheHitRate: 0.9 }).inputTokensPerSecondPerGpu;
    expect(warm).toBeGreaterThanOrEqual(cold);
  });
});
