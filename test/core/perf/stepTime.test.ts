import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { memoryFit } from '../../../src/core/memory/memoryFit.js';
import { countParameters } from '../../../src/core/model/parameters.js';
import { bytesPerWeight } from '../../../src/core/precision.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { allReduceSeconds, allToAllSeconds } from '../../../src/core/perf/communication.js';
import type { FrameworkEfficiency } from '../../../src/core/perf/efficiency.js';
import { expectedExpertsTouched } from '../../../src/core/perf/expertsTouched.js';
import type { PerfContext } from '../../../src/core/perf/perfContext.js';
import { decodeStep, prefillStep, stepTime } from '../../../src/core/perf/stepTime.js';

const model = (id: string) => findById('model', id, MODELS);
const gpu = (id: string) => findById('gpu', id, ACCELERATORS);

/** The same context with some framework factors replaced (e.g. no step overhead for hand checks). */
function withFramework(ctx: PerfContext, patch: Partial<FrameworkEfficiency>): PerfContext {
  return { ...ctx, framework: { ...ctx.framework, ...patch } };
}

/** |a / b − 1|: relative difference for "within x%" checks. */
const rel = (a: number, b: number) => Math.abs(a / b - 1);

/** Achieved HBM bandwidth as the brief defines it: datasheet × family HBM factor × framework kernel quality. */
const achievedHbm = (ctx: PerfContext) => ctx.gpu.hbmBandwidthBytesPerSecond * ctx.hardware.hbm * ctx.framework.kernelQuality;

