import { bytesPerWeight } from '../precision.js';
import { ffnParamsOfLayer } from '../model/parameters.js';
import { attentionLayerCost } from './attentionLayerCost.js';
import { PREFILL_ALL_TO_ALL_SM_SHARE, pipelineHandOffSeconds } from './communication.js';
import { denseFfnLayerCost } from './denseFfnLayerCost.js';
import { layerClasses, stagesOf } from './layerClasses.js';
import { ACTIVATION_BYTES, gemmShapeShare, layerCostInputs, type LayerCostInputs } from './layerCostInputs.js';
import { moeLayerCost } from './moeLayerCost.js';
import { achievedMatmulFlopPerSecond, type PerfContext } from './perfContext.js';
import { StageCost } from './stageCost.js';

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
 * Time of one pipeline stage's share of a step on one of its GPUs: each layer adds its attention
 * and its FFN (dense or MoE) kernels, each on the smooth roofline of its arithmetic and memory
 * traffic; the last stage adds the LM head; collectives are added unless overlapped; a framework
 * overhead is paid per step, per sequence and per MoE layer.
 */
function stageTime(s: LayerCostInputs, layers: readonly number[], last: boolean, first: boolean): StepTime {
  const { model, gpu, layout, hardware: hw, framework: fw } = s.ctx;
  const w = s.work;
  const cost = new StageCost();
  for (const { layer, count } of layerClasses(model, layers)) {
    cost.layers = count;
    attentionLayerCost(cost, s, layer);
    const f = ffnParamsOfLayer(model, layer);
    if (f.dense > 0 || model.moe === null) denseFfnLayerCost(cost, s, f.dense);
    else moeLayerCost(cost, s, model.moe, f);
  }
  cost.layers = 1;
  if (last) lmHeadCost(cost, s);
  if (!first) {
    const crossesNodes = layout.gpusPerInstance > gpu.scaleUpDomainSize;
    cost.blockingCollective(pipelineHandOffSeconds(gpu, hw, crossesNodes, (s.tokens / layout.attentionDp) * model.hiddenSize * ACTIVATION_BYTES));
  }

  const { kernelSeconds, blockingCollectiveSeconds, expertCollectiveSeconds } = cost;
  const hiddenExpert = fw.expertCommunicationOverlap * Math.min(expertCollectiveSeconds, kernelSeconds);
  // Kernels that run beside SM-based all-to-all kernels (steps with prompt tokens) run on the SMs
  // those leave: the overlapped stretch of compute takes 1 / (1 − share) as long.
  const smShare = s.prefillTokens > 0 ? PREFILL_ALL_TO_ALL_SM_SHARE : 0;
  const sharedSms = (hiddenExpert * smShare) / (1 - smShare);
  const communicationSeconds = blockingCollectiveSeconds + expertCollectiveSeconds - hiddenExpert + sharedSms;
  // Per step, per sequence of the busiest scheduler (one per attention rank), and per layer.
  const sequencesPerRank = (w.decodeSequences + w.prefillSequences) / layout.attentionDp;
  const overheadSeconds = fw.stepOverheadSeconds + fw.sequenceOverheadSeconds * sequencesPerRank + cost.layerOverheadSeconds;
  const stepSeconds = kernelSeconds + communicationSeconds + overheadSeconds;
  let bound: StepTime['bound'] = cost.computeSeconds >= cost.memorySeconds ? 'compute' : 'memory';
  let largest = kernelSeconds;
  if (communicationSeconds > largest) { bound = 'communication'; largest = communicationSeconds; }
  if (overheadSeconds > largest) bound = 'overhead';
  return {
    stepSeconds,
    computeSeconds: cost.computeSeconds,
    memorySeconds: cost.memorySeconds,
    kernelSeconds,
    communicationSeconds,
    communicationTotalSeconds: blockingCollectiveSeconds + expertCollectiveSeconds + sharedSms,
    overheadSeconds,
    flopPerGpu: cost.flopPerGpu,
    hbmBytesPerGpu: cost.hbmBytesPerGpu,
    bound,
  };
}

/**
 * Adds the LM head to `cost`: the vocabulary projection of every token sampled in the step (one per
 * decoded token and per prefill), vocabulary-parallel over TP or, under data-parallel attention,
 * whole on each rank for its own tokens.
 */
function lmHeadCost(cost: StageCost, s: LayerCostInputs): void {
  const { ctx, work: w } = s;
  const { model, layout } = ctx;
  const lmHead = model.vocabSize * model.hiddenSize;
  const sampled = s.decodeTokens + w.prefillSequences;
  const embeddings = ctx.weightPrecisions.embeddings;
  const rows = layout.dpAttention ? sampled / layout.attentionDp : sampled;
  cost.kernel((2 * lmHead * sampled) / layout.tp, (lmHead * bytesPerWeight(embeddings)) / s.denseTp, achievedMatmulFlopPerSecond(ctx, embeddings) * gemmShapeShare(ctx.hardware, rows), s.hbmBytesPerSecond);
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
  const inputs = layerCostInputs(ctx, micro);
  let slowest: StepTime | null = null;
  stages.forEach((layers, s) => {
    const t = stageTime(inputs, layers, s === pp - 1, s === 0);
    if (slowest === null || t.stepSeconds > slowest.stepSeconds) slowest = t;
  });
  const t = slowest as unknown as StepTime;
  if (pp === 1) return t;
  const k = pp;
  return { ...t, stepSeconds: t.stepSeconds * k, computeSeconds: t.computeSeconds * k, memorySeconds: t.memorySeconds * k, kernelSeconds: t.kernelSeconds * k, communicationSeconds: t.communicationSeconds * k, communicationTotalSeconds: t.communicationTotalSeconds * k, overheadSeconds: t.overheadSeconds * k };
}
