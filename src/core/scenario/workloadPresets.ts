import * as v from 'valibot';
import { recordOfOneEach } from '../catalog/recordOfOneEach.js';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import { VALUE_BASES, type DocumentedValue } from '../money/ownershipDefaults.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { TrafficMix } from '../market/realisedPrice.js';
import type { Workload } from '../perf/serving.js';
import { DocumentedValueSchema } from '../subscription/documentedValue.js';
import type { ScenarioInput } from './schema.js';
import data from './workloadPresets.json' with { type: 'json' };

/** The shipped workload presets, a string-literal union. */
export const WORKLOAD_PRESET_IDS = ['chat', 'rag', 'coding-agent', 'batch'] as const;
export type WorkloadPresetId = (typeof WORKLOAD_PRESET_IDS)[number];

/** A documented number that may be absent (`value: null`: no latency target). */
export type DocumentedOptional = DocumentedValue<number | null>;

/**
 * The traffic of one kind of product, each number with its source: mean tokens a request (input,
 * output; the input's 90th percentile for the spread), the share of prompt tokens read from the
 * prefix cache, the share of uncached prompt tokens written to it, the share of requests sent
 * through a batch API, and the latency target (null: none).
 */
export interface WorkloadPreset {
  readonly id: WorkloadPresetId;
  readonly description: string;
  /** The trace or document the lengths come from. */
  readonly trace: string;
  readonly inputTokens: DocumentedValue;
  readonly outputTokens: DocumentedValue;
  readonly inputTokensP90: DocumentedValue;
  /** Fraction 0-1 of prompt tokens served from the prefix cache. */
  readonly prefixCacheHitRate: DocumentedValue;
  /** Fraction 0-1 of uncached prompt tokens written to the cache. */
  readonly cacheWriteShare: DocumentedValue;
  /** Fraction 0-1 of requests sent through a batch API. */
  readonly batchShare: DocumentedValue;
  readonly minTokensPerSecondPerUser: DocumentedOptional;
  readonly maxTtftSeconds: DocumentedOptional;
}

const fractionValue = v.pipe(DocumentedValueSchema, v.check((d) => d.value <= 1, 'value must be at most 1'));
const tokensValue = v.pipe(DocumentedValueSchema, v.check((d) => Number.isInteger(d.value) && d.value >= 1, 'value must be a whole number of tokens >= 1'));
const OptionalValueSchema = v.strictObject({
  value: v.nullable(v.pipe(v.number(), v.finite(), v.check((x) => x > 0, 'a number > 0'))),
  basis: v.picklist(VALUE_BASES),
  source: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.pipe(v.string(), v.minLength(1)),
});

const PresetSchema = v.strictObject({
  id: v.picklist(WORKLOAD_PRESET_IDS),
  description: v.pipe(v.string(), v.minLength(1)),
  trace: v.pipe(v.string(), v.minLength(1)),
  inputTokens: tokensValue,
  outputTokens: tokensValue,
  inputTokensP90: tokensValue,
  prefixCacheHitRate: fractionValue,
  cacheWriteShare: fractionValue,
  batchShare: fractionValue,
  minTokensPerSecondPerUser: OptionalValueSchema,
  maxTtftSeconds: OptionalValueSchema,
});

const FileSchema = v.strictObject({ $comment: v.optional(v.string()), presets: v.array(PresetSchema) });

/** The shipped workload presets by id, validated at load (for the CLI, the web app and the subscription model). */
export const WORKLOAD_PRESETS: Readonly<Record<WorkloadPresetId, WorkloadPreset>> = recordOfOneEach(parseOrThrow(FileSchema, data, 'workload presets').presets, WORKLOAD_PRESET_IDS, 'workload presets');

/** The preset with id `id`, or an InputError naming `field` and the known ids. */
export function findWorkloadPreset(id: string, field = 'workloadPreset'): WorkloadPreset {
  if ((WORKLOAD_PRESET_IDS as readonly string[]).includes(id)) return WORKLOAD_PRESETS[id as WorkloadPresetId];
  throw new InputError(field, id, `one of ${WORKLOAD_PRESET_IDS.join(', ')}`);
}

/**
 * The preset's serving workload: mean input and output tokens and the prefix-cache hit rate.
 * Example: `presetWorkload(WORKLOAD_PRESETS.chat)` is {inputTokens 12,035, outputTokens 343, prefixCacheHitRate 0.37}.
 */
export function presetWorkload(p: WorkloadPreset): Workload {
  return { inputTokens: p.inputTokens.value, outputTokens: p.outputTokens.value, prefixCacheHitRate: p.prefixCacheHitRate.value };
}

/** The preset's latency target (nulls: none). */
export function presetLatencyTarget(p: WorkloadPreset): LatencyTarget {
  return { minTokensPerSecondPerUser: p.minTokensPerSecondPerUser.value, maxTtftSeconds: p.maxTtftSeconds.value };
}

/**
 * A scenario whose every option serves the preset's workload at its latency target: the preset
 * replaces `workload` and `latencyTarget` in the defaults and in each option (other fields kept).
 * Example: `withWorkloadPreset(DEFAULT_SCENARIO, WORKLOAD_PRESETS['coding-agent'])` serves 50,000-token prompts, 95% cached.
 */
export function withWorkloadPreset(scenario: ScenarioInput, p: WorkloadPreset): ScenarioInput {
  const workload = presetWorkload(p);
  const latencyTarget = presetLatencyTarget(p);
  return {
    ...scenario,
    defaults: { ...scenario.defaults, workload, latencyTarget },
    options: scenario.options.map((o) => ({ ...o, workload, latencyTarget })),
  };
}

/**
 * The preset's traffic for a price schedule: one request class at its mean lengths, its cache
 * hit rate, cache-write share and batch share; no priority or off-peak traffic.
 * Example: `presetTraffic(WORKLOAD_PRESETS.batch).batchShare` is 1.
 */
export function presetTraffic(p: WorkloadPreset): TrafficMix {
  return {
    requests: [{ share: 1, inputTokens: p.inputTokens.value, outputTokens: p.outputTokens.value }],
    cacheHitRate: p.prefixCacheHitRate.value,
    cacheWriteShare: p.cacheWriteShare.value,
    batchShare: p.batchShare.value,
    priorityShare: 0,
    offPeakShare: 0,
  };
}
