import { DEFAULT_COST_SPLIT } from '../economics/costSplit.js';
import { chooseOperatingPoint, type OperatingPointChoice } from '../economics/operatingPoint.js';
import { requestMix } from '../economics/prices.js';
import { attributeTokenCosts, pricedGpuSeconds, type TokenAttribution } from '../economics/tokenAttribution.js';
import { tokenEconomics, type TokenEconomics } from '../economics/tokenEconomics.js';
import { smallestFittingGpuCount, type SmallestFit } from '../memory/smallestFit.js';
import { buildPerfContext } from '../perf/buildContext.js';
import { throughputFrontier, type Frontier, type FrontierPoint } from '../perf/frontier.js';
import type { ResolvedOption } from './resolveScenario.js';
import type { CostBasis } from '../money/costBasis.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';

/** Batch sizes 19% apart, so the chosen operating point sits close to the latency target. */
const FINE_BATCH_GROWTH = 2 ** 0.25;

export interface OptionResult {
  readonly option: ResolvedOption;
  /** False when the model does not fit the GPUs at all: nothing else is computed. */
  readonly fits: boolean;
  readonly smallestFit: SmallestFit | null;
  readonly operatingPoint: OperatingPointChoice | null;
  readonly gpuSecondsPerToken: { readonly freshInput: number; readonly cachedInput: number; readonly output: number } | null;
  /** Who pays for which GPU-second (the cost split used, the prefill share, a cached token's KV costs); null when nothing fits. */
  readonly attribution: TokenAttribution | null;
  readonly economics: TokenEconomics | null;
  /** The frontier the point was chosen from (null when nothing fits). */
  readonly frontier: Frontier | null;
}

/** The perf context of the pool that prefills at a point (the only pool, when aggregated). */
function prefillContext(o: ResolvedOption, p: FrontierPoint, profile: EfficiencyProfile | undefined) {
  const pool = p.layout.mode === 'aggregated' ? p.layout.pool : p.layout.prefill;
  return buildPerfContext({
    model: o.model, gpu: o.gpu, gpus: pool.gpus, framework: o.framework,
    layout: { tp: pool.tp, pp: pool.pp, ep: pool.ep, dpAttention: pool.dpAttention },
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(profile !== undefined && { profile }),
  });
}

/**
 * Runs one resolved option end to end: the frontier of its model on its GPUs (every layout, or the
 * one given), the cheapest point that meets its latency target, the GPU-seconds each kind of token
 * costs there, and the money at its cost basis, prices and utilization.
 */
export function runOption(o: ResolvedOption, profile: EfficiencyProfile | undefined = o.profile): OptionResult {
  const frontier = throughputFrontier(o.model, o.gpu, o.gpus, {
    framework: o.framework, workload: o.workload, batchGrowth: FINE_BATCH_GROWTH,
    ...(profile !== undefined && { profile }),
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(o.layout !== 'best' && { layout: { tp: o.layout.tp ?? o.gpus, pp: o.layout.pp ?? 1, ep: o.layout.ep ?? 1, dpAttention: o.layout.dpAttention ?? false } }),
  });
  const mix = requestMix(o.workload.inputTokens, o.workload.outputTokens, o.workload.prefixCacheHitRate);
  const choice = chooseOperatingPoint(frontier.allPoints, o.latencyTarget, mix);
  if (choice === null) {
    // No layout of these GPUs holds the model with room for one request's cache.
    const smallest = smallestFittingGpuCount(o.model, o.gpu, o.layout === 'best' ? {} : o.layout, {
      ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
      contextTokens: o.workload.inputTokens + o.workload.outputTokens,
    });
    return { option: o, fits: false, smallestFit: smallest, operatingPoint: null, gpuSecondsPerToken: null, attribution: null, economics: null, frontier: null };
  }
  const p = choice.point;
  const basis = effectiveCostBasis(o);
  const attribution = attributeTokenCosts(prefillContext(o, p, profile), p, o.workload, o.costSplit ?? DEFAULT_COST_SPLIT, basis, o.utilization);
  const economics = tokenEconomics(pricedGpuSeconds(attribution), mix, o.prices, basis, o.utilization);
  return { option: o, fits: true, smallestFit: null, operatingPoint: choice, gpuSecondsPerToken: attribution.gpuSecondsPerToken, attribution, economics, frontier };
}

/**
 * A committed rental with a minimum above the GPUs used pays for the idle minimum too: the price
 * per used GPU-hour scales by minimum / used.
 */
export function effectiveCostBasis(o: ResolvedOption): CostBasis {
  const c = o.costBasis;
  if (c.kind !== 'rented' || c.commitment === null || c.commitment.minimumGpus <= o.gpus) return c;
  return { ...c, priceUsdPerGpuHour: (c.priceUsdPerGpuHour * c.commitment.minimumGpus) / o.gpus };
}
