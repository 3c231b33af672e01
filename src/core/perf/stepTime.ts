import { bytesPerKvElement, bytesPerWeight, type Precision } from '../precision.js';
import { attentionParamsPerLayer, ffnParamsOfLayer, gatedFfnParams } from '../model/parameters.js';
import { stageLayerIndices } from '../memory/weightBytes.js';
import { attendedTokens, decodeAttentionFlopPerToken, kvElementsReadPerSequence, prefillAttentionFlop } from './attentionCost.js';
import { allReduceSeconds, allToAllSeconds, pipelineHandOffSeconds } from './communication.js';
import { expectedExpertsTouched } from './expertsTouched.js';
import { achievedAttentionFlopPerSecond, achievedHbmBytesPerSecond, achievedMatmulFlopPerSecond, type PerfContext } from './perfContext.js';

/** The work of one forward step of one instance (all its data-parallel attention ranks together). */
export interface StepWork {
  /** Sequences generating in this step. */
  readonly decodeSequences: number;
  /** Mean tokens already in the cache of each decoding sequence. */
  readonly decodeContextTokens: number;
  /** Tokens each decoding sequence runs through the model: 1, or 1 + draft tokens when verifying speculation. */
  readonly tokensPerDecodeSequence: number;
  /** Sequences whose prompt (or a chunk of it) is computed in this step. */
  readonly prefillSequences: number;
  readonly prefillNewTokensPerSequence: number;
  /** Prompt tokens of each prefilling sequence already in the cache (prefix hits, earlier chunks). */
  readonly prefillCachedTokensPerSequence: number;
}

/** Seconds of one step on the slowest GPU, by what bounds them. */
export interface StepTime {
  readonly stepSeconds: number;
  /** Σ FLOP / achieved FLOP/s over the step's kernels. */
  readonly computeSeconds: number;
  /** Σ bytes / achieved HBM bandwidth over the step's kernels. */
  readonly memorySeconds: number;
  /** Σ over kernels of the larger of the two: the roofline time of the step. */
  readonly kernelSeconds: number;
  /** Communication left on the critical path after any overlap. */
  readonly communicationSeconds: number;
  /** All communication, hidden or not. */
  readonly communicationTotalSeconds: number;
  readonly overheadSeconds: number;
  readonly flopPerGpu: number;
  readonly hbmBytesPerGpu: number;
  readonly bound: 'compute' | 'memory' | 'communication' | 'overhead';
}

interface Kernel { flop: number; bytes: number; flopPerSecond: number }

/** Share of HBM efficiency a weight format's kernels keep: weight-only int4 dequantizes on the fly. */
function weightOnly(ctx: PerfContext, precision: Precision): number {
  return precision === 'int4' ? ctx.framework.weightOnlyBandwidthShare : 1;
}

export function decodeStep(sequences: number, contextTokens: number, tokensPerSequence = 1): StepWork {
  return { decodeSequences: sequences, decodeContextTokens: contextTokens, tokensPerDecodeSequence: tokensPerSequence, prefillSequences: 0, prefillNewTokensPerSequence: 0, prefillCachedTokensPerSequence: 0 };
}

export function prefillStep(sequences: number, newTokens: number, cachedTokens = 0): StepWork {
  return { decodeSequences: 0, decodeContextTokens: 0, tokensPerDecodeSequence: 1, prefillSequences: sequences, prefillNewTokensPerSequence: newTokens, prefillCachedTokensPerSequence: cachedTokens };
}

/** Scales a step's sequences by `factor` (a pipeline micro-batch is 1/pp of the batch). */
function scaleWork(w: StepWork, factor: number): StepWork {
  return { ...w, decodeSequences: w.decodeSequences * factor, prefillSequences: w.prefillSequences * factor };
}

/**
 * Time of one pipeline stage's share of a step on one of its GPUs: per layer, each kernel takes
 * the larger of its arithmetic and its memory traffic (roofline); collectives are added unless
 * overlapped; a framework overhead is paid once.
 */
