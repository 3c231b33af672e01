import * as v from 'valibot';
import { KV_PRECISIONS, PRECISIONS } from '../precision.js';
import { SERVING_FRAMEWORKS } from '../perf/efficiency.js';
import { LIMITS } from '../limits.js';
import { expectedText, fraction, inRange, numberIn, positiveFraction, text, wholeIn, wholeNumberIn } from '../numberSchemas.js';
import { COST_SPLITS } from '../economics/costSplit.js';
import { OWNERS } from '../money/costBasis.js';

const count = wholeIn('accelerators');
const gpuHourUsd = inRange('gpuHourUsd', '>');

const LayoutSchema = v.union([
  v.literal('best'),
  v.strictObject({ tp: count, pp: v.optional(count), ep: v.optional(count), dpAttention: v.optional(v.boolean()) }),
], 'the string "best" or {tp, pp?, ep?, dpAttention?}');

const WorkloadSchema = v.strictObject({
  inputTokens: v.optional(wholeIn('inputTokens')),
  outputTokens: v.optional(wholeIn('outputTokens')),
  prefixCacheHitRate: v.optional(fraction),
});

const LatencySchema = v.strictObject({
  minTokensPerSecondPerUser: v.optional(v.nullable(inRange('tokensPerSecondPerUser', '>'))),
  maxTtftSeconds: v.optional(v.nullable(inRange('ttftSeconds', '>'))),
});

/** Prices: typed, the median of a model's providers in the price catalog, or one provider's list price. */
const PricesSchema = v.union([
  v.strictObject({ inputUsdPerMillion: inRange('priceUsdPerMillion'), cachedInputUsdPerMillion: v.optional(inRange('priceUsdPerMillion')), outputUsdPerMillion: inRange('priceUsdPerMillion') }),
  v.strictObject({ market: text('a model id') }),
  v.strictObject({ list: text('a model id'), provider: v.optional(text('a provider name')) }),
], 'typed prices {inputUsdPerMillion, cachedInputUsdPerMillion?, outputUsdPerMillion}, {market: model} or {list: model, provider?}');

const CostBasisSchema = v.variant('kind', [
  v.strictObject({
    kind: v.literal('rented'),
    priceUsdPerGpuHour: v.optional(v.union([gpuHourUsd, v.literal('market'), v.literal('contract')], `${expectedText(gpuHourUsd)} (USD), "contract" (the default: a 3-year or 1-year contract rate) or "market" (the median on-demand price)`)),
    commitment: v.optional(v.nullable(v.strictObject({ termHours: inRange('termHours', '>'), minimumGpus: count }))),
  }),
  v.strictObject({
    kind: v.literal('owned'),
    owner: v.optional(v.picklist(OWNERS, `one of ${OWNERS.join(', ')} (whose defaults fill the fields not given; default hyperscaler)`)),
    capexUsdPerGpu: v.optional(inRange('capexUsdPerGpu', '>')),
    depreciationYears: v.optional(inRange('depreciationYears', '>')),
    residualValueFraction: v.optional(fraction),
    costOfCapitalPerYear: v.optional(inRange('costOfCapitalPerYear')),
    powerWattsPerGpu: v.optional(inRange('powerWattsPerGpu', '>')),
    idlePowerFraction: v.optional(fraction),
    pue: v.optional(inRange('pue')),
    electricityUsdPerKwh: v.optional(inRange('electricityUsdPerKwh')),
    datacenterUsdPerKwMonth: v.optional(inRange('datacenterUsdPerKwMonth')),
    operationsUsdPerGpuYear: v.optional(inRange('operationsUsdPerGpuYear')),
  }),
  v.strictObject({
    kind: v.literal('marginal'),
    owner: v.optional(v.picklist(OWNERS, `one of ${OWNERS.join(', ')} (whose defaults fill the fields not given; default hyperscaler)`)),
    powerWattsPerGpu: v.optional(inRange('powerWattsPerGpu', '>')),
    idlePowerFraction: v.optional(fraction),
    pue: v.optional(inRange('pue')),
    electricityUsdPerKwh: v.optional(inRange('electricityUsdPerKwh')),
  }),
], 'a cost basis {kind: rented | owned | marginal, ...}');

