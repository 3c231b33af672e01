import { desiredInstances, type ReactiveAutoscaler } from './autoscaler.js';
import { CONTROL, type EventQueue } from './eventQueue.js';
import type { FleetSchedule } from './fleetSchedule.js';
import type { Instance } from './instance.js';
import type { SimulationMetrics } from './metrics.js';

/**
 * The fleet's size over a run, and what it pays for: it follows a `schedule` (a scale-down lets
 * an instance finish what it holds, paid) or, with an `autoscaler`, decides on the fleet's queue,
 * utilization and late share every evaluation (ReactiveAutoscaler), cold instances warming up
 * before they accept requests. The first `fleetInstances` instances are the fleet; any after them
 * are a prefill pool, paid throughout. It queues its own next change as a CONTROL event.
 */
export class FleetControl {
  /** Times the fleet's size changed. */
  scaleEvents = 0;
  private segment = 1;
  private nextDecisionSeconds: number;
  private lowSinceSeconds = NaN;
  private windowMax = 0;
  private readonly usedAtDecision: Float64Array;

  constructor(
    private readonly instances: readonly Instance[],
    private readonly fleetInstances: number,
    private readonly schedule: FleetSchedule,
    private readonly autoscaler: ReactiveAutoscaler | undefined,
    private readonly metrics: SimulationMetrics,
    private readonly events: EventQueue,
  ) {
    this.nextDecisionSeconds = autoscaler?.evaluationSeconds ?? Infinity;
    this.usedAtDecision = new Float64Array(instances.length);
  }

  /** Starts the fleet at time 0: its first size, the prefill pool paid, the first change queued. */
  start(): void {
    this.setTarget(this.autoscaler?.initialInstances ?? this.schedule[0]?.instances ?? 1, 0, 0);
    for (let i = this.fleetInstances; i < this.instances.length; i++) this.pay(this.instances[i] as Instance, 0);
    this.scaleEvents = 0;
    this.queueNext(this.autoscaler === undefined ? (this.schedule[1]?.atSeconds ?? Infinity) : this.nextDecisionSeconds);
  }

  /** Applies what is due at `nowSeconds`: warm-ups ending, the schedule's changes, an autoscaler decision. */
  control(nowSeconds: number): void {
    for (const s of this.instances) {
      if (s.readyAtSeconds <= nowSeconds) {
        s.readyAtSeconds = NaN;
        s.accepting = true;
      }
    }
    const a = this.autoscaler;
    if (a === undefined) {
      while ((this.schedule[this.segment]?.atSeconds ?? Infinity) <= nowSeconds) this.setTarget((this.schedule[this.segment++] as { instances: number }).instances, nowSeconds, 0);
      this.queueNext(this.schedule[this.segment]?.atSeconds ?? Infinity);
      return;
    }
    if (this.nextDecisionSeconds > nowSeconds) return;
    this.nextDecisionSeconds = nowSeconds + a.evaluationSeconds;
    this.queueNext(this.nextDecisionSeconds);
    this.decide(a, nowSeconds);
  }

  /** An instance ran out of work: one scaled down and drained stops being paid. */
  idle(s: Instance, nowSeconds: number): void {
    if (!s.accepting && s.role !== 'prefill' && s.paid && s.outstandingRequests() === 0) this.release(s, nowSeconds);
  }

  /** Releases every instance still paid at the run's end. */
  releaseAll(nowSeconds: number): void {
    for (const s of this.instances) if (s.paid) this.release(s, nowSeconds);
  }

  private queueNext(atSeconds: number): void {
    if (atSeconds < Infinity) this.events.push(atSeconds, CONTROL);
  }

  /** The autoscaler's decision: the signals since the last one, and the target it sets. */
  private decide(a: ReactiveAutoscaler, nowSeconds: number): void {
    let ready = 0;
    let warmingCount = 0;
    let used = 0;
    let waiting = 0;
    let oldest = 0;
    for (const s of this.instances) {
      if (s.warming) warmingCount++;
      if (!s.accepting) continue;
      ready++;
      used += this.metrics.usedSecondsOf(s.index) - (this.usedAtDecision[s.index] as number);
      waiting += s.waitingRequests();
      // The scaler holds the latency of paid traffic; free traffic's wait alone never adds instances.
      oldest = Math.max(oldest, s.oldestPaidWaitSeconds(nowSeconds));
    }
    for (const s of this.instances) this.usedAtDecision[s.index] = this.metrics.usedSecondsOf(s.index);
    const utilization = Math.min(1, used / Math.max(1e-9, ready * a.evaluationSeconds));
    const lateShare = this.metrics.takeLateShare();
    const maxSequences = (this.instances[0] as Instance).model.maxSequences;
    const desired = desiredInstances(a, { readyInstances: ready, warmingInstances: warmingCount, utilization, waitingRequests: waiting, oldestWaitSeconds: oldest, maxSequences, lateShare });
    const current = ready + warmingCount;
    if (desired > current) {
      this.lowSinceSeconds = NaN;
      this.setTarget(desired, nowSeconds, a.warmUpSeconds);
    } else if (desired < current) {
      // Scale down to the most asked for over a stabilization window (as Kubernetes' HPA does).
      if (Number.isNaN(this.lowSinceSeconds)) {
        this.lowSinceSeconds = nowSeconds;
        this.windowMax = desired;
      }
      this.windowMax = Math.max(this.windowMax, desired);
      if (nowSeconds - this.lowSinceSeconds >= a.scaleDownDelaySeconds) {
        this.setTarget(this.windowMax, nowSeconds, a.warmUpSeconds);
        this.lowSinceSeconds = NaN;
      }
    } else {
      this.lowSinceSeconds = NaN;
    }
  }

  /** Moves the fleet to `target` accepting (or warming) instances. */
  private setTarget(target: number, nowSeconds: number, warmUpSeconds: number): void {
    const fleet = this.instances.slice(0, this.fleetInstances);
    let current = fleet.filter((s) => s.accepting || s.warming).length;
    if (target !== current) this.scaleEvents++;
    // Up: a draining instance is warm and takes requests at once; a cold one warms up first.
    for (let pass = 0; pass < 2 && current < target; pass++) {
      for (const s of fleet) {
        if (current >= target) break;
        if (s.accepting || s.warming || (pass === 0) !== s.paid) continue;
        if (!s.paid) this.pay(s, nowSeconds);
        if (pass === 0 || warmUpSeconds <= 0) s.accepting = true;
        else {
          s.readyAtSeconds = nowSeconds + warmUpSeconds;
          this.queueNext(s.readyAtSeconds);
        }
        current++;
      }
    }
    // Down: cancel warming instances first (their queued warm-up end pops as a no-op), then stop
    // the last accepting ones (they drain, paid).
    for (let i = this.fleetInstances - 1; i >= 0 && current > target; i--) {
      const s = fleet[i] as Instance;
      if (!s.warming) continue;
      s.readyAtSeconds = NaN;
      this.release(s, nowSeconds);
      current--;
    }
    for (let i = this.fleetInstances - 1; i >= 1 && current > target; i--) {
      const s = fleet[i] as Instance;
      if (!s.accepting) continue;
      s.accepting = false;
      if (s.outstandingRequests() === 0) this.release(s, nowSeconds);
      current--;
    }
  }

  private pay(s: Instance, nowSeconds: number): void {
    this.metrics.startPaying(s.index, nowSeconds);
    s.paidFromSeconds = nowSeconds;
  }

  private release(s: Instance, nowSeconds: number): void {
    this.metrics.stopPaying(s.index, s.paidFromSeconds, nowSeconds);
    s.paidFromSeconds = NaN;
  }
}
