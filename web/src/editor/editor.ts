import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import type { FieldProblems } from '../compute/computeView.js';
import { FIELDS, type FieldSpec } from './fields.js';

type Input = HTMLInputElement | HTMLSelectElement;

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Builds the editor's inputs into `form`, grouped in fieldsets, each with a slot for its problem. */
export function buildEditor(form: HTMLFormElement): void {
  const doc = form.ownerDocument;
  const groups = new Map<string, HTMLFieldSetElement>();
  for (const f of FIELDS) {
    let set = groups.get(f.group);
    if (set === undefined) {
      set = el(doc, 'fieldset');
      set.append(el(doc, 'legend', {}, f.group));
      groups.set(f.group, set);
      form.append(set);
    }
    const row = el(doc, 'div', { class: 'field', 'data-field': f.id });
    const label = el(doc, 'label', { for: f.id }, f.label);
    let input: Input;
    if (f.kind === 'select') {
      input = el(doc, 'select', { id: f.id, name: f.id });
      for (const c of f.choices ?? []) input.append(el(doc, 'option', { value: c.value }, c.label));
    } else {
      input = el(doc, 'input', { id: f.id, name: f.id, type: f.kind === 'checkbox' ? 'checkbox' : 'number', ...(f.step ? { step: f.step } : {}), ...(f.hint ? { placeholder: f.hint } : {}) });
    }
    row.append(label, input);
    if (f.unit) row.append(el(doc, 'span', { class: 'unit' }, f.unit));
    row.append(el(doc, 'span', { class: 'field-error', 'data-for': f.path, role: 'status' }));
    set.append(row);
  }
  const textarea = el(doc, 'textarea', { id: 'config-json', rows: '4', placeholder: 'optional: paste a Hugging Face config.json to use it as the model' });
  const configRow = el(doc, 'div', { class: 'field wide', 'data-field': 'config-json' });
  configRow.append(el(doc, 'label', { for: 'config-json' }, 'config.json'), textarea, el(doc, 'span', { class: 'field-error', 'data-for': 'config', role: 'status' }));
  groups.get('Model and hardware')?.append(configRow);
  // Why the prices changed with the model, when they could not follow it (see pricesFollowModel).
  groups.get('Prices and utilization')?.append(el(doc, 'p', { id: 'price-note', class: 'field-note', role: 'status' }));
}

function input(form: HTMLFormElement, id: string): Input {
  const e = form.querySelector<Input>(`#${id}`);
  if (e === null) throw new Error(`editor has no #${id}`);
  return e;
}

const num = (form: HTMLFormElement, id: string): number | undefined => {
  const v = input(form, id).value.trim();
  return v === '' ? undefined : Number(v);
};
const str = (form: HTMLFormElement, id: string): string => input(form, id).value;

/** Shows or hides the fields that only apply to one choice of another field. */
export function updateVisibility(form: HTMLFormElement): void {
  for (const f of FIELDS) {
    if (f.showWhen === undefined) continue;
    const row = form.querySelector<HTMLElement>(`[data-field="${f.id}"]`);
    if (row !== null) row.hidden = !f.showWhen.values.includes(str(form, f.showWhen.id));
  }
}

/** The scenario option and pasted config the form describes (blank fields are left to their defaults). */
export function readEditor(form: HTMLFormElement): { option: ScenarioOptionInput; configJson: string | null } {
  const kind = str(form, 'cost-kind') as 'rented' | 'owned' | 'marginal';
  const price = num(form, 'price-usd-per-gpu-hour');
  const costBasis: Record<string, unknown> = { kind };
  if (kind === 'rented') costBasis.priceUsdPerGpuHour = price ?? 'contract';
  const optional: [string, string][] = kind === 'owned'
    ? [['capexUsdPerGpu', 'capex-usd-per-gpu'], ['depreciationYears', 'depreciation-years'], ['costOfCapitalPerYear', 'cost-of-capital'], ['electricityUsdPerKwh', 'electricity-usd-per-kwh'], ['pue', 'pue']]
    : kind === 'marginal' ? [['electricityUsdPerKwh', 'electricity-usd-per-kwh'], ['pue', 'pue']] : [];
  for (const [key, id] of optional) {
    const v = num(form, id);
    if (v !== undefined) costBasis[key] = v;
  }
  const mode = str(form, 'price-mode');
  const prices = mode === 'typed'
    ? { inputUsdPerMillion: num(form, 'price-input'), cachedInputUsdPerMillion: num(form, 'price-cached-input'), outputUsdPerMillion: num(form, 'price-output') }
    : mode === 'list' ? { list: str(form, 'price-model') } : { market: str(form, 'price-model') };
  const layout = str(form, 'layout-mode') === 'best' ? 'best' : {
    tp: num(form, 'tp'), pp: num(form, 'pp'), ep: num(form, 'ep'), dpAttention: (input(form, 'dp-attention') as HTMLInputElement).checked,
  };
  const kv = str(form, 'kv-precision');
  const option = {
    model: str(form, 'model'),
    gpu: str(form, 'gpu'),
    gpus: num(form, 'gpus'),
    framework: str(form, 'framework'),
    weightPrecision: str(form, 'weight-precision'),
    ...(kv !== '' && { kvPrecision: kv }),
    layout,
    workload: { inputTokens: num(form, 'input-tokens'), outputTokens: num(form, 'output-tokens'), prefixCacheHitRate: num(form, 'prefix-cache-hit-rate') },
    latencyTarget: { minTokensPerSecondPerUser: num(form, 'min-tokens-per-second-per-user') ?? null, maxTtftSeconds: num(form, 'max-ttft-seconds') ?? null },
    costBasis,
    prices,
    utilization: num(form, 'utilization'),
  };
  const config = (form.querySelector<HTMLTextAreaElement>('#config-json')?.value ?? '').trim();
  return { option: stripUndefined(option) as ScenarioOptionInput, configJson: config === '' ? null : config };
}

function stripUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUndefined);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, stripUndefined(v)]));
}

/** Puts a scenario option (and pasted config) into the form. */
export function writeEditor(form: HTMLFormElement, option: ScenarioOptionInput, configJson: string | null): void {
  const set = (id: string, v: unknown) => {
    const e = input(form, id);
    if (e instanceof HTMLInputElement && e.type === 'checkbox') e.checked = v === true;
    else e.value = v === undefined || v === null ? '' : String(v);
  };
  set('model', option.model);
  set('gpu', option.gpu);
  set('gpus', option.gpus);
  set('framework', option.framework ?? 'sglang');
  set('weight-precision', option.weightPrecision ?? 'native');
  set('kv-precision', option.kvPrecision ?? '');
  const layout = option.layout ?? 'best';
  set('layout-mode', layout === 'best' ? 'best' : 'manual');
  if (layout !== 'best') {
    set('tp', layout.tp);
    set('pp', layout.pp);
    set('ep', layout.ep);
    set('dp-attention', layout.dpAttention);
  }
  set('input-tokens', option.workload?.inputTokens);
  set('output-tokens', option.workload?.outputTokens);
  set('prefix-cache-hit-rate', option.workload?.prefixCacheHitRate);
  set('min-tokens-per-second-per-user', option.latencyTarget?.minTokensPerSecondPerUser);
  set('max-ttft-seconds', option.latencyTarget?.maxTtftSeconds);
  const c = option.costBasis ?? { kind: 'rented' as const };
  set('cost-kind', c.kind);
  const cr = c as Record<string, unknown>;
  set('price-usd-per-gpu-hour', typeof cr.priceUsdPerGpuHour === 'string' ? undefined : cr.priceUsdPerGpuHour);
  for (const [key, id] of [['capexUsdPerGpu', 'capex-usd-per-gpu'], ['depreciationYears', 'depreciation-years'], ['costOfCapitalPerYear', 'cost-of-capital'], ['electricityUsdPerKwh', 'electricity-usd-per-kwh'], ['pue', 'pue']] as const) set(id, cr[key]);
  const p = option.prices ?? { market: option.model ?? '' };
  if ('inputUsdPerMillion' in p) {
    set('price-mode', 'typed');
    set('price-input', p.inputUsdPerMillion);
    set('price-cached-input', p.cachedInputUsdPerMillion);
    set('price-output', p.outputUsdPerMillion);
  } else if ('list' in p) {
    set('price-mode', 'list');
    set('price-model', p.list);
  } else {
    set('price-mode', 'market');
    set('price-model', p.market);
  }
  set('utilization', option.utilization);
  const area = form.querySelector<HTMLTextAreaElement>('#config-json');
  if (area !== null) area.value = configJson ?? '';
  updateVisibility(form);
}

/** Shows each problem next to its field; returns the problems no field claims. */
export function showProblems(form: HTMLFormElement, problems: FieldProblems): string[] {
  const claimed = new Set<string>();
  for (const slot of form.querySelectorAll<HTMLElement>('.field-error')) {
    const path = slot.dataset.for ?? '';
    const matches = Object.entries(problems).filter(([key]) => key === path || key.startsWith(`${path}.`) || (path === 'config' && key === 'config.json'));
    slot.textContent = matches.map(([, m]) => m).join('; ');
    slot.closest('.field')?.classList.toggle('invalid', matches.length > 0);
    for (const [key] of matches) claimed.add(key);
  }
  return Object.entries(problems).filter(([key]) => !claimed.has(key)).map(([key, m]) => (key === '(general)' ? m : `${key}: ${m}`));
}

export const FIELD_IDS: readonly string[] = FIELDS.map((f: FieldSpec) => f.id);