/** Demand for `inferonomics simulate`: an arrival rate shaped over the day, request sizes, the fleet. */
const DemandSchema = v.strictObject({
  requestsPerSecond: v.optional(inRange('requestsPerSecond', '>')),
  durationHours: v.optional(inRange('simulatedHours', '>')),
  profile: v.optional(v.union([
    v.literal('flat'),
    v.pipe(v.array(inRange('rateMultiplier')), v.length(24, '24 hourly values')),
    v.strictObject({ peakToAverage: inRange('peakToAverage'), peakHour: v.optional(numberIn(0, 24)) }),
  ], '"flat", 24 hourly values, or {peakToAverage, peakHour}')),
  weekendMultiplier: v.optional(inRange('rateMultiplier')),
  burst: v.optional(v.strictObject({
    rateFactor: numberIn(1, LIMITS.rateMultiplier.max),
    meanDurationSeconds: inRange('burstSeconds'),
    shareOfTime: numberIn(0, 0.99),
  })),
  inputTokensSigma: v.optional(inRange('sizeSigma')),
  outputTokensSigma: v.optional(inRange('sizeSigma')),
  seed: v.optional(wholeIn('seed')),
  trace: v.optional(text('a trace file path')),
  /** Replay the trace at this many times its request rate over the same span (copies interleaved). */
  traceScale: v.optional(inRange('traceScale', '>')),
  prefixCache: v.optional(v.strictObject({ hbmShareOfKvCache: v.optional(fraction), hostDramBytesPerInstance: v.optional(inRange('hostDramBytes')) })),
  /** Serve on disaggregated prefill and decode pools (the option's GPUs split as the frontier's cheapest such point); fleet sizes count such units. */
  disaggregated: v.optional(v.boolean()),
  /** A share of requests is free: admitted after paid ones at capacity, shed after waiting `shedAfterSeconds`. */
  freeTraffic: v.optional(v.strictObject({ share: fraction, shedAfterSeconds: v.optional(inRange('ttftSeconds', '>')) })),
  /** An off-peak discount: `shiftShare` of the other hours' demand moves into the off-peak `hours` (default: those below the mean), which pay `discountFraction` less. */
  offPeak: v.optional(v.strictObject({
    discountFraction: fraction, shiftShare: fraction,
    hours: v.optional(v.pipe(v.array(wholeNumberIn(0, 23)), v.minLength(1, 'at least one hour'))),
  })),
  maxRequests: v.optional(wholeIn('simulatedRequests')),
  fleet: v.optional(v.variant('kind', [
    v.strictObject({ kind: v.literal('fixed'), instances: v.optional(wholeIn('instances')) }),
    v.strictObject({
      kind: v.literal('autoscale'), minInstances: v.optional(wholeIn('instances')), maxInstances: v.optional(wholeIn('instances')), headroom: v.optional(inRange('headroom')),
      scaleUpLagSeconds: v.optional(inRange('scaleUpLagSeconds')), evaluationSeconds: v.optional(inRange('burstSeconds')), scaleDownDelaySeconds: v.optional(inRange('scaleUpLagSeconds')),
      targetUtilization: v.optional(positiveFraction),
    }),
    v.strictObject({ kind: v.literal('scheduled'), minInstances: v.optional(wholeIn('instances')), headroom: v.optional(inRange('headroom')), scaleUpLagSeconds: v.optional(inRange('scaleUpLagSeconds')), granularity: v.optional(wholeIn('instances')) }),
    v.strictObject({ kind: v.literal('smallest-meeting-slo'), maxInstances: v.optional(wholeIn('instances')) }),
  ], 'a fleet {kind: fixed, instances?}, {kind: autoscale, minInstances?, maxInstances?, headroom?, scaleUpLagSeconds?, evaluationSeconds?, scaleDownDelaySeconds?, targetUtilization?}, {kind: scheduled, minInstances?, headroom?, scaleUpLagSeconds?, granularity?} or {kind: smallest-meeting-slo, maxInstances?}')),
});
export type DemandInput = v.InferOutput<typeof DemandSchema>;

/** Everything an option may set; every field is optional in `defaults` and may be overridden per option. */
const OptionFields = {
  label: v.optional(v.string('a text')),
  model: v.optional(text('a model id or config.json path')),
  gpu: v.optional(text('an accelerator id')),
  /** The GPUs of one deployment, or "auto" (the default): the count with the least cost per token that meets the latency target (`chooseDeployment`). */
  gpus: v.optional(v.union([count, v.literal('auto')], `${expectedText(count)}, or "auto"`)),
  layout: v.optional(LayoutSchema),
  framework: v.optional(v.picklist(SERVING_FRAMEWORKS, `one of ${SERVING_FRAMEWORKS.join(', ')}`)),
  weightPrecision: v.optional(v.picklist([...PRECISIONS, 'native'], `one of native, ${PRECISIONS.join(', ')}`)),
  kvPrecision: v.optional(v.picklist(KV_PRECISIONS, `one of ${KV_PRECISIONS.join(', ')}`)),
  workload: v.optional(WorkloadSchema),
  latencyTarget: v.optional(LatencySchema),
  costBasis: v.optional(CostBasisSchema),
  prices: v.optional(PricesSchema),
  utilization: v.optional(positiveFraction),
  demand: v.optional(DemandSchema),
  /** Who pays for which GPU-second: `phase` (default) or `marginal` (economics/costSplit.ts). */
  costSplit: v.optional(v.picklist(COST_SPLITS, `one of ${COST_SPLITS.join(', ')}`)),
};

export const OptionSchema = v.strictObject(OptionFields);
export type ScenarioOptionInput = v.InferOutput<typeof OptionSchema>;

/** A scenario file: a title, defaults shared by its options, and the options (served setups) to compare. */
export const ScenarioSchema = v.strictObject({
  $schema: v.optional(v.string('a text')),
  title: v.optional(v.string('a text')),
  description: v.optional(v.string('a text')),
  defaults: v.optional(OptionSchema),
  options: v.pipe(v.array(OptionSchema, 'a list of options'), v.minLength(1, 'at least one option'), v.maxLength(LIMITS.scenarioOptions.max, `at most ${LIMITS.scenarioOptions.max.toLocaleString('en-US')} options`)),
});
export type ScenarioInput = v.InferOutput<typeof ScenarioSchema>;
