import { MODELS, type CatalogModel } from '../catalog/models.js';
import { OPEN_WEIGHT_MODELS, type OpenWeightModel } from '../catalog/openWeightModels.js';
import type { ApiPrice } from '../catalog/prices.js';
import { PROVIDERS, providerOf, type Provider } from '../catalog/providers.js';
import { SRAM_ACCELERATORS } from '../catalog/sramAccelerators.js';
import { closestIds } from '../catalog/lookup.js';
import { InputError } from '../errors.js';
import { kvCacheBytesPerToken, kvCacheShape } from '../model/kvCache.js';
import { DEFAULT_SRAM_ASSUMPTIONS, nearestPublishedSpeed, sramServingCost, type SramAssumptions, type SramCost } from '../sram/sramServing.js';
import { blendedUsdPerMillion } from './marketPrice.js';
import { DEFAULT_REFERENCE, physicalCost, type PhysicalCost, type ReferenceSetup } from './physicalCost.js';

/** Context length at which a windowed model's mean KV bytes per token is read. */
const KV_CONTEXT_TOKENS = 4096;

export interface ProviderModelCost {
  readonly model: string;
  readonly name: string;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly price: { readonly inputUsdPerMillion: number; readonly outputUsdPerMillion: number; readonly cachedInputUsdPerMillion: number | null; readonly blendedUsdPerMillion: number; readonly date: string; readonly source: string; readonly modelName: string };
  /** Modelled blended cost, USD per million (3:1): the range and its central estimate; null when not costed. */
  readonly costUsdPerMillion: { readonly low: number; readonly mid: number; readonly high: number } | null;
  /** 1 − cost / price at the high, central and low cost. */
  readonly margin: { readonly low: number; readonly mid: number; readonly high: number } | null;
  /**
   * `below-cost`: the price is under even the lowest modelled cost; `below-central`: under the
   * central estimate; `above-central`, `above-cost`: over it, over even the highest.
   */
  readonly verdict: 'below-cost' | 'below-central' | 'above-central' | 'above-cost' | 'not-costed';
  readonly sram: SramCost | null;
  readonly gpu: PhysicalCost | null;
  readonly note: string;
}

export interface ProviderCosts {
  readonly provider: Provider;
  readonly accelerator: string;
  readonly hardwareSource: string;
  readonly assumptions: SramAssumptions | ReferenceSetup;
  readonly models: readonly ProviderModelCost[];
}

/** KV bytes per token of a sized model at 16 bits: its own architecture if catalogued, else the nearest catalogued one of its family, said so. */
function kvOf(m: OpenWeightModel, models: readonly CatalogModel[]): { kvBytesPerToken: number; kvSource: string } {
  const own = models.find((c) => c.id === m.id);
  const kv = (c: CatalogModel) => kvCacheBytesPerToken(kvCacheShape(c, 'bf16'), KV_CONTEXT_TOKENS);
  if (own !== undefined) return { kvBytesPerToken: kv(own), kvSource: `${own.id}'s architecture at bf16` };
  const sameFamily = models.filter((c) => (c.moe !== null) === (m.family === 'moe'));
  const pool = sameFamily.length > 0 ? sameFamily : models;
  const nearest = [...pool].sort((a, b) => Math.abs(Math.log(activeOf(a) / m.activeParams)) - Math.abs(Math.log(activeOf(b) / m.activeParams)))[0] as CatalogModel;
  return { kvBytesPerToken: kv(nearest), kvSource: `assumed: ${m.id}'s architecture is not catalogued; the KV of ${nearest.id}, the nearest catalogued ${m.family} model by active parameters` };
}

const activeOf = (c: CatalogModel) => OPEN_WEIGHT_MODELS.find((m) => m.id === c.id)?.activeParams ?? 1;

/**
 * Each price of one provider against the modelled cost of serving that model on the hardware
 * the provider is known to use (Groq LPU, Cerebras WSE-3, SambaNova SN40L: the SRAM serving
 * model, a cost range; a GPU cloud: the physical model on its GPU, or on the reference GPU where
 * it publishes none), at the stated utilization and latency. A price below the lowest modelled
 * cost is flagged `below-cost`. Only the provider's latest row per model counts.
 * Example: `providerCosts('cerebras', rows).models` → one entry per model Cerebras prices.
 */
