import { gpuHourCost } from '../money/gpuHourCost.js';
import { defaultMarginalCostBasis, sourceText } from '../money/ownershipDefaults.js';
import { requestMix } from '../economics/prices.js';
import { pricedGpuSeconds } from '../economics/tokenAttribution.js';
import type { OptionResult } from '../scenario/index.js';
import { LAB_DEFAULTS, type LabDefaultName } from './defaults.js';
import { labCost, type LabCostInput, type TrainingCompute } from './labCost.js';
import { BILLION, MILLION, TFLOP, THOUSAND, TRILLION } from '../units.js';
import type { Sourced } from '../sourced.js';

const D = LAB_DEFAULTS;

/** What may be set instead of a default (the CLI's flags, the web view's inputs). */
export interface LabOverrides {
  readonly trainingFlop?: number;
  readonly trainingUsd?: number;
  readonly researchMultiple?: number;
  readonly staffUsdPerYear?: number;
  readonly otherOperatingUsdPerYear?: number;
  readonly lifetimeMonths?: number;
  readonly outputTokensPerMonth?: number;
  readonly inputTokensPerMonth?: number;
  readonly apiShare?: number;
  readonly subscriptionUsdPerMonth?: number;
  readonly subscriptionTokensPerMonth?: number;
  readonly discount?: number;
}

/** One assumption of the run, with its value and where it came from. */
export interface LabAssumption extends Sourced<string> {
  readonly name: string;
}

/**
 * The lab-cost input for an option the pipeline served (`runOption`): its GPU-seconds per token
 * and effective cost basis, the lab defaults, overridden where given, with a row per assumption
 * saying where each came from.
 * @throws Error when the option was not served (the model does not fit its GPUs)
 */