describe('stepTime: batch-1 decode of a dense model is its weight bytes over achieved bandwidth', () => {
  const llama8b = model('llama-3.1-8b');
  const ctx = withFramework(buildPerfContext({ model: llama8b, gpu: gpu('h100-sxm'), gpus: 1 }), { stepOverheadSeconds: 0, sequenceOverheadSeconds: 0 });
  // KV-cache traffic streams at the family's kvHbmShare of the achieved bandwidth.
  const achievedKv = (c: PerfContext) => achievedHbm(c) * c.hardware.kvHbmShare;
  const p = countParameters(llama8b);
  // Weights read once per step: every parameter but the input embedding (a table look-up).
  //   attention 1,342,177,280 + FFN 5,637,144,576 + LM head 525,336,576 = 7,504,658,432 weights
  //   (= total 8,029,995,008 − input embedding 525,336,576), × 2 B (bf16) = 15,009,316,864 B.
  const weightBytes = (p.total - p.inputEmbedding) * 2;
  // KV read of 1 token of context: 32 layers × 2 (K, V) × 8 KV heads × 128 × 2 B = 131,072 B,
  // 9e-6 of the weights: negligible for the 1% check.
  const kvBytes = 32 * 2 * 8 * 128 * 2;

  it('stepTime(llama-3.1-8b bf16 on 1 h100-sxm, decode 1 seq × 1 token, no overhead) = 15.01 GB / (3.35 TB/s × hbm × kernelQuality), within 1%', () => {
    // With the Hopper factor 0.7 and vLLM's kernel quality 0.9: 3.35e12 × 0.7 × 0.9 = 2.1105e12 B/s,
    // 15,009,316,864 / 2.1105e12 = 7.112 ms.
    expect(weightBytes).toBe(15_009_316_864);
    const t = stepTime(ctx, decodeStep(1, 1));
    expect(rel(t.stepSeconds, weightBytes / achievedHbm(ctx))).toBeLessThan(0.01);
    // Nothing else costs time: one GPU (no collectives) and no overhead; every kernel is memory-bound.
    expect(t.communicationTotalSeconds).toBe(0);
    expect(t.overheadSeconds).toBe(0);
    // Memory-bound kernels on the smooth roofline: compute adds (c/m)^4 of the memory time, nothing visible.
    expect(rel(t.kernelSeconds, t.memorySeconds)).toBeLessThan(1e-4);
    expect(t.bound).toBe('memory');
  });

  it('stepTime(llama-3.1-8b, decode 1 × 1).hbmBytesPerGpu is 15,009,316,864 B of weights + 131,072 B of KV read + 131,072 B written exactly', () => {
    const t = stepTime(ctx, decodeStep(1, 1));
    // The one cached token is read, and the new token's keys and values are written.
    expect(rel(t.hbmBytesPerGpu, weightBytes + 2 * kvBytes)).toBeLessThan(1e-12);
    expect(rel(t.memorySeconds, weightBytes / achievedHbm(ctx) + (2 * kvBytes) / achievedKv(ctx))).toBeLessThan(1e-12);
  });

  it('stepTime with stepOverheadSeconds 2.5 ms is the same step + exactly 2.5 ms', () => {
    const base = stepTime(ctx, decodeStep(1, 1));
    const slow = stepTime(withFramework(ctx, { stepOverheadSeconds: 2.5e-3 }), decodeStep(1, 1));
    expect(slow.overheadSeconds).toBe(2.5e-3);
    expect(slow.stepSeconds - base.stepSeconds).toBeCloseTo(2.5e-3, 12);
    expect(slow.kernelSeconds).toBe(base.kernelSeconds);
  });

  it('stepTime(llama-3.1-8b fp8) halves the memory time of the batch-1 step, the bf16 LM head aside (within 1%)', () => {
    const fp8 = withFramework(buildPerfContext({ model: llama8b, gpu: gpu('h100-sxm'), gpus: 1, weightPrecision: 'fp8' }), { stepOverheadSeconds: 0, sequenceOverheadSeconds: 0 });
    // The checkpoint's embeddings (and so the LM head) stay bf16: only the linear layers are cast.
    expect(fp8.weightPrecisions).toEqual({ routedExperts: 'fp8', otherLinear: 'fp8', embeddings: 'bf16' });
    expect(fp8.kvPrecision).toBe(ctx.kvPrecision);
    const bf = stepTime(ctx, decodeStep(1, 1));
    const f8 = stepTime(fp8, decodeStep(1, 1));
    // fp8 is 1 B + one fp32 scale per 128×128 block: 1.000244 B per weight.
    //   linear layers (1,342,177,280 + 5,637,144,576) × 1.000244 = 6,981,025,857 B
    //   LM head 525,336,576 × 2 B = 1,050,673,152 B; KV 131,072 B read + 131,072 B written
    //   total 8,031,961,153 B (vs 15,009,579,008 at bf16: a ratio of 0.535, not 0.5, because of the LM head)
    const linear = p.attention + p.denseFfn;
    const lmHeadBytes = p.lmHead * 2;
    const fp8Bytes = linear * bytesPerWeight('fp8') + lmHeadBytes;
    expect(rel(f8.memorySeconds, fp8Bytes / achievedHbm(fp8) + (2 * kvBytes) / achievedKv(fp8))).toBeLessThan(1e-9);
    // The LM head and the KV traffic cost the same in both; what is left halves.
    const fixed = lmHeadBytes / achievedHbm(ctx) + (2 * kvBytes) / achievedKv(ctx);
    expect(rel((f8.memorySeconds - fixed) / (bf.memorySeconds - fixed), 0.5)).toBeLessThan(0.01);
    expect(f8.stepSeconds).toBeLessThan(bf.stepSeconds);
  });

  it('stepTime(llama-3.1-8b) is memory-bound at batch 1 and compute-bound prefilling 8 sequences × 4,096 tokens', () => {
    expect(stepTime(ctx, decodeStep(1, 1)).bound).toBe('memory');
    // 32,768 tokens × 2 × 7.5e9 weights ≈ 4.9e14 FLOP at ~670 TFLOP/s ≈ 0.74 s, against 7.1 ms of weights.
    const big = stepTime(ctx, prefillStep(8, 4096));
    expect(big.bound).toBe('compute');
    expect(big.computeSeconds).toBeGreaterThan(50 * big.memorySeconds);
    expect(big.flopPerGpu).toBeGreaterThan(2 * (p.total - p.inputEmbedding) * 8 * 4096);
  });
});

