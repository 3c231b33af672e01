import { DEFAULT_COST_SPLIT } from '../economics/costSplit.js';
import { chooseOperatingPoint, type OperatingPointChoice } from '../economics/operatingPoint.js';
import type { GpuSecondsPerToken } from '../economics/phaseAttribution.js';
import { requestMix } from '../economics/prices.js';
import { attributeTokenCosts, pricedGpuSeconds, type TokenAttribution } from '../economics/tokenAttribution.js';
import { tokenEconomics, type TokenEconomics } from '../economics/tokenEconomics.js';
import { smallestFittingGpuCount, type SmallestFit } from '../memory/smallestFit.js';
import { buildPerfContext } from '../perf/buildContext.js';
import { throughputFrontier, type Frontier, type FrontierPoint, type PoolLayout } from '../perf/frontier.js';
import type { PerfContext } from '../perf/perfContext.js';
import type { PerTokenKind } from '../tokenKinds.js';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';
import type { ResolvedOption } from './resolveScenario.js';
import type { CostBasis } from '../money/costBasis.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';

/** Batch sizes 19% apart, so the chosen operating point sits close to the latency target. */
const FINE_BATCH_GROWTH = 2 ** 0.25;

/** Which points the operating point may be chosen from: every layout, or one serving mode only (the simulator runs one). */
export type ServingMode = 'any' | 'aggregated' | 'disaggregated';

/** GPU-seconds one token of each kind costs at the operating point (a PerTokenKind). */
export type { GpuSecondsPerToken };

/** The perf contexts of the operating point's pools: the same context twice when aggregated. */
export interface PointContexts {
  /** The pool that computes prompts (the only pool, when aggregated). */
  readonly prefill: PerfContext;
  /** The pool that decodes (the only pool, when aggregated). */
  readonly decode: PerfContext;
}

/** One point of the frontier with what its output tokens cost at the option's cost basis and utilization. */
export interface FrontierCost {
  readonly point: FrontierPoint;
  readonly pareto: boolean;
  readonly chosen: boolean;
  /** A decode GPU-second at the busy-second cost of the option's basis and utilization, per million output tokens. */
  readonly costUsdPerMillionOutputTokens: number;
}

export interface OptionResult {
  readonly option: ResolvedOption;
  /** Tokens of each kind in the option's average request (its workload, split by prefix-cache hit). */
  readonly mix: PerTokenKind;
  /** The cost basis the money uses: the option's, with a committed minimum above the GPUs used spread over the used ones. */
  readonly costBasis: CostBasis;
  /** False when the model does not fit the GPUs at all: nothing else is computed. */
  readonly fits: boolean;
  readonly smallestFit: SmallestFit | null;
  readonly operatingPoint: OperatingPointChoice | null;
  /** The perf contexts the operating point was costed in (null when nothing fits). */
  readonly contexts: PointContexts | null;
  readonly gpuSecondsPerToken: GpuSecondsPerToken | null;
  /** Who pays for which GPU-second (the cost split used, the prefill share, a cached token's KV costs); null when nothing fits. */
  readonly attribution: TokenAttribution | null;
  /** The money at the option's own utilization: `economicsAt(option.utilization)`. */
  readonly economics: TokenEconomics | null;
  /**
   * The money at any utilization (the paid share of GPU-hours busy) and, when given, another cost
   * basis (a simulated fleet's way of paying), for the same GPU-seconds, request mix and prices.
   * Null when nothing fits.
   */
  readonly economicsAt: ((utilization: number, basis?: CostBasis) => TokenEconomics) | null;
  /** The frontier the point was chosen from (null when nothing fits). */
  readonly frontier: Frontier | null;
  /** Every evaluated frontier point with its cost per million output tokens (null when nothing fits). */
  readonly frontierCosts: readonly FrontierCost[] | null;
}

/** The perf context of one pool of a point, in the option's precisions and profile. */
function poolContext(o: ResolvedOption, pool: PoolLayout, profile: EfficiencyProfile | undefined): PerfContext {
  return buildPerfContext({
    model: o.model, gpu: o.gpu, gpus: pool.gpus, framework: o.framework,
    layout: { tp: pool.tp, pp: pool.pp, ep: pool.ep, dpAttention: pool.dpAttention },
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(profile !== undefined && { profile }),
  });
}

/** The contexts of a point's pools (one context when aggregated). */
function pointContexts(o: ResolvedOption, p: FrontierPoint, profile: EfficiencyProfile | undefined): PointContexts {
  if (p.layout.mode === 'aggregated') {
    const ctx = poolContext(o, p.layout.pool, profile);
    return { prefill: ctx, decode: ctx };
  }
  return { prefill: poolContext(o, p.layout.prefill, profile), decode: poolContext(o, p.layout.decode, profile) };
}

