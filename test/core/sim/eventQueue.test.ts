import { describe, expect, it } from 'vitest';
import { ARRIVAL, CONTROL, EventQueue, STEP_END } from '../../../src/core/sim/eventQueue.js';
import { MinHeap } from '../../../src/core/sim/minHeap.js';

describe('EventQueue', () => {
  it('pops by time, and at one instant fleet changes, then the arrival, then step ends by instance index', () => {
    const q = new EventQueue();
    q.push(2, STEP_END + 3);
    q.push(1, STEP_END + 5);
    q.push(1, STEP_END + 0);
    q.push(1, ARRIVAL);
    q.push(1, CONTROL);
    q.push(0.5, STEP_END + 9);
    const popped: [number, number][] = [];
    while (q.peekSeconds() < Infinity) popped.push([q.peekSeconds(), q.pop()]);
    expect(popped).toEqual([[0.5, STEP_END + 9], [1, CONTROL], [1, ARRIVAL], [1, STEP_END], [1, STEP_END + 5], [2, STEP_END + 3]]);
    expect(q.pop()).toBe(-1);
  });

  it('has work while an arrival or a step end is queued, whatever control events remain', () => {
    const q = new EventQueue();
    q.push(5, CONTROL);
    expect(q.hasWork).toBe(false);
    q.push(1, ARRIVAL);
    q.push(2, STEP_END);
    expect(q.hasWork).toBe(true);
    q.pop();
    q.pop();
    expect(q.hasWork).toBe(false);
  });
});

describe('MinHeap with ties by value', () => {
  it('pops equal keys smallest value first, over 200 random pushes', () => {
    const h = new MinHeap(true);
    const entries: [number, number][] = [];
    let x = 12345;
    for (let i = 0; i < 200; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const entry: [number, number] = [x % 7, (x >> 8) % 50];
      entries.push(entry);
      h.push(entry[0], entry[1]);
    }
    const out: [number, number][] = [];
    while (h.size > 0) {
      const key = h.peekKey();
      out.push([key, h.pop() as number]);
    }
    expect(out).toEqual([...entries].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  });
});
