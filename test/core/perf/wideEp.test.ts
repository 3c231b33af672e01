import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import { memoryFit } from '../../../src/core/memory/memoryFit.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { allToAllSeconds, PREFILL_ALL_TO_ALL_SM_SHARE } from '../../../src/core/perf/communication.js';
import { expertLoadImbalance } from '../../../src/core/perf/moeLayerCost.js';
import { decodeStep, prefillStep, stepTime } from '../../../src/core/perf/stepTime.js';

const deepseek = findById('model', 'deepseek-v3', MODELS);
const h800 = findById('gpu', 'h800', ACCELERATORS);
const wide = (ep: number) => buildPerfContext({ model: deepseek, gpu: h800, gpus: ep, layout: { tp: ep, ep, dpAttention: true }, weightPrecision: 'fp8', framework: 'in-house' });

describe('wide expert parallelism with data-parallel attention', () => {
  it('the dense FFN layers, shared experts and LM head run data-parallel: the only collectives are the 58 MoE layers\' all-to-alls', () => {
    const ctx = wide(144);
    const sequences = 88 * 144;
    const t = stepTime(ctx, decodeStep(sequences, 4989));
    const moe = deepseek.moe!;
    const k = moe.expertsPerToken;
    const perGpu = (sequences / 144) * expertLoadImbalance(144, sequences * k, ctx.framework.expertLoadSkew);
    const expertAllToAlls = 58 * (allToAllSeconds(h800, ctx.hardware, 144, perGpu, k, deepseek.hiddenSize, 'low-latency') + allToAllSeconds(h800, ctx.hardware, 144, perGpu, k, deepseek.hiddenSize * 2, 'low-latency'));
    // A TP all-reduce of every token over the 144 GPUs in each of the 3 dense layers would add ≈ 27 ms.
    expect(t.communicationTotalSeconds).toBeCloseTo(expertAllToAlls, 12);
  });

  it('each rank reads the whole dense FFN, shared experts and LM head: more weight bytes per GPU than their 1/144 TP share', () => {
    const dp = wide(144);
    const tp = buildPerfContext({ model: deepseek, gpu: h800, gpus: 8, layout: { tp: 8, ep: 8 }, weightPrecision: 'fp8', framework: 'in-house' });
    const dpStep = stepTime(dp, decodeStep(144, 4989));
    // One sequence per rank: the DP rank streams at least its attention, its 2 experts, the dense
    // layers, shared experts and the LM head (≈ 21 GB); a 1/144 share of the dense parts would be ≈ 16 GB.
    expect(dpStep.hbmBytesPerGpu).toBeGreaterThan(20e9);
    expect(tp.layout.dpAttention).toBe(false);
  });

  it('memory holds the replicated dense parts on every data-parallel rank', () => {
    const dp = memoryFit(deepseek, h800, 144, { tp: 144, ep: 144, dpAttention: true }, { weightPrecision: 'fp8' });
    // Attention (61 × 187M fp8) and 2 routed experts a layer (58 × 2 × 44M fp8) make ≈ 16.7 GB; the
    // replicated dense FFN (3 × 396M fp8), shared experts (58 × 44M fp8) and two bf16 vocabulary
    // tables (2 × 927M × 2 B) add ≈ 7.4 GB.
    expect(dp.weightBytesPerGpu / 1e9).toBeGreaterThan(23.5);
    expect(dp.weightBytesPerGpu / 1e9).toBeLessThan(24.5);
  });

  it('a prefill step that overlaps its all-to-all gives up the SMs the communication kernels hold; a decode step does not', () => {
    const ctx = wide(32);
    const prefill = (overlap: number) => stepTime({ ...ctx, framework: { ...ctx.framework, expertCommunicationOverlap: overlap } }, prefillStep(4 * 32, 4096));
    const overlapped = prefill(0.9);
    const hidden = 0.9 * Math.min(prefill(0).communicationTotalSeconds, overlapped.kernelSeconds);
    const share = PREFILL_ALL_TO_ALL_SM_SHARE;
    expect(overlapped.communicationSeconds).toBeCloseTo(overlapped.communicationTotalSeconds - hidden, 9);
    expect(overlapped.communicationTotalSeconds - prefill(0).communicationTotalSeconds).toBeCloseTo((hidden * share) / (1 - share), 9);
    const decode = (overlap: number) => stepTime({ ...ctx, framework: { ...ctx.framework, expertCommunicationOverlap: overlap } }, decodeStep(64 * 32, 4096));
    expect(decode(0.9).communicationTotalSeconds).toBeCloseTo(decode(0).communicationTotalSeconds, 12);
  });
});

describe('DeepEP all-to-all modes', () => {
  const hw = wide(144).hardware;
  it('across nodes the low-latency (decode) kernels send every remote expert copy over the NIC; the normal kernels one copy per remote node', () => {
    // EP 144 over 18 nodes, top-8: 8 × 136/144 = 7.56 remote copies a token against 18·(1 − (17/18)^8)·17/18 = 6.24 remote nodes.
    const nic = h800.scaleOutBandwidthBytesPerSecond! * hw.scaleOutLink;
    const ll = allToAllSeconds(h800, hw, 144, 128, 8, 7168, 'low-latency');
    const normal = allToAllSeconds(h800, hw, 144, 128, 8, 7168, 'normal');
    const remoteNodes = 18 * (1 - Math.pow(17 / 18, 8)) * (17 / 18);
    expect(ll - normal).toBeCloseTo((128 * 7168 * (8 * (136 / 144) - remoteNodes)) / nic, 9);
  });

  it('inside one scale-up domain the two modes cost the same', () => {
    expect(allToAllSeconds(h800, hw, 8, 128, 8, 7168, 'low-latency')).toBe(allToAllSeconds(h800, hw, 8, 128, 8, 7168, 'normal'));
  });

  it('a decode step of DeepSeek on EP 144 uses the low-latency kernels, a prefill step the normal ones', () => {
    const ctx = wide(144);
    const t = stepTime(ctx, decodeStep(64 * 144, 4096));
    const moe = deepseek.moe!;
    const perGpu = 64 * expertLoadImbalance(144, 64 * 144 * 8, ctx.framework.expertLoadSkew);
    const ll = 58 * (allToAllSeconds(h800, ctx.hardware, 144, perGpu, moe.expertsPerToken, 7168, 'low-latency') + allToAllSeconds(h800, ctx.hardware, 144, perGpu, moe.expertsPerToken, 14336, 'low-latency'));
    expect(t.communicationTotalSeconds).toBeCloseTo(ll, 12);
  });
});
