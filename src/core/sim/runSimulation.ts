import { poissonArrivals } from '../demand/arrivals.js';
import { applyPrefixCache, type PrefixCacheStats } from '../demand/prefixCache.js';
import { diurnalProfile, FLAT_PROFILE, profileFromValues, rateMultiplierAt, type DemandProfile } from '../demand/profile.js';
import { fromList } from '../demand/requestSource.js';
import { createRng } from '../demand/rng.js';
import { scaleTrace } from '../demand/scaleTrace.js';
import { traceUnderEnvelope } from '../demand/traceEnvelope.js';
import { shiftToOffPeak, type OffPeakShift } from '../demand/offPeak.js';
import { revenueUsdPerRequest } from '../economics/prices.js';
import { InputError } from '../errors.js';
import { GB, SECONDS_PER_HOUR } from '../units.js';
import { LIMITS } from '../limits.js';
import type { ParsedTrace } from '../demand/trace/parseTrace.js';
import type { Request, RequestSource } from '../demand/types.js';
import type { RentedCostBasis } from '../money/costBasis.js';
import { defaultOwnedCostBasis } from '../money/ownershipDefaults.js';
import { rentalTierCostBasis, rentalTiersOf, type RentalTier } from '../money/rentalTiers.js';
import type { FrontierPoint } from '../perf/frontier.js';
import type { Workload } from '../perf/serving.js';
import type { ResolvedOption } from '../scenario/resolveScenario.js';
import type { GpuSecondsPerToken } from '../scenario/runScenario.js';
import type { DemandInput } from '../scenario/schema.js';
import { analyticCheck, type AnalyticCheck } from './analyticCheck.js';
import type { ReactiveAutoscaler } from './autoscaler.js';
import { autoscaledFleet, fixedFleet, type FleetSchedule } from './fleetSchedule.js';
import { fleetCosts, type FleetCost } from './fleetCosts.js';
import { servingInstance, servingPools, type ServingInstance, type ServingPools } from './servingInstance.js';
import { simulate, type SimulationResult } from './simulate.js';
import { checkSlo, type SloCheck } from './sloCheck.js';
import { smallestFleetMeetingSlo, type FleetSearch } from './smallestFleet.js';

/** Demand defaults, printed with the result. */
export const DEMAND_DEFAULTS = {
  durationHours: 24,
  profile: { peakToAverage: 1.5, peakHour: 15 },
  sigma: 0.6,
  seed: 1,
  headroom: 0.1,
  scaleUpLagSeconds: 600,
  minInstances: 1,
  /** Reactive autoscaler: decide every 30 s, give an instance back after 10 min of low demand, hold 80% utilization. */
  evaluationSeconds: 30,
  scaleDownDelaySeconds: 600,
  targetUtilization: 0.8,
  /** Instances a smallest-meeting-slo search or an autoscaler may use at most. */
  maxInstances: 256,
  /** Share of an instance's KV cache that holds reusable prefixes between requests (SGLang's radix cache keeps finished requests' KV there). */
  hbmShareOfKvCache: 0.5,
  hostDramBytesPerInstance: 0,
} as const;

/** Contract tiers of the rental catalog a committed fleet is priced at when the option's basis commits none: the first one the GPU has. */
const COMMITTED_TIERS: readonly RentalTier[] = ['1-year', '3-year', '1-month'];

/**
 * The two rented ways of paying the simulation compares, in the one commitment model
 * (`CostBasis`: a price and a term of at least `minimumGpus`): on demand, and committed. The
 * option's own rented basis is used where it is one of them; the other comes from the rental
 * catalog of its GPU (the committed one committing `blockGpus`). Committed is null when neither
 * the option nor the catalog prices a contract.
 * @throws InputError when no on-demand price is known (an owned basis on a GPU the catalog does not rent)
 */
