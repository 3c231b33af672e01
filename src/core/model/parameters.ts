import type { ActiveCountConvention, MlaAttention, ModelArchitecture } from './modelArchitecture.js';

/**
 * Parameters of one model by where they sit, computed from the architecture (norms, biases, MTP
 * modules and vision towers are not counted: together well under 1% of any catalog model).
 */
export interface ParameterBreakdown {
  readonly inputEmbedding: number;
  /** Zero when the LM head is tied to the input embedding. */
  readonly lmHead: number;
  /** All layers' attention projections (and the V3.2 indexer). */
  readonly attention: number;
  /** All dense layers' gated FFNs. */
  readonly denseFfn: number;
  /** All routed experts of all MoE layers. */
  readonly routedExperts: number;
  readonly sharedExperts: number;
  readonly router: number;
  readonly total: number;
  /**
   * Parameters one token's forward pass multiplies by: everything but the input embedding (a
   * table look-up) and the routed experts it is not sent to.
   */
  readonly active: number;
  /** Routed-expert parameters one token uses (top-k experts in every MoE layer). */
  readonly activeRoutedExperts: number;
}

/** Gated FFN (SwiGLU): gate, up and down projections. */
export function gatedFfnParams(hiddenSize: number, ffnSize: number): number {
  return 3 * hiddenSize * ffnSize;
}

function mlaAttentionParams(d: number, a: MlaAttention): number {
  const h = a.queryHeadCount;
  const qkHeadDim = a.qkNopeHeadDim + a.qkRopeHeadDim;
  const query = a.qLoraRank === null ? d * h * qkHeadDim : d * a.qLoraRank + a.qLoraRank * h * qkHeadDim;
  const kvDown = d * (a.kvLoraRank + a.qkRopeHeadDim);
  const kvUp = a.kvLoraRank * h * (a.qkNopeHeadDim + a.vHeadDim);
  const output = h * a.vHeadDim * d;
  const ix = a.indexer;
  const indexer = ix === null ? 0 : (a.qLoraRank ?? d) * ix.headCount * ix.headDim + d * ix.headDim + d * ix.headCount;
  return query + kvDown + kvUp + output + indexer;
}

/** Parameters of one layer's attention projections (Q, K, V, O; MLA's low-rank factors). */
export function attentionParamsPerLayer(model: ModelArchitecture): number {
  const a = model.attention;
  const d = model.hiddenSize;
  if (a.kind === 'mla') return mlaAttentionParams(d, a);
  return d * a.queryHeadCount * a.headDim + 2 * d * a.kvHeadCount * a.headDim + a.queryHeadCount * a.headDim * d;
}

/** FFN parameters of layer `index`, split into dense, routed, shared and router weights. */
export function ffnParamsOfLayer(model: ModelArchitecture, index: number) {
  const d = model.hiddenSize;
  const moe = model.moe;
  if (moe === null || moe.denseLayerIndices.includes(index)) {
    if (model.denseFfnSize === null) throw new Error(`${model.id}: layer ${index} is dense but the model has no dense FFN size`);
    return { dense: gatedFfnParams(d, model.denseFfnSize), routed: 0, activeRouted: 0, shared: 0, router: 0 };
  }
  const perExpert = gatedFfnParams(d, moe.expertFfnSize);
  return {
    dense: 0,
    routed: moe.routedExpertCount * perExpert,
    activeRouted: moe.expertsPerToken * perExpert,
    shared: moe.sharedExpertCount * gatedFfnParams(d, moe.sharedExpertFfnSize),
    router: d * moe.routedExpertCount,
  };
}

/**
 * Counts parameters from the architecture.
 * Example: DeepSeek-V3 gives total 671.0e9 and active 36.6e9 (published: 671B, 37B).
 */
export function countParameters(model: ModelArchitecture): ParameterBreakdown {
  const hit = countCache.get(model);
  if (hit !== undefined) return hit;
  const counts = count(model);
  countCache.set(model, counts);
  return counts;
}

/** Memo of countParameters per architecture object (records are immutable). */
const countCache = new WeakMap<ModelArchitecture, ParameterBreakdown>();

function count(model: ModelArchitecture): ParameterBreakdown {
  const inputEmbedding = model.vocabSize * model.hiddenSize;
  const lmHead = model.tiedEmbeddings ? 0 : inputEmbedding;
  const attention = model.layerCount * attentionParamsPerLayer(model);
  let denseFfn = 0;
  let routedExperts = 0;
  let activeRoutedExperts = 0;
  let sharedExperts = 0;
  let router = 0;
  for (let i = 0; i < model.layerCount; i++) {
    const f = ffnParamsOfLayer(model, i);
    denseFfn += f.dense;
    routedExperts += f.routed;
    activeRoutedExperts += f.activeRouted;
    sharedExperts += f.shared;
    router += f.router;
  }
  const total = inputEmbedding + lmHead + attention + denseFfn + routedExperts + sharedExperts + router;
  const active = lmHead + attention + denseFfn + activeRoutedExperts + sharedExperts + router;
  return { inputEmbedding, lmHead, attention, denseFfn, routedExperts, sharedExperts, router, total, active, activeRoutedExperts };
}

/**
 * The active count under a publisher's convention, to compare with its stated figure:
 * `all` adds the input embedding, `without-embeddings` also drops the LM head.
 */
export function activeParamsAsPublished(p: ParameterBreakdown, convention: ActiveCountConvention): number {
  if (convention === 'all') return p.active + p.inputEmbedding;
  if (convention === 'without-embeddings') return p.active - p.lmHead;
  return p.active;
}
