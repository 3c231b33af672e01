import { poissonArrivals } from '../demand/arrivals.js';
import { InputError } from '../errors.js';
import { LIMITS } from '../limits.js';
import { diurnalProfile, FLAT_PROFILE, profileFromValues, rateMultiplierAt, type DemandProfile } from '../demand/profile.js';
import { createRng } from '../demand/rng.js';
import type { RequestSource } from '../demand/types.js';
import { chooseOperatingPoint } from '../economics/operatingPoint.js';
import { requestMix } from '../economics/prices.js';
import { defaultOwnedCostBasis } from '../money/ownershipDefaults.js';
import { buildPerfContext } from '../perf/buildContext.js';
import { throughputFrontier, type FrontierPoint } from '../perf/frontier.js';
import { mgcWaitSeconds } from '../queueing/erlang.js';
import type { ResolvedOption } from '../scenario/resolveScenario.js';
import type { DemandInput } from '../scenario/schema.js';
import { autoscaledFleet, fixedFleet, type FleetSchedule } from './fleetSchedule.js';
import { fleetCosts, type FleetCost } from './fleetCosts.js';
import { instanceModel } from './instanceModel.js';
import { simulate, type SimulationResult } from './simulate.js';

/** Demand defaults, printed with the result. */
export const DEMAND_DEFAULTS = {
  durationHours: 24,
  profile: { peakToAverage: 1.5, peakHour: 15 },
  sigma: 0.6,
  seed: 1,
  headroom: 0.1,
  scaleUpLagSeconds: 600,
  minInstances: 1,
  /** 1-year commitments quoted 20-40% below on demand (market-data.md §4.3); the middle. */
  commitmentDiscountFraction: 0.3,
} as const;

export interface SimulationReport {
  readonly option: ResolvedOption;
  readonly point: FrontierPoint;
  readonly gpusPerInstance: number;
  readonly capacityRequestsPerSecondPerInstance: number;
  readonly meanRequestsPerSecond: number;
  readonly profilePeakToAverage: number;
  readonly fleet: FleetSchedule;
  readonly sim: SimulationResult;
  /** M/G/c estimate of the mean wait for a batch slot at the run's mean load, beside the simulated mean queueing delay. */
  readonly analytic: { readonly meanWaitSeconds: number; readonly simulatedMeanExtraTtftSeconds: number; readonly load: number };
  readonly costs: readonly FleetCost[];
  readonly assumptions: readonly { readonly name: string; readonly value: string }[];
}

export function profileOf(d: DemandInput): DemandProfile {
  const p = d.profile ?? DEMAND_DEFAULTS.profile;
  if (p === 'flat') return FLAT_PROFILE;
  if (Array.isArray(p)) return profileFromValues(p, 'demand.profile');
  return diurnalProfile({ peakToAverage: p.peakToAverage, peakHour: p.peakHour ?? DEMAND_DEFAULTS.profile.peakHour });
}

/**
 * Simulates a day (or more) of demand on an option's setup: the cheapest aggregated operating point
 * that meets its latency target fixes the layout and the batch each instance runs; the fleet is
 * autoscaled hour by hour for the demand (or fixed); the discrete-event simulation serves the
 * requests; then the bill under each way of paying, with the utilization each implies.
 * `trace`, when given, replaces the generated arrivals.
 */