describe('stepTime: tensor-parallel all-reduces', () => {
  const ctx = buildPerfContext({ model: model('llama-3.1-70b'), gpu: gpu('h100-sxm'), gpus: 8 });
  const h100 = gpu('h100-sxm');
  const hw = ctx.hardware;

  it('allReduceSeconds(h100-sxm, 8 GPUs, 1,048,576 B) = latency + 2·7/8 × 1,048,576 / (450e9 × scaleUpLink) (15.1 µs at 10 µs and 0.8)', () => {
    // Ring: reduce-scatter then all-gather, each GPU sends 2(n−1)/n × bytes = 1,835,008 B over
    // 450 GB/s × 0.8 = 360 GB/s: 5.097 µs, + 10 µs of latency for a group inside one NVLink domain.
    const bytes = 1_048_576;
    const byHand = hw.collectiveLatencySeconds + ((2 * 7) / 8) * bytes / (450e9 * hw.scaleUpLink);
    expect(allReduceSeconds(h100, hw, 8, bytes)).toBeCloseTo(byHand, 12);
    expect(allReduceSeconds(h100, hw, 1, bytes)).toBe(0);
  });

  it('stepTime(llama-3.1-70b on 8 h100-sxm TP 8, decode 64 seqs).communicationTotalSeconds = 80 layers × 2 all-reduces of 64 × 8192 × 2 B', () => {
    // 64 tokens × 8,192 hidden × 2 B (bf16 activations) = 1,048,576 B per all-reduce, one after
    // attention and one after the FFN of each of 80 layers: 160 × 15.1 µs ≈ 2.42 ms.
    expect(ctx.layout).toMatchObject({ tp: 8, pp: 1, attentionTp: 8 });
    const t = stepTime(ctx, decodeStep(64, 1000));
    const one = allReduceSeconds(h100, hw, 8, 64 * 8192 * 2);
    expect(t.communicationTotalSeconds).toBeCloseTo(80 * 2 * one, 12);
    // No expert all-to-all to overlap: all of it is on the critical path.
    expect(t.communicationSeconds).toBeCloseTo(t.communicationTotalSeconds, 12);
  });
});

