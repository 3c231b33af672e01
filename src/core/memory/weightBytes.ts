import { bytesPerWeight } from '../precision.js';
import type { ModelArchitecture, WeightPrecisions } from '../model/modelArchitecture.js';
import { attentionParamsPerLayer, countParameters, ffnParamsOfLayer, gatedFfnParams } from '../model/parameters.js';
import type { ResolvedLayout } from './layout.js';

const stageCache = new Map<string, readonly (readonly number[])[]>();

/**
 * Layer indices of each pipeline stage: an even split, the first `L mod pp` stages one layer
 * longer. Memoized (a pure function of its two numbers); callers must not mutate the result.
 */
export function stageLayerIndices(layerCount: number, pp: number): readonly (readonly number[])[] {
  const key = `${layerCount}/${pp}`;
  const hit = stageCache.get(key);
  if (hit !== undefined) return hit;
  const stages = splitLayers(layerCount, pp);
  stageCache.set(key, stages);
  return stages;
}

function splitLayers(layerCount: number, pp: number): number[][] {
  const base = Math.floor(layerCount / pp);
  const extra = layerCount % pp;
  const stages: number[][] = [];
  let next = 0;
  for (let s = 0; s < pp; s++) {
    const size = base + (s < extra ? 1 : 0);
    stages.push(Array.from({ length: size }, (_, i) => next + i));
    next += size;
  }
  return stages;
}

/** Bytes of all weights of the model at `precisions` (scales included), before any split. */
export function totalWeightBytes(model: ModelArchitecture, precisions: WeightPrecisions): number {
  const p = countParameters(model);
  const other = p.attention + p.denseFfn + p.sharedExperts + p.router;
  return (
    (p.inputEmbedding + p.lmHead) * bytesPerWeight(precisions.embeddings) +
    p.routedExperts * bytesPerWeight(precisions.routedExperts) +
    other * bytesPerWeight(precisions.otherLinear)
  );
}

/**
 * Weight bytes one GPU of pipeline stage `stage` holds: attention split by attention-TP, dense FFN
 * and shared experts by TP, routed experts as ⌈E/ep⌉ experts sharded tp/ep ways, the router
 * replicated, the vocabulary-parallel embedding on the first stage and LM head on the last. Under
 * data-parallel attention the dense FFN, shared experts and vocabulary tables are replicated on
 * every rank, as the step model runs them (perf/layerCostInputs.ts `denseTp`).
 */
export function weightBytesPerGpuOfStage(
  model: ModelArchitecture,
  precisions: WeightPrecisions,
  layout: ResolvedLayout,
  layers: readonly number[],
  stage: number,
): number {
  const other = bytesPerWeight(precisions.otherLinear);
  const routed = bytesPerWeight(precisions.routedExperts);
  const embed = bytesPerWeight(precisions.embeddings);
  let bytes = 0;
  const attention = (attentionParamsPerLayer(model) / layout.attentionTp) * other;
  const denseTp = layout.dpAttention ? 1 : layout.tp;
  for (const index of layers) {
    const f = ffnParamsOfLayer(model, index);
    bytes += attention + ((f.dense + f.shared) / denseTp) * other + f.router * other;
    if (f.routed > 0 && model.moe !== null) {
      const expertsHere = Math.ceil(model.moe.routedExpertCount / layout.ep);
      bytes += ((expertsHere * gatedFfnParams(model.hiddenSize, model.moe.expertFfnSize)) / layout.moeTp) * routed;
    }
  }
  const table = (model.vocabSize * model.hiddenSize) / denseTp;
  if (stage === 0) bytes += table * embed;
  if (stage === layout.pp - 1 && !model.tiedEmbeddings) bytes += table * embed;
  return bytes;
}
