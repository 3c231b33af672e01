import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { ALL_MODELS } from '../../../src/core/catalog/models.js';
import { latestSnapshot } from '../../../src/core/catalog/prices.js';
import { SERVING_FRAMEWORKS } from '../../../src/core/perf/efficiency.js';
import { KV_PRECISIONS, PRECISIONS } from '../../../src/core/precision.js';

/** One input of the scenario editor: where its value lives in the scenario option, and how to show it. */
export interface FieldSpec {
  readonly id: string;
  readonly label: string;
  /** Dotted path in the scenario option, e.g. `workload.inputTokens`; also the key of its problems. */
  readonly path: string;
  readonly kind: 'number' | 'select' | 'checkbox';
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
  readonly unit?: string;
  readonly hint?: string;
  readonly step?: string;
  /** Shown only when another field has one of these values. */
  readonly showWhen?: { readonly id: string; readonly values: readonly string[] };
  readonly group: string;
}

const pricedModels = [...new Set(latestSnapshot().api.map((r) => r.model))].sort();
const choice = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export const FIELDS: readonly FieldSpec[] = [
  { group: 'Model and hardware', id: 'model', label: 'Model', path: 'model', kind: 'select', choices: ALL_MODELS.map((m) => ({ value: m.id, label: `${m.id} (${m.name})` })) },
  { group: 'Model and hardware', id: 'gpu', label: 'Accelerator', path: 'gpu', kind: 'select', choices: ACCELERATORS.map((a) => ({ value: a.id, label: `${a.id} (${a.name})` })) },
  { group: 'Model and hardware', id: 'gpus', label: 'Accelerators', path: 'gpus', kind: 'number', unit: 'GPUs', step: '1' },
  { group: 'Model and hardware', id: 'framework', label: 'Serving framework', path: 'framework', kind: 'select', choices: choice(SERVING_FRAMEWORKS) },
  { group: 'Model and hardware', id: 'weight-precision', label: 'Weight precision', path: 'weightPrecision', kind: 'select', choices: choice(['native', ...PRECISIONS]) },
  { group: 'Model and hardware', id: 'kv-precision', label: 'KV-cache precision', path: 'kvPrecision', kind: 'select', choices: [{ value: '', label: 'framework default' }, ...choice(KV_PRECISIONS)] },
  { group: 'Layout', id: 'layout-mode', label: 'Layout', path: 'layout', kind: 'select', choices: [{ value: 'best', label: 'best (search)' }, { value: 'manual', label: 'manual' }] },
  { group: 'Layout', id: 'tp', label: 'TP', path: 'layout.tp', kind: 'number', step: '1', showWhen: { id: 'layout-mode', values: ['manual'] } },
  { group: 'Layout', id: 'pp', label: 'PP', path: 'layout.pp', kind: 'number', step: '1', showWhen: { id: 'layout-mode', values: ['manual'] } },
  { group: 'Layout', id: 'ep', label: 'EP', path: 'layout.ep', kind: 'number', step: '1', showWhen: { id: 'layout-mode', values: ['manual'] } },
  { group: 'Layout', id: 'dp-attention', label: 'Data-parallel attention', path: 'layout.dpAttention', kind: 'checkbox', showWhen: { id: 'layout-mode', values: ['manual'] } },
  { group: 'Workload and latency', id: 'input-tokens', label: 'Input tokens a request', path: 'workload.inputTokens', kind: 'number', unit: 'tokens', step: '1' },
  { group: 'Workload and latency', id: 'output-tokens', label: 'Output tokens a request', path: 'workload.outputTokens', kind: 'number', unit: 'tokens', step: '1' },
  { group: 'Workload and latency', id: 'prefix-cache-hit-rate', label: 'Prefix-cache hit rate', path: 'workload.prefixCacheHitRate', kind: 'number', unit: '0 to 1', step: '0.05' },
  { group: 'Workload and latency', id: 'min-tokens-per-second-per-user', label: 'Min tokens/s per user', path: 'latencyTarget.minTokensPerSecondPerUser', kind: 'number', unit: 'tokens/s', step: '1' },
  { group: 'Workload and latency', id: 'max-ttft-seconds', label: 'Max TTFT', path: 'latencyTarget.maxTtftSeconds', kind: 'number', unit: 's', step: '0.1' },
  { group: 'Cost of a GPU-hour', id: 'cost-kind', label: 'Cost basis', path: 'costBasis.kind', kind: 'select', choices: choice(['rented', 'owned', 'marginal']) },
  { group: 'Cost of a GPU-hour', id: 'price-usd-per-gpu-hour', label: 'Rental price', path: 'costBasis.priceUsdPerGpuHour', kind: 'number', unit: 'USD per GPU-hour', hint: 'blank: 3-year contract rate (on demand where none)', step: '0.01', showWhen: { id: 'cost-kind', values: ['rented'] } },
  { group: 'Cost of a GPU-hour', id: 'capex-usd-per-gpu', label: 'Capex per GPU (all-in)', path: 'costBasis.capexUsdPerGpu', kind: 'number', unit: 'USD', hint: 'blank: default', step: '1000', showWhen: { id: 'cost-kind', values: ['owned'] } },
  { group: 'Cost of a GPU-hour', id: 'depreciation-years', label: 'Depreciation', path: 'costBasis.depreciationYears', kind: 'number', unit: 'years', hint: 'blank: default', step: '0.5', showWhen: { id: 'cost-kind', values: ['owned'] } },
  { group: 'Cost of a GPU-hour', id: 'cost-of-capital', label: 'Cost of capital', path: 'costBasis.costOfCapitalPerYear', kind: 'number', unit: 'per year', hint: 'blank: default', step: '0.01', showWhen: { id: 'cost-kind', values: ['owned'] } },
  { group: 'Cost of a GPU-hour', id: 'electricity-usd-per-kwh', label: 'Electricity', path: 'costBasis.electricityUsdPerKwh', kind: 'number', unit: 'USD per kWh', hint: 'blank: default', step: '0.01', showWhen: { id: 'cost-kind', values: ['owned', 'marginal'] } },
  { group: 'Cost of a GPU-hour', id: 'pue', label: 'PUE', path: 'costBasis.pue', kind: 'number', hint: 'blank: default', step: '0.05', showWhen: { id: 'cost-kind', values: ['owned', 'marginal'] } },
  { group: 'Prices and utilization', id: 'price-mode', label: 'Token prices', path: 'prices', kind: 'select', choices: [{ value: 'market', label: 'market median' }, { value: 'list', label: 'a list price' }, { value: 'typed', label: 'typed' }] },
  { group: 'Prices and utilization', id: 'price-model', label: 'Priced model', path: 'prices.model', kind: 'select', choices: choice(pricedModels), showWhen: { id: 'price-mode', values: ['market', 'list'] } },
  { group: 'Prices and utilization', id: 'price-input', label: 'Input', path: 'prices.inputUsdPerMillion', kind: 'number', unit: 'USD per M tokens', step: '0.01', showWhen: { id: 'price-mode', values: ['typed'] } },
  { group: 'Prices and utilization', id: 'price-cached-input', label: 'Cached input', path: 'prices.cachedInputUsdPerMillion', kind: 'number', unit: 'USD per M tokens', step: '0.01', showWhen: { id: 'price-mode', values: ['typed'] } },
  { group: 'Prices and utilization', id: 'price-output', label: 'Output', path: 'prices.outputUsdPerMillion', kind: 'number', unit: 'USD per M tokens', step: '0.01', showWhen: { id: 'price-mode', values: ['typed'] } },
  { group: 'Prices and utilization', id: 'utilization', label: 'Utilization', path: 'utilization', kind: 'number', unit: '0 to 1', step: '0.05' },
];
