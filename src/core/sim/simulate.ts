import type { Request, RequestSource } from '../demand/types.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { ReactiveAutoscaler } from './autoscaler.js';
import { ARRIVAL, CONTROL, EventQueue, STEP_END } from './eventQueue.js';
import { FleetControl } from './fleetControl.js';
import type { FleetSchedule } from './fleetSchedule.js';
import { Instance, type InstanceSetting } from './instance.js';
import type { InstanceModel } from './instanceModel.js';
import { SimulationMetrics } from './metrics.js';
import { MinHeap } from './minHeap.js';
import { RequestTable } from './requestTable.js';
import { leastOutstandingRouter } from './router.js';
import type { SimulationResult } from './simulationResult.js';
import { SECONDS_PER_HOUR } from '../units.js';

export type { Percentiles, SimulationResult, SimulationBucket } from './simulationResult.js';

export interface SimulationOptions {
  readonly instance: InstanceModel;
  /** Instances accepting requests over time (ignored, but for its first count, with an autoscaler). */
  readonly fleet: FleetSchedule;
  /** Scale on utilization and queue as the run goes instead of following `fleet`. */
  readonly autoscaler?: ReactiveAutoscaler;
  readonly latencyTarget: LatencyTarget;
  /**
   * Output tokens per second one instance delivers at its operating point (batch cap, latency
   * target): a step's used capacity is the tokens it emits over this rate, so utilization is the
   * share of the capacity the report's cost per token assumes (default: the decode rate of a full
   * batch at the instance's batch cap). How full the batches are is `batchOccupancy`, apart.
   */
  readonly outputTokensPerSecondAtCapacity?: number;
  /**
   * Disaggregated serving: arrivals go to `prefillInstances` instances of `prefill` (prompts only);
   * a finished prompt's KV moves to the fleet's instances (decode only) in `transferSeconds(input
   * tokens)`. Only with a fixed `fleet` (no autoscaler).
   */
  readonly disaggregated?: { readonly prefill: InstanceModel; readonly prefillInstances: number; readonly transferSeconds: (inputTokens: number) => number };
  /** Free requests (`free: true`) still waiting this long when a slot comes up are shed, unserved (seconds; default: they wait). */
  readonly shedFreeAfterSeconds?: number;
  /** Width of the time buckets of the time series, seconds (default one hour). */
  readonly bucketSeconds?: number;
  /** Called now and then with the simulated time, so a caller can draw progress. */
  readonly onProgress?: (simulatedSeconds: number) => void;
}

/**
 * A discrete-event simulation of a fleet serving requests with continuous batching, in vidur's
 * shape: an event queue (fleet changes, arrivals, step ends), instances that admit, compose and
 * end steps (`Instance`), a router that sends each arrival to the accepting instance with the
 * fewest requests outstanding (`router`), the fleet's size and bill (`FleetControl`) and one
 * metrics store (`SimulationMetrics`). Each instance runs steps back to back while it has work:
 * at a step's start it admits waiting requests first come, first served while their prompt +
 * output fit its KV cache and its batch limit (no preemption), then computes up to its
 * prompt-token budget of the oldest prompts (chunked prefill) alongside one token of every
 * decoding sequence; step times come from the performance model's table. A prompt's last chunk
 * gives the first token (TTFT); the rest come one a step. The fleet follows `fleet` or, with
 * `autoscaler`, scales on its queue and utilization. Deterministic for a given request source.
 */
export function simulate(source: RequestSource, options: SimulationOptions): SimulationResult {
  const { instance: model, fleet, autoscaler, latencyTarget, bucketSeconds = SECONDS_PER_HOUR, onProgress, shedFreeAfterSeconds = Infinity, disaggregated } = options;
  const outputTokensPerSecondAtCapacity = options.outputTokensPerSecondAtCapacity ?? model.maxSequences / model.stepSeconds(model.maxSequences, 0);
  const fleetInstances = autoscaler?.maxInstances ?? Math.max(...fleet.map((s) => s.instances));
  const prefillInstances = disaggregated?.prefillInstances ?? 0;
  const requests = new RequestTable();
  const events = new EventQueue();
  /** KV moving from a prefill to a decode instance, by arrival there. */
  const transfers = new MinHeap();
  // Disaggregated: the prefill pool after the fleet, each counted in fleet-instance equivalents (its GPUs over a fleet instance's).
  const prefill = disaggregated?.prefill ?? model;
  const transferSeconds = disaggregated?.transferSeconds ?? (() => 0);
  const weights = Array.from({ length: fleetInstances + prefillInstances }, (_, i) => (i < fleetInstances ? 1 : prefill.gpus / model.gpus));
  const metrics = new SimulationMetrics(requests, weights, bucketSeconds, { maxTtftSeconds: autoscaler?.maxTtftSeconds ?? null, maxTpotSeconds: autoscaler?.maxTpotSeconds ?? null });
  const setting: InstanceSetting = {
    requests, metrics, outputTokensPerSecondAtCapacity, shedFreeAfterSeconds,
    prefilled: (id, now) => transfers.push(now + transferSeconds(requests.inputTokens[id] as number), id),
  };
  const instances = weights.map((weight, i) => (i < fleetInstances
    ? new Instance(i, model, disaggregated === undefined ? 'both' : 'decode', weight, setting)
    : new Instance(i, prefill, 'prefill', weight, setting)));
  const router = leastOutstandingRouter(instances, fleetInstances);
  const fleetControl = new FleetControl(instances, fleetInstances, fleet, autoscaler, metrics, events);
  fleetControl.start();
  /** Runs the instance's next step, if it has one; an idle instance may stop being paid. */
  const run = (s: Instance, now: number) => {
    if (s.startStep(now)) events.push(s.stepEndSeconds, STEP_END + s.index);
    else fleetControl.idle(s, now);
  };

  let next = source.next();
  if (next !== null) events.push(next.arrivalSeconds, ARRIVAL);
  let lastProgress = 0;
  let now = 0;
  for (;;) {
    // KV arriving at the decode pool goes after any event of its instant.
    if (transfers.peekKey() < events.peekSeconds()) {
      now = transfers.peekKey();
      const s = router.forPrefilled();
      s.enqueue(transfers.pop() as number);
      if (s.stepEndSeconds === Infinity) run(s, now);
      continue;
    }
    const at = events.peekSeconds();
    const rank = events.pop();
    // Over when no request is left to serve: none to arrive, none on an instance, no KV in transit.
    if (rank === -1 || (rank === CONTROL && !events.hasWork && transfers.size === 0)) break;
    if (rank === CONTROL) {
      now = Math.max(now, at);
      fleetControl.control(now);
      continue;
    }
    now = at;
    if (rank === ARRIVAL) {
      const s = router.forArrival();
      s.enqueue(requests.add(next as Request));
      metrics.arrived(now);
      if (s.stepEndSeconds === Infinity) run(s, now);
      next = source.next();
      if (next !== null) events.push(next.arrivalSeconds, ARRIVAL);
    } else {
      const s = instances[rank - STEP_END] as Instance;
      s.endStep(now);
      run(s, now);
    }
    if (onProgress !== undefined && now - lastProgress > 600) {
      lastProgress = now;
      onProgress(now);
    }
  }
  const n = requests.count;
  const duration = Math.max(now, n > 0 ? (requests.arrivalSeconds[n - 1] as number) : 0);
  fleetControl.releaseAll(duration);
  return metrics.result(duration, latencyTarget, fleetControl.scaleEvents);
}
