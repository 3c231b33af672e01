import * as v from 'valibot';
import { KV_PRECISIONS, PRECISIONS } from '../precision.js';
import { SERVING_FRAMEWORKS } from '../perf/efficiency.js';

const nonNegative = v.pipe(v.number('a number'), v.finite(), v.minValue(0, 'a number >= 0'));
const positive = v.pipe(v.number('a number'), v.finite(), v.gtValue(0, 'a number > 0'));
const fraction = v.pipe(v.number('a number'), v.minValue(0, 'a number from 0 to 1'), v.maxValue(1, 'a number from 0 to 1'));
const count = v.pipe(v.number('a whole number'), v.integer('a whole number'), v.minValue(1, 'a whole number >= 1'));

const LayoutSchema = v.union([
  v.literal('best'),
  v.strictObject({ tp: count, pp: v.optional(count), ep: v.optional(count), dpAttention: v.optional(v.boolean()) }),
], 'the string "best" or {tp, pp?, ep?, dpAttention?}');

const WorkloadSchema = v.strictObject({
  inputTokens: v.optional(count),
  outputTokens: v.optional(count),
  prefixCacheHitRate: v.optional(fraction),
});

const LatencySchema = v.strictObject({
  minTokensPerSecondPerUser: v.optional(v.nullable(positive)),
  maxTtftSeconds: v.optional(v.nullable(positive)),
});

/** Prices: typed, the median of a model's providers in the price catalog, or one provider's list price. */
const PricesSchema = v.union([
  v.strictObject({ inputUsdPerMillion: nonNegative, cachedInputUsdPerMillion: v.optional(nonNegative), outputUsdPerMillion: nonNegative }),
  v.strictObject({ market: v.pipe(v.string(), v.minLength(1)) }),
  v.strictObject({ list: v.pipe(v.string(), v.minLength(1)), provider: v.optional(v.string()) }),
], 'typed prices {inputUsdPerMillion, cachedInputUsdPerMillion?, outputUsdPerMillion}, {market: model} or {list: model, provider?}');

const CostBasisSchema = v.union([
  v.strictObject({
    kind: v.literal('rented'),
    priceUsdPerGpuHour: v.optional(v.union([positive, v.literal('market')], 'a price > 0 or "market"')),
    commitment: v.optional(v.nullable(v.strictObject({ termHours: positive, minimumGpus: count }))),
  }),
  v.strictObject({
    kind: v.literal('owned'),
    capexUsdPerGpu: v.optional(positive),
    depreciationYears: v.optional(positive),
    residualValueFraction: v.optional(fraction),
    costOfCapitalPerYear: v.optional(nonNegative),
    powerWattsPerGpu: v.optional(positive),
    idlePowerFraction: v.optional(fraction),
    pue: v.optional(v.pipe(v.number(), v.minValue(1, 'a PUE >= 1'))),
    electricityUsdPerKwh: v.optional(nonNegative),
    datacenterUsdPerKwMonth: v.optional(nonNegative),
    operationsUsdPerGpuYear: v.optional(nonNegative),
  }),
  v.strictObject({
    kind: v.literal('marginal'),
    powerWattsPerGpu: v.optional(positive),
    idlePowerFraction: v.optional(fraction),
    pue: v.optional(v.pipe(v.number(), v.minValue(1, 'a PUE >= 1'))),
    electricityUsdPerKwh: v.optional(nonNegative),
  }),
], 'a cost basis {kind: rented | owned | marginal, ...}');

