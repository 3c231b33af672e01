import { bytesPerKvElement, bytesPerWeight, computeBits, type Precision } from '../precision.js';
import { attentionParamsPerLayer, ffnParamsOfLayer, gatedFfnParams } from '../model/parameters.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { stageLayerIndices } from '../memory/weightBytes.js';
import { attendedTokens, decodeAttentionFlopPerToken, kvBytesReadPerSequence, kvBytesWritten, prefillAttentionFlop } from './attentionCost.js';
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


/**
 * Sharpness of the roofline: a kernel takes `(c^p + m^p)^(1/p)` for compute time c and memory
 * time m, not `max(c, m)`. Near the ridge point a real kernel reaches neither peak (loads and
 * math overlap imperfectly); p = 4 costs 19% over the hard max where c = m and under 1% once one
 * side is twice the other.
 */
export const ROOFLINE_SHARPNESS = 4; // rooflineSeconds computes the fourth root by two square roots

/** The time of a kernel of compute time `c` and memory time `m` on the smooth roofline. */
export function rooflineSeconds(c: number, m: number): number {
  const big = Math.max(c, m);
  if (big <= 0) return 0;
  // (x⁴ + y⁴)^¼ by squares and square roots: this runs for every kernel of every step.
  const x = c / big;
  const y = m / big;
  const x2 = x * x;
  const y2 = y * y;
  return big * Math.sqrt(Math.sqrt(x2 * x2 + y2 * y2));
}

/**
 * Load of the busiest of `ep` expert-parallel ranks relative to the mean, when `copies` token
 * copies (tokens × top-k) are routed: the random spread of routing (the largest of `ep` nearly
 * normal counts of mean μ = copies / ep lies about √(2 ln ep · μ) above it) plus a systematic
 * skew of the framework. 1 when there is no expert parallelism.
 * Example: 256 copies over EP 8 (μ = 32) with skew 0.1: 1 + 0.1 + √(2 ln 8 / 32) = 1.61.
 */
