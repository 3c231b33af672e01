import { describe, expect, it } from 'vitest';
import { md1WaitSeconds, mgcWaitSeconds } from '../../../src/core/queueing/erlang.js';
import { autoscaledFleet, fixedFleet, instancesAt } from '../../../src/core/sim/fleetSchedule.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { MinHeap } from '../../../src/core/sim/minHeap.js';
import { simulate } from '../../../src/core/sim/simulate.js';

import { fixedStep, noTarget, oneTokenRequests } from './closedFormFixtures.js';

describe('simulate against closed forms', () => {
  // 300,000 requests and a 5% bound: simulate.heavy.test.ts.
  it('a single instance with a fixed 10 ms step at 70% load waits as M/D/1 says (ρs/2(1−ρ) = 11.7 ms), within 8% over 100,000 requests', () => {
    const s = 0.01;
    const rate = 70;
    const r = simulate(oneTokenRequests(rate, 100_000, 7), { instance: fixedStep(s), fleet: fixedFleet(1), latencyTarget: noTarget });
    const waited = r.ttftSeconds.mean - s;
    const closedForm = md1WaitSeconds(rate, s);
    expect(closedForm).toBeCloseTo(0.011667, 5);
    expect(Math.abs(waited / closedForm - 1)).toBeLessThan(0.08);
    expect(r.busyInstanceSeconds / r.durationSeconds).toBeCloseTo(0.7, 1);
  });

  it('four such instances behind a least-loaded router wait about as the M/G/c estimate with deterministic service says (Cs² = 0)', () => {
    const s = 0.01;
    const rate = 340; // load 0.85 over 4 servers
    const r = simulate(oneTokenRequests(rate, 100_000, 11), { instance: fixedStep(s), fleet: fixedFleet(4), latencyTarget: noTarget });
    const waited = r.ttftSeconds.mean - s;
    const estimate = mgcWaitSeconds(rate, s, 0, 4);
    // Join-the-shortest-queue routing differs from one shared queue; Allen–Cunneen is itself an approximation.
    expect(waited / estimate).toBeGreaterThan(0.7);
    expect(waited / estimate).toBeLessThan(1.5);
  });

  it('is deterministic for a seed and differs for another seed', () => {
    const run = (seed: number) => simulate(oneTokenRequests(50, 20_000, seed), { instance: fixedStep(0.01), fleet: fixedFleet(1), latencyTarget: noTarget });
    expect(run(3)).toEqual(run(3));
    expect(run(3).ttftSeconds.mean).not.toBe(run(4).ttftSeconds.mean);
  });
});

describe('simulate mechanics', () => {
  it('utilization is the paid share of capacity used (tokens over the rate at the operating point); batch occupancy, apart, is how full the batches ran', () => {
    const one = () => ({ next: (() => { let done = false; return () => (done ? null : (done = true, { arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 11 })); })() });
    // 11 steps of 0.02 s, one sequence of a batch cap of 8 each, one token each.
    const atRate = simulate(one(), { instance: fixedStep(0.02, 8), fleet: fixedFleet(1), latencyTarget: noTarget, outputTokensPerSecondAtCapacity: 100 });
    expect(atRate.utilization).toBeCloseTo((11 * 0.01) / 0.22, 12); // a token is 1/100 s of capacity
    expect(atRate.batchOccupancy).toBeCloseTo(1 / 8, 12);
    // Without a rate, capacity is a full batch at the cap: 8 tokens a 0.02 s step.
    const atCap = simulate(one(), { instance: fixedStep(0.02, 8), fleet: fixedFleet(1), latencyTarget: noTarget });
    expect(atCap.utilization).toBeCloseTo(1 / 8, 12);
  });

  it('a request of O output tokens on an idle instance takes one prompt step and O − 1 decode steps', () => {
    const r = simulate({ next: (() => { let done = false; return () => (done ? null : (done = true, { arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 11 })); })() },
      { instance: fixedStep(0.02, 8), fleet: fixedFleet(1), latencyTarget: noTarget });
    expect(r.ttftSeconds.mean).toBeCloseTo(0.02, 12);
    expect(r.tpotSeconds.mean).toBeCloseTo(0.02, 12);
    expect(r.durationSeconds).toBeCloseTo(0.02 * 11, 12);
    expect(r.outputTokens).toBe(11);
  });

  it('a KV cache that holds one request at a time serialises requests (queueing, no preemption)', () => {
    const model: InstanceModel = { ...fixedStep(0.01, 100), kvCapacityTokens: 150 };
    const requests = [0, 0.001].map((t) => ({ arrivalSeconds: t, inputTokens: 50, cachedInputTokens: 0, outputTokens: 50 }));
    let i = 0;
    const r = simulate({ next: () => requests[i++] ?? null }, { instance: model, fleet: fixedFleet(1), latencyTarget: noTarget });
    // The second waits for the first's 50 steps (0.5 s) before its own prompt step.
    expect(r.ttftSeconds.p99).toBeGreaterThan(0.5);
    expect(r.completed).toBe(2);
  });

  it('a request larger than the whole cache is rejected, not stuck', () => {
    const model: InstanceModel = { ...fixedStep(0.01, 4), kvCapacityTokens: 10 };
    let sent = false;
    const r = simulate({ next: () => (sent ? null : (sent = true, { arrivalSeconds: 0, inputTokens: 50, cachedInputTokens: 0, outputTokens: 5 })) }, { instance: model, fleet: fixedFleet(1), latencyTarget: noTarget });
    expect(r.rejected).toBe(1);
    expect(r.completed).toBe(0);
  });

  it('sloAttainment counts the requests that meet both bounds', () => {
    const r = simulate(oneTokenRequests(70, 20_000, 5), { instance: fixedStep(0.01), fleet: fixedFleet(1), latencyTarget: { minTokensPerSecondPerUser: null, maxTtftSeconds: 0.02 } });
    expect(r.sloAttainment).toBeGreaterThan(0.3);
    expect(r.sloAttainment).toBeLessThan(0.95);
  });
});

describe('fleet schedules and the heap', () => {
  it('autoscaledFleet([10, 30], capacity 10, lag 600 s) is 1 instance, then 3 from 4,200 s', () => {
    const f = autoscaledFleet([10, 30], { capacityRequestsPerSecond: 10, headroom: 0, minInstances: 1, granularity: 1, scaleUpLagSeconds: 600 });
    expect(f).toEqual([{ atSeconds: 0, instances: 1 }, { atSeconds: 4200, instances: 3 }]);
    expect(instancesAt(f, 4199)).toBe(1);
    expect(instancesAt(f, 4200)).toBe(3);
  });

  it('MinHeap pops in key order', () => {
    const h = new MinHeap();
    for (const k of [5, 1, 4, 1, 3, 9, 2, 6]) h.push(k, k * 10);
    const out: number[] = [];
    while (h.size > 0) out.push(h.pop() as number);
    expect(out).toEqual([10, 10, 20, 30, 40, 50, 60, 90]);
  });
});