export function payingWays(o: ResolvedOption, blockGpus: number): { onDemand: RentedCostBasis; committed: RentedCostBasis | null } {
  const c = o.costBasis;
  const tiers = rentalTiersOf(o.gpu.id);
  const tier = (t: RentalTier) => (tiers.includes(t) ? rentalTierCostBasis(o.gpu.id, t, Math.max(1, Math.round(blockGpus))) : null);
  const committedTier = COMMITTED_TIERS.find((t) => tiers.includes(t));
  const committed = c.kind === 'rented' && c.commitment !== null ? c : committedTier === undefined ? null : tier(committedTier);
  // On demand: the option's own uncommitted rate, else the on-demand price the option carries
  // beside its contract (the one `report` shows), else the rental catalog's on-demand tier.
  const onDemand = c.kind !== 'rented' ? tier('on-demand')
    : c.commitment === null ? c
      : c.onDemandUsdPerGpuHour !== undefined
        ? { kind: 'rented' as const, priceUsdPerGpuHour: c.onDemandUsdPerGpuHour, commitment: null, sources: { priceUsdPerGpuHour: c.sources?.onDemandUsdPerGpuHour ?? 'the on-demand price beside the contract rate' } }
        : tier('on-demand');
  if (onDemand === null) {
    throw new InputError('costBasis', c.kind, `a rented, on-demand cost basis, or a GPU the rental catalog prices on demand (${o.gpu.id} has ${tiers.join(', ') || 'no tier'})`,
      `the simulation prices the fleet it ran on demand too, and ${o.gpu.id} has no on-demand price in the rental catalog; give costBasis {kind: rented, priceUsdPerGpuHour}`);
  }
  return { onDemand, committed };
}

export interface SimulationReport {
  readonly option: ResolvedOption;
  readonly point: FrontierPoint;
  /** GPU-seconds a token of each kind costs at the point: the pipeline's (`runOption`), as `report` has them. */
  readonly gpuSecondsPerToken: GpuSecondsPerToken;
  readonly gpusPerInstance: number;
  readonly capacityRequestsPerSecondPerInstance: number;
  readonly meanRequestsPerSecond: number;
  /** Peak over mean rate: of the profile, or for a trace of its arrivals per time bucket (a minute for a run up to 3 h). */
  readonly profilePeakToAverage: number;
  /** The fleet plan (fixed, scheduled, or the autoscaler's starting size); `sim.buckets` has what ran. */
  readonly fleet: FleetSchedule;
  readonly sim: SimulationResult;
  readonly slo: SloCheck;
  /** Disaggregated pools: instances of each in a unit of the option's GPUs, and their sizes (null when aggregated). */
  readonly pools: { readonly prefillInstancesPerUnit: number; readonly decodeInstancesPerUnit: number; readonly prefillGpusPerInstance: number; readonly decodeGpusPerInstance: number } | null;
  /** The autoscaler's bounds, when it ran (a fleet that reached `maxInstances` may have wanted more). */
  readonly autoscaler: { readonly minInstances: number; readonly maxInstances: number } | null;
  /** For `fleet: smallest-meeting-slo`: the instance counts tried and what they gave. */
  readonly search: FleetSearch | null;
  /** The trace replayed, when there is one: its file, format, bad rows and prefix cache. */
  readonly trace: { readonly fileName: string; readonly format: string; readonly skippedRows: number; readonly problems: readonly string[]; readonly scale: number; readonly prefixCache: PrefixCacheStats | null } | null;
  readonly analytic: AnalyticCheck;
  readonly costs: readonly FleetCost[];
  /** What the served tokens earn at the scenario's prices, and the off-peak discount's part. */
  readonly revenue: { readonly usd: number; readonly listUsd: number; readonly offPeak: (OffPeakShift & { readonly discountFraction: number }) | null };
  readonly assumptions: readonly { readonly name: string; readonly value: string }[];
}