export function expertLoadImbalance(ep: number, copies: number, skew: number): number {
  if (ep <= 1 || copies <= 0) return 1;
  const mean = copies / ep;
  return 1 + skew + Math.sqrt((2 * Math.log(ep)) / Math.max(mean, 1));
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

export function decodeStep(sequences: number, contextTokens: number, tokensPerSequence = 1): StepWork {
  return { decodeSequences: sequences, decodeContextTokens: contextTokens, tokensPerDecodeSequence: tokensPerSequence, prefillSequences: 0, prefillNewTokensPerSequence: 0, prefillCachedTokensPerSequence: 0 };
}

export function prefillStep(sequences: number, newTokens: number, cachedTokens = 0): StepWork {
  return { decodeSequences: 0, decodeContextTokens: 0, tokensPerDecodeSequence: 1, prefillSequences: sequences, prefillNewTokensPerSequence: newTokens, prefillCachedTokensPerSequence: cachedTokens };
}

const stageCache = new Map<string, readonly (readonly number[])[]>();

/** `stageLayerIndices`, memoized: a step asks for it every time. */
function stagesOf(layerCount: number, pp: number): readonly (readonly number[])[] {
  const key = `${layerCount}:${pp}`;
  let stages = stageCache.get(key);
  if (stages === undefined) {
    stages = stageLayerIndices(layerCount, pp);
    stageCache.set(key, stages);
  }
  return stages;
}

const classCache = new WeakMap<ModelArchitecture, Map<string, { layer: number; count: number }[]>>();

/**
 * Layers of a stage grouped by what their cost depends on (dense or MoE FFN, windowed or full
 * attention), each with one representative and a count, so a step costs a handful of layer
 * evaluations instead of one per layer. Memoized per model and stage (a pure function of both).
 */
function layerClasses(model: ModelArchitecture, layers: readonly number[]): { layer: number; count: number }[] {
  const perModel = classCache.get(model) ?? new Map<string, { layer: number; count: number }[]>();
  classCache.set(model, perModel);
  const key = `${layers[0] ?? -1}:${layers.length}`;
  const cached = perModel.get(key);
  if (cached !== undefined) return cached;
  const dense = new Set(model.moe?.denseLayerIndices ?? []);
  const local = new Set(model.localAttention?.layerIndices ?? []);
  const groups = new Map<string, { layer: number; count: number }>();
  for (const layer of layers) {
    const k = `${model.moe === null || dense.has(layer)}:${local.has(layer)}`;
    const g = groups.get(k);
    if (g === undefined) groups.set(k, { layer, count: 1 });
    else g.count++;
  }
  const out = [...groups.values()];
  perModel.set(key, out);
  return out;
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
  // A decode kernel without grouped-query support loads a GPU's KV heads once per query head it
  // serves: qHeads / max(attention TP, kvHeads) times (8 for Llama-70B on one GPU, 1 for MHA).
  const decodeKvReads = fw.decodeKvReadPerQueryHead && a.kind === 'gqa' ? Math.max(1, a.queryHeadCount / Math.max(layout.attentionTp, a.kvHeadCount)) : 1;
  const attentionParams = attentionParamsPerLayer(model);
  const hbm = achievedHbmBytesPerSecond(ctx);
  // Bytes of weight-only formats count extra: their kernels reach a share of the bandwidth.
  const otherShare = weightOnly(ctx, ctx.weightPrecisions.otherLinear);
  const activationBytes = 2; // bf16 activations on the wire
  // A GEMM of few rows fills few tiles: its rate climbs as m / (m + m½) towards the large-shape rate.
  const shape = (rows: number) => rows / (rows + hw.gemmHalfRows);

  // Kernels are summed as they are costed: each takes its arithmetic at an achieved FLOP/s and its
  // HBM traffic at an achieved bandwidth, times the layers like the representative one (`scale`).
  let computeSeconds = 0;
  let memorySeconds = 0;
  let kernelSeconds = 0;
  let flopPerGpu = 0;
  let hbmBytesPerGpu = 0;
  let scale = 1;
  const kernel = (flop: number, bytes: number, flopPerSecond: number, bytesPerSecond: number) => {
    const c = flop > 0 ? (scale * flop) / flopPerSecond : 0;
    const m = (scale * bytes) / bytesPerSecond;
    computeSeconds += c;
    memorySeconds += m;
    kernelSeconds += rooflineSeconds(c, m);
    flopPerGpu += scale * flop;
    hbmBytesPerGpu += scale * bytes;
  };
  let tpCollectives = 0;
  let expertCollectives = 0;
  let moeLayers = 0;
  for (const { layer, count } of layerClasses(model, layers)) {
    scale = count;
    const tpBefore = tpCollectives;
    const expertBefore = expertCollectives;
    kernel((2 * attentionParams * tokens) / tp, (attentionParams * other) / layout.attentionTp, otherPeak * shape(tokens / layout.attentionDp), hbm * otherShare);
    const decodeSpan = attendedTokens(model, layer, w.decodeContextTokens);
    const attentionFlop =
      decodeTokens * decodeAttentionFlopPerToken(model, decodeSpan, w.decodeContextTokens) +
      w.prefillSequences * prefillAttentionFlop(model, layer, w.prefillNewTokensPerSequence, w.prefillCachedTokensPerSequence);
    const cached = w.prefillCachedTokensPerSequence;
    const kvTraffic =
      w.decodeSequences * kvBytesReadPerSequence(model, kvBytes, decodeSpan, w.decodeContextTokens) * decodeKvReads +
      w.prefillSequences * kvBytesReadPerSequence(model, kvBytes, attendedTokens(model, layer, cached), cached) +
      kvBytesWritten(model, kvBytes, decodeTokens + prefillTokens);
    // Under data-parallel attention the busiest GPU holds at least one whole sequence.
    const perGpu = layout.dpAttention ? Math.max(1 / tp, Math.min(1, 1 / Math.max(w.decodeSequences + w.prefillSequences, 1e-9))) : 1 / tp;
    const kvPerGpu = layout.dpAttention ? perGpu : 1 / kvShare;
    kernel(attentionFlop * perGpu, kvTraffic * kvPerGpu, attentionPeak, hbm * hw.kvHbmShare);
    if (layout.attentionTp > 1) tpCollectives += allReduceSeconds(gpu, hw, layout.attentionTp, tokens * model.hiddenSize * activationBytes);

    const f = ffnParamsOfLayer(model, layer);
    const moe = model.moe;
    if (f.dense > 0 || moe === null) {
      kernel((2 * f.dense * tokens) / tp, (f.dense * other) / tp, otherPeak * shape(tokens), hbm * otherShare);
      tpCollectives += allReduceSeconds(gpu, hw, tp, tokens * model.hiddenSize * activationBytes);
      tpCollectives = tpBefore + (tpCollectives - tpBefore) * count;
      continue;
    }
    moeLayers += count;
    const perExpert = gatedFfnParams(model.hiddenSize, moe.expertFfnSize);
    // The busiest expert-parallel rank sets the step: more tokens, and more of its experts touched.
    const imbalance = expertLoadImbalance(layout.ep, tokens * moe.expertsPerToken, fw.expertLoadSkew);
    const localExperts = moe.routedExpertCount / layout.ep;
    const touchedHere = Math.min(localExperts, (expectedExpertsTouched(moe.routedExpertCount, moe.expertsPerToken, tokens) / layout.ep) * imbalance);
    const rowsPerExpert = (tokens * moe.expertsPerToken * imbalance) / Math.max(1e-9, expectedExpertsTouched(moe.routedExpertCount, moe.expertsPerToken, tokens));
    kernel((2 * f.activeRouted * tokens * imbalance) / tp, (touchedHere * perExpert * routed) / layout.moeTp, routedPeak * shape(rowsPerExpert), hbm * hw.expertHbmShare * weightOnly(ctx, ctx.weightPrecisions.routedExperts));
    if (f.shared > 0) kernel((2 * f.shared * tokens) / tp, (f.shared * other) / tp, otherPeak * shape(tokens), hbm * otherShare);
    kernel((2 * f.router * tokens) / tp, f.router * other, otherPeak, hbm);
    if (layout.ep > 1) {
      // Dispatch in fp8, combine in bf16: each GPU sends k copies of its tokens' hidden states.
      const k = moe.expertsPerToken;
      expertCollectives += (allToAllSeconds(gpu, hw, layout.ep, (tokens / tp) * imbalance, k, model.hiddenSize * 1) +
        allToAllSeconds(gpu, hw, layout.ep, (tokens / tp) * imbalance, k, model.hiddenSize * activationBytes));
    } else {
      tpCollectives += allReduceSeconds(gpu, hw, tp, tokens * model.hiddenSize * activationBytes);
    }
    tpCollectives = tpBefore + (tpCollectives - tpBefore) * count;
    expertCollectives = expertBefore + (expertCollectives - expertBefore) * count;
  }
  scale = 1;
  if (last) {
    const lmHead = model.vocabSize * model.hiddenSize;
    const sampled = decodeTokens + w.prefillSequences;
    kernel((2 * lmHead * sampled) / tp, (lmHead * bytesPerWeight(ctx.weightPrecisions.embeddings)) / tp, achievedMatmulFlopPerSecond(ctx, ctx.weightPrecisions.embeddings) * shape(sampled), hbm);
  }
  if (!first) {
    const crossesNodes = layout.gpusPerInstance > gpu.scaleUpDomainSize;
    tpCollectives += pipelineHandOffSeconds(gpu, hw, crossesNodes, (tokens / layout.attentionDp) * model.hiddenSize * activationBytes);
  }

  const hiddenExpert = fw.expertCommunicationOverlap * Math.min(expertCollectives, kernelSeconds);
  const communicationSeconds = tpCollectives + expertCollectives - hiddenExpert;
  // Per step, per sequence of the busiest scheduler (one per attention rank), and per MoE layer.
  const sequencesPerRank = (w.decodeSequences + w.prefillSequences) / layout.attentionDp;
  const overheadSeconds = fw.stepOverheadSeconds + fw.sequenceOverheadSeconds * sequencesPerRank + fw.moeLayerOverheadSeconds * moeLayers;
  const stepSeconds = kernelSeconds + communicationSeconds + overheadSeconds;
  let bound: StepTime['bound'] = computeSeconds >= memorySeconds ? 'compute' : 'memory';
  let largest = kernelSeconds;
  if (communicationSeconds > largest) { bound = 'communication'; largest = communicationSeconds; }
  if (overheadSeconds > largest) bound = 'overhead';
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
  const stages = stagesOf(ctx.model.layerCount, pp);
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
