// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { computeView } from '../../web/src/compute/computeView.js';
import { buildEditor, readEditor, writeEditor } from '../../web/src/editor/editor.js';
import { pricesFollowModel, pricesSetByUser } from '../../web/src/editor/pricesFollowModel.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';
import { describeBreakEven, renderSummary } from '../../web/src/views/views.js';

function editor(): HTMLFormElement {
  const form = document.createElement('form');
  buildEditor(form);
  writeEditor(form, DEFAULT_STATE.option, null);
  return form;
}

const choose = (form: HTMLFormElement, id: string, value: string) => { form.querySelector<HTMLSelectElement>(`#${id}`)!.value = value; };

describe('pricesFollowModel(form, modelId)', () => {
  it('moves the market median to a model the price catalog has', () => {
    const form = editor();
    choose(form, 'model', 'llama-3.1-405b');
    expect(pricesFollowModel(form, 'llama-3.1-405b')).toBeNull();
    expect(readEditor(form).option.prices).toEqual({ market: 'llama-3.1-405b' });
  });

  it('switches to blank typed prices with a message for a model with no market price, and back to the market when a priced model is chosen', () => {
    const form = editor();
    choose(form, 'model', 'llama-4-scout');
    expect(pricesFollowModel(form, 'llama-4-scout')).toBe('no market price for llama-4-scout: enter prices');
    expect(readEditor(form).option.prices).toEqual({});
    choose(form, 'model', 'deepseek-v3');
    expect(pricesFollowModel(form, 'deepseek-v3')).toBeNull();
    expect(readEditor(form).option.prices).toEqual({ market: 'deepseek-v3' });
  });

  it('leaves prices the user typed alone', () => {
    const form = editor();
    choose(form, 'price-mode', 'typed');
    for (const [id, v] of [['price-input', '1'], ['price-cached-input', '0.1'], ['price-output', '4']]) form.querySelector<HTMLInputElement>(`#${id}`)!.value = v!;
    pricesSetByUser(form);
    expect(pricesFollowModel(form, 'deepseek-v3')).toBeNull();
    expect(readEditor(form).option.prices).toEqual({ inputUsdPerMillion: 1, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 4 });
  });
});

describe('the verdict (renderSummary)', () => {
  const verdictOf = (option: typeof DEFAULT_STATE.option) => {
    const r = computeView({ option, configJson: null }, '2026-11-27');
    if (!r.ok) throw new Error(r.message);
    const host = document.createElement('div');
    renderSummary(host, r.view);
    return { text: host.querySelector('#verdict')!.textContent ?? '', breakEven: host.querySelector('#break-even')?.textContent ?? '', view: r.view };
  };

  it('names the model, the accelerator count and kind, the framework, the cost basis and the price source', () => {
    const { text, view } = verdictOf(DEFAULT_STATE.option);
    expect(text).toContain(`Kimi K2.5 on 16 × ${view.subject.gpuName} with sglang`);
    expect(text).toMatch(/rented at \d+\.\d\d USD per GPU-hour/);
    expect(text).toMatch(/token prices: median of \d+ providers of kimi-k2\.5/);
    const other = verdictOf({ ...DEFAULT_STATE.option, model: 'deepseek-v3', gpu: 'b200', gpus: 8, prices: { market: 'deepseek-v3' } }).text;
    expect(other).toContain('DeepSeek');
    expect(other).toContain('on 8 × NVIDIA B200');
    expect(other).toMatch(/token prices: median of \d+ providers of deepseek-v3/);
  });

  it('an impossible break-even reads "never at these prices", never a utilization above 100%', () => {
    const { text, breakEven, view } = verdictOf({ ...DEFAULT_STATE.option, prices: { inputUsdPerMillion: 0.05, cachedInputUsdPerMillion: 0.01, outputUsdPerMillion: 0.2 } });
    expect(view.economics?.breakEvenUtilization).toBeNull();
    expect(text).toContain('breaks even never at these prices');
    expect(text).toContain('token prices: typed prices');
    expect(breakEven).toBe('never at these prices');
    expect(text).not.toMatch(/breaks even at \d/);
    expect(describeBreakEven(0.64)).toBe('64%');
  });
});
