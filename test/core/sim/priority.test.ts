import { describe, expect, it } from 'vitest';
import { fromList } from '../../../src/core/demand/requestSource.js';
import type { Request } from '../../../src/core/demand/types.js';
import { fixedFleet } from '../../../src/core/sim/fleetSchedule.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { simulate } from '../../../src/core/sim/simulate.js';
import { checkSlo } from '../../../src/core/sim/sloCheck.js';

// One slot, 10 ms a step: 100 one-token requests/s at most. 120/s arrive, every other one free.
const instance: InstanceModel = { stepSeconds: () => 0.01, maxSequences: 1, kvCapacityTokens: 1e9, maxBatchedTokens: 1e9, gpus: 1 };
const requests: Request[] = Array.from({ length: 12_000 }, (_, i) => ({ arrivalSeconds: i / 120, inputTokens: 1, cachedInputTokens: 0, outputTokens: 1, free: i % 2 === 1 }));
const target = { minTokensPerSecondPerUser: null, maxTtftSeconds: 0.1 };

describe('simulate with priority classes', () => {
  it('at 120% of capacity paid requests are admitted first and meet the target while free ones queue', () => {
    const r = simulate(fromList(requests), { instance, fleet: fixedFleet(1), latencyTarget: target });
    const pc = r.priorityClasses!;
    expect(pc.paid.requests).toBe(6000);
    expect(pc.free.requests).toBe(6000);
    expect(pc.paid.ttftSeconds.p99).toBeLessThan(0.05); // paid: 60/s on a 100/s server
    expect(pc.free.ttftSeconds.p99).toBeGreaterThan(10); // free: the rest of the capacity, and the backlog
    expect(r.shed).toBe(0);
    expect(r.completed).toBe(12_000);
    const slo = checkSlo(r, target); // the SLO is the paid traffic's
    expect(slo.met).toBe(true);
    expect(slo.attainment).toBe(pc.paid.sloAttainment);
  });

  it('with shedFreeAfterSeconds free requests waiting longer are shed, and the run ends with the demand', () => {
    const r = simulate(fromList(requests), { instance, fleet: fixedFleet(1), latencyTarget: target, shedFreeAfterSeconds: 1 });
    expect(r.shed).toBeGreaterThan(1000); // about the 20% over capacity
    expect(r.shed).toBeLessThan(3000);
    expect(r.completed + r.shed).toBe(12_000);
    expect(r.priorityClasses!.free.ttftSeconds.p99).toBeLessThan(1.1);
    expect(r.durationSeconds).toBeLessThan(12_000 / 120 + 2);
  });

  it('without free requests there are no classes', () => {
    const r = simulate(fromList(requests.map((x) => ({ ...x, free: false }))), { instance, fleet: fixedFleet(2), latencyTarget: target });
    expect(r.priorityClasses).toBeNull();
  });
});
