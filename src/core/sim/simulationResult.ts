import { quantileSorted } from '../stats.js';

/** Mean and percentiles (type 7, see core/stats) of a set of values (NaN when there is none). */
export interface Percentiles { readonly mean: number; readonly p50: number; readonly p90: number; readonly p99: number }

/** One priority class of a run. */
export interface PriorityClassResult {
  readonly requests: number;
  readonly completed: number;
  /** Share of the class's requests (shed or rejected ones count as misses) meeting both bounds. */
  readonly sloAttainment: number;
  readonly ttftSeconds: Percentiles;
  readonly tpotSeconds: Percentiles;
}

/** One time bucket of a run. */
export interface SimulationBucket {
  readonly startSeconds: number;
  /** Mean paid instances over the bucket (accepting, warming up or draining). */
  readonly activeInstances: number;
  /** Share of the paid instances' capacity used (output tokens over capacity at the operating point). */
  readonly utilization: number;
  /** Requests without a first token yet, mean and max as seen by the arrivals of the bucket. */
  readonly meanWaiting: number;
  readonly maxWaiting: number;
  /** Requests arriving in the bucket, and the TTFT and TPOT percentiles of those completed (null: none completed). */
  readonly arrivals: number;
  readonly ttftP50Seconds: number | null;
  readonly ttftP99Seconds: number | null;
  readonly tpotP99Seconds: number | null;
}

export interface SimulationResult {
  readonly requests: number;
  readonly completed: number;
  /** Requests that could never fit one instance's KV cache. */
  readonly rejected: number;
  /** Free requests shed unserved after waiting too long. */
  readonly shed: number;
  /** With free traffic in the run: paid and free requests apart (the SLO is paid traffic's); else null. */
  readonly priorityClasses: { readonly paid: PriorityClassResult; readonly free: PriorityClassResult } | null;
  readonly ttftSeconds: Percentiles;
  readonly tpotSeconds: Percentiles;
  /** Share of all requests (rejected ones count as misses) meeting both bounds of the latency target. */
  readonly sloAttainment: number;
  readonly inputTokens: number;
  /** Prompt tokens of completed requests served from the prefix cache. */
  readonly cachedInputTokens: number;
  /** cachedInputTokens / inputTokens. */
  readonly prefixCacheHitRate: number;
  readonly outputTokens: number;
  /** From 0 to the last request finished (or the last arrival, if later). */
  readonly durationSeconds: number;
  /** The last arrival, seconds: arrival rates are over this span (a run past capacity drains long after). */
  readonly lastArrivalSeconds: number;
  /** Instance-seconds paid: accepting requests, warming up, or draining after a scale-down. */
  readonly activeInstanceSeconds: number;
  /** Instance-seconds spent running steps (any step, however small its batch). */
  readonly busyInstanceSeconds: number;
  /**
   * Instance-seconds of capacity used: the output tokens each step emits over the instance's rate
   * at its operating point. A continuously batching engine is "busy" with one request; this is the
   * share of what it could serve at the latency target, the utilization that cost per token
   * depends on.
   */
  readonly usedInstanceSeconds: number;
  /** usedInstanceSeconds / activeInstanceSeconds: the busy share of paid instance-time, the one meaning of utilization. */
  readonly utilization: number;
  /** Step-seconds weighted by how full each batch is (sequences over the batch cap), over paid instance-seconds: how full the batches ran, not what was paid for. */
  readonly batchOccupancy: number;
  /** Most instances paid at once. */
  readonly maxInstances: number;
  /** Times the fleet's size changed. */
  readonly scaleEvents: number;
  readonly bucketSeconds: number;
  readonly buckets: readonly SimulationBucket[];
  /** Share of each instance's capacity used over its paid time. */
  readonly utilizationByInstance: readonly number[];
}

/** Mean and p50, p90, p99 (the project's one quantile: type 7, interpolated; see core/stats). */
export function percentiles(values: ArrayLike<number>): Percentiles {
  if (values.length === 0) return { mean: NaN, p50: NaN, p90: NaN, p99: NaN };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => quantileSorted(sorted, q);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