export function profileOf(d: DemandInput): DemandProfile {
  const p = d.profile ?? DEMAND_DEFAULTS.profile;
  if (p === 'flat') return FLAT_PROFILE;
  if (Array.isArray(p)) return profileFromValues(p, 'demand.profile');
  return diurnalProfile({ peakToAverage: p.peakToAverage, peakHour: p.peakHour ?? DEMAND_DEFAULTS.profile.peakHour });
}

/** Mean input and output tokens of a trace, and the share of prompt tokens it marks as cached. */
function traceWorkload(requests: readonly Request[]) {
  let input = 0;
  let output = 0;
  let cached = 0;
  for (const r of requests) {
    input += r.inputTokens;
    output += r.outputTokens;
    cached += r.cachedInputTokens;
  }
  const n = Math.max(1, requests.length);
  return { inputTokens: Math.max(1, Math.round(input / n)), outputTokens: Math.max(1, Math.round(output / n)), prefixCacheHitRate: input > 0 ? cached / input : 0 };
}

/** The largest of a list over its mean (1 for an empty or all-zero list). */
function peakToMean(xs: readonly number[]): number {
  const mean = xs.reduce((a, x) => a + x, 0) / Math.max(1, xs.length);
  return mean > 0 ? Math.max(...xs) / mean : 1;
}

/** Var / mean² of a list of numbers (0 for fewer than two). */
function squaredCv(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return mean > 0 ? variance / mean ** 2 : 0;
}

/**
 * Simulates demand on an option's setup: the cheapest aggregated operating point that meets its
 * latency target fixes the layout and the batch each instance runs; the fleet is fixed, follows
 * an hourly plan, scales on its utilization and queue as it runs, or is the smallest fixed fleet
 * that meets the SLO; the discrete-event simulation serves the requests (generated, or a trace's:
 * then the trace's mean sizes set the operating point, and its prefix blocks, through a
 * fleet-wide LRU cache of the instances' spare KV and host DRAM, set each prompt's cached
 * tokens); then the SLO check, the M/G/c estimate with whether its assumptions hold, and the bill
 * under each way of paying, with the utilization each implies.
 */
