import { describe, expect, it } from 'vitest';
import { poissonArrivals } from '../../../src/core/demand/arrivals.js';
import { createRng } from '../../../src/core/demand/rng.js';
import type { FrontierPoint } from '../../../src/core/perf/frontier.js';
import { analyticCheck } from '../../../src/core/sim/analyticCheck.js';
import { fixedFleet } from '../../../src/core/sim/fleetSchedule.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { simulate } from '../../../src/core/sim/simulate.js';

// Two instances of 4 slots, 10 ms a step whatever the batch: a request of 10 output tokens holds a
// slot for 10 steps (its prompt step gives the first token), 0.1 s: M/D/8 as far as slots go.
const step = 0.01;
const instance: InstanceModel = { stepSeconds: () => step, maxSequences: 4, kvCapacityTokens: 1e12, maxBatchedTokens: 1e9, gpus: 1 };
const point = { ttftSeconds: step, tpotSeconds: step } as FrontierPoint;
// 50,000 requests: the 90%-load wait agrees within 10% of the 200,000-request run (1.08 against 1.10 of the estimate).
const run = (requestsPerSecond: number) => simulate(poissonArrivals({
  requestsPerSecond, durationSeconds: 1e9, maxRequests: 50_000,
  sizes: { inputTokens: { mean: 1, sigma: 0 }, outputTokens: { mean: 10, sigma: 0 } }, rng: createRng(5),
}), { instance, fleet: fixedFleet(2), latencyTarget: { minTokensPerSecondPerUser: null, maxTtftSeconds: null } });
const check = (requestsPerSecond: number, flags = { poisson: true, steady: true, fixedFleet: true }) =>
  analyticCheck({ sim: run(requestsPerSecond), point, maxSequences: 4, outputTokens: 10, serviceCv2: 0, ...flags });

describe('analyticCheck', () => {
  it('where its assumptions hold (Poisson, steady, fixed fleet, 90% load) the M/G/c wait agrees with the simulated one within a factor of 2', { timeout: 20_000 }, () => {
    const c = check(72); // 72/s × 0.1 s / 8 slots = 0.9
    expect(c.load).toBeCloseTo(0.9, 1);
    expect(c.assumptionsHold).toBe(true);
    expect(c.verdict).toMatch(/^assumptions hold/);
    // The simulation waits a little more: each router queue is its own (join the shortest), and
    // a request admitted between steps waits for the step in flight to end.
    const ratio = c.simulatedMeanExtraTtftSeconds / (c.meanWaitSeconds ?? Number.NaN);
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(2);
  });

  it('above capacity it says the queue grows without bound, and the estimate is infinite', { timeout: 20_000 }, () => {
    const c = check(100); // load 1.25
    expect(c.meanWaitSeconds).toBeNull();
    expect(c.assumptionsHold).toBe(false);
    // The load is the drawn sample's: 125% in expectation, 126% for these 50,000 requests.
    expect(c.verdict).toMatch(/arrival rate above capacity \(load 12[4-6]%\): the queue grows without bound/);
    expect(c.simulatedMeanExtraTtftSeconds).toBeGreaterThan(1); // the finite run's queue, far past any steady wait
  });

  it('names each assumption a run breaks', { timeout: 20_000 }, () => {
    const c = check(40, { poisson: false, steady: false, fixedFleet: false });
    expect(c.verdict).toBe('assumptions do not hold: arrivals are not Poisson (a trace or bursts); the rate moves over time (the estimate is at the mean load); the fleet changes size (the estimate uses its mean)');
  });
});