export function runSimulation(o: ResolvedOption, demand: DemandInput, trace: RequestSource | null = null, onProgress?: (s: number) => void): SimulationReport {
  const w = o.workload;
  const mix = requestMix(w.inputTokens, w.outputTokens, w.prefixCacheHitRate);
  const frontier = throughputFrontier(o.model, o.gpu, o.gpus, {
    framework: o.framework, workload: w, disaggregation: false, batchGrowth: 2 ** 0.25,
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    ...(o.layout !== 'best' && { layout: { tp: o.layout.tp ?? o.gpus, pp: o.layout.pp ?? 1, ep: o.layout.ep ?? 1, dpAttention: o.layout.dpAttention ?? false } }),
  });
  const choice = chooseOperatingPoint(frontier.allPoints, o.latencyTarget, mix);
  if (choice === null) {
    throw new InputError('gpus', String(o.gpus), `enough ${o.gpu.id} to hold ${o.model.id}`,
      `${o.model.id} does not fit ${o.gpus} ${o.gpu.id} with room for one request's KV cache; expected more accelerators (inferonomics report names the smallest count that fits)`);
  }
  const p = choice.point;
  if (p.layout.mode !== 'aggregated') throw new Error('the simulator serves aggregated instances only');
  const pool = p.layout.pool;
  const ctx = buildPerfContext({
    model: o.model, gpu: o.gpu, gpus: pool.tp * pool.pp, framework: o.framework, layout: { tp: pool.tp, pp: pool.pp, ep: pool.ep, dpAttention: pool.dpAttention },
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
  });
  // The engine's batch cap is the operating point's: that is how an operator holds the latency.
  const model = instanceModel(ctx, w.inputTokens + w.outputTokens / 2, { freshTokens: mix.freshInputTokens, cachedTokens: mix.cachedInputTokens }, Math.max(1, Math.floor(p.sequencesPerInstance)));
  const gpusPerInstance = ctx.layout.gpusPerInstance;
  const capacity = (p.outputTokensPerSecondPerGpu * gpusPerInstance) / Math.max(1, w.outputTokens);

  const profile = profileOf(demand);
  const durationHours = demand.durationHours ?? DEMAND_DEFAULTS.durationHours;
  const rate = demand.requestsPerSecond ?? capacity * 8 * 0.6;
  const hourly = Array.from({ length: Math.ceil(durationHours) }, (_, h) => rate * rateMultiplierAt(profile, h * 3600 + 1800, demand.weekendMultiplier ?? 1));
  const f = demand.fleet ?? { kind: 'autoscale' as const };
  const fleet = f.kind === 'fixed'
    ? fixedFleet(f.instances ?? Math.max(1, Math.ceil((Math.max(...hourly) * (1 + DEMAND_DEFAULTS.headroom)) / capacity)))
    : autoscaledFleet(hourly, {
      capacityRequestsPerSecond: capacity,
      headroom: f.headroom ?? DEMAND_DEFAULTS.headroom,
      minInstances: f.minInstances ?? DEMAND_DEFAULTS.minInstances,
      granularity: f.granularity ?? 1,
      scaleUpLagSeconds: f.scaleUpLagSeconds ?? DEMAND_DEFAULTS.scaleUpLagSeconds,
    });
  // Bound the work before doing it: the expected arrivals of the run (bursts included) must stay
  // within what one run can simulate in reasonable time and memory.
  const burstFactor = demand.burst === undefined ? 1 : 1 + demand.burst.shareOfTime * (demand.burst.rateFactor - 1);
  const expectedRequests = Math.min(demand.maxRequests ?? Infinity, hourly.reduce((sum, r) => sum + r, 0) * 3600 * burstFactor);
  if (trace === null && expectedRequests > LIMITS.simulatedRequests.max) {
    throw new InputError('demand.requestsPerSecond', String(rate), `at most ${LIMITS.simulatedRequests.max.toLocaleString('en-US')} requests in one run`,
      `about ${Math.round(expectedRequests).toLocaleString('en-US')} requests would arrive (${rate.toPrecision(3)}/s over ${durationHours} h); one run simulates at most ${LIMITS.simulatedRequests.max.toLocaleString('en-US')}: lower demand.requestsPerSecond or demand.durationHours, or set demand.maxRequests`);
  }
  const sigma = (x: number | undefined) => x ?? DEMAND_DEFAULTS.sigma;
  const source = trace ?? poissonArrivals({
    requestsPerSecond: rate,
    profile,
    weekendMultiplier: demand.weekendMultiplier ?? 1,
    durationSeconds: durationHours * 3600,
    ...(demand.burst !== undefined && { burst: demand.burst }),
    sizes: {
      inputTokens: { mean: w.inputTokens, sigma: sigma(demand.inputTokensSigma) },
      outputTokens: { mean: w.outputTokens, sigma: sigma(demand.outputTokensSigma) },
      prefixCacheHitRate: w.prefixCacheHitRate,
    },
    ...(demand.maxRequests !== undefined && { maxRequests: demand.maxRequests }),
    rng: createRng(demand.seed ?? DEMAND_DEFAULTS.seed),
  });
  const sim = simulate(source, { instance: model, fleet, latencyTarget: o.latencyTarget, ...(onProgress !== undefined && { onProgress }) });
  if (sim.requests === 0) {
    throw new InputError('demand.requestsPerSecond', String(rate), 'a rate that brings at least one request',
      `no request arrived in the ${durationHours} h simulated (requestsPerSecond ${rate.toPrecision(3)}); expected a rate × duration of at least one request`);
  }

  // Analytic: each instance as p.sequences slots, a request holding one for its lifetime.
  const lifetime = p.ttftSeconds + w.outputTokens * p.tpotSeconds;
  const meanInstances = sim.activeInstanceSeconds / Math.max(1, sim.durationSeconds);
  const slots = Math.max(1, Math.round(meanInstances * model.maxSequences));
  const arrivalRate = sim.requests / Math.max(1, sim.durationSeconds);
  const wait = mgcWaitSeconds(arrivalRate, lifetime, 0.36, slots);
  const seconds = { fresh: mix.freshInputTokens * p.prefillGpuSecondsPerInputToken, output: mix.outputTokens * p.decodeGpuSecondsPerOutputToken };
  const total = seconds.fresh + seconds.output;
  const costBasis = o.costBasis;
  const onDemand = costBasis.kind === 'rented' ? costBasis.priceUsdPerGpuHour : 0;
  const commitment = demand.commitment ?? {};
  const hitShare = w.prefixCacheHitRate;
  const costs = fleetCosts({
    sim, gpusPerInstance,
    onDemandUsdPerGpuHour: onDemand,
    commitmentDiscountFraction: commitment.discountFraction ?? DEMAND_DEFAULTS.commitmentDiscountFraction,
    committedBlockInstances: commitment.instances ?? Math.max(1, Math.min(...fleet.map((s) => s.instances))),
    owned: costBasis.kind === 'owned' ? costBasis : defaultOwnedCostBasis(o.gpu.id),
    shares: { freshInput: seconds.fresh / total, cachedInput: 0, output: seconds.output / total },
    freshInputTokens: sim.inputTokens * (1 - hitShare),
    outputTokens: sim.outputTokens,
  });
  const profilePeak = Math.max(...profile.hourlyMultipliers);
  return {
    option: o, point: p, gpusPerInstance, capacityRequestsPerSecondPerInstance: capacity, meanRequestsPerSecond: rate,
    profilePeakToAverage: profilePeak, fleet, sim,
    analytic: { meanWaitSeconds: wait, simulatedMeanExtraTtftSeconds: Math.max(0, sim.ttftSeconds.mean - p.ttftSeconds), load: arrivalRate * lifetime / slots },
    costs,
    assumptions: [
      { name: 'demand.requestsPerSecond', value: `${rate.toFixed(2)}${demand.requestsPerSecond === undefined ? ' (default: 60% of 8 instances)' : ''}` },
      { name: 'demand.profile', value: `peak/average ${profilePeak.toFixed(2)}` },
      { name: 'demand.durationHours', value: String(durationHours) },
      { name: 'demand.sizes', value: `lognormal around ${w.inputTokens} in / ${w.outputTokens} out, σ ${sigma(demand.inputTokensSigma)} / ${sigma(demand.outputTokensSigma)}` },
      { name: 'demand.seed', value: String(demand.seed ?? DEMAND_DEFAULTS.seed) },
      { name: 'fleet', value: f.kind === 'fixed' ? `fixed ${fleet[0]?.instances ?? 0} instances` : `autoscaled hourly, headroom ${(f.headroom ?? DEMAND_DEFAULTS.headroom) * 100}%, scale-up lag ${f.scaleUpLagSeconds ?? DEMAND_DEFAULTS.scaleUpLagSeconds} s, at least ${f.minInstances ?? DEMAND_DEFAULTS.minInstances}` },
      { name: 'instance', value: `${gpusPerInstance} ${o.gpu.id}, batch cap ${model.maxSequences} (the operating point's), ${capacity.toFixed(2)} requests/s each` },
      { name: 'commitment', value: `${((commitment.discountFraction ?? DEMAND_DEFAULTS.commitmentDiscountFraction) * 100).toFixed(0)}% below on demand (market-data.md §4.3: 20-40%)` },
    ],
  };
}
