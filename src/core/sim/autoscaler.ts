/**
 * A reactive autoscaler, as an operator runs one to keep a latency target: every
 * `evaluationSeconds` it reads the fleet's utilization over the last interval, its queue and the age of the oldest
 * waiting request, and asks for more instances when they are short or late; new instances take
 * `warmUpSeconds` (boot, load weights) before they accept requests; it shrinks only after demand has
 * stayed below the fleet for `scaleDownDelaySeconds`, to the most it asked for over that window. Within `minInstances` to `maxInstances`.
 */
export interface ReactiveAutoscaler {
  readonly minInstances: number;
  readonly maxInstances: number;
  /** Instances at the start of the run (within min and max). */
  readonly initialInstances: number;
  /** Seconds from a scale-up decision to the instance accepting requests (paid from the decision). */
  readonly warmUpSeconds: number;
  /** Seconds between decisions (the metrics lag: what the scaler sees is this old at most). */
  readonly evaluationSeconds: number;
  /** Seconds demand must stay below the fleet before it shrinks, to the most asked for over that window. */
  readonly scaleDownDelaySeconds: number;
  /** Utilization (capacity used at the operating point) to hold, in (0, 1]. */
  readonly targetUtilization: number;
  /** Scale up at once when the oldest waiting request has waited this long (seconds; the TTFT target's share). */
  readonly maxQueueWaitSeconds: number;
  /** The latency target the scaler watches: TTFT and TPOT bounds, seconds (null: none). */
  readonly maxTtftSeconds: number | null;
  readonly maxTpotSeconds: number | null;
  /** Share of the interval's first tokens and finished requests allowed past those bounds before it scales up (e.g. 0.01 for a p99 SLO). */
  readonly maxLateShare: number;
}

/** What the scaler sees at a decision. */
export interface FleetSignals {
  /** Instances accepting requests. */
  readonly readyInstances: number;
  /** Instances booting (paid, not yet accepting). */
  readonly warmingInstances: number;
  /** Share of the ready instances' capacity used since the last decision, in [0, 1]. */
  readonly utilization: number;
  /** Requests waiting for admission. */
  readonly waitingRequests: number;
  /** Seconds the oldest waiting request has waited (0 when none waits). */
  readonly oldestWaitSeconds: number;
  /** Batch cap of one instance. */
  readonly maxSequences: number;
  /** Share of the interval's first tokens (TTFT) and finished requests (TPOT) past the latency target. */
  readonly lateShare: number;
}

/**
 * The instance count to aim for: target tracking on utilization (as Kubernetes' horizontal pod
 * autoscaler: ready × utilization / target) plus batch slots for the backlog (the waiting requests
 * beyond one batch an instance), and at least one
 * more than the fleet has (ready + warming) when the oldest request has waited past
 * `maxQueueWaitSeconds` or more than `maxLateShare` of the interval's requests missed the latency
 * target (none shrinks while any missed it); clamped to min and max.
 * Example: 4 ready at 100% utilization, target 0.8, 94 waiting with a cap of 16 → 5 + ⌈30 / 16⌉ = 7.
 */
export function desiredInstances(policy: ReactiveAutoscaler, s: FleetSignals): number {
  // A batch's worth of waiting requests an instance is the normal wait for the next step; the rest is backlog.
  const backlog = Math.max(0, s.waitingRequests - s.readyInstances * s.maxSequences);
  let desired = Math.ceil((s.readyInstances * s.utilization) / policy.targetUtilization - 1e-9) + Math.ceil(backlog / s.maxSequences);
  const fleet = s.readyInstances + s.warmingInstances;
  if (s.oldestWaitSeconds > policy.maxQueueWaitSeconds || s.lateShare > policy.maxLateShare) desired = Math.max(desired, fleet + 1);
  else if (s.lateShare > 0) desired = Math.max(desired, fleet); // late requests: never shrink now
  return Math.min(policy.maxInstances, Math.max(policy.minInstances, desired));
}