/**
 * Runs one resolved option end to end, the one pipeline every surface uses (report, simulate,
 * web, lab, subscription, uncertainty, market): the frontier of its model on its GPUs (every
 * layout, or the one given; `serving` keeps one mode only), the request mix, the cheapest point
 * that meets its latency target with the perf contexts it was costed in, the GPU-seconds each kind
 * of token costs there, the effective cost basis, and the money: at the option's utilization, as a
 * function of utilization (`economicsAt`), and along the frontier (`frontierCosts`).
 */
export function runOption(o: ResolvedOption, profile: EfficiencyProfile | undefined = o.profile, serving: ServingMode = 'any'): OptionResult {
  const frontier = throughputFrontier(o.model, o.gpu, o.gpus, {
    framework: o.framework, workload: o.workload, batchGrowth: FINE_BATCH_GROWTH, disaggregation: serving !== 'aggregated',
    ...(profile !== undefined && { profile }),
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(serving !== 'disaggregated' && o.layout !== 'best' && { layout: { tp: o.layout.tp ?? o.gpus, pp: o.layout.pp ?? 1, ep: o.layout.ep ?? 1, dpAttention: o.layout.dpAttention ?? false } }),
  });
  const mix = requestMix(o.workload.inputTokens, o.workload.outputTokens, o.workload.prefixCacheHitRate);
  const costBasis = effectiveCostBasis(o);
  const candidates = serving === 'any' ? frontier.allPoints : frontier.allPoints.filter((p) => p.layout.mode === serving);
  const choice = chooseOperatingPoint(candidates, o.latencyTarget, mix);
  if (choice === null) {
    // No layout of these GPUs holds the model with room for one request's cache.
    const smallest = smallestFittingGpuCount(o.model, o.gpu, o.layout === 'best' ? {} : o.layout, {
      ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
      contextTokens: o.workload.inputTokens + o.workload.outputTokens,
    });
    return {
      option: o, mix, costBasis, fits: false, smallestFit: smallest, operatingPoint: null, contexts: null,
      gpuSecondsPerToken: null, attribution: null, economics: null, economicsAt: null, frontier: null, frontierCosts: null,
    };
  }
  const p = choice.point;
  const contexts = pointContexts(o, p, profile);
  const split = o.costSplit ?? DEFAULT_COST_SPLIT;
  const attributeAt = (utilization: number, basis: CostBasis) => attributeTokenCosts(contexts.prefill, p, o.workload, split, basis, utilization);
  const attribution = attributeAt(o.utilization, costBasis);
  // A cached token's KV keeping is priced at the GPU-second price of the basis and utilization asked for.
  const economicsAt = (utilization: number, basis: CostBasis = costBasis): TokenEconomics => tokenEconomics(
    pricedGpuSeconds(utilization === o.utilization && basis === costBasis ? attribution : attributeAt(utilization, basis)),
    mix, o.prices, basis, utilization,
  );
  const economics = economicsAt(o.utilization);
  // A busy GPU-second costs C(u) / (3600 s × u) at the option's utilization, wherever on the frontier.
  const busySecondUsd = economics.costUsdPerGpuHour / (SECONDS_PER_HOUR * o.utilization);
  const pareto = new Set(frontier.points);
  const frontierCosts = frontier.allPoints.map((x): FrontierCost => ({
    point: x, pareto: pareto.has(x), chosen: x === p,
    costUsdPerMillionOutputTokens: busySecondUsd * x.decodeGpuSecondsPerOutputToken * TOKENS_PER_MILLION,
  }));
  return {
    option: o, mix, costBasis, fits: true, smallestFit: null, operatingPoint: choice, contexts,
    gpuSecondsPerToken: attribution.gpuSecondsPerToken, attribution, economics, economicsAt, frontier, frontierCosts,
  };
}

/**
 * A committed rental with a minimum above the GPUs used pays for the idle minimum too: the price
 * per used GPU-hour scales by minimum / used. The one model of a commitment: `runOption` returns
 * this basis, and every surface prices from it.
 */
export function effectiveCostBasis(o: ResolvedOption): CostBasis {
  const c = o.costBasis;
  if (c.kind !== 'rented' || c.commitment === null || c.commitment.minimumGpus <= o.gpus) return c;
  return { ...c, priceUsdPerGpuHour: (c.priceUsdPerGpuHour * c.commitment.minimumGpus) / o.gpus };
}
