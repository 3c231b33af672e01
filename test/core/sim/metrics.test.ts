import { describe, expect, it } from 'vitest';
import { SimulationMetrics } from '../../../src/core/sim/metrics.js';
import { RequestTable } from '../../../src/core/sim/requestTable.js';

const noTarget = { minTokensPerSecondPerUser: null, maxTtftSeconds: null };

describe('SimulationMetrics', () => {
  it('integrates paid instance-seconds into buckets: one instance paid from 30 s to 150 s in 60 s buckets is 0.5, 1, 0.5 instances', () => {
    const m = new SimulationMetrics(new RequestTable(), [1], 60, { maxTtftSeconds: null, maxTpotSeconds: null });
    m.startPaying(0, 30);
    m.stopPaying(0, 30, 150);
    const r = m.result(180, noTarget, 0);
    expect(r.buckets.map((b) => b.activeInstances)).toEqual([0.5, 1, 0.5]);
    expect(r.activeInstanceSeconds).toBe(120);
    expect(r.maxInstances).toBe(1);
  });

  it('weighs a prefill instance of twice the GPUs as two fleet instances', () => {
    const m = new SimulationMetrics(new RequestTable(), [1, 2], 60, { maxTtftSeconds: null, maxTpotSeconds: null });
    m.startPaying(0, 0);
    m.startPaying(1, 0);
    m.step(1, 0, 10, 0.5, 4);
    m.stopPaying(0, 0, 60);
    m.stopPaying(1, 0, 60);
    const r = m.result(60, noTarget, 0);
    expect([r.activeInstanceSeconds, r.busyInstanceSeconds, r.usedInstanceSeconds, r.maxInstances]).toEqual([180, 20, 8, 3]);
    expect(r.batchOccupancy).toBeCloseTo(10 / 180, 12);
    expect(r.utilizationByInstance).toEqual([0, 4 / 60]);
  });

  it('sees the queue as arrivals see it, and takes TTFT and TPOT from the first and last tokens', () => {
    const requests = new RequestTable();
    const m = new SimulationMetrics(requests, [1], 60, { maxTtftSeconds: 0.5, maxTpotSeconds: null });
    const a = requests.add({ arrivalSeconds: 0, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5 });
    m.arrived(0);
    const b = requests.add({ arrivalSeconds: 1, inputTokens: 10, cachedInputTokens: 0, outputTokens: 1 });
    m.arrived(1);
    m.firstToken(a, 2); // late: 2 s against 0.5 s
    m.firstToken(b, 1.25);
    m.finished(b, 1.25);
    m.finished(a, 3);
    expect(m.takeLateShare()).toBe(1 / 3); // two first tokens and one decoded request; one late
    expect(m.takeLateShare()).toBe(0);
    const r = m.result(3, noTarget, 0);
    expect(r.buckets[0]!.meanWaiting).toBe(1.5);
    expect(r.buckets[0]!.maxWaiting).toBe(2);
    expect(r.ttftSeconds.mean).toBeCloseTo((2 + 0.25) / 2, 12);
    expect(r.tpotSeconds.mean).toBeCloseTo(1 / 4, 12);
    expect(r.completed).toBe(2);
  });

  it('counts a dropped request as unserved and no longer waiting', () => {
    const requests = new RequestTable();
    const m = new SimulationMetrics(requests, [1], 60, { maxTtftSeconds: null, maxTpotSeconds: null });
    const id = requests.add({ arrivalSeconds: 0, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5 });
    m.arrived(0);
    m.dropped(id, 'shed', true);
    const next = requests.add({ arrivalSeconds: 1, inputTokens: 10, cachedInputTokens: 0, outputTokens: 5 });
    m.arrived(1);
    expect(next).toBe(1);
    const r = m.result(2, noTarget, 0);
    expect([r.shed, r.rejected, r.completed, r.requests]).toEqual([1, 0, 0, 2]);
    expect(r.buckets[0]!.maxWaiting).toBe(1);
  });
});
