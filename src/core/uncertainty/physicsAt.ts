import { pricedGpuSeconds } from '../economics/tokenAttribution.js';
import { InputError } from '../errors.js';
import { syntheticMoe } from '../model/syntheticMoe.js';
import type { PerTokenKind } from '../tokenKinds.js';
import { chooseDeployment, runOption, type ResolvedOption } from '../scenario/index.js';
import { BILLION, TRILLION } from '../units.js';

/** The inputs the physics depends on: the model's size (when it is hypothetical) and the workload. */
export interface PhysicsPoint {
  readonly totalParams: number;
  readonly activeParams: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly prefixCacheHitRate: number;
}

export const PHYSICS_INPUT_NAMES = ['totalParams', 'activeParams', 'inputTokens', 'outputTokens', 'prefixCacheHitRate'] as const;

export interface PhysicsResult {
  /** GPU-seconds per fresh input, cached input and output token at the chosen operating point. */
  readonly seconds: PerTokenKind;
  readonly meetsLatencyTarget: boolean;
  /** The GPUs of the deployment: the base's, or the count chosen for this point when the base left it to be chosen. */
  readonly gpus: number;
}

/**
 * One direct run of the physics (`runOption`: the frontier search and the cheapest operating point
 * that meets the latency target) for `base` at `point`: the model is `syntheticMoe` of the point's
 * size when `synthetic` (else the base model), the workload the point's (token counts rounded to
 * whole tokens). When the base's GPU count was chosen (`gpus: auto`), it is chosen again for the
 * point's model and workload (`chooseDeployment`), as a provider would deploy a larger model on
 * more GPUs; else the base's count is kept. Takes 10-100 ms (a few times that when choosing); the
 * surrogate calls it once per grid node.
 * @throws InputError when the model at this point does not fit the base's GPUs
 */
export function physicsAt(base: ResolvedOption, point: PhysicsPoint, synthetic: boolean): PhysicsResult {
  const model = synthetic ? syntheticMoe({ totalParams: point.totalParams, activeParams: point.activeParams }) : base.model;
  const workload = { inputTokens: Math.round(point.inputTokens), outputTokens: Math.round(point.outputTokens), prefixCacheHitRate: point.prefixCacheHitRate };
  const chosen = base.deployment !== undefined;
  const r = chosen ? chooseDeployment({ ...base, model, workload }).chosen : runOption({ ...base, model, workload });
  if (r.gpuSecondsPerToken === null || r.operatingPoint === null) {
    const size = synthetic ? `a ${(point.totalParams / TRILLION).toPrecision(3)}T-total / ${(point.activeParams / BILLION).toPrecision(3)}B-active MoE` : model.id;
    const gpus = r.option.gpus;
    throw new InputError('uncertain', size, `a model that fits ${chosen ? `up to ${gpus}` : gpus} ${base.gpu.id}`,
      `${size} with ${workload.inputTokens} + ${workload.outputTokens} tokens a request does not fit ${chosen ? `up to ${gpus}` : gpus} ${base.gpu.id}` +
      `${r.smallestFit === null ? '' : ` (it needs ${r.smallestFit.gpus})`}; ${chosen ? 'narrow the range' : 'raise base.gpus, set it to "auto", or narrow the range'}`);
  }
  // The seconds runOption prices: a cached token's KV keeping and moving included (at the base's price and utilization).
  const seconds = r.attribution === null ? r.gpuSecondsPerToken : pricedGpuSeconds(r.attribution);
  return { seconds, meetsLatencyTarget: r.operatingPoint.meetsTarget, gpus: r.option.gpus };
}
