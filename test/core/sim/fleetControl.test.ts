import { describe, expect, it } from 'vitest';
import type { ReactiveAutoscaler } from '../../../src/core/sim/autoscaler.js';
import { CONTROL, EventQueue } from '../../../src/core/sim/eventQueue.js';
import { FleetControl } from '../../../src/core/sim/fleetControl.js';
import type { FleetSchedule } from '../../../src/core/sim/fleetSchedule.js';
import { bench, linearStep } from './entityFixtures.js';

const setUp = (schedule: FleetSchedule, autoscaler?: ReactiveAutoscaler) => {
  const b = bench([linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000)]);
  const events = new EventQueue();
  const fleet = new FleetControl(b.instances, 3, schedule, autoscaler, b.metrics, events);
  fleet.start();
  return { ...b, events, fleet };
};

describe('FleetControl', () => {
  it('follows a schedule: 2 instances from 0, 1 from 10 s; the one stopped drains its request, paid, then is released', () => {
    const { instances, events, fleet, metrics, add } = setUp([{ atSeconds: 0, instances: 2 }, { atSeconds: 10, instances: 1 }]);
    expect(instances.map((s) => s.accepting)).toEqual([true, true, false]);
    expect([events.peekSeconds(), events.pop()]).toEqual([10, CONTROL]);
    instances[1]!.enqueue(add({}));
    fleet.control(10);
    expect(instances.map((s) => s.accepting)).toEqual([true, false, false]);
    expect(instances[1]!.paid).toBe(true); // draining
    fleet.idle(instances[1]!, 12); // still holds its request
    expect(instances[1]!.paid).toBe(true);
    instances[1]!.startStep(12);
    for (let k = 0; k < 3; k++) {
      instances[1]!.endStep(instances[1]!.stepEndSeconds);
      instances[1]!.startStep(instances[1]!.stepEndSeconds);
    }
    fleet.idle(instances[1]!, 13);
    expect(instances[1]!.paid).toBe(false);
    fleet.releaseAll(20);
    const r = metrics.result(20, { minTokensPerSecondPerUser: null, maxTtftSeconds: null }, fleet.scaleEvents);
    expect(r.activeInstanceSeconds).toBe(20 + 13);
    expect(r.scaleEvents).toBe(1);
  });

  it('an autoscaler decision that adds an instance pays it from the decision and queues its warm-up end; it accepts once warm', () => {
    const policy: ReactiveAutoscaler = {
      minInstances: 1, maxInstances: 3, initialInstances: 1, warmUpSeconds: 100, evaluationSeconds: 10, scaleDownDelaySeconds: 60,
      targetUtilization: 0.8, maxQueueWaitSeconds: 1, maxTtftSeconds: null, maxTpotSeconds: null, maxLateShare: 0.01,
    };
    const { instances, events, fleet, add } = setUp([{ atSeconds: 0, instances: 1 }], policy);
    instances[0]!.enqueue(add({ arrivalSeconds: 0 })); // waits 10 s by the first decision: past maxQueueWaitSeconds
    expect(events.peekSeconds()).toBe(10);
    events.pop();
    fleet.control(10);
    expect(instances[1]!.warming).toBe(true);
    expect(instances[1]!.paid).toBe(true);
    const queued: number[] = [];
    while (events.peekSeconds() < Infinity) {
      queued.push(events.peekSeconds());
      events.pop();
    }
    expect(queued).toEqual([20, 110]); // the next decision, the warm-up's end
    fleet.control(110);
    expect(instances[1]!.accepting).toBe(true);
  });
});
