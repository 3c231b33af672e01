import type { MixtureOfExperts } from '../model/modelArchitecture.js';
import { gatedFfnParams } from '../model/parameters.js';
import { allReduceSeconds, allToAllSeconds } from './communication.js';
import { expectedExpertsTouched } from './expertsTouched.js';
import { ACTIVATION_BYTES, gemmShapeShare, type LayerCostInputs } from './layerCostInputs.js';
import type { StageCost } from './stageCost.js';

/** FFN weights of one MoE layer, as `ffnParamsOfLayer` splits them. */
export interface MoeLayerParams {
  readonly activeRouted: number;
  readonly shared: number;
  readonly router: number;
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
 * Adds an MoE FFN of `moe`'s experts to `cost`: the routed experts (the busiest expert-parallel
 * rank's tokens through the experts it touches), any shared experts, the router, then the
 * dispatch and combine all-to-alls under EP (or the all-reduce under TP), and the framework's
 * per-MoE-layer overhead.
 */
export function moeLayerCost(cost: StageCost, s: LayerCostInputs, moe: MixtureOfExperts, f: MoeLayerParams): void {
  const { model, gpu, layout, hardware: hw, framework: fw } = s.ctx;
  const tp = layout.tp;
  const tokens = s.tokens;
  const perExpert = gatedFfnParams(model.hiddenSize, moe.expertFfnSize);
  // The busiest expert-parallel rank sets the step: more tokens, and more of its experts touched.
  const imbalance = expertLoadImbalance(layout.ep, tokens * moe.expertsPerToken, fw.expertLoadSkew);
  const localExperts = moe.routedExpertCount / layout.ep;
  const touched = expectedExpertsTouched(moe.routedExpertCount, moe.expertsPerToken, tokens);
  const touchedHere = Math.min(localExperts, (touched / layout.ep) * imbalance);
  const rowsPerExpert = (tokens * moe.expertsPerToken * imbalance) / Math.max(1e-9, touched);
  cost.kernel((2 * f.activeRouted * tokens * imbalance) / tp, (touchedHere * perExpert * s.routedBytesPerWeight) / layout.moeTp, s.routedFlopPerSecond * gemmShapeShare(hw, rowsPerExpert), s.hbmBytesPerSecond * hw.expertHbmShare * s.routedHbmShare);
  if (f.shared > 0) cost.kernel((2 * f.shared * tokens) / tp, (f.shared * s.otherBytesPerWeight) / s.denseTp, s.otherFlopPerSecond * gemmShapeShare(hw, s.denseRows), s.hbmBytesPerSecond * s.otherHbmShare);
  cost.kernel((2 * f.router * tokens) / tp, f.router * s.otherBytesPerWeight, s.otherFlopPerSecond, s.hbmBytesPerSecond);
  if (layout.ep > 1) {
    // Dispatch in fp8, combine in bf16: each GPU sends k copies of its tokens' hidden states.
    // Decode steps use the low-latency kernels, steps with prompt tokens the normal ones.
    const k = moe.expertsPerToken;
    const mode = s.prefillTokens > 0 ? 'normal' : 'low-latency';
    cost.expertCollective(
      allToAllSeconds(gpu, hw, layout.ep, (tokens / tp) * imbalance, k, model.hiddenSize * 1, mode) +
        allToAllSeconds(gpu, hw, layout.ep, (tokens / tp) * imbalance, k, model.hiddenSize * ACTIVATION_BYTES, mode),
    );
  } else {
    cost.blockingCollective(allReduceSeconds(gpu, hw, tp, tokens * model.hiddenSize * ACTIVATION_BYTES));
  }
  cost.layerOverhead(fw.moeLayerOverheadSeconds);
}
