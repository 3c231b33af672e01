import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { totalWeightBytes } from '../memory/weightBytes.js';
import type { ServingFramework } from '../perf/efficiency.js';
import type { Workload } from '../perf/serving.js';
import { resolveScenario, runOption } from '../scenario/index.js';
import type { ScenarioInput } from '../scenario/schema.js';

/** The one setup every model is costed on, so the comparison is like for like. */
export interface ReferenceSetup {
  readonly gpu: string;
  readonly framework: ServingFramework;
  /** Busy share of paid GPU-hours. */
  readonly utilization: number;
  readonly latencyTarget: LatencyTarget;
  /** 3:1 input:output without cache hits matches the 3:1 blended price the market side uses. */
  readonly workload: Workload;
  /** Largest deployment tried. */
  readonly maxGpus: number;
  /** Cost this deployment size only (a scenario option's), instead of trying a few. */
  readonly gpus?: number;
}

export const DEFAULT_REFERENCE: ReferenceSetup = {
  gpu: 'h200',
  framework: 'sglang',
  utilization: 0.6,
  latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 },
  workload: { inputTokens: 3000, outputTokens: 1000, prefixCacheHitRate: 0 },
  maxGpus: 256,
};

export interface PhysicalCost {
  readonly model: string;
  readonly gpus: number;
  readonly layout: string;
  readonly meetsTarget: boolean;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionCachedInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  /** (3 × input + output) / 4, comparable with the market's blended price. */
  readonly blendedCostUsdPerMillion: number;
  readonly costUsdPerGpuHour: number;
}

/** Power-of-two GPU counts from the first that can hold the weights with room for cache, ×2 and ×4. */
function candidateCounts(model: ModelArchitecture, hbmBytes: number, maxGpus: number): number[] {
  const need = (totalWeightBytes(model, model.nativeWeightPrecision) * 1.25) / (hbmBytes * 0.9);
  let n = 1;
  while (n < need) n *= 2;
  return [n, 2 * n, 4 * n].filter((x) => x <= maxGpus);
}

/**
 * What the physical model says it costs to serve `model` on the reference setup: on rented GPUs of
 * that kind at their market median, the cheapest of a few deployment sizes (each searched over
 * layouts and batches for the cheapest point meeting the latency target). Null when none fits.
 */
export function physicalCost(model: ModelArchitecture, ref: ReferenceSetup = DEFAULT_REFERENCE): PhysicalCost | null {
  const gpu = findById('gpu', ref.gpu, ACCELERATORS);
  let best: PhysicalCost | null = null;
  for (const gpus of ref.gpus === undefined ? candidateCounts(model, gpu.hbmBytes, ref.maxGpus) : [ref.gpus]) {
    const scenario: ScenarioInput = {
      options: [{
        model: 'reference/model', gpu: ref.gpu, gpus, framework: ref.framework, utilization: ref.utilization,
        workload: ref.workload, latencyTarget: ref.latencyTarget,
        costBasis: { kind: 'rented', priceUsdPerGpuHour: 'market' },
        prices: { inputUsdPerMillion: 1, cachedInputUsdPerMillion: 1, outputUsdPerMillion: 1 },
      }],
    };
    const [option] = resolveScenario(scenario, 'reference setup', { resolveModel: () => model });
    if (option === undefined) continue;
    const r = runOption(option);
    const e = r.economics;
    const choice = r.operatingPoint;
    if (e === null || choice === null) continue;
    const candidate: PhysicalCost = {
      model: model.id, gpus, layout: `${gpus} ${ref.gpu}`, meetsTarget: choice.meetsTarget,
      costUsdPerMillionInputTokens: e.costUsdPerMillionInputTokens,
      costUsdPerMillionCachedInputTokens: e.costUsdPerMillionCachedInputTokens,
      costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens,
      blendedCostUsdPerMillion: (3 * e.costUsdPerMillionInputTokens + e.costUsdPerMillionOutputTokens) / 4,
      costUsdPerGpuHour: e.costUsdPerGpuHour,
    };
    const better = best === null || (candidate.meetsTarget && !best.meetsTarget) ||
      (candidate.meetsTarget === best.meetsTarget && candidate.blendedCostUsdPerMillion < best.blendedCostUsdPerMillion);
    if (better) best = candidate;
  }
  return best;
}
