import type { LatencyTarget } from '../economics/operatingPoint.js';
import { requestOutcomes, type ClassOutcomes } from './requestOutcomes.js';
import type { RequestTable } from './requestTable.js';
import { percentiles, type SimulationBucket, type SimulationResult } from './simulationResult.js';

/** What the autoscaler watches: first tokens past this TTFT and finished requests past this TPOT are late (seconds; null: none). */
export interface LatencyWatch {
  readonly maxTtftSeconds: number | null;
  readonly maxTpotSeconds: number | null;
}

/**
 * The one place a run's measurements are kept (vidur's metrics store): the requests' first and
 * last tokens, the queue as arrivals see it, each instance's busy, used, occupied and paid
 * seconds, the per-bucket series, and the late share of the autoscaler's window. `result` turns
 * them into the run's SimulationResult, its percentiles by the project's one quantile.
 */
export class SimulationMetrics {
  rejected = 0;
  shed = 0;
  /** Requests without a first token yet. */
  private waiting = 0;
  private readonly waitSum: number[] = [];
  private readonly waitCount: number[] = [];
  private readonly waitMax: number[] = [];
  private readonly usedByBucket: number[] = [];
  private readonly paidByBucket: number[] = [];
  /** Paid instances now (fleet-instance equivalents), and since when `paidByBucket` is integrated. */
  private paidCount = 0;
  private paidSince = 0;
  private maxPaid = 0;
  /** First tokens and finished requests of paid traffic since the autoscaler's last look, and how many were late. */
  private windowSeen = 0;
  private windowLate = 0;
  private readonly busySeconds: Float64Array;
  private readonly occupiedSeconds: Float64Array;
  private readonly usedSeconds: Float64Array;
  private readonly paidSeconds: Float64Array;

  constructor(
    private readonly requests: RequestTable,
    /** Each instance's weight (its GPUs over a fleet instance's). */
    private readonly weights: readonly number[],
    private readonly bucketSeconds: number,
    private readonly watch: LatencyWatch,
  ) {
    const n = weights.length;
    this.busySeconds = new Float64Array(n);
    this.occupiedSeconds = new Float64Array(n);
    this.usedSeconds = new Float64Array(n);
    this.paidSeconds = new Float64Array(n);
  }

  /** A request arrived and waits for its first token: the queue as it sees it. */
  arrived(nowSeconds: number): void {
    this.waiting++;
    const b = Math.floor(nowSeconds / this.bucketSeconds);
    this.waitSum[b] = (this.waitSum[b] ?? 0) + this.waiting;
    this.waitCount[b] = (this.waitCount[b] ?? 0) + 1;
    this.waitMax[b] = Math.max(this.waitMax[b] ?? 0, this.waiting);
  }

  firstToken(id: number, nowSeconds: number): void {
    const r = this.requests;
    r.firstTokenSeconds[id] = nowSeconds;
    this.waiting--;
    if (r.free[id] === 0) {
      this.windowSeen++;
      if (this.watch.maxTtftSeconds !== null && nowSeconds - (r.arrivalSeconds[id] as number) > this.watch.maxTtftSeconds) this.windowLate++;
    }
  }

  /** Request `id` has its last token; one that decoded (more than one output token) counts for the TPOT watch. */
  finished(id: number, nowSeconds: number): void {
    const r = this.requests;
    r.finishSeconds[id] = nowSeconds;
    const output = r.outputTokens[id] as number;
    if (output > 1 && r.free[id] === 0) {
      this.windowSeen++;
      const maxTpot = this.watch.maxTpotSeconds;
      if (maxTpot !== null && (nowSeconds - (r.firstTokenSeconds[id] as number)) / (output - 1) > maxTpot) this.windowLate++;
    }
  }

  /** Request `id` leaves unserved: too large for a KV cache, or free and waited too long. */
  dropped(id: number, reason: 'rejected' | 'shed', waitingForFirstToken: boolean): void {
    if (reason === 'rejected') this.rejected++;
    else this.shed++;
    if (waitingForFirstToken) this.waiting--;
    this.requests.finishSeconds[id] = -1;
  }

  /** Instance `i` starts a step of `durationSeconds`, its batch `occupancy` full, using `usedSeconds` of capacity. */
  step(i: number, nowSeconds: number, durationSeconds: number, occupancy: number, usedSeconds: number): void {
    this.busySeconds[i] = (this.busySeconds[i] as number) + durationSeconds;
    this.occupiedSeconds[i] = (this.occupiedSeconds[i] as number) + durationSeconds * occupancy;
    this.usedSeconds[i] = (this.usedSeconds[i] as number) + usedSeconds;
    const b = Math.floor(nowSeconds / this.bucketSeconds);
    this.usedByBucket[b] = (this.usedByBucket[b] ?? 0) + usedSeconds * (this.weights[i] as number);
  }

  /** Capacity-seconds instance `i` has used so far. */
  usedSecondsOf(i: number): number {
    return this.usedSeconds[i] as number;
  }

