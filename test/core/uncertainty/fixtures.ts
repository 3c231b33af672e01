import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import { buildUncertaintyModel, parseUncertainty, resolveBase, type UncertaintyModel } from '../../../src/core/uncertainty/index.js';

/** Kimi K2.5 on 16 rented H200 at typed prices: one physics run, about 0.1 s. */
export const KIMI_BASE: ScenarioOptionInput = {
  model: 'kimi-k2.5', gpu: 'h200', gpus: 16, framework: 'sglang',
  workload: { inputTokens: 5000, outputTokens: 500, prefixCacheHitRate: 0.5 },
  latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 },
  costBasis: { kind: 'rented', priceUsdPerGpuHour: 4 },
  prices: { inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 3 },
  utilization: 0.6,
};

/** The model of `base` with `uncertain` inputs (validated as a file would be). */
export function modelOf(uncertain: readonly unknown[], base: ScenarioOptionInput = KIMI_BASE, pointsPerDimension?: number): UncertaintyModel {
  const scenario = parseUncertainty({ base, uncertain }, 'test');
  return buildUncertaintyModel(resolveBase(scenario, 'test'), scenario.uncertain, pointsPerDimension === undefined ? {} : { pointsPerDimension });
}
