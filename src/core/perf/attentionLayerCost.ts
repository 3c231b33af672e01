import { attendedTokens, decodeAttentionFlopPerToken, kvBytesReadPerSequence, kvBytesWritten, prefillAttentionFlop } from './attentionCost.js';
import { allReduceSeconds } from './communication.js';
import { ACTIVATION_BYTES, gemmShapeShare, type LayerCostInputs } from './layerCostInputs.js';
import type { StageCost } from './stageCost.js';

/**
 * Adds the attention block of layer `layer` to `cost`: the projections (a GEMM over the step's
 * tokens, weights split over attention TP), the attention core (its FLOP and its KV-cache traffic,
 * read and written) and the all-reduce of its output under attention TP.
 */
export function attentionLayerCost(cost: StageCost, s: LayerCostInputs, layer: number): void {
  const { model, gpu, layout, hardware: hw, framework: fw } = s.ctx;
  const w = s.work;
  const tp = layout.tp;
  const a = model.attention;
  cost.kernel(
    (2 * s.attentionParamsPerLayer * s.tokens) / tp,
    (s.attentionParamsPerLayer * s.otherBytesPerWeight) / layout.attentionTp,
    s.otherFlopPerSecond * gemmShapeShare(hw, s.tokens / layout.attentionDp),
    s.hbmBytesPerSecond * s.otherHbmShare,
  );
  // GPUs that share one sequence's cache: each reads its slice (GQA heads) or all of it (MLA under TP).
  const kvShare = layout.dpAttention ? tp : a.kind === 'gqa' ? Math.min(tp, a.kvHeadCount) : 1;
  // A decode kernel without grouped-query support loads a GPU's KV heads once per query head it
  // serves: qHeads / max(attention TP, kvHeads) times (8 for Llama-70B on one GPU, 1 for MHA).
  const decodeKvReads = fw.decodeKvReadPerQueryHead && a.kind === 'gqa' ? Math.max(1, a.queryHeadCount / Math.max(layout.attentionTp, a.kvHeadCount)) : 1;
  const decodeSpan = attendedTokens(model, layer, w.decodeContextTokens);
  const attentionFlop =
    s.decodeTokens * decodeAttentionFlopPerToken(model, decodeSpan, w.decodeContextTokens) +
    w.prefillSequences * prefillAttentionFlop(model, layer, w.prefillNewTokensPerSequence, w.prefillCachedTokensPerSequence);
  const cached = w.prefillCachedTokensPerSequence;
  const kvTraffic =
    w.decodeSequences * kvBytesReadPerSequence(model, s.kvBytesPerElement, decodeSpan, w.decodeContextTokens) * decodeKvReads +
    w.prefillSequences * kvBytesReadPerSequence(model, s.kvBytesPerElement, attendedTokens(model, layer, cached), cached) +
    kvBytesWritten(model, s.kvBytesPerElement, s.decodeTokens + s.prefillTokens);
  // Under data-parallel attention the busiest GPU holds at least one whole sequence.
  const perGpu = layout.dpAttention ? Math.max(1 / tp, Math.min(1, 1 / Math.max(w.decodeSequences + w.prefillSequences, 1e-9))) : 1 / tp;
  const kvPerGpu = layout.dpAttention ? perGpu : 1 / kvShare;
  cost.kernel(attentionFlop * perGpu, kvTraffic * kvPerGpu, s.attentionFlopPerSecond, s.hbmBytesPerSecond * hw.kvHbmShare);
  if (layout.attentionTp > 1) cost.blockingCollective(allReduceSeconds(gpu, hw, layout.attentionTp, s.tokens * model.hiddenSize * ACTIVATION_BYTES));
}
