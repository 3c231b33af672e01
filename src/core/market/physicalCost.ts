import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import type { ServingFramework } from '../perf/efficiency.js';
import type { Workload } from '../perf/serving.js';
import type { ServedWeightPrecision } from '../catalog/models.js';
import { describeLayout } from '../perf/describeLayout.js';
import type { Precision } from '../precision.js';
import { chooseDeployment, DEFAULT_MAX_DEPLOYMENT_GPUS, resolveScenario, runOption } from '../scenario/index.js';
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
  /** Largest deployment tried (the smallest that fits is tried even above it). */
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
  maxGpus: DEFAULT_MAX_DEPLOYMENT_GPUS,
};

export interface PhysicalCost {
  readonly model: string;
  /** The chosen deployment: its GPU count and layout (`chooseDeployment`). */
  readonly gpus: number;
  readonly layout: string;
  /** The precision the weights were costed at: the one providers serve (`native`: the checkpoint's own). */
  readonly weightPrecision: 'native' | Precision;
  readonly meetsTarget: boolean;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionCachedInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  /** (3 × input + output) / 4, comparable with the market's blended price. */
  readonly blendedCostUsdPerMillion: number;
  readonly costUsdPerGpuHour: number;
}

/**
 * What the physical model says it costs to serve `model` on the reference setup: on rented GPUs of
 * that kind at the default rented rate (the contract rate a provider at scale pays, as `report` uses; on demand where the catalog has no contract), at the precision providers serve it (the catalog's
 * `servedWeightPrecision`; the native one for a model without it), at the deployment with the least
 * cost per token that meets the latency target (`chooseDeployment`: GPU counts from the smallest
 * that fits up to `ref.maxGpus`, each searched over layouts and batches). Null when none fits.
 * Example: llama-3.1-405b on h200 is costed at fp8 (Meta's FP8 release), not its bf16 checkpoint.
 */
export function physicalCost(model: ModelArchitecture & { readonly servedWeightPrecision?: ServedWeightPrecision }, ref: ReferenceSetup = DEFAULT_REFERENCE): PhysicalCost | null {
  const weightPrecision = model.servedWeightPrecision?.precision ?? 'native';
  const scenario: ScenarioInput = {
    options: [{
      // A placeholder count: the deployment is chosen below (up to the reference's bound) unless the reference gives one.
      model: 'reference/model', gpu: ref.gpu, gpus: 1, framework: ref.framework, utilization: ref.utilization, weightPrecision,
      workload: ref.workload, latencyTarget: ref.latencyTarget,
      costBasis: { kind: 'rented' },
      prices: { inputUsdPerMillion: 1, cachedInputUsdPerMillion: 1, outputUsdPerMillion: 1 },
    }],
  };
  const [option] = resolveScenario(scenario, 'reference setup', { resolveModel: () => model });
  if (option === undefined) return null;
  const r = ref.gpus === undefined ? chooseDeployment(option, { maxGpus: ref.maxGpus }).chosen : runOption({ ...option, gpus: ref.gpus });
  const e = r.economics;
  const choice = r.operatingPoint;
  if (e === null || choice === null) return null;
  return {
    model: model.id, gpus: r.option.gpus, layout: describeLayout(choice.point), weightPrecision, meetsTarget: choice.meetsTarget,
    costUsdPerMillionInputTokens: e.costUsdPerMillionInputTokens,
    costUsdPerMillionCachedInputTokens: e.costUsdPerMillionCachedInputTokens,
    costUsdPerMillionOutputTokens: e.costUsdPerMillionOutputTokens,
    blendedCostUsdPerMillion: (3 * e.costUsdPerMillionInputTokens + e.costUsdPerMillionOutputTokens) / 4,
    costUsdPerGpuHour: e.costUsdPerGpuHour,
  };
}
