import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorkerLanes } from '../../web/src/compute/lanes.js';
import type { WorkerRequest, WorkerResponse } from '../../web/src/compute/worker.js';

/** A stand-in Web Worker: records what it is sent, answers when the test says. */
class FakeWorker {
  sent: WorkerRequest[] = [];
  terminated = false;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  postMessage(request: WorkerRequest): void { this.sent.push(request); }
  terminate(): void { this.terminated = true; }
  answer(id: number): void { this.onmessage?.({ data: { id, kind: 'market', result: { error: `answer ${id}` } } } as MessageEvent<WorkerResponse>); }
}

describe('WorkerLanes: one worker per kind of work, only the newest answer counts', () => {
  let clock = 0;
  let workers: FakeWorker[];
  let answers: string[];
  let slow: string[];
  let lanes: WorkerLanes;
  const market = { kind: 'market', sizeRange: { totalParams: [1e12, 2e12], activeParams: [3e10, 6e10] } } as const;

  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
    workers = [];
    answers = [];
    slow = [];
    lanes = new WorkerLanes({
      create: () => { const w = new FakeWorker(); workers.push(w); return w as unknown as Worker; },
      onAnswer: (r) => answers.push('error' in r.result ? String(r.result.error) : r.kind),
      onSlow: (kind, s) => slow.push(`${kind} ${s}`),
      onError: () => undefined,
      now: () => clock,
    });
  });
  afterEach(() => vi.useRealTimers());

  it('gives each kind its own worker, so a view is not queued behind a simulation', () => {
    lanes.post(market);
    lanes.post({ kind: 'validation' });
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.sent.map((r) => r.kind))).toEqual([['market'], ['validation']]);
  });

  it('a request made while a short run goes on waits for it; the older waiting one is dropped unsent and the stale answer discarded', () => {
    const first = lanes.post(market);
    clock = 100;
    lanes.post(market);
    const third = lanes.post(market);
    const w = workers[0]!;
    expect(w.sent.map((r) => r.id)).toEqual([first]);
    w.answer(first);
    expect(answers).toEqual([]);
    expect(w.sent.map((r) => r.id)).toEqual([first, third]);
    w.answer(third);
    expect(answers).toEqual([`answer ${third}`]);
  });

  it('a request made after the running one has gone on past 300 ms stops it: a fresh worker takes the new one', () => {
    const first = lanes.post(market);
    clock = 301;
    const second = lanes.post(market);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.sent.map((r) => r.id)).toEqual([second]);
    workers[0]!.answer(first);
    workers[1]!.answer(second);
    expect(answers).toEqual([`answer ${second}`]);
  });

  it('shows progress once a run has gone on for half a second, and hides it when answered', () => {
    const id = lanes.post(market);
    vi.advanceTimersByTime(499);
    expect(slow).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(slow).toEqual(['market true']);
    workers[0]!.answer(id);
    expect(slow).toEqual(['market true', 'market false']);
  });

  it('a run answered within half a second never shows progress', () => {
    const id = lanes.post(market);
    vi.advanceTimersByTime(200);
    workers[0]!.answer(id);
    vi.advanceTimersByTime(1000);
    expect(slow).toEqual(['market false']);
  });
});