/** Demand for `inferonomics simulate`: an arrival rate shaped over the day, request sizes, the fleet. */
const DemandSchema = v.strictObject({
  requestsPerSecond: v.optional(positive),
  durationHours: v.optional(v.pipe(v.number(), v.gtValue(0, 'a number of hours > 0'), v.maxValue(24 * 28, 'at most 4 weeks'))),
  profile: v.optional(v.union([
    v.literal('flat'),
    v.pipe(v.array(nonNegative), v.length(24, '24 hourly values')),
    v.strictObject({ peakToAverage: v.pipe(v.number(), v.minValue(1, 'a ratio >= 1'), v.maxValue(12, 'a ratio <= 12')), peakHour: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(24))) }),
  ], '"flat", 24 hourly values, or {peakToAverage, peakHour}')),
  weekendMultiplier: v.optional(nonNegative),
  burst: v.optional(v.strictObject({ rateFactor: v.pipe(v.number(), v.minValue(1, 'a factor >= 1')), meanDurationSeconds: positive, shareOfTime: v.pipe(v.number(), v.minValue(0), v.maxValue(0.99, 'below 1')) })),
  inputTokensSigma: v.optional(nonNegative),
  outputTokensSigma: v.optional(nonNegative),
  seed: v.optional(v.pipe(v.number(), v.integer('a whole number'))),
  trace: v.optional(v.string()),
  /** Replay the trace at this many times its request rate over the same span (copies interleaved). */
  traceScale: v.optional(v.pipe(positive, v.maxValue(1000, 'at most 1000'))),
  prefixCache: v.optional(v.strictObject({ hbmShareOfKvCache: v.optional(fraction), hostDramBytesPerInstance: v.optional(nonNegative) })),
  /** A share of requests is free: admitted after paid ones at capacity, shed after waiting `shedAfterSeconds`. */
  /** Serve on disaggregated prefill and decode pools (the option's GPUs split as the frontier's cheapest such point); fleet sizes count such units. */
  disaggregated: v.optional(v.boolean()),
  freeTraffic: v.optional(v.strictObject({ share: fraction, shedAfterSeconds: v.optional(positive) })),
  /** An off-peak discount: `shiftShare` of the other hours' demand moves into the off-peak `hours` (default: those below the mean), which pay `discountFraction` less. */
  offPeak: v.optional(v.strictObject({
    discountFraction: fraction, shiftShare: fraction,
    hours: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer('a whole hour'), v.minValue(0, 'an hour from 0 to 23'), v.maxValue(23, 'an hour from 0 to 23'))), v.minLength(1, 'at least one hour'))),
  })),
  maxRequests: v.optional(count),
  fleet: v.optional(v.union([
    v.strictObject({ kind: v.literal('fixed'), instances: v.optional(count) }),
    v.strictObject({
      kind: v.literal('autoscale'), minInstances: v.optional(count), maxInstances: v.optional(count), headroom: v.optional(nonNegative),
      scaleUpLagSeconds: v.optional(nonNegative), evaluationSeconds: v.optional(positive), scaleDownDelaySeconds: v.optional(nonNegative),
      targetUtilization: v.optional(v.pipe(v.number(), v.gtValue(0, 'a number in (0, 1]'), v.maxValue(1, 'a number in (0, 1]'))),
    }),
    v.strictObject({ kind: v.literal('scheduled'), minInstances: v.optional(count), headroom: v.optional(nonNegative), scaleUpLagSeconds: v.optional(nonNegative), granularity: v.optional(count) }),
    v.strictObject({ kind: v.literal('smallest-meeting-slo'), maxInstances: v.optional(count) }),
  ], 'a fleet {kind: fixed, instances?}, {kind: autoscale, minInstances?, maxInstances?, headroom?, scaleUpLagSeconds?, evaluationSeconds?, scaleDownDelaySeconds?, targetUtilization?}, {kind: scheduled, minInstances?, headroom?, scaleUpLagSeconds?, granularity?} or {kind: smallest-meeting-slo, maxInstances?}')),
  commitment: v.optional(v.strictObject({ instances: v.optional(count), discountFraction: v.optional(fraction), priceUsdPerGpuHour: v.optional(positive) })),
});
export type DemandInput = v.InferOutput<typeof DemandSchema>;

/** Everything an option may set; every field is optional in `defaults` and may be overridden per option. */
const OptionFields = {
  label: v.optional(v.string()),
  model: v.optional(v.pipe(v.string(), v.minLength(1))),
  gpu: v.optional(v.pipe(v.string(), v.minLength(1))),
  gpus: v.optional(count),
  layout: v.optional(LayoutSchema),
  framework: v.optional(v.picklist(SERVING_FRAMEWORKS, `one of ${SERVING_FRAMEWORKS.join(', ')}`)),
  weightPrecision: v.optional(v.picklist([...PRECISIONS, 'native'], `one of native, ${PRECISIONS.join(', ')}`)),
  kvPrecision: v.optional(v.picklist(KV_PRECISIONS, `one of ${KV_PRECISIONS.join(', ')}`)),
  workload: v.optional(WorkloadSchema),
  latencyTarget: v.optional(LatencySchema),
  costBasis: v.optional(CostBasisSchema),
  prices: v.optional(PricesSchema),
  utilization: v.optional(v.pipe(v.number(), v.gtValue(0, 'a number in (0, 1]'), v.maxValue(1, 'a number in (0, 1]'))),
  demand: v.optional(DemandSchema),
};

export const OptionSchema = v.strictObject(OptionFields);
export type ScenarioOptionInput = v.InferOutput<typeof OptionSchema>;

/** A scenario file: a title, defaults shared by its options, and the options (served setups) to compare. */
export const ScenarioSchema = v.strictObject({
  $schema: v.optional(v.string()),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  defaults: v.optional(OptionSchema),
  options: v.pipe(v.array(OptionSchema), v.minLength(1, 'at least one option')),
});
export type ScenarioInput = v.InferOutput<typeof ScenarioSchema>;