describe('expectedExpertsTouched and the routed-expert bytes of MoE decode', () => {
  it('expectedExpertsTouched(256, 8, 1) is 8 and (256, 8, 16) is 256·(1 − (31/32)^16) = 101.96', () => {
    expect(expectedExpertsTouched(256, 8, 1)).toBeCloseTo(8, 12);
    expect(expectedExpertsTouched(256, 8, 16)).toBeCloseTo(256 * (1 - Math.pow(31 / 32, 16)), 9);
    expect(expectedExpertsTouched(256, 8, 16)).toBeCloseTo(101.96, 2);
    expect(expectedExpertsTouched(256, 8, 0)).toBe(0);
  });

  it('expectedExpertsTouched(256, 8, 10,000) is within 1e-9 of all 256 experts', () => {
    expect(Math.abs(expectedExpertsTouched(256, 8, 10_000) - 256)).toBeLessThan(1e-9);
  });

  it('expectedExpertsTouched(E, k, N) rises with N, stays below E and below k·N', () => {
    const arb = fc.integer({ min: 2, max: 512 }).chain((e) =>
      fc.record({ e: fc.constant(e), k: fc.integer({ min: 1, max: e - 1 }), n: fc.integer({ min: 1, max: 5000 }) }));
    fc.assert(fc.property(arb, ({ e, k, n }) => {
      const here = expectedExpertsTouched(e, k, n);
      expect(expectedExpertsTouched(e, k, n + 1)).toBeGreaterThanOrEqual(here);
      expect(here).toBeLessThanOrEqual(e);
      expect(here).toBeLessThanOrEqual(k * n * (1 + 1e-12));
      if (n <= 2) expect(here).toBeLessThan(e);
    }), { numRuns: 200, seed: 20_261_127 });
  });

  const ds = buildPerfContext({ model: model('deepseek-v3'), gpu: gpu('h200'), gpus: 8 });
  const bytesAt = (batch: number) => stepTime(ds, decodeStep(batch, 1)).hbmBytesPerGpu;

  it('stepTime(deepseek-v3 on 8 h200, decode B × 1 token).hbmBytesPerGpu rises from B 1 to 16 to 4,096, then saturates', () => {
    // Per layer, 8 experts at B = 1, 101.96 at 16, all 256 at 2,048 and 4,096 (1 − (31/32)^2048 ≈ 1 − 5e-29).
    // From 1 to 16: ~94 more experts × 58 layers × 44 M weights / 8 GPUs ≈ 30 GB, some 2 GB a sequence.
    // From 2,048 to 4,096: no expert left to touch; only 70,272 B of latent cache read and the same
    // written (the new token's latent) a sequence.
    const [b1, b16, b2048, b4096] = [bytesAt(1), bytesAt(16), bytesAt(2048), bytesAt(4096)];
    expect(b16).toBeGreaterThan(b1);
    expect(b2048).toBeGreaterThan(b16);
    expect(b4096).toBeGreaterThan(b2048);
    const earlyPerSequence = (b16 - b1) / 15;
    const latePerSequence = (b4096 - b2048) / 2048;
    expect(latePerSequence).toBeLessThan(earlyPerSequence / 1000);
    expect(latePerSequence).toBeCloseTo(2 * 61 * 576 * 2, 0);
  });

  it('stepTime(deepseek-v3 fp8 on 8 h200 TP 8, decode 1 × 1).hbmBytesPerGpu adds every layer: 61 MLA, 3 dense FFN, 58 × (8 experts + shared + router), LM head, 70,272 B of cache', () => {
    const m = model('deepseek-v3');
    const a = m.attention;
    if (a.kind !== 'mla' || m.moe === null || m.denseFfnSize === null) throw new Error('deepseek-v3 is MLA + MoE');
    const d = m.hiddenSize; // 7,168
    const fp8 = bytesPerWeight('fp8'); // 1.000244 B
    // MLA projections: q down 7168·1536 + q up 1536·128·192 + kv down 7168·576 + kv up 512·128·256 + out 128·128·7168
    //   = 11,010,048 + 37,748,736 + 4,128,768 + 16,777,216 + 117,440,512 = 187,105,280 a layer.
    const mla = d * a.qLoraRank! + a.qLoraRank! * a.queryHeadCount * (a.qkNopeHeadDim + a.qkRopeHeadDim) +
      d * (a.kvLoraRank + a.qkRopeHeadDim) + a.kvLoraRank * a.queryHeadCount * (a.qkNopeHeadDim + a.vHeadDim) +
      a.queryHeadCount * a.vHeadDim * d;
    expect(mla).toBe(187_105_280);
    const expert = 3 * d * m.moe.expertFfnSize; // 44,040,192
    const denseFfn = 3 * d * m.denseFfnSize; // 396,361,728
    const router = d * m.moe.routedExpertCount; // 1,835,008, replicated on every GPU
    const lmHead = m.vocabSize * d; // 926,679,040, bf16
    const perGpu =
      (61 * mla * fp8) / 8 + // 1.427 GB
      (3 * denseFfn * fp8) / 8 + // 0.149 GB
      (58 * 8 * expert * fp8) / 8 + // 2.555 GB: 8 experts touched, each sharded 8 ways
      (58 * expert * fp8) / 8 + // 0.319 GB: the shared expert
      58 * router * fp8 + // 0.106 GB
      (lmHead * 2) / 8 + // 0.232 GB
      2 * 61 * 576 * 2; // 70,272 B: one token of latent cache read, one written, whole on every GPU
    expect(rel(bytesAt(1), perGpu)).toBeLessThan(1e-9);
  });

  it('stepTime(deepseek-v3 on 8 h200, decode 4,096 × 1).hbmBytesPerGpu is at most the 84.2 GB of weights a GPU holds + its KV traffic', () => {
    // Every expert is touched: the step reads all of the GPU's weights once, never more; each
    // sequence reads its one cached token and writes the new one.
    const fit = memoryFit(model('deepseek-v3'), gpu('h200'), 8);
    expect(bytesAt(4096)).toBeLessThanOrEqual(fit.weightBytesPerGpu + 2 * 4096 * 61 * 576 * 2);
  });
});

