import { bytesPerKvElement, bytesPerWeight, computeBits, type Precision } from '../precision.js';
import { attentionParamsPerLayer } from '../model/parameters.js';
import type { HardwareEfficiency } from './efficiency.js';
import { achievedAttentionFlopPerSecond, achievedHbmBytesPerSecond, achievedMatmulFlopPerSecond, type PerfContext } from './perfContext.js';
import type { StepWork } from './stepTime.js';

/** Bytes of one activation element on the wire between GPUs (bf16). */
export const ACTIVATION_BYTES = 2;

/**
 * What every layer's cost reads besides the layer itself: the step's work and token counts, the
 * bytes of the stored formats, and the achieved rates of the instance's kernels. Built once per step.
 */
export interface LayerCostInputs {
  readonly ctx: PerfContext;
  readonly work: StepWork;
  readonly decodeTokens: number;
  readonly prefillTokens: number;
  /** Tokens the step runs through each layer: decode (with any draft tokens) plus new prompt tokens. */
  readonly tokens: number;
  /** Bytes per weight of the linear layers outside the routed experts. */
  readonly otherBytesPerWeight: number;
  readonly routedBytesPerWeight: number;
  readonly kvBytesPerElement: number;
  readonly otherFlopPerSecond: number;
  readonly routedFlopPerSecond: number;
  readonly attentionFlopPerSecond: number;
  readonly hbmBytesPerSecond: number;
  /** Share of the bandwidth the non-expert linear kernels keep (below 1 for weight-only formats). */
  readonly otherHbmShare: number;
  /** Share of the bandwidth the routed-expert kernels keep for their weight format. */
  readonly routedHbmShare: number;
  readonly attentionParamsPerLayer: number;
  /**
   * Tensor-parallel degree of the dense parts outside attention (dense FFN layers, shared experts,
   * LM head): the instance's TP, or 1 under data-parallel attention, where each attention rank runs
   * them on its own tokens with the weights replicated (DeepSeek's day 6: "MLA/Shared Expert DP144";
   * SGLang's large-scale EP blog, 2025-05-05: DP for dense FFNs and the LM head; TensorRT-LLM
   * modeling_deepseekv3.py: "If using attention DP, the MLP also uses DP instead of TP").
   */
  readonly denseTp: number;
  /** Rows (tokens) of one GPU's dense GEMMs: every token of the step under TP, its rank's share under DP. */
  readonly denseRows: number;
}

export function layerCostInputs(ctx: PerfContext, work: StepWork): LayerCostInputs {
  const decodeTokens = work.decodeSequences * work.tokensPerDecodeSequence;
  const prefillTokens = work.prefillSequences * work.prefillNewTokensPerSequence;
  const { otherLinear, routedExperts } = ctx.weightPrecisions;
  return {
    ctx,
    work,
    decodeTokens,
    prefillTokens,
    tokens: decodeTokens + prefillTokens,
    otherBytesPerWeight: bytesPerWeight(otherLinear),
    routedBytesPerWeight: bytesPerWeight(routedExperts),
    kvBytesPerElement: bytesPerKvElement(ctx.kvPrecision),
    otherFlopPerSecond: achievedMatmulFlopPerSecond(ctx, otherLinear),
    routedFlopPerSecond: achievedMatmulFlopPerSecond(ctx, routedExperts),
    attentionFlopPerSecond: achievedAttentionFlopPerSecond(ctx),
    hbmBytesPerSecond: achievedHbmBytesPerSecond(ctx),
    // Bytes of weight-only formats count extra: their kernels reach a share of the bandwidth.
    otherHbmShare: weightOnly(ctx, otherLinear),
    routedHbmShare: weightOnly(ctx, routedExperts),
    attentionParamsPerLayer: attentionParamsPerLayer(ctx.model),
    denseTp: ctx.layout.dpAttention ? 1 : ctx.layout.tp,
    denseRows: (decodeTokens + prefillTokens) / (ctx.layout.dpAttention ? ctx.layout.attentionDp : 1),
  };
}

/** A GEMM of few rows fills few tiles: its rate climbs as m / (m + m½) towards the large-shape rate. */
export function gemmShapeShare(hw: HardwareEfficiency, rows: number): number {
  return rows / (rows + hw.gemmHalfRows);
}

/**
 * Share of HBM efficiency a weight format's kernels keep: formats the chip has no matrix unit for
 * (int4 everywhere; fp4 before Blackwell; fp8 before Hopper) run weight-only, dequantizing on the fly.
 */
function weightOnly(ctx: PerfContext, precision: Precision): number {
  const peak = ctx.gpu.peakFlopPerSecond;
  const bits = computeBits(precision);
  const native = precision !== 'int4' && (bits === 16 || (bits === 8 && (precision === 'int8' ? peak.int8 : peak.fp8) !== null) || (bits === 4 && peak.fp4 !== null));
  return native ? 1 : ctx.framework.weightOnlyBandwidthShare;
}