export function labInputFor(served: OptionResult, f: LabOverrides, givenBy: (name: keyof LabOverrides) => string = (name) => `given (${name})`): { input: LabCostInput; assumptions: LabAssumption[] } {
  const o = served.option;
  const raw = served.gpuSecondsPerToken;
  if (raw === null) throw new Error(`${o.label}: the model does not fit its GPUs, so a token has no serving cost`);
  // The seconds the pipeline prices: a cached token's KV keeping and moving included, in busy
  // GPU-second equivalents at the scenario's rate and utilization (exact there; scaled with the rate elsewhere).
  const seconds = served.attribution === null ? raw : pricedGpuSeconds(served.attribution);
  const rows: LabAssumption[] = [];
  const pick = (flag: keyof LabOverrides, name: LabDefaultName, show: (x: number) => string = String): number => {
    const given = f[flag];
    const value = given ?? D[name].value;
    rows.push({ name, value: show(value), source: given === undefined ? sourceText(D[name]) : givenBy(flag) });
    return value;
  };
  const scenarioBasis = served.costBasis;
  // A contract rate (the scenario's default) comes with the on-demand price beside it: list rates
  // are then on demand, and the contract is the discount off them.
  const contract = scenarioBasis.kind === 'rented' && scenarioBasis.onDemandUsdPerGpuHour !== undefined && scenarioBasis.onDemandUsdPerGpuHour > 0
    ? { contractUsdPerGpuHour: scenarioBasis.priceUsdPerGpuHour, onDemandUsdPerGpuHour: scenarioBasis.onDemandUsdPerGpuHour } : null;
  const basis = scenarioBasis.kind === 'rented' && contract !== null ? { ...scenarioBasis, priceUsdPerGpuHour: contract.onDemandUsdPerGpuHour } : scenarioBasis;
  // The default scenario rents; an owned basis would price training at its own full GPU-hour.
  const listUsdPerGpuHour = basis.kind === 'rented' ? basis.priceUsdPerGpuHour : gpuHourCost(basis, 1).totalUsdPerGpuHour;
  const priceSource = basis.kind === 'rented' ? (contract === null ? basis.sources?.priceUsdPerGpuHour : basis.sources?.onDemandUsdPerGpuHour) : undefined;
  rows.push({ name: 'serving', value: `${o.label}: ${o.gpus} ${o.gpu.id}, ${basis.kind} at $${listUsdPerGpuHour.toFixed(2)} per GPU-hour list${contract === null ? '' : ' (on demand)'}`, source: priceSource ?? 'the scenario' });
  rows.push({ name: 'gpuSecondsPerToken', value: `fresh input ${seconds.freshInput.toExponential(3)}, cached ${seconds.cachedInput.toExponential(3)}, output ${seconds.output.toExponential(3)}`, source: 'performance model: the cheapest operating point meeting the scenario\'s latency target (runOption); cached includes keeping and moving its KV' });
  rows.push({ name: 'utilization', value: `${o.utilization} of paid GPU-hours busy`, source: o.assumptions.find((x) => x.name === 'utilization')?.source ?? 'the scenario' });
  rows.push({ name: 'apiPrices', value: `$${o.prices.inputUsdPerMillion} / $${o.prices.cachedInputUsdPerMillion} / $${o.prices.outputUsdPerMillion} per million input / cached / output`, source: o.pricesDescription });
  const marginal = defaultMarginalCostBasis(o.gpu.id);
  rows.push({ name: 'marginal (power)', value: `${marginal.powerWattsPerGpu} W per GPU × PUE ${marginal.pue} × $${marginal.electricityUsdPerKwh}/kWh, idle ${marginal.idlePowerFraction} of full`, source: `ownership defaults of ${o.gpu.id}: ${marginal.sources?.powerWattsPerGpu ?? ''}` });

  const researchMultiple = pick('researchMultiple', 'researchMultiple', (x) => `${x}× the final run's compute`);
  const staffUsdPerYear = pick('staffUsdPerYear', 'staffUsdPerYear', (x) => `$${count(x)} a year`);
  const otherOperatingUsdPerYear = pick('otherOperatingUsdPerYear', 'otherOperatingUsdPerYear', (x) => `$${count(x)} a year`);
  const lifetimeMonths = pick('lifetimeMonths', 'lifetimeMonths', (x) => `${x} months of serving`);
  const output = pick('outputTokensPerMonth', 'outputTokensPerMonth', (x) => `${count(x)} a month`);
  const inputTokens = pick('inputTokensPerMonth', 'inputTokensPerMonth', (x) => `${count(x)} a month`);
  const hit = o.workload.prefixCacheHitRate;
  rows.push({ name: 'prefixCacheHitRate', value: `${hit} of prompt tokens cached`, source: o.assumptions.find((x) => x.name === 'workload.prefixCacheHitRate')?.source ?? 'the scenario' });
  const apiShare = pick('apiShare', 'apiShare', (x) => `${x} of output-equivalent tokens via the API`);
  const usdPerSeatMonth = pick('subscriptionUsdPerMonth', 'subscriptionUsdPerSeatMonth', (x) => `$${x} a month`);
  const tokensPerSeat = pick('subscriptionTokensPerMonth', 'subscriptionOutputEquivalentTokensPerSeatMonth', (x) => `${count(x)} output-equivalent a month`);
  let discountFraction: number;
  if (contract !== null && f.discount === undefined) {
    discountFraction = 1 - contract.contractUsdPerGpuHour / contract.onDemandUsdPerGpuHour;
    rows.push({ name: 'discountFraction', value: `${discountFraction.toFixed(3)} off on-demand list: the contract rate $${contract.contractUsdPerGpuHour.toFixed(2)} against $${contract.onDemandUsdPerGpuHour.toFixed(2)}`, source: `derived from the scenario's rented basis: ${scenarioBasis.kind === 'rented' ? scenarioBasis.sources?.priceUsdPerGpuHour ?? 'the scenario' : ''}` });
  } else discountFraction = pick('discount', 'discountFraction', (x) => `${x} off cloud list rates`);
  const rest: Omit<LabCostInput, 'training'> = {
    researchMultiple, staffUsdPerYear, otherOperatingUsdPerYear, lifetimeMonths,
    tokensPerMonth: requestMix(inputTokens, output, hit),
    revenue: { apiShare, apiPrices: o.prices, subscription: { usdPerSeatMonth, outputEquivalentTokensPerSeatMonth: tokensPerSeat } },
    gpuSecondsPerToken: seconds, utilization: o.utilization, servingCostBasis: basis, marginalCostBasis: marginal, discountFraction,
  };

  let training: TrainingCompute;
  if (f.trainingUsd !== undefined) {
    training = { kind: 'usd', usdAtListRates: f.trainingUsd };
    rows.push({ name: 'training', value: `$${count(f.trainingUsd)} at list rates`, source: givenBy('trainingUsd') });
  } else if (f.trainingFlop !== undefined) {
    const mfu = D.trainingMfu.value;
    const achieved = o.gpu.peakFlopPerSecond.bf16 * mfu;
    rows.push({ name: 'trainingMfu', value: `${mfu} × bf16 peak ${(o.gpu.peakFlopPerSecond.bf16 / TFLOP).toFixed(0)} TFLOP/s = ${(achieved / TFLOP).toFixed(0)} TFLOP/s per ${o.gpu.id}`, source: sourceText(D.trainingMfu) });
    rows.push({ name: 'trainingFlop', value: f.trainingFlop.toExponential(2), source: givenBy('trainingFlop') });
    training = { kind: 'flop', trainingFlop: f.trainingFlop, achievedFlopPerSecondPerGpu: achieved, listUsdPerGpuHour };
    rows.push({ name: 'trainingUsdPerGpuHour', value: `$${listUsdPerGpuHour.toFixed(2)} list`, source: 'the serving GPU\'s list price (above)' });
  } else {
    // The published split is of money, so the final run is priced as a multiple of the serving
    // compute that labCost itself computes: a run with no training gives that serving cost.
    const servingListUsd = labCost({ ...rest, training: { kind: 'usd', usdAtListRates: 0 } }).list.lifetimeUsd.serving;
    const share = D.trainingToServingCompute.value;
    training = { kind: 'usd', usdAtListRates: share * servingListUsd };
    rows.push({ name: 'trainingToServingCompute', value: `${share} × lifetime serving compute $${count(servingListUsd)} at list = $${count(share * servingListUsd)}`, source: sourceText(D.trainingToServingCompute) });
  }
  return { input: { ...rest, training }, assumptions: rows };
}

/** A count or an amount with a suffix: 2.5e14 → "250T", 4.03e7 → "40.3M", 1.8e25 → "1.80e25". */
export function count(x: number): string {
  if (x >= 1e18 || (x > 0 && x < 1)) return x.toExponential(2);
  for (const [unit, size] of [['T', TRILLION], ['B', BILLION], ['M', MILLION], ['k', THOUSAND]] as const) if (x >= size) return `${Number((x / size).toPrecision(3))}${unit}`;
  return String(Number(x.toPrecision(3)));
}