  /** Instance `i` is paid from `nowSeconds`. */
  startPaying(i: number, nowSeconds: number): void {
    this.advance(nowSeconds);
    this.paidCount += this.weights[i] as number;
    this.maxPaid = Math.max(this.maxPaid, this.paidCount);
  }

  /** Instance `i`, paid from `fromSeconds`, is released at `nowSeconds`. */
  stopPaying(i: number, fromSeconds: number, nowSeconds: number): void {
    this.advance(nowSeconds);
    this.paidSeconds[i] = (this.paidSeconds[i] as number) + (nowSeconds - fromSeconds);
    this.paidCount -= this.weights[i] as number;
  }

  /** The share of the window's first tokens and finished requests that were late; opens a new window. */
  takeLateShare(): number {
    const share = this.windowSeen > 0 ? this.windowLate / this.windowSeen : 0;
    this.windowSeen = 0;
    this.windowLate = 0;
    return share;
  }

  /** Integrates paid instance-seconds into the buckets up to `t`. */
  private advance(t: number): void {
    let from = this.paidSince;
    while (from < t) {
      const b = Math.floor(from / this.bucketSeconds);
      const to = Math.min(t, (b + 1) * this.bucketSeconds);
      this.paidByBucket[b] = (this.paidByBucket[b] ?? 0) + this.paidCount * (to - from);
      from = to;
    }
    this.paidSince = Math.max(this.paidSince, t);
  }

  /** The run's result over `duration` seconds (every instance released by then). */
  result(duration: number, latencyTarget: LatencyTarget, scaleEvents: number): SimulationResult {
    const bucketSeconds = this.bucketSeconds;
    this.advance(duration);
    const r = this.requests;
    const n = r.count;
    const bucketCount = Math.max(1, Math.ceil(duration / bucketSeconds));
    const o = requestOutcomes(r, bucketSeconds, bucketCount, latencyTarget);
    const priorityClass = (c: ClassOutcomes) => ({
      requests: c.requests, completed: c.completed,
      sloAttainment: c.requests > 0 ? c.good / c.requests : 0,
      ttftSeconds: percentiles(c.ttftSeconds), tpotSeconds: percentiles(c.tpotSeconds),
    });
    const buckets: SimulationBucket[] = Array.from({ length: bucketCount }, (_, b) => {
      const width = Math.max(1e-9, Math.min(duration, (b + 1) * bucketSeconds) - b * bucketSeconds);
      const active = this.paidByBucket[b] ?? 0;
      const t = percentiles(o.ttftByBucket[b] ?? []);
      return {
        startSeconds: b * bucketSeconds,
        activeInstances: active / width,
        utilization: active > 0 ? Math.min(1, (this.usedByBucket[b] ?? 0) / active) : 0,
        meanWaiting: (this.waitSum[b] ?? 0) / Math.max(1, this.waitCount[b] ?? 0),
        maxWaiting: this.waitMax[b] ?? 0,
        arrivals: o.arrivalsByBucket[b] ?? 0,
        ttftP50Seconds: finiteOrNull(t.p50),
        ttftP99Seconds: finiteOrNull(t.p99),
        tpotP99Seconds: finiteOrNull(percentiles(o.tpotByBucket[b] ?? []).p99),
      };
    });
    const weighted = (a: Float64Array) => this.weights.reduce((sum, w, i) => sum + (a[i] as number) * w, 0);
    const activeInstanceSeconds = weighted(this.paidSeconds);
    const used = weighted(this.usedSeconds);
    const lastArrivalSeconds = n > 0 ? (r.arrivalSeconds[n - 1] as number) : 0;
    return {
      requests: n,
      completed: o.completed,
      rejected: this.rejected,
      shed: this.shed,
      priorityClasses: o.classes[1].requests > 0 ? { paid: priorityClass(o.classes[0]), free: priorityClass(o.classes[1]) } : null,
      ttftSeconds: percentiles(o.ttftSeconds),
      tpotSeconds: percentiles(o.tpotSeconds),
      sloAttainment: n > 0 ? o.good / n : 0,
      inputTokens: o.inputTokens,
      cachedInputTokens: o.cachedInputTokens,
      prefixCacheHitRate: o.inputTokens > 0 ? o.cachedInputTokens / o.inputTokens : 0,
      outputTokens: o.outputTokens,
      durationSeconds: duration,
      lastArrivalSeconds,
      activeInstanceSeconds,
      busyInstanceSeconds: weighted(this.busySeconds),
      usedInstanceSeconds: used,
      utilization: activeInstanceSeconds > 0 ? Math.min(1, used / activeInstanceSeconds) : 0,
      batchOccupancy: activeInstanceSeconds > 0 ? Math.min(1, weighted(this.occupiedSeconds) / activeInstanceSeconds) : 0,
      maxInstances: this.maxPaid,
      scaleEvents,
      bucketSeconds,
      buckets,
      utilizationByInstance: Array.from(this.paidSeconds).flatMap((paid, i) => (paid > 0 ? [Math.min(1, (this.usedSeconds[i] as number) / paid)] : [])),
    };
  }
}

/** A bucket's percentile, or null where it had no completed request to take one of. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
