import { describe, expect, it } from 'vitest';
import { fromList } from '../../../src/core/demand/requestSource.js';
import { fixedFleet } from '../../../src/core/sim/fleetSchedule.js';
import type { InstanceModel } from '../../../src/core/sim/instanceModel.js';
import { simulate } from '../../../src/core/sim/simulate.js';

const fixed = (seconds: number, maxSequences: number, gpus: number): InstanceModel => ({ stepSeconds: () => seconds, maxSequences, kvCapacityTokens: 1e9, maxBatchedTokens: 1e9, gpus });
const prefill = fixed(0.05, 8, 2);
const decode = fixed(0.01, 8, 1);
const disaggregated = { prefill, prefillInstances: 1, transferSeconds: () => 0.02 };
const noTarget = { minTokensPerSecondPerUser: null, maxTtftSeconds: null };

describe('simulate with disaggregated prefill and decode pools', () => {
  it('a request of 11 output tokens: its prompt step on the prefill pool gives the first token, then the KV moves (20 ms) and 10 decode steps follow', () => {
    const r = simulate(fromList([{ arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 11 }]), { instance: decode, fleet: fixedFleet(1), latencyTarget: noTarget, disaggregated });
    expect(r.ttftSeconds.mean).toBeCloseTo(0.05, 12);
    expect(r.durationSeconds).toBeCloseTo(0.05 + 0.02 + 10 * 0.01, 12);
    expect(r.tpotSeconds.mean).toBeCloseTo((0.02 + 0.1) / 10, 12);
    expect(r.completed).toBe(1);
    // Paid: the decode instance and the prefill instance (2 GPUs: 2 decode-instance equivalents), the whole run.
    expect(r.activeInstanceSeconds).toBeCloseTo(3 * r.durationSeconds, 12);
    expect(r.maxInstances).toBe(3);
  });

  it('prompts queue on the prefill pool, not behind decoding: TTFT grows with the prompts ahead while decoding goes on', () => {
    const requests = Array.from({ length: 4 }, (_, i) => ({ arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 3 + i }));
    const one = { ...disaggregated, prefill: fixed(0.05, 1, 2) }; // one prompt a step
    const r = simulate(fromList(requests), { instance: decode, fleet: fixedFleet(2), latencyTarget: noTarget, disaggregated: one });
    // TTFTs 0.05, 0.10, 0.15, 0.20 s (the fourth prompt's step ends at 4 × 50 ms). Type-7 quantiles:
    // p50 at position 3 × 0.5 = 1.5 is 0.125 s; p99 at 2.97 is 0.15 + 0.97 × 0.05 = 0.1985 s.
    expect(r.ttftSeconds.p50).toBeCloseTo(0.125, 12);
    expect(r.ttftSeconds.p99).toBeCloseTo(0.15 + 0.97 * 0.05, 12);
    expect(r.completed).toBe(4);
    expect(r.outputTokens).toBe(3 + 4 + 5 + 6);
  });

  it('a prompt whose KV is still in transit when the last fleet change comes is decoded, not lost when nothing else is left to run', () => {
    // The prompt step ends at 50 ms, its KV arrives at 70 ms; the schedule's change at 60 ms is the only event between.
    const r = simulate(fromList([{ arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 0, outputTokens: 11 }]), {
      instance: decode, fleet: [{ atSeconds: 0, instances: 1 }, { atSeconds: 0.06, instances: 2 }], latencyTarget: noTarget, disaggregated,
    });
    expect(r.completed).toBe(1);
    expect(r.durationSeconds).toBeCloseTo(0.05 + 0.02 + 10 * 0.01, 12);
  });
});
