import { PRICE_SCHEDULES } from '../../../src/core/market/priceSchedules.js';
import { realisedPrice, type RequestClass, type TrafficMix } from '../../../src/core/market/realisedPrice.js';
import { findWorkloadPreset, presetTraffic, type WorkloadPresetId } from '../../../src/core/scenario/workloadPresets.js';
import { computeErrorMessage } from './viewErrors.js';

/**
 * The realised-price view's inputs, as the CLI's `prices realised` flags: a workload preset whose
 * traffic is the starting point, and overrides of it (null: the preset's value).
 */
export interface RealisedState {
  readonly workload: WorkloadPresetId;
  /** A model id of the schedules, or '' for every schedule (the CLI without --model). */
  readonly model: string;
  readonly batchShare: number | null;
  readonly cacheHitRate: number | null;
  readonly cacheWriteShare: number | null;
  /** The context-length mix (`--requests`); null: one class at the preset's mean lengths. */
  readonly requests: readonly RequestClass[] | null;
}

export const DEFAULT_REALISED: RealisedState = { workload: 'chat', model: '', batchShare: null, cacheHitRate: null, cacheWriteShare: null, requests: null };

/** One schedule's list and realised prices on the traffic, USD per million tokens, with its source. */
export interface RealisedRow {
  readonly schedule: string;
  readonly provider: string;
  readonly model: string;
  readonly listInputUsdPerMillion: number;
  readonly listOutputUsdPerMillion: number;
  readonly realisedInputUsdPerMillion: number;
  readonly realisedOutputUsdPerMillion: number;
  readonly realisedBlendedUsdPerMillion: number;
  readonly listBlendedUsdPerMillion: number;
  readonly realisedToListRatio: number;
  readonly longContextRequestShare: number;
  readonly source: string;
  readonly date: string;
}

export interface RealisedViewModel {
  readonly workload: WorkloadPresetId;
  readonly traffic: TrafficMix;
  readonly rows: readonly RealisedRow[];
  /** Every model with a schedule, for the page's picker. */
  readonly models: readonly string[];
}

/** The models that have a price schedule, for the picker. */
export function scheduleModels(): string[] {
  return [...new Set(PRICE_SCHEDULES.map((s) => s.model))];
}

/** The traffic `prices realised` builds from the same flags: the preset's, with each given override. */
export function trafficOf(state: RealisedState): TrafficMix {
  const base = presetTraffic(findWorkloadPreset(state.workload, 'workload'));
  return {
    requests: state.requests ?? base.requests,
    cacheHitRate: state.cacheHitRate ?? base.cacheHitRate,
    cacheWriteShare: state.cacheWriteShare ?? base.cacheWriteShare,
    batchShare: state.batchShare ?? base.batchShare,
    priorityShare: base.priorityShare,
    offPeakShare: base.offPeakShare,
  };
}

/**
 * Every schedule of the picked model (or all) priced by `realisedPrice` on the traffic: the same
 * core call the CLI makes. Never throws: a traffic mix out of range comes back as `{ error }`
 * naming the field (the core's InputError).
 */
export function computeRealised(state: RealisedState): RealisedViewModel | { readonly error: string } {
  try {
    const traffic = trafficOf(state);
    const schedules = state.model === '' ? PRICE_SCHEDULES : PRICE_SCHEDULES.filter((s) => s.model === state.model);
    if (schedules.length === 0) return { error: `model: ${state.model}; expected one of ${scheduleModels().join(', ')}` };
    const rows = schedules.map((s) => {
      const r = realisedPrice(s, traffic);
      return {
        schedule: s.id, provider: s.provider, model: s.model,
        listInputUsdPerMillion: s.base.inputUsdPerMillion, listOutputUsdPerMillion: s.base.outputUsdPerMillion,
        realisedInputUsdPerMillion: r.inputUsdPerMillion, realisedOutputUsdPerMillion: r.outputUsdPerMillion,
        realisedBlendedUsdPerMillion: r.blendedUsdPerMillion, listBlendedUsdPerMillion: r.listBlendedUsdPerMillion,
        realisedToListRatio: r.realisedToListRatio, longContextRequestShare: r.longContextRequestShare,
        source: s.base.source, date: s.base.date,
      };
    });
    return { workload: state.workload, traffic, rows, models: scheduleModels() };
  } catch (e) {
    return { error: computeErrorMessage(e) };
  }
}

