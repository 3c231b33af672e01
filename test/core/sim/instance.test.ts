import { describe, expect, it } from 'vitest';
import { bench, linearStep } from './entityFixtures.js';

describe('Instance: admit, compose a step, end a step', () => {
  it('startStep on an idle instance with nothing queued runs no step', () => {
    const { instances: [s] } = bench([linearStep(4, 1e6, 1000)]);
    expect(s!.startStep(0)).toBe(false);
    expect(s!.stepEndSeconds).toBe(Infinity);
  });

  it('a request of 3 output tokens: one prompt step gives its first token, two decode steps its last, then its KV is free', () => {
    const { instances: [s], requests, add } = bench([linearStep(4, 1e6, 1000)]);
    const id = add({ inputTokens: 100, outputTokens: 3 });
    s!.enqueue(id);
    expect(s!.outstandingRequests()).toBe(1);
    expect(s!.startStep(0)).toBe(true);
    expect(s!.stepEndSeconds).toBeCloseTo(0.01 + 100e-6, 12); // the prompt's 100 tokens, no decode yet
    s!.endStep(s!.stepEndSeconds);
    expect(requests.firstTokenSeconds[id]).toBeCloseTo(0.0101, 12);
    let now = s!.stepEndSeconds;
    for (let k = 0; k < 2; k++) {
      expect(s!.startStep(now)).toBe(true);
      expect(s!.stepEndSeconds - now).toBeCloseTo(0.011, 12); // one decoding sequence
      now = s!.stepEndSeconds;
      s!.endStep(now);
    }
    expect(requests.finishSeconds[id]).toBeCloseTo(0.0101 + 0.022, 12);
    expect(s!.outstandingRequests()).toBe(0);
    expect(s!.startStep(now)).toBe(false);
  });

  it('admits while the KV cache holds prompt + output, first come first served: the third of 3 × 400 tokens in a 1,000-token cache waits', () => {
    const { instances: [s], add } = bench([linearStep(8, 1000, 10_000)]);
    for (let i = 0; i < 3; i++) s!.enqueue(add({ inputTokens: 300, outputTokens: 100 }));
    s!.startStep(0);
    expect(s!.waitingRequests()).toBe(1);
    expect(s!.stepEndSeconds).toBeCloseTo(0.01 + 600e-6, 12); // two prompts in the step
  });

  it('admits no more sequences than the batch cap', () => {
    const { instances: [s], add } = bench([linearStep(2, 1e6, 10_000)]);
    for (let i = 0; i < 5; i++) s!.enqueue(add({}));
    s!.startStep(0);
    expect(s!.waitingRequests()).toBe(3);
  });

  it('chunks prompts to the token budget: a 250-token prompt with a budget of 100 takes three steps (100, 100, 50) before its first token', () => {
    const { instances: [s], requests, add } = bench([linearStep(4, 1e6, 100)]);
    const id = add({ inputTokens: 250, outputTokens: 2 });
    s!.enqueue(id);
    const durations: number[] = [];
    let now = 0;
    while (Number.isNaN(requests.firstTokenSeconds[id] as number)) {
      s!.startStep(now);
      durations.push(s!.stepEndSeconds - now);
      now = s!.stepEndSeconds;
      s!.endStep(now);
    }
    expect(durations.map((d) => Math.round((d - 0.01) * 1e6))).toEqual([100, 100, 50]);
  });

  it('computes only the prompt tokens not in the prefix cache', () => {
    const { instances: [s], add } = bench([linearStep(4, 1e6, 1000)]);
    s!.enqueue(add({ inputTokens: 500, cachedInputTokens: 400 }));
    s!.startStep(0);
    expect(s!.stepEndSeconds).toBeCloseTo(0.01 + 100e-6, 12);
  });

  it('admits paid requests before free ones that came first', () => {
    const { instances: [s], requests, add } = bench([linearStep(1, 1e6, 1000)]);
    const free = add({ free: true, outputTokens: 1 });
    const paid = add({ arrivalSeconds: 0.001, outputTokens: 1 });
    s!.enqueue(free);
    s!.enqueue(paid);
    s!.startStep(0.001);
    s!.endStep(s!.stepEndSeconds);
    expect(requests.finishSeconds[paid]).toBeGreaterThan(0);
    expect(Number.isNaN(requests.finishSeconds[free] as number)).toBe(true);
  });

  it('rejects a request larger than the whole KV cache and sheds a free one that waited too long; neither blocks the queue', () => {
    const { instances: [s], requests, metrics, add } = bench([linearStep(4, 500, 1000)], ['both'], 5);
    const tooLarge = add({ inputTokens: 400, outputTokens: 200 });
    const stale = add({ free: true });
    const fine = add({ arrivalSeconds: 9 });
    for (const id of [tooLarge, stale, fine]) s!.enqueue(id);
    expect(s!.startStep(10)).toBe(true);
    expect([metrics.rejected, metrics.shed]).toEqual([1, 1]);
    expect([requests.finishSeconds[tooLarge], requests.finishSeconds[stale]]).toEqual([-1, -1]);
    expect(s!.waitingRequests()).toBe(0);
  });

  it('a prefill instance hands a computed prompt on (its KV leaves) and a decode instance decodes it without a prompt step', () => {
    const { instances: [p, d], requests, prefilled, add } = bench([linearStep(4, 1e6, 1000), linearStep(4, 1e6, 1000)], ['prefill', 'decode']);
    const id = add({ outputTokens: 3 });
    p!.enqueue(id);
    p!.startStep(0);
    p!.endStep(p!.stepEndSeconds);
    expect(prefilled).toEqual([id]);
    expect(p!.outstandingRequests()).toBe(0);
    d!.enqueue(id);
    d!.startStep(1);
    expect(d!.stepEndSeconds).toBeCloseTo(1 + 0.011, 12); // a decode step: no prompt tokens
    d!.endStep(d!.stepEndSeconds);
    d!.startStep(d!.stepEndSeconds);
    d!.endStep(d!.stepEndSeconds);
    expect(requests.finishSeconds[id]).toBeCloseTo(1.022, 12);
  });
});
