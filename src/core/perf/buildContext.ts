import type { Accelerator } from '../accelerator/accelerator.js';
import { memoryFit } from '../memory/memoryFit.js';
import type { LayoutRequest } from '../memory/layout.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import { computeBits, type KvPrecision, type Precision } from '../precision.js';
import type { ServingFramework } from './efficiency.js';
import { frameworkEfficiency, hardwareEfficiency, type EfficiencyProfile } from './efficiencyProfiles.js';
import { engineLimits } from './engineLimits.js';
import type { EngineVersion } from './engineVersion.js';
import type { PerfContext } from './perfContext.js';

export interface ServingSetup {
  readonly model: ModelArchitecture;
  readonly gpu: Accelerator;
  readonly gpus: number;
  readonly layout?: LayoutRequest;
  /** Precision of all linear weights; default the checkpoint's own. */
  readonly weightPrecision?: Precision;
  readonly kvPrecision?: KvPrecision;
  readonly framework?: ServingFramework;
  /** Efficiency factors to use (default: the shipped calibration). */
  readonly profile?: EfficiencyProfile;
  /** The engine's release (default: its current one): older releases differ in kernels and defaults. */
  readonly engineVersion?: EngineVersion;
}

/** The default serving framework where none is named. */
export const DEFAULT_FRAMEWORK: ServingFramework = 'vllm';

/** Resolves a setup into the fixed context of the performance model (throws InputError for an impossible layout). */
export function buildPerfContext(setup: ServingSetup): PerfContext {
  const name = setup.framework ?? DEFAULT_FRAMEWORK;
  const limits = engineLimits(name, setup.gpu, setup.engineVersion ?? null);
  const weights = setup.weightPrecision ?? setup.model.nativeWeightPrecision.otherLinear;
  const quantized = computeBits(weights) < 16;
  const software = frameworkEfficiency(name, setup.profile);
  const kvPrecision = setup.kvPrecision ?? (quantized ? software.kvPrecisionWithQuantizedWeights : null) ?? 'bf16';
  const fit = memoryFit(setup.model, setup.gpu, setup.gpus, setup.layout ?? {}, {
    ...(setup.weightPrecision !== undefined && { weightPrecision: setup.weightPrecision }),
    kvPrecision,
  });
  // An instance-wide cap is shared by its attention ranks.
  const perInstance = limits.maxBatchSequencesPerInstance;
  const maxBatchSequences = perInstance === null ? limits.maxBatchSequences : Math.min(limits.maxBatchSequences, perInstance / fit.layout.attentionDp);
  const framework = { ...software, maxBatchSequences, maxBatchedTokens: limits.maxBatchedTokens, decodeKvReadPerQueryHead: limits.decodeKvReadPerQueryHead };
  return {
    model: setup.model,
    gpu: setup.gpu,
    layout: fit.layout,
    weightPrecisions: fit.weightPrecisions,
    kvPrecision: fit.kvPrecision,
    hardware: hardwareEfficiency(setup.gpu.family, setup.profile),
    framework,
  };
}

/**
 * Sequences of `contextTokens` one instance holds in its KV cache at once, capped by the
 * framework's batch limit per attention rank; 0 when the model does not fit.
 */
export function maxSequencesPerInstance(ctx: PerfContext, contextTokens: number): number {
  const l = ctx.layout;
  const fit = memoryFit(ctx.model, ctx.gpu, l.gpus, { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention }, {
    weightPrecisions: ctx.weightPrecisions,
    kvPrecision: ctx.kvPrecision,
    contextTokens: Math.max(1, Math.round(contextTokens)),
  });
  const byMemory = fit.maxConcurrentSequences / l.replicas;
  return Math.min(byMemory, ctx.framework.maxBatchSequences * l.attentionDp);
}

/**
 * KV-cache tokens one instance holds (by memory alone, no engine cap), for sequences of about
 * `contextTokens` (windowed layers make the count depend on length).
 */
export function kvCapacityTokensPerInstance(ctx: PerfContext, contextTokens: number): number {
  const l = ctx.layout;
  const context = Math.max(1, Math.round(contextTokens));
  const fit = memoryFit(ctx.model, ctx.gpu, l.gpus, { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention }, {
    weightPrecisions: ctx.weightPrecisions,
    kvPrecision: ctx.kvPrecision,
    contextTokens: context,
  });
  return (fit.maxConcurrentSequences / l.replicas) * context;
}
