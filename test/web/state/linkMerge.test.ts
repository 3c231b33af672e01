import { describe, expect, it } from 'vitest';
import { DEFAULT_BUSINESS } from '../../../web/src/compute/businessView.js';
import { DEFAULT_DEMAND } from '../../../web/src/compute/simulationView.js';
import { DEFAULT_STATE } from '../../../web/src/state/defaultState.js';
import { decodeState, encodeState } from '../../../web/src/state/urlState.js';

const link = (state: unknown) => decodeState(`#${encodeURIComponent(JSON.stringify(state))}`);

describe('decodeState merges a partial link over the defaults', () => {
  it('{option: {gpu: "b200", workload: {outputTokens: 800}}} is the default scenario on B200 with 800 output tokens', () => {
    const d = link({ option: { gpu: 'b200', workload: { outputTokens: 800 } } });
    expect(d.error).toBeNull();
    expect(d.state?.option).toEqual({ ...DEFAULT_STATE.option, gpu: 'b200', workload: { ...DEFAULT_STATE.option.workload, outputTokens: 800 } });
    if (d.state !== null) expect(d.notes).toEqual([]);
  });

  it('a link with no option is the default option; the demand and business inputs merge field by field', () => {
    const d = link({ demand: { requestsPerSecond: 3 }, business: { samples: 5000 } });
    expect(d.state?.option).toEqual(DEFAULT_STATE.option);
    expect(d.state?.demand).toEqual({ ...DEFAULT_DEMAND, requestsPerSecond: 3 });
    expect(d.state?.business).toEqual({ ...DEFAULT_BUSINESS, samples: 5000 });
  });

  it('a model without prices is flagged so that the prices follow it; with prices, or the default model, it is not', () => {
    expect(link({ option: { model: 'llama-3.1-405b' } })).toMatchObject({ modelWithoutPrices: 'llama-3.1-405b' });
    expect(link({ option: { model: 'llama-3.1-405b', prices: { market: 'kimi-k2.5' } } })).toMatchObject({ modelWithoutPrices: null });
    expect(link({ option: { model: 'kimi-k2.5' } })).toMatchObject({ modelWithoutPrices: null });
  });

  it('unusable view inputs are dropped with a note each, and the rest of the link is kept', () => {
    const d = link({ option: { gpu: 'b200' }, demand: { fleet: 'elastic' }, business: { samples: 'many', totalParamsT: [1] }, compare: [{ option: { gpu: 'mi300x' } }, { option: { prices: 'abc' } }] });
    expect(d.error).toBeNull();
    if (d.state === null) throw new Error('no state');
    expect(d.state.option.gpu).toBe('b200');
    expect(d.state.demand).toBeUndefined();
    expect(d.state.business).toBeUndefined();
    expect(d.state.compare?.map((e) => e.option.gpu)).toEqual(['mi300x']);
    expect(d.state.compare?.[0]?.option.model).toBe('kimi-k2.5');
    expect(d.notes).toHaveLength(3);
    expect(d.notes[0]).toMatch(/^the simulation's demand \(.*elastic.*\) is not one the simulation can run$/);
    expect(d.notes[1]).toMatch(/^the business inputs have fields of the wrong type or out of range \(totalParamsT: received a list of 1; samples: received "many"/);
    expect(d.notes[2]).toMatch(/^compared option 2 was left out \(option\.prices: expected /);
  });

  it('a link\'s business inputs are held to the business panel\'s ranges (the lab and subscription flags\' LIMITS)', () => {
    const d = link({ business: { lifetimeMonths: 601, sigma: 3 } });
    if (d.state === null) throw new Error('no state');
    expect(d.state.business).toBeUndefined();
    expect(d.notes).toEqual(['the business inputs have fields of the wrong type or out of range (lifetimeMonths: received 601)']);
    expect(link({ business: { lifetimeMonths: 600, sigma: 3 } }).state?.business).toMatchObject({ lifetimeMonths: 600, sigma: 3 });
  });

  it('more than ten compared options are refused with a note', () => {
    const d = link({ compare: Array.from({ length: 11 }, () => ({ option: {} })) });
    expect(d.state?.compare).toBeUndefined();
    if (d.state !== null) expect(d.notes[0]).toMatch(/at most 10 options/);
  });

  it('a full state round-trips through the link, business inputs and comparison included', () => {
    const state = { ...DEFAULT_STATE, business: { ...DEFAULT_BUSINESS, lifetimeMonths: 24 }, compare: [{ option: { ...DEFAULT_STATE.option, gpu: 'b200' }, configJson: null }] };
    expect(decodeState(encodeState(state)).state).toEqual(state);
  });

  it('a link that is not an object, or whose option is not one, still gives the reason and no state', () => {
    expect(link([1, 2]).error).toMatch(/no option object/);
    expect(link({ option: 'b200' }).error).toMatch(/no option object/);
  });
});