describe('stepTime: where the MLA latent cache is read', () => {
  const m = model('deepseek-v3');
  const h200 = gpu('h200');
  // KV bytes a GPU reads: the step at context C minus the same step at context 0 (weights and
  // experts touched depend on the tokens, not on the context).
  const kvBytes = (ctx: PerfContext, batch: number, context: number) =>
    stepTime(ctx, decodeStep(batch, context)).hbmBytesPerGpu - stepTime(ctx, decodeStep(batch, 0)).hbmBytesPerGpu;
  // 32 sequences × 4,096 tokens × 61 layers × 576 elements × 2 B = 9,210,691,584 B.
  const whole = 32 * 4096 * 61 * 576 * 2;

  it('decode of 32 × 4,096 reads 9.21 GB of latent cache on every GPU at TP 8, the same as on 1 GPU', () => {
    const tp1 = buildPerfContext({ model: m, gpu: h200, gpus: 1 });
    const tp8 = buildPerfContext({ model: m, gpu: h200, gpus: 8 });
    expect(rel(kvBytes(tp1, 32, 4096), whole)).toBeLessThan(1e-9);
    expect(rel(kvBytes(tp8, 32, 4096), whole)).toBeLessThan(1e-9);
  });

  it('decode of 32 × 4,096 under DP attention over 8 GPUs reads 1/8 of it per GPU: each GPU its own 4 sequences', () => {
    const dp = buildPerfContext({ model: m, gpu: h200, gpus: 8, layout: { dpAttention: true } });
    expect(dp.layout).toMatchObject({ attentionTp: 1, attentionDp: 8 });
    expect(rel(kvBytes(dp, 32, 4096), whole / 8)).toBeLessThan(1e-9);
  });

  it('by contrast GQA (llama-3.1-70b, 8 KV heads) splits its cache by heads at TP 8: 1/8 of 32 × 4,096 × 327,680 B per GPU', () => {
    const l70 = buildPerfContext({ model: model('llama-3.1-70b'), gpu: gpu('h100-sxm'), gpus: 8 });
    expect(rel(kvBytes(l70, 32, 4096), (32 * 4096 * 327_680) / 8)).toBeLessThan(1e-9);
  });

  // Under DP attention a sequence lives on one GPU: a batch smaller than the DP degree is not spread
  // as fractions of a sequence. One sequence of 100,000 tokens: its GPU reads all 7.03 GB.
  it('decode of 1 sequence × 100,000 tokens under DP attention over 8 GPUs reads its whole 7.03 GB latent cache on the GPU that holds it', () => {
    const dp = buildPerfContext({ model: m, gpu: h200, gpus: 8, layout: { dpAttention: true } });
    expect(rel(kvBytes(dp, 1, 100_000), 100_000 * 61 * 576 * 2)).toBeLessThan(0.01);
  });
});

describe('stepTime: the DeepSeek-V3.2 lightning indexer', () => {
  // The V3.2 indexer keys are stored as fp8 + one fp32 scale per 128 (1.03 B an element) whatever
  // the KV precision. Decode of 1 × 100,000 tokens on 8 h200 reads 2,048 top-k latent tokens
  // (2,048 × 576 × 2 B × 61 = 143.9 MB) + every token's indexer key (100,000 × 128 × 61 × 1.03 B =
  // 805.2 MB): 949.1 MB, not the 1,705.5 MB of charging the keys at 2 B.
  it('decode of deepseek-v3.2 (bf16 cache) on 8 h200, 1 × 100,000 tokens, reads the indexer keys at the 1.03 B they are stored in: 949.1 MB', () => {
    const ctx = buildPerfContext({ model: model('deepseek-v3.2'), gpu: gpu('h200'), gpus: 8 });
    expect(ctx.kvPrecision).toBe('bf16');
    const read = stepTime(ctx, decodeStep(1, 100_000)).hbmBytesPerGpu - stepTime(ctx, decodeStep(1, 0)).hbmBytesPerGpu;
    const stored = 2048 * 576 * 2 * 61 + 100_000 * 128 * 61 * (132 / 128);
    expect(rel(read, stored)).toBeLessThan(0.01);
  });
});

