import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeView, problemsByField } from '../../web/src/compute/computeView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { decodeState, encodeState } from '../../web/src/state/urlState.js';

describe('computeView (what the page computes in its worker)', () => {
  it('the default state gives a verdict, a frontier with one chosen point, three cost rows and a margin curve', () => {
    const r = computeView(DEFAULT_STATE, '2026-11-27');
    if (!r.ok) throw new Error(r.message);
    expect(r.view.economics?.costUsdPerMillionOutputTokens).toBeGreaterThan(0);
    expect(r.view.frontierRows.filter((p) => p.chosen)).toHaveLength(1);
    expect(r.view.frontierRows.some((p) => p.pareto)).toBe(true);
    expect(r.view.costRows.map((c) => c.kind)).toEqual(['input', 'cached input', 'output']);
    expect(r.view.marginRows).toHaveLength(20);
    // Margin rises with utilization (cost per paid hour flat for a rental, revenue linear).
    const margins = r.view.marginRows.map((m) => m.marginFraction);
    expect([...margins].sort((a, b) => a - b)).toEqual(margins);
  });

  it('a pasted config.json is the model; a broken one is a problem of the config field', () => {
    const config = readFileSync(new URL('../fixtures/configs/deepseek-v3.config.json', import.meta.url), 'utf8');
    const ok = computeView({ option: { ...DEFAULT_STATE.option, gpus: 16 }, configJson: config }, '2026-11-27');
    expect(ok.ok).toBe(true);
    const bad = computeView({ ...DEFAULT_STATE, configJson: '{"model_type": "llama"' }, '2026-11-27');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.problems)).toEqual(['config.json']);
  });

  it('bad fields come back by their path, never as a throw', () => {
    const r = computeView({ option: { ...DEFAULT_STATE.option, gpus: -2, utilization: 3 } as never, configJson: null }, '2026-11-27');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.gpus).toMatch(/expected a whole number from 1 to 65,536, received -2/);
      expect(r.problems.utilization).toMatch(/received 3/);
    }
  });

  it('problemsByField strips the option prefix and keeps other problems general', () => {
    expect(problemsByField(['options[0].prices.inputUsdPerMillion: expected a number >= 0, received -1', 'something else'])).toEqual({
      'prices.inputUsdPerMillion': 'expected a number >= 0, received -1',
      '(general)': 'something else',
    });
  });
});

describe('the URL state', () => {
  it('round-trips any state through the fragment', () => {
    const decoded = decodeState(encodeState(DEFAULT_STATE));
    expect(decoded.state).toEqual(DEFAULT_STATE);
  });

  it('an empty fragment means the default; an unreadable one says why', () => {
    expect(decodeState('')).toEqual({ state: null, error: null });
    expect(decodeState('#%7Bbroken').error).toMatch(/not readable/);
    expect(decodeState(`#${encodeURIComponent('[1,2]')}`).error).toMatch(/no option object/);
  });

  it('a link with wrongly typed fields names every one of them and gives no state', () => {
    const link = (option: unknown) => decodeState(`#${encodeURIComponent(JSON.stringify({ option }))}`);
    const prices = link({ prices: 'abc' });
    expect(prices.state).toBeNull();
    expect(prices.error).toBe('the link\'s scenario has fields of the wrong type (option.prices: expected {inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion}, {market: model} or {list: model}, received "abc")');
    const several = link({ ...DEFAULT_STATE.option, gpus: '16', workload: 3 });
    expect(several.error).toMatch(/option\.gpus: expected a number, received "16"; option\.workload: expected an object \{field: value, \.\.\.\}, received 3/);
    // A value out of range has the right type: it is the field's problem, shown after the computation.
    expect(link({ ...DEFAULT_STATE.option, utilization: 7 }).error).toBeNull();
  });
});