function stageTime(ctx: PerfContext, w: StepWork, layers: readonly number[], last: boolean, first: boolean): StepTime {
  const { model, gpu, layout, hardware: hw, framework: fw } = ctx;
  const tp = layout.tp;
  const decodeTokens = w.decodeSequences * w.tokensPerDecodeSequence;
  const prefillTokens = w.prefillSequences * w.prefillNewTokensPerSequence;
  const tokens = decodeTokens + prefillTokens;
  const other = bytesPerWeight(ctx.weightPrecisions.otherLinear);
  const routed = bytesPerWeight(ctx.weightPrecisions.routedExperts);
  const kvBytes = bytesPerKvElement(ctx.kvPrecision);
  const otherPeak = achievedMatmulFlopPerSecond(ctx, ctx.weightPrecisions.otherLinear);
  const routedPeak = achievedMatmulFlopPerSecond(ctx, ctx.weightPrecisions.routedExperts);
  const attentionPeak = achievedAttentionFlopPerSecond(ctx);
  const a = model.attention;
  // GPUs that share one sequence's cache: each reads its slice (GQA heads) or all of it (MLA under TP).
  const kvShare = layout.dpAttention ? tp : a.kind === 'gqa' ? Math.min(tp, a.kvHeadCount) : 1;
  const attentionParams = attentionParamsPerLayer(model);
  // Bytes of weight-only formats count extra: their kernels reach a share of the bandwidth.
  const otherShare = weightOnly(ctx, ctx.weightPrecisions.otherLinear);
  const activationBytes = 2; // bf16 activations on the wire

  const kernels: Kernel[] = [];
  let tpCollectives = 0;
  let expertCollectives = 0;
  for (const layer of layers) {
    kernels.push({ flop: (2 * attentionParams * tokens) / tp, bytes: (attentionParams * other) / layout.attentionTp / otherShare, flopPerSecond: otherPeak });
    const decodeSpan = attendedTokens(model, layer, w.decodeContextTokens);
    const attentionFlop =
      decodeTokens * decodeAttentionFlopPerToken(model, decodeSpan, w.decodeContextTokens) +
      w.prefillSequences * prefillAttentionFlop(model, layer, w.prefillNewTokensPerSequence, w.prefillCachedTokensPerSequence);
    const kvRead =
      w.decodeSequences * kvElementsReadPerSequence(model, decodeSpan, w.decodeContextTokens) +
      w.prefillSequences * kvElementsReadPerSequence(model, attendedTokens(model, layer, w.prefillCachedTokensPerSequence), w.prefillCachedTokensPerSequence);
    kernels.push({ flop: attentionFlop / tp, bytes: (kvRead * kvBytes) / kvShare, flopPerSecond: attentionPeak });
    if (layout.attentionTp > 1) tpCollectives += allReduceSeconds(gpu, hw, layout.attentionTp, tokens * model.hiddenSize * activationBytes);

    const f = ffnParamsOfLayer(model, layer);
    if (f.dense > 0) {
      kernels.push({ flop: (2 * f.dense * tokens) / tp, bytes: (f.dense * other) / tp / otherShare, flopPerSecond: otherPeak });
      tpCollectives += allReduceSeconds(gpu, hw, tp, tokens * model.hiddenSize * activationBytes);
      continue;
    }
    const moe = model.moe;
    if (moe === null) continue;
    const perExpert = gatedFfnParams(model.hiddenSize, moe.expertFfnSize);
    const touchedHere = expectedExpertsTouched(moe.routedExpertCount, moe.expertsPerToken, tokens) / layout.ep;
    kernels.push({ flop: (2 * f.activeRouted * tokens) / tp, bytes: (touchedHere * perExpert * routed) / layout.moeTp / weightOnly(ctx, ctx.weightPrecisions.routedExperts) / hw.expertHbmShare, flopPerSecond: routedPeak });
    if (f.shared > 0) kernels.push({ flop: (2 * f.shared * tokens) / tp, bytes: (f.shared * other) / tp / otherShare, flopPerSecond: otherPeak });
    kernels.push({ flop: (2 * f.router * tokens) / tp, bytes: f.router * other, flopPerSecond: otherPeak });
    if (layout.ep > 1) {
      // Dispatch in fp8, combine in bf16: each GPU sends k copies of its tokens' hidden states.
      const k = moe.expertsPerToken;
      expertCollectives += allToAllSeconds(gpu, hw, layout.ep, tokens / tp, k, model.hiddenSize * 1) +
        allToAllSeconds(gpu, hw, layout.ep, tokens / tp, k, model.hiddenSize * activationBytes);
    } else {
      tpCollectives += allReduceSeconds(gpu, hw, tp, tokens * model.hiddenSize * activationBytes);
    }
  }
  if (last) {
    const lmHead = model.vocabSize * model.hiddenSize;
    const sampled = decodeTokens + w.prefillSequences;
    kernels.push({ flop: (2 * lmHead * sampled) / tp, bytes: (lmHead * bytesPerWeight(ctx.weightPrecisions.embeddings)) / tp, flopPerSecond: otherPeak });
  }
  if (!first) {
    const crossesNodes = layout.gpusPerInstance > gpu.scaleUpDomainSize;
    tpCollectives += pipelineHandOffSeconds(gpu, hw, crossesNodes, (tokens / layout.attentionDp) * model.hiddenSize * activationBytes);
  }

  const hbm = achievedHbmBytesPerSecond(ctx);
  let computeSeconds = 0;
  let memorySeconds = 0;
  let kernelSeconds = 0;
  let flopPerGpu = 0;
  let hbmBytesPerGpu = 0;
  for (const k of kernels) {
    const c = k.flop / k.flopPerSecond;
    const m = k.bytes / hbm;
    computeSeconds += c;
    memorySeconds += m;
    kernelSeconds += Math.max(c, m);
    flopPerGpu += k.flop;
    hbmBytesPerGpu += k.bytes;
  }
  const hiddenExpert = fw.expertCommunicationOverlap * Math.min(expertCollectives, kernelSeconds);
  const communicationSeconds = tpCollectives + expertCollectives - hiddenExpert;
  const overheadSeconds = fw.stepOverheadSeconds;
  const stepSeconds = kernelSeconds + communicationSeconds + overheadSeconds;
  const parts = { compute: computeSeconds >= memorySeconds ? kernelSeconds : 0, memory: computeSeconds < memorySeconds ? kernelSeconds : 0, communication: communicationSeconds, overhead: overheadSeconds };
  const bound = (Object.entries(parts) as [StepTime['bound'], number][]).reduce((x, y) => (y[1] > x[1] ? y : x))[0];
  return { stepSeconds, computeSeconds, memorySeconds, kernelSeconds, communicationSeconds, communicationTotalSeconds: tpCollectives + expertCollectives, overheadSeconds, flopPerGpu, hbmBytesPerGpu, bound };
}

