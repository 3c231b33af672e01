import { describe, expect, it } from 'vitest';
import { md1WaitSeconds } from '../../../src/core/queueing/erlang.js';
import { fixedFleet } from '../../../src/core/sim/fleetSchedule.js';
import { simulate } from '../../../src/core/sim/simulate.js';
import { fixedStep, noTarget, oneTokenRequests } from './closedFormFixtures.js';

// The heavy project: the closed-form check at the sample size that allows a 5% bound.
describe('simulate against closed forms, 300,000 requests', () => {
  it('a single instance with a fixed 10 ms step at 70% load waits as M/D/1 says (ρs/2(1−ρ) = 11.7 ms), within 5% over 300,000 requests', { timeout: 120_000 }, () => {
    const s = 0.01;
    const rate = 70;
    const r = simulate(oneTokenRequests(rate, 300_000, 7), { instance: fixedStep(s), fleet: fixedFleet(1), latencyTarget: noTarget });
    const waited = r.ttftSeconds.mean - s;
    expect(Math.abs(waited / md1WaitSeconds(rate, s) - 1)).toBeLessThan(0.05);
    expect(r.busyInstanceSeconds / r.durationSeconds).toBeCloseTo(0.7, 2);
  });
});
