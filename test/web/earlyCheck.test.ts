import { describe, expect, it } from 'vitest';
import { earlyProblems } from '../../web/src/state/earlyCheck.js';
import { computeView } from '../../web/src/compute/computeView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';

describe('earlyProblems: the scenario checks on the page\'s thread, before the worker runs', () => {
  it('refuses 100,000 accelerators by the field, with the words the worker uses', () => {
    const state = { ...DEFAULT_STATE, option: { ...DEFAULT_STATE.option, gpus: 100_000 } };
    const early = earlyProblems(state);
    expect(early).toEqual({ gpus: 'expected a whole number from 1 to 65,536, received 100000' });
    const worker = computeView(state, '2026-11-27');
    expect(worker.ok ? null : worker.problems).toEqual(early);
  });

  it('lets a valid scenario through to the worker', () => {
    expect(earlyProblems(DEFAULT_STATE)).toBeNull();
  });
});
