import { SERVING_FRAMEWORKS, type ServingFramework } from '../perf/efficiency.js';

/**
 * One published measurement of a real serving system, in the format of
 * `../shared/validation/README.md`: a model on given accelerators with a given setup, its workload
 * and the figures measured. `null` means "not published" wherever a field allows it.
 */

/** How far a case's figures can be trusted: `high` is audited or raw measured rows. */
export const RELIABILITIES = ['high', 'medium', 'low'] as const;
export type Reliability = (typeof RELIABILITIES)[number];

/** The serving framework that produced the figures: one of the performance model's frameworks. */
export const FRAMEWORKS = SERVING_FRAMEWORKS;
export type Framework = ServingFramework;

/** Weight precisions a case may declare (a subset of the model's `PRECISIONS`). */
export const CASE_WEIGHT_PRECISIONS = ['bf16', 'fp8', 'fp4', 'int8', 'int4'] as const;
export type CaseWeightPrecision = (typeof CASE_WEIGHT_PRECISIONS)[number];

/** KV-cache precisions a case may declare; `null` in a case means not published. */
export const CASE_KV_CACHE_PRECISIONS = ['bf16', 'fp8'] as const;
export type CaseKvCachePrecision = (typeof CASE_KV_CACHE_PRECISIONS)[number];

/** `both`: prefill and decode on the same GPUs; `prefill` / `decode`: a pool doing only that phase. */
export const PHASES = ['both', 'prefill', 'decode'] as const;
export type Phase = (typeof PHASES)[number];

export const SPECULATIVE_METHODS = ['mtp', 'eagle', 'draft'] as const;
export type SpeculativeMethod = (typeof SPECULATIVE_METHODS)[number];

/**
 * `max-throughput`: offline, the system chooses the batch; `production`: live traffic; `burst`:
 * `requests` requests arrive at once (throughput over the whole run, TTFT and TPOT means over
 * requests, so queueing behind the batch cap is part of them).
 */
export const WORKLOAD_PATTERNS = ['fixed-concurrency', 'max-throughput', 'poisson', 'production', 'burst'] as const;
export type WorkloadPattern = (typeof WORKLOAD_PATTERNS)[number];

/** `fixed`: every request has exactly the stated lengths; `varied`: a dataset's mix whose means are stated. */
export const REQUEST_LENGTHS = ['fixed', 'varied'] as const;
export type RequestLengths = (typeof REQUEST_LENGTHS)[number];
export interface CasePrecision {
  readonly weights: CaseWeightPrecision;
  readonly kvCache: CaseKvCachePrecision | null;
}

/** One serving instance; `replicas` instances share the case's GPUs. Null: not published. */
export interface CaseParallelism {
  readonly tp: number | null;
  readonly pp: number | null;
  readonly ep: number | null;
  readonly dpAttention: boolean | null;
  readonly replicas: number | null;
}

/** Separate prefill and decode pools, when the figures cover both. */
export interface CaseDisaggregation {
  readonly prefillGpus: number;
  readonly decodeGpus: number;
  readonly prefill: CaseParallelism;
  readonly decode: CaseParallelism;
}

export interface CaseSpeculation {
  readonly method: SpeculativeMethod;
  /** Draft tokens proposed per step. */
  readonly tokens: number;
  /** Share of draft tokens accepted, 0 to 1; null: not published. */
  readonly acceptanceRate: number | null;
}

/** The load the figures were measured under; unknown numbers are null. */
export interface CaseWorkload {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  /** Requests in flight across all of the case's GPUs. */
  readonly concurrency: number | null;
  readonly batchSize: number | null;
  readonly requestRatePerSecond: number | null;
  /** Share of prompt tokens served from the prefix cache, 0 to 1. */
  readonly prefixCacheHitRate: number | null;
  readonly pattern: WorkloadPattern;
  /** Requests of a burst (or of a Poisson run); null or absent otherwise. */
  readonly requests?: number | null;
  /** Whether every request has the stated lengths or they are a dataset's means; null or absent: not published. */
  readonly lengths?: RequestLengths | null;
}

/** The published figures; per-GPU values are divided by the case's `gpus`. Null: not published. */
export interface CaseMeasurements {
  readonly outputTokensPerSecondPerGpu: number | null;
  readonly inputTokensPerSecondPerGpu: number | null;
  readonly totalTokensPerSecondPerGpu: number | null;
  readonly tokensPerSecondPerUser: number | null;
  readonly tpotSeconds: number | null;
  readonly ttftSeconds: number | null;
}

export interface ValidationCase {
  /** Stable key, unique within a file. */
  readonly id: string;
  /** Where the figures were published (URL, or repository and path). */
  readonly source: string;
  readonly reliability: Reliability;
  /** Caveats, in a sentence or two. */
  readonly note: string;
  /** A model catalog id, e.g. `deepseek-v3`. */
  readonly model: string;
  /** An accelerator catalog id, e.g. `h200`. */
  readonly gpu: string;
  /** Accelerators the figures refer to (for a phase-only measurement: that phase's pool). */
  readonly gpus: number;
  readonly framework: Framework;
  /**
   * The engine's release that produced the figures (`0.5.0`); absent or null: not stated, and
   * predicted as the current release.
   */
  readonly engineVersion?: string | null;
  readonly precision: CasePrecision;
  readonly parallelism: CaseParallelism;
  readonly phase: Phase;
  readonly disaggregated: CaseDisaggregation | null;
  readonly speculative: CaseSpeculation | null;
  readonly workload: CaseWorkload;
  readonly measured: CaseMeasurements;
}
