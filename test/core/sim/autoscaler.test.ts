import { describe, expect, it } from 'vitest';
import { fromList } from '../../../src/core/demand/requestSource.js';
import type { Request } from '../../../src/core/demand/types.js';
import { desiredInstances, type ReactiveAutoscaler } from '../../../src/core/sim/autoscaler.js';
import { fixedFleet } from '../../../src/core/sim/fleetSchedule.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { simulate } from '../../../src/core/sim/simulate.js';

const policy: ReactiveAutoscaler = {
  minInstances: 1, maxInstances: 10, initialInstances: 1, warmUpSeconds: 120, evaluationSeconds: 10,
  scaleDownDelaySeconds: 300, targetUtilization: 0.8, maxQueueWaitSeconds: 1,
  maxTtftSeconds: 2, maxTpotSeconds: null, maxLateShare: 0.01,
};

describe('desiredInstances', () => {
  it('4 ready at 100% utilization, target 0.8, 94 waiting with a batch cap of 16: 5 + ⌈(94 − 64) / 16⌉ = 7', () => {
    expect(desiredInstances(policy, { readyInstances: 4, warmingInstances: 0, utilization: 1, waitingRequests: 94, oldestWaitSeconds: 0, maxSequences: 16, lateShare: 0 })).toBe(7);
  });

  it('a request waiting past the bound asks for one more than ready + warming; min and max bound it', () => {
    expect(desiredInstances(policy, { readyInstances: 2, warmingInstances: 1, utilization: 0.1, waitingRequests: 0, oldestWaitSeconds: 2, maxSequences: 16, lateShare: 0 })).toBe(4);
    expect(desiredInstances(policy, { readyInstances: 1, warmingInstances: 0, utilization: 0, waitingRequests: 0, oldestWaitSeconds: 0, maxSequences: 16, lateShare: 0 })).toBe(1);
    // Late requests: over 1% asks for one more; any at all holds the fleet however idle.
    expect(desiredInstances(policy, { readyInstances: 3, warmingInstances: 0, utilization: 0.1, waitingRequests: 0, oldestWaitSeconds: 0, maxSequences: 16, lateShare: 0.02 })).toBe(4);
    expect(desiredInstances(policy, { readyInstances: 3, warmingInstances: 0, utilization: 0.1, waitingRequests: 0, oldestWaitSeconds: 0, maxSequences: 16, lateShare: 0.005 })).toBe(3);
    expect(desiredInstances({ ...policy, maxInstances: 3 }, { readyInstances: 3, warmingInstances: 0, utilization: 1, waitingRequests: 500, oldestWaitSeconds: 9, maxSequences: 16, lateShare: 0 })).toBe(3);
  });
});

describe('simulate with a reactive autoscaler', () => {
  // Two sequences an instance, 80 ms a step: 25 one-token requests/s an instance at full use.
  const instance: InstanceModel = { stepSeconds: () => 0.08, maxSequences: 2, kvCapacityTokens: 1e9, maxBatchedTokens: 1e9, gpus: 1 };
  const capacity = { outputTokensPerSecondAtCapacity: 25 };
  // 5 requests/s for 20 min, 100/s for 20 min, then 5/s for 40 min, evenly spaced.
  const phases: [from: number, to: number, rate: number][] = [[0, 1200, 5], [1200, 2400, 100], [2400, 4800, 5]];
  const requests: Request[] = phases.flatMap(([from, to, rate]) => Array.from({ length: (to - from) * rate }, (_, i) => ({ arrivalSeconds: from + i / rate, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 })));
  const run = () => simulate(fromList(requests), { instance, fleet: fixedFleet(1), autoscaler: policy, latencyTarget: { minTokensPerSecondPerUser: null, maxTtftSeconds: 2 }, bucketSeconds: 300, ...capacity });

  it('scales up when the rate jumps (instances ready a warm-up later), holds the target utilization, and gives instances back after the delay', () => {
    const r = run();
    const at = (seconds: number) => r.buckets[Math.floor(seconds / 300)]!.activeInstances;
    expect(at(600)).toBe(1); // 2 requests/s on one instance: 20% used
    // 100 requests/s needs 100 / (25 × 0.8) = 5 once the backlog of the warm-up has drained.
    expect(at(1800)).toBeGreaterThanOrEqual(5);
    expect(at(2100)).toBeLessThan(at(1500)); // the extra instances for the backlog go back
    expect(r.buckets[Math.floor(2100 / 300)]!.utilization).toBeGreaterThan(0.5);
    expect(at(4500)).toBeLessThan(at(1800)); // scaled back down in the quiet phase
    expect(r.maxInstances).toBeLessThanOrEqual(10);
    expect(r.scaleEvents).toBeGreaterThan(2);
    expect(r.completed).toBe(requests.length);
    // Requests queue during the warm-up (two minutes at 100/s on one instance), then drain.
    expect(r.buckets[Math.floor(1200 / 300)]!.ttftP99Seconds).toBeGreaterThan(2);
    expect(r.buckets[Math.floor(2100 / 300)]!.ttftP99Seconds).toBeLessThan(0.5);
  });

  it('pays for warm-up and draining: paid instance-seconds exceed the time instances accept requests for', () => {
    const r = run();
    expect(r.activeInstanceSeconds).toBeGreaterThan(r.usedInstanceSeconds);
    expect(r.utilization).toBeLessThan(1);
    expect(r).toEqual(run()); // deterministic
  });
});