/**
 * Time of one step of `work` through the whole instance. With pipeline parallelism the batch is
 * split into pp micro-batches that flow through the stages, so every sequence advances once per
 * pp stage-times of a micro-batch: step = pp × (slowest stage on work / pp).
 * Example: batch-1 decode of a dense model is its weight bytes over achieved bandwidth plus overhead.
 */
export function stepTime(ctx: PerfContext, work: StepWork): StepTime {
  const pp = ctx.layout.pp;
  const micro = pp > 1 ? scaleWork(work, 1 / pp) : work;
  const stages = stageLayerIndices(ctx.model.layerCount, pp);
  let slowest: StepTime | null = null;
  stages.forEach((layers, s) => {
    const t = stageTime(ctx, micro, layers, s === pp - 1, s === 0);
    if (slowest === null || t.stepSeconds > slowest.stepSeconds) slowest = t;
  });
  const t = slowest as unknown as StepTime;
  if (pp === 1) return t;
  const k = pp;
  return { ...t, stepSeconds: t.stepSeconds * k, computeSeconds: t.computeSeconds * k, memorySeconds: t.memorySeconds * k, kernelSeconds: t.kernelSeconds * k, communicationSeconds: t.communicationSeconds * k, communicationTotalSeconds: t.communicationTotalSeconds * k, overheadSeconds: t.overheadSeconds * k };
}
