import { allReduceSeconds } from './communication.js';
import { ACTIVATION_BYTES, gemmShapeShare, type LayerCostInputs } from './layerCostInputs.js';
import type { StageCost } from './stageCost.js';

/**
 * Adds a dense FFN of `denseParams` weights to `cost`: one GEMM over the step's tokens with its
 * weights split over TP, then the all-reduce of its output; under data-parallel attention each
 * rank runs the whole FFN on its own tokens and nothing is reduced (see `LayerCostInputs.denseTp`).
 */
export function denseFfnLayerCost(cost: StageCost, s: LayerCostInputs, denseParams: number): void {
  const { model, gpu, layout, hardware: hw } = s.ctx;
  const tp = layout.tp;
  cost.kernel((2 * denseParams * s.tokens) / tp, (denseParams * s.otherBytesPerWeight) / s.denseTp, s.otherFlopPerSecond * gemmShapeShare(hw, s.denseRows), s.hbmBytesPerSecond * s.otherHbmShare);
  cost.blockingCollective(allReduceSeconds(gpu, hw, s.denseTp, s.tokens * model.hiddenSize * ACTIVATION_BYTES));
}