export function providerCosts(providerId: string, rows: readonly ApiPrice[], options: { sram?: SramAssumptions; reference?: ReferenceSetup; models?: readonly CatalogModel[] } = {}): ProviderCosts {
  const { sram = DEFAULT_SRAM_ASSUMPTIONS, reference = DEFAULT_REFERENCE, models = MODELS } = options;
  const provider = providerOf(providerId);
  if (provider === undefined) {
    const near = closestIds(providerId.toLowerCase(), PROVIDERS);
    throw new InputError('--provider', providerId, `a provider id (closest: ${near.join(', ')})`, `unknown --provider: ${providerId}; did you mean ${near.join(', ')}?`);
  }
  const latest = new Map<string, ApiPrice>();
  for (const r of rows) {
    if (providerOf(r.provider)?.id !== provider.id || r.role === 'aggregator') continue;
    const held = latest.get(r.model);
    if (held === undefined || r.date >= held.date) latest.set(r.model, r);
  }
  const chip = SRAM_ACCELERATORS.find((a) => a.id === provider.hardware?.accelerator);
  const gpu = chip === undefined ? (provider.hardware?.accelerator ?? reference.gpu) : undefined;
  const hardwareSource = provider.hardware === null ? 'none recorded' : `${provider.hardware.source.url} (${provider.hardware.source.date}): ${provider.hardware.source.note ?? ''}`;
  const sizeOf = (id: string) => OPEN_WEIGHT_MODELS.find((m) => m.id === id);
  const out: ProviderModelCost[] = [];
  for (const row of [...latest.values()].sort((a, b) => a.model.localeCompare(b.model))) {
    const m = sizeOf(row.model);
    if (m === undefined) continue; // a proprietary model: no size to cost
    const blended = blendedUsdPerMillion(row);
    const price = { inputUsdPerMillion: row.inputUsdPerMillion, outputUsdPerMillion: row.outputUsdPerMillion, cachedInputUsdPerMillion: row.cachedInputUsdPerMillion, blendedUsdPerMillion: blended, date: row.date, source: row.source, modelName: row.modelName };
    let cost: { low: number; mid: number; high: number } | null = null;
    let sramCost: SramCost | null = null;
    let gpuCost: PhysicalCost | null = null;
    let note = '';
    if (chip !== undefined) {
      const speed = nearestPublishedSpeed(chip, m.activeParams, (id) => sizeOf(id)?.activeParams);
      sramCost = sramServingCost(chip, { id: m.id, totalParams: m.totalParams, activeParams: m.activeParams, ...kvOf(m, models) }, speed, sram);
      cost = { low: sramCost.low.blendedCostUsdPerMillion, mid: sramCost.mid.blendedCostUsdPerMillion, high: sramCost.high.blendedCostUsdPerMillion };
    } else {
      const arch = models.find((c) => c.id === m.id);
      if (arch === undefined) note = 'not costed: the architecture is not in the model catalog (its size alone does not fix its serving cost on GPUs)';
      else {
        gpuCost = physicalCost(arch, { ...reference, gpu: gpu ?? reference.gpu });
        if (gpuCost === null) note = `does not fit on up to ${reference.maxGpus} ${gpu ?? reference.gpu}`;
        else cost = { low: gpuCost.blendedCostUsdPerMillion, mid: gpuCost.blendedCostUsdPerMillion, high: gpuCost.blendedCostUsdPerMillion };
      }
    }
    const margin = cost === null ? null : { low: 1 - cost.high / blended, mid: 1 - cost.mid / blended, high: 1 - cost.low / blended };
    const verdict = cost === null ? 'not-costed' : blended < cost.low ? 'below-cost' : blended < cost.mid ? 'below-central' : blended <= cost.high ? 'above-central' : 'above-cost';
    out.push({ model: m.id, name: m.name, totalParams: m.totalParams, activeParams: m.activeParams, price, costUsdPerMillion: cost, margin, verdict, sram: sramCost, gpu: gpuCost, note });
  }
  return {
    provider, accelerator: chip?.id ?? gpu ?? reference.gpu, hardwareSource,
    assumptions: chip !== undefined ? sram : { ...reference, gpu: gpu ?? reference.gpu },
    models: out,
  };
}