export function runSimulation(o: ResolvedOption, demand: DemandInput, trace: ParsedTrace | null = null, onProgress?: (simulatedSeconds: number, note: string) => void): SimulationReport {
  const scale = demand.traceScale ?? 1;
  const offPeak = demand.offPeak;
  // The day's shape: the profile, after an off-peak discount has moved demand into quiet hours.
  const baseProfile = trace !== null && demand.profile === undefined ? FLAT_PROFILE : profileOf(demand);
  const shift: OffPeakShift | null = offPeak === undefined ? null : shiftToOffPeak(baseProfile, offPeak.shiftShare, offPeak.hours);
  const dayProfile = shift?.profile ?? baseProfile;
  // A trace shorter than `durationHours` is looped under the profile (flat unless one is given).
  const traceSpan = trace === null ? 0 : Math.max(1, (trace.requests.at(-1)?.arrivalSeconds ?? 0) * (1 + 1 / trace.requests.length));
  const envelope = trace !== null && demand.durationHours !== undefined && demand.durationHours * SECONDS_PER_HOUR > traceSpan;
  const traceRequests = trace === null ? null : envelope
    ? traceUnderEnvelope(trace.requests, {
      spanSeconds: traceSpan, durationSeconds: (demand.durationHours ?? 0) * SECONDS_PER_HOUR, rateScale: scale,
      profile: dayProfile, weekendMultiplier: demand.weekendMultiplier ?? 1,
      rng: createRng(demand.seed ?? DEMAND_DEFAULTS.seed),
    })
    : scaleTrace(trace.requests, scale);
  if (offPeak !== undefined && trace !== null && !envelope) {
    throw new InputError('demand.offPeak', 'a trace of one span', 'a daily profile: generated demand, or a trace looped over a durationHours longer than it',
      'invalid demand.offPeak: an off-peak discount moves demand between hours of a day; set durationHours longer than the trace to loop it under a daily profile');
  }
  const hasBlocks = traceRequests?.some((r) => r.prefixBlockIds !== undefined) ?? false;
  const cacheOptions = demand.prefixCache ?? {};
  const hbmShare = cacheOptions.hbmShareOfKvCache ?? DEMAND_DEFAULTS.hbmShareOfKvCache;
  const dramBytes = cacheOptions.hostDramBytesPerInstance ?? DEMAND_DEFAULTS.hostDramBytesPerInstance;
  const cacheFor = (requests: readonly Request[], instance: ServingInstance, instances: number) => {
    const blockTokens = 512;
    const bytesPerToken = instance.model.kvCacheBytesPerToken ?? Infinity;
    return applyPrefixCache(requests, {
      hbmBlocks: Math.floor((instances * instance.model.kvCapacityTokens * hbmShare) / blockTokens),
      hostDramBlocks: Math.floor((instances * dramBytes) / bytesPerToken / blockTokens),
      blockTokens,
    });
  };

  // The instance: for a trace, at its mean sizes; with prefix blocks, at the hit rate of a cache
  // of one instance's spare KV (a first guess; the fleet's cache below sets each prompt's hits).
  const disaggregated = demand.disaggregated === true;
  const fleetKind = demand.fleet?.kind ?? 'autoscale';
  if (disaggregated && fleetKind !== 'fixed' && fleetKind !== 'smallest-meeting-slo') {
    throw new InputError('demand.fleet.kind', fleetKind, 'fixed or smallest-meeting-slo with disaggregated pools',
      `invalid demand.fleet.kind: ${fleetKind}; with disaggregated: true the fleet is fixed or smallest-meeting-slo (units of prefill and decode pools; autoscaling pools is not modelled)`);
  }
  const serve = (w: Workload): ServingInstance | ServingPools => (disaggregated ? servingPools(o, w) : servingInstance(o, w));
  let instance: ServingInstance | ServingPools;
  if (traceRequests === null) {
    instance = serve(o.workload);
  } else {
    const base = traceWorkload(traceRequests);
    instance = serve(base);
    if (hasBlocks) instance = serve({ ...base, prefixCacheHitRate: cacheFor(traceRequests, instance, 1).stats.hitRate });
  }
  const pools = 'prefill' in instance ? instance : null;
  /** Fleet instances (decode instances when disaggregated) in `units` of the option's GPUs. */
  const perUnit = pools?.decodeInstancesPerUnit ?? 1;
  const { point: p, model, gpusPerInstance } = instance;
  const capacity = instance.capacityRequestsPerSecond;
  /** Requests/s a fleet unit serves (an instance, or a unit of both pools). */
  const unitCapacity = capacity * perUnit;

  const profile = dayProfile;
  const durationHours = traceRequests === null || envelope ? demand.durationHours ?? DEMAND_DEFAULTS.durationHours : Math.max(1 / SECONDS_PER_HOUR, (traceRequests.at(-1)?.arrivalSeconds ?? 0) / SECONDS_PER_HOUR);
  const rate = traceRequests === null ? demand.requestsPerSecond ?? capacity * 8 * 0.6 : traceRequests.length / Math.max(1, durationHours * SECONDS_PER_HOUR);
  const hourly = traceRequests === null
    ? Array.from({ length: Math.ceil(durationHours) }, (_, h) => rate * rateMultiplierAt(profile, h * SECONDS_PER_HOUR + SECONDS_PER_HOUR / 2, demand.weekendMultiplier ?? 1))
    : Array.from({ length: Math.max(1, Math.ceil(durationHours)) }, (_, h) => traceRequests.filter((r) => r.arrivalSeconds >= h * SECONDS_PER_HOUR && r.arrivalSeconds < (h + 1) * SECONDS_PER_HOUR).length / SECONDS_PER_HOUR);
  const f = demand.fleet ?? { kind: 'autoscale' as const };
  const headroom = (f.kind === 'autoscale' || f.kind === 'scheduled' ? f.headroom : undefined) ?? DEMAND_DEFAULTS.headroom;
  const minInstances = (f.kind === 'autoscale' || f.kind === 'scheduled' ? f.minInstances : undefined) ?? DEMAND_DEFAULTS.minInstances;
  const lag = (f.kind === 'autoscale' || f.kind === 'scheduled' ? f.scaleUpLagSeconds : undefined) ?? DEMAND_DEFAULTS.scaleUpLagSeconds;
  const forPeak = Math.max(1, Math.ceil((Math.max(...hourly) * (1 + headroom)) / unitCapacity));
  const plan = f.kind === 'fixed' ? fixedFleet(f.instances ?? forPeak)
    : autoscaledFleet(hourly, { capacityRequestsPerSecond: capacity, headroom, minInstances, granularity: f.kind === 'scheduled' ? f.granularity ?? 1 : 1, scaleUpLagSeconds: lag });
  const autoscaler: ReactiveAutoscaler | undefined = f.kind !== 'autoscale' ? undefined : {
    minInstances,
    maxInstances: Math.max(minInstances, f.maxInstances ?? Math.min(DEMAND_DEFAULTS.maxInstances, Math.max(16, 8 * forPeak))),
    initialInstances: Math.max(minInstances, Math.min(f.maxInstances ?? Infinity, plan[0]?.instances ?? 1)),
    warmUpSeconds: lag,
    evaluationSeconds: f.evaluationSeconds ?? DEMAND_DEFAULTS.evaluationSeconds,
    scaleDownDelaySeconds: f.scaleDownDelaySeconds ?? DEMAND_DEFAULTS.scaleDownDelaySeconds,
    targetUtilization: f.targetUtilization ?? DEMAND_DEFAULTS.targetUtilization,
    maxQueueWaitSeconds: (o.latencyTarget.maxTtftSeconds ?? 10) / 2,
    maxTtftSeconds: o.latencyTarget.maxTtftSeconds,
    maxTpotSeconds: o.latencyTarget.minTokensPerSecondPerUser === null ? null : 1 / o.latencyTarget.minTokensPerSecondPerUser,
    maxLateShare: 0.01,
  };

  // Bound the work before doing it: the expected arrivals of the run (bursts included) must stay
  // within what one run can simulate in reasonable time and memory.
  const burstFactor = demand.burst === undefined ? 1 : 1 + demand.burst.shareOfTime * (demand.burst.rateFactor - 1);
  const expectedRequests = Math.min(demand.maxRequests ?? Infinity, hourly.reduce((sum, r) => sum + r, 0) * SECONDS_PER_HOUR * burstFactor);
  if (traceRequests === null && expectedRequests > LIMITS.simulatedRequests.max) {
    throw new InputError('demand.requestsPerSecond', String(rate), `at most ${LIMITS.simulatedRequests.max.toLocaleString('en-US')} requests in one run`,
      `about ${Math.round(expectedRequests).toLocaleString('en-US')} requests would arrive (${rate.toPrecision(3)}/s over ${durationHours} h); one run simulates at most ${LIMITS.simulatedRequests.max.toLocaleString('en-US')}: lower demand.requestsPerSecond or demand.durationHours, or set demand.maxRequests`);
  }
  const sigma = (x: number | undefined) => x ?? DEMAND_DEFAULTS.sigma;
  const meanPlanInstances = (schedule: FleetSchedule) => {
    const end = durationHours * SECONDS_PER_HOUR;
    let sum = 0;
    schedule.forEach((s, k) => { sum += s.instances * Math.max(0, Math.min(end, schedule[k + 1]?.atSeconds ?? end) - s.atSeconds); });
    return Math.max(1, Math.round(sum / Math.max(1, end)));
  };
  let cacheStats: PrefixCacheStats | null = null;
  /** The requests for a fleet of about `instances` (the prefix cache grows with the fleet). */
  const sourceFor = (instances: number): RequestSource => {
    if (traceRequests !== null) {
      if (!hasBlocks) return fromList(traceRequests);
      const cached = cacheFor(traceRequests, instance, instances);
      cacheStats = cached.stats;
      return fromList(cached.requests);
    }
    return poissonArrivals({
      requestsPerSecond: rate, profile, weekendMultiplier: demand.weekendMultiplier ?? 1, durationSeconds: durationHours * SECONDS_PER_HOUR,
      ...(demand.burst !== undefined && { burst: demand.burst }),
      sizes: {
        inputTokens: { mean: o.workload.inputTokens, sigma: sigma(demand.inputTokensSigma) },
        outputTokens: { mean: o.workload.outputTokens, sigma: sigma(demand.outputTokensSigma) },
        prefixCacheHitRate: o.workload.prefixCacheHitRate,
      },
      ...(demand.maxRequests !== undefined && { maxRequests: demand.maxRequests }),
      rng: createRng(demand.seed ?? DEMAND_DEFAULTS.seed),
    });
  };
  const bucketSeconds = durationHours <= 3 ? 60 : SECONDS_PER_HOUR;
  const freeShare = demand.freeTraffic?.share ?? 0;
  /** Marks a `freeShare` of requests free, from a stream of its own (the arrivals do not move). */
  const withClasses = (source: RequestSource): RequestSource => {
    if (freeShare <= 0) return source;
    const rng = createRng((demand.seed ?? DEMAND_DEFAULTS.seed) + 7919);
    return { next: () => { const r = source.next(); return r === null ? null : { ...r, free: rng.next() < freeShare }; } };
  };
  const run = (units: FleetSchedule, scaler?: ReactiveAutoscaler, note = '') =>
    simulate(withClasses(sourceFor((scaler?.initialInstances ?? meanPlanInstances(units)) * perUnit)), {
      ...(pools !== null && { disaggregated: { prefill: pools.prefill, prefillInstances: (units[0]?.instances ?? 1) * pools.prefillInstancesPerUnit, transferSeconds: pools.transferSeconds } }),
      ...(demand.freeTraffic?.shedAfterSeconds !== undefined && { shedFreeAfterSeconds: demand.freeTraffic.shedAfterSeconds }),
      instance: model, fleet: units.map((x) => ({ ...x, instances: x.instances * perUnit })), latencyTarget: o.latencyTarget, bucketSeconds, outputTokensPerSecondAtCapacity: capacity * instance.workload.outputTokens,
      ...(scaler !== undefined && { autoscaler: scaler }), ...(onProgress !== undefined && { onProgress: (t: number) => onProgress(t, note) }),
    });

  let search: FleetSearch | null = null;
  let fleet = plan;
  let sim: SimulationResult;
  if (f.kind === 'smallest-meeting-slo') {
    search = smallestFleetMeetingSlo((n) => run(fixedFleet(n), undefined, `trying ${n} instance${n === 1 ? '' : 's'}`), o.latencyTarget, {
      firstGuess: Math.max(1, Math.ceil(rate / (unitCapacity * DEMAND_DEFAULTS.targetUtilization))), maxInstances: f.maxInstances ?? DEMAND_DEFAULTS.maxInstances,
    });
    fleet = fixedFleet(search.instances);
    sim = search.sim;
    if (hasBlocks) sourceFor(search.instances); // the cache statistics of the fleet chosen
  } else {
    sim = run(plan, autoscaler);
  }
  if (sim.requests === 0) {
    throw new InputError('demand.requestsPerSecond', String(rate), 'a rate that brings at least one request',
      `no request arrived in the ${durationHours} h simulated (requestsPerSecond ${rate.toPrecision(3)}); expected a rate × duration of at least one request`);
  }
  const slo = checkSlo(sim, o.latencyTarget);

  // Revenue of the served tokens; the off-peak share of demand (by the day's profile) pays the discount.
  const listRevenueUsd = revenueUsdPerRequest({ freshInput: sim.inputTokens - sim.cachedInputTokens, cachedInput: sim.cachedInputTokens, output: sim.outputTokens }, o.prices);
  const revenueUsd = listRevenueUsd * (1 - (offPeak?.discountFraction ?? 0) * (shift?.offPeakShare ?? 0));
  const costBasis = o.costBasis;
  // GPUs of a fleet unit (an instance, or a unit of both pools); the block is counted in decode-instance equivalents, as the simulation counts paid time.
  const unitGpus = pools === null ? gpusPerInstance : o.gpus;
  const perUnitEquivalents = pools === null ? 1 : o.gpus / gpusPerInstance;
  const optionCommitment = costBasis.kind === 'rented' ? costBasis.commitment : null;
  const blockUnits = optionCommitment !== null ? Math.ceil(optionCommitment.minimumGpus / unitGpus) : Math.max(1, Math.min(...fleet.map((s) => s.instances)));
  const ways = payingWays(o, blockUnits * unitGpus);
  const costs = fleetCosts({
    sim, gpusPerInstance,
    onDemand: ways.onDemand,
    committed: ways.committed,
    committedBlockInstances: blockUnits * perUnitEquivalents,
    owned: costBasis.kind === 'owned' ? costBasis : defaultOwnedCostBasis(o.gpu.id),
    economicsAt: instance.served.economicsAt,
    slo: { attainment: sim.sloAttainment, met: slo.met },
    revenueUsd,
  });
  const profilePeak = Math.max(...profile.hourlyMultipliers);
  const finalCache = cacheStats as PrefixCacheStats | null;
  const unitWord = pools === null ? 'instances' : `units (each ${pools.prefillInstancesPerUnit} prefill × ${pools.prefill.gpus} GPUs + ${pools.decodeInstancesPerUnit} decode × ${pools.model.gpus} GPUs)`;
  const fleetNote = f.kind === 'fixed' ? `fixed ${fleet[0]?.instances ?? 0} ${unitWord}`
    : f.kind === 'scheduled' ? `scheduled hour by hour for the demand, headroom ${headroom * 100}%, scale-up lag ${lag} s, at least ${minInstances}`
      : f.kind === 'smallest-meeting-slo' ? `the smallest fixed fleet whose p99 TTFT and TPOT meet the target: ${search?.instances ?? 0} ${unitWord}`
        : `autoscaled on utilization, queue and waiting time every ${autoscaler?.evaluationSeconds} s (target utilization ${((autoscaler?.targetUtilization ?? 0) * 100).toFixed(0)}%; one more at once when a request has waited ${autoscaler?.maxQueueWaitSeconds} s or over 1% of an interval's requests missed the latency target, none fewer while any did), warm-up ${lag} s, scale-down after ${autoscaler?.scaleDownDelaySeconds} s low, ${minInstances}-${autoscaler?.maxInstances} instances`;
  return {
    option: o, point: p, gpuSecondsPerToken: instance.served.gpuSecondsPerToken, gpusPerInstance, capacityRequestsPerSecondPerInstance: capacity, meanRequestsPerSecond: rate,
    pools: pools === null ? null : { prefillInstancesPerUnit: pools.prefillInstancesPerUnit, decodeInstancesPerUnit: pools.decodeInstancesPerUnit, prefillGpusPerInstance: pools.prefill.gpus, decodeGpusPerInstance: pools.model.gpus },
    autoscaler: autoscaler === undefined ? null : { minInstances: autoscaler.minInstances, maxInstances: autoscaler.maxInstances },
    profilePeakToAverage: traceRequests === null ? profilePeak : peakToMean(sim.buckets.map((b) => b.arrivals)), fleet, sim, slo, search,
    trace: trace === null ? null : {
      fileName: trace.fileName, format: trace.format, skippedRows: trace.skippedRows,
      problems: trace.problems.map((x) => `line ${x.line}: ${x.message}`), scale, prefixCache: finalCache,
    },
    analytic: analyticCheck({
      sim, point: p, maxSequences: model.maxSequences, outputTokens: instance.workload.outputTokens,
      serviceCv2: traceRequests === null ? Math.expm1(sigma(demand.outputTokensSigma) ** 2) : squaredCv(traceRequests.map((r) => r.outputTokens)),
      poisson: traceRequests === null && demand.burst === undefined, steady: traceRequests === null && profilePeak <= 1 + 1e-9,
      fixedFleet: f.kind === 'fixed' || f.kind === 'smallest-meeting-slo', disaggregated: pools !== null,
    }),
    costs,
    revenue: { usd: revenueUsd, listUsd: listRevenueUsd, offPeak: shift === null ? null : { ...shift, discountFraction: offPeak?.discountFraction ?? 0 } },
    assumptions: [
      traceRequests === null
        ? { name: 'demand.requestsPerSecond', value: `${rate.toFixed(2)}${demand.requestsPerSecond === undefined ? ' (default: 60% of 8 instances)' : ''}` }
        : { name: 'demand.trace', value: `${trace?.fileName} (${trace?.format}), ${traceRequests.length} requests over ${(durationHours * 60).toFixed(1)} min${scale !== 1 ? ` (×${scale} its rate)` : ''}${envelope ? `, its ${(traceSpan / 60).toFixed(0)} min looped under ${demand.profile === undefined ? 'a flat profile' : `a profile of peak/average ${profilePeak.toFixed(2)}`}` : ''}, mean ${instance.workload.inputTokens} in / ${instance.workload.outputTokens} out` },
      ...(traceRequests === null ? [
        { name: 'demand.profile', value: `peak/average ${profilePeak.toFixed(2)}` },
        { name: 'demand.durationHours', value: String(durationHours) },
        { name: 'demand.sizes', value: `lognormal around ${o.workload.inputTokens} in / ${o.workload.outputTokens} out, σ ${sigma(demand.inputTokensSigma)} / ${sigma(demand.outputTokensSigma)}` },
        { name: 'demand.seed', value: String(demand.seed ?? DEMAND_DEFAULTS.seed) },
      ] : [{
        name: 'prefix cache',
        value: hasBlocks
          ? `from the trace's hash_ids: fleet-wide LRU of ${(hbmShare * 100).toFixed(0)}% of each instance's KV cache${dramBytes > 0 ? ` then ${(dramBytes / GB).toFixed(0)} GB of host DRAM an instance` : ''}`
          : trace?.format === 'inferonomics-csv' ? 'the trace\'s cached_tokens column' : 'none: the trace says nothing of shared prefixes, so every prompt token is computed',
      }]),
      ...(freeShare > 0 ? [{ name: 'demand.freeTraffic', value: `${(freeShare * 100).toFixed(0)}% of requests free: admitted after paid ones, ${demand.freeTraffic?.shedAfterSeconds === undefined ? 'never shed' : `shed after waiting ${demand.freeTraffic.shedAfterSeconds} s`}; the SLO is paid traffic's` }] : []),
      { name: 'fleet', value: fleetNote },
      { name: 'instance', value: `${gpusPerInstance} ${o.gpu.id}, batch cap ${model.maxSequences} (the operating point's), ${capacity.toFixed(2)} requests/s each` },
      { name: 'on demand', value: `$${ways.onDemand.priceUsdPerGpuHour.toFixed(2)} per GPU-hour (${ways.onDemand.sources?.priceUsdPerGpuHour ?? 'the scenario\'s costBasis'})` },
      {
        name: 'commitment',
        value: ways.committed === null ? `none priced for ${o.gpu.id}: give costBasis {kind: rented, priceUsdPerGpuHour, commitment {termHours, minimumGpus}}`
          : `$${ways.committed.priceUsdPerGpuHour.toFixed(2)} per GPU-hour, ${ways.committed.commitment?.termHours ?? 0} h term, at least ${ways.committed.commitment?.minimumGpus ?? 0} GPUs (${ways.committed.sources?.priceUsdPerGpuHour ?? 'the scenario\'s costBasis'})`,
      },
    ],
  };
}