describe('allToAllSeconds: expert-parallel dispatch inside one node and across nodes', () => {
  const h100 = gpu('h100-sxm');
  const hw = buildPerfContext({ model: model('deepseek-v3'), gpu: h100, gpus: 8 }).hardware;
  const oneDomainOf16 = { ...h100, scaleUpDomainSize: 16 };
  // DeepSeek-V3 dispatch: top-8 copies of a 7,168-element fp8 hidden state, 1,000 tokens per GPU.
  const tokens = 1000;
  const k = 8;
  const bytes = 7168;
  // Zero bytes per copy leaves only the fixed latency of the collective.
  const latency = (g: typeof h100, n: number) => allToAllSeconds(g, hw, n, tokens, k, 0);

  it('allToAllSeconds(EP 16 over two h100-sxm nodes of 8) is slower than the same EP 16 inside one 16-GPU domain', () => {
    // One domain: 1,000 × 8 × 7,168 × 15/16 = 53.8 MB over 360 GB/s = 149 µs + latency.
    const inside = allToAllSeconds(oneDomainOf16, hw, 16, tokens, k, bytes);
    expect(inside - latency(oneDomainOf16, 16)).toBeCloseTo((tokens * k * bytes * (15 / 16)) / (450e9 * hw.scaleUpLink), 12);
    const across = allToAllSeconds(h100, hw, 16, tokens, k, bytes);
    expect(across).toBeGreaterThan(inside);
  });

  it('allToAllSeconds(EP 16 over two h100-sxm nodes) is the NIC time: 1,000 × 0.996 remote nodes × 7,168 B / (50 GB/s × scaleOutLink)', () => {
    // 8 uniform picks over 2 nodes hit 2·(1 − (1/2)^8) = 1.992 nodes, 0.996 of them remote:
    // 7.14 MB cross the 400 Gb/s NIC at 80%: 178.5 µs. The NVLink side carries 1,000 × 8 × 7,168 ×
    // 7/16 + 7.14 MB = 32.2 MB in 89.5 µs, so the NIC binds.
    const remote = 2 * (1 - Math.pow(1 / 2, k)) * (1 / 2);
    const nicSeconds = (tokens * remote * bytes) / (50e9 * hw.scaleOutLink);
    const across = allToAllSeconds(h100, hw, 16, tokens, k, bytes);
    expect(across - latency(h100, 16)).toBeCloseTo(nicSeconds, 12);
    // Faster NVLink changes nothing; a NIC 1.5× faster cuts the transfer to 2/3 (119 µs, still above
    // the 89.5 µs of NVLink traffic).
    expect(allToAllSeconds({ ...h100, scaleUpBandwidthBytesPerSecondPerDirection: 900e9 }, hw, 16, tokens, k, bytes)).toBeCloseTo(across, 12);
    const fastNic = allToAllSeconds({ ...h100, scaleOutBandwidthBytesPerSecond: 75e9 }, hw, 16, tokens, k, bytes);
    expect(fastNic - latency(h100, 16)).toBeCloseTo(nicSeconds / 1.5, 12);
  });

  it('allToAllSeconds(EP 16 across nodes, 1 token) is its latency to within 2% (0.18 µs of data)', () => {
    const one = allToAllSeconds(h100, hw, 16, 1, k, bytes);
    const lat = allToAllSeconds(h100, hw, 16, 1, k, 0);
    expect(lat).toBeGreaterThanOrEqual(hw.collectiveLatencySeconds);
    expect(rel(one, lat)).toBeLessThan(0.02);
  });
});
