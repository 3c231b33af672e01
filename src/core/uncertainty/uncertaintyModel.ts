import { requestMix } from '../economics/prices.js';
import { tokenEconomics, type TokenEconomics } from '../economics/tokenEconomics.js';
import { InputError } from '../errors.js';
import { countParameters } from '../model/parameters.js';
import { effectiveCostBasis, type ResolvedOption } from '../scenario/index.js';
import { median, quantile, support, type Distribution } from './distribution.js';
import { INPUT_SPECS, type InputValues } from './inputs.js';
import type { UncertainInput } from './parseUncertainty.js';
import { PHYSICS_INPUT_NAMES } from './physicsAt.js';
import { buildSurrogate, type Surrogate } from './surrogate.js';

/** A scenario option with uncertain inputs, ready to evaluate at any point in microseconds. */
export interface UncertaintyModel {
  readonly option: ResolvedOption;
  readonly inputs: readonly UncertainInput[];
  /** The inputs that vary (every one but the `fixed`). */
  readonly varying: readonly UncertainInput[];
  /** The option's own value of every input, with the `fixed` inputs applied. */
  readonly baseValues: Readonly<InputValues>;
  /** `baseValues` with each varying input at its median. */
  readonly medianValues: Readonly<InputValues>;
  readonly surrogate: Surrogate;
  /** Notes on the result (grid nodes that miss the latency target). */
  readonly warnings: readonly string[];
  /** The money at one point: the surrogate's GPU-seconds per token, then `tokenEconomics`. */
  evaluate(values: Readonly<InputValues>): TokenEconomics;
}

/** The option's own value of every named input (the GPU price is NaN for a basis that is not rented). */
export function optionValues(o: ResolvedOption): InputValues {
  const params = countParameters(o.model);
  return {
    gpuPriceUsdPerHour: o.costBasis.kind === 'rented' ? o.costBasis.priceUsdPerGpuHour : Number.NaN,
    utilization: o.utilization,
    inputPriceUsdPerMillion: o.prices.inputUsdPerMillion,
    cachedInputPriceUsdPerMillion: o.prices.cachedInputUsdPerMillion,
    outputPriceUsdPerMillion: o.prices.outputUsdPerMillion,
    totalParams: params.total,
    activeParams: params.active,
    inputTokens: o.workload.inputTokens,
    outputTokens: o.workload.outputTokens,
    prefixCacheHitRate: o.workload.prefixCacheHitRate,
  };
}

/** Grid points per physics dimension when the file sets none: 5 for up to two dimensions, 4 for three, else 3. */
export function defaultPointsPerDimension(dimensions: number): number {
  return dimensions <= 2 ? 5 : dimensions === 3 ? 4 : 3;
}

/** The range the surrogate's grid spans: a bounded distribution's support, an unbounded one's 0.1-99.9% quantiles. */
function gridRange(d: Distribution): { low: number; high: number } {
  return d.kind === 'normal' || d.kind === 'lognormal' ? { low: quantile(d, 0.001), high: quantile(d, 0.999) } : support(d);
}

/**
 * Builds the model of `option` with `inputs` uncertain: checks that each input applies (the GPU
 * price needs a rented basis; active parameters must stay below total), then builds the surrogate
 * over the physics inputs that vary (one physics run per grid node; see `buildSurrogate`). When a
 * size input is given the model is `syntheticMoe` of the sampled size, the other size the base
 * model's own count.
 * @throws InputError naming the input that does not apply, or a grid node that does not fit
 */
export function buildUncertaintyModel(option: ResolvedOption, inputs: readonly UncertainInput[], settings: { readonly pointsPerDimension?: number } = {}): UncertaintyModel {
  const basis = effectiveCostBasis(option);
  if (option.costBasis.kind !== 'rented' && inputs.some((x) => x.name === 'gpuPriceUsdPerHour')) {
    throw new InputError('uncertain', 'gpuPriceUsdPerHour', 'an input of this option', `gpuPriceUsdPerHour applies to a rented cost basis; the base option's is ${option.costBasis.kind}`);
  }
  const baseValues = optionValues(option);
  for (const x of inputs) if (x.distribution.kind === 'fixed') baseValues[x.name] = x.distribution.value;
  const varying = inputs.filter((x) => x.distribution.kind !== 'fixed');
  const medianValues = { ...baseValues };
  for (const x of varying) medianValues[x.name] = median(x.distribution);
  const range = (name: 'totalParams' | 'activeParams') => {
    const x = inputs.find((i) => i.name === name);
    return x === undefined ? { low: baseValues[name], high: baseValues[name] } : support(x.distribution);
  };
  const synthetic = inputs.some((x) => x.name === 'totalParams' || x.name === 'activeParams');
  if (synthetic && range('activeParams').high >= range('totalParams').low) {
    throw new InputError('uncertain', 'activeParams', 'active parameters below total', `activeParams reaches ${range('activeParams').high.toPrecision(3)}, not below the lowest totalParams ${range('totalParams').low.toPrecision(3)}`);
  }
  // The margin is a share of revenue: it needs revenue at every sample. Every request has output
  // tokens, so a price of output above 0 suffices, or input and cached-input prices both above 0.
  const lowest = (name: 'inputPriceUsdPerMillion' | 'cachedInputPriceUsdPerMillion' | 'outputPriceUsdPerMillion') => {
    const x = varying.find((i) => i.name === name);
    return x === undefined ? baseValues[name] : support(x.distribution).low;
  };
  if (!(lowest('outputPriceUsdPerMillion') > 0) && !(lowest('inputPriceUsdPerMillion') > 0 && lowest('cachedInputPriceUsdPerMillion') > 0)) {
    throw new InputError('uncertain', 'outputPriceUsdPerMillion', 'prices that keep some revenue',
      `outputPriceUsdPerMillion reaches ${lowest('outputPriceUsdPerMillion')}: with zero prices there is no revenue and no margin; expected the output price, or both input prices, to stay above 0`);
  }
  const physics = varying.filter((x) => INPUT_SPECS[x.name].side === 'physics');
  const fixed = Object.fromEntries(PHYSICS_INPUT_NAMES.map((n) => [n, baseValues[n]])) as Record<(typeof PHYSICS_INPUT_NAMES)[number], number>;
  const surrogate = buildSurrogate(option, fixed, physics.map((x) => ({ name: x.name, ...gridRange(x.distribution) })),
    settings.pointsPerDimension ?? defaultPointsPerDimension(physics.length), synthetic);
  const missed = surrogate.nodes.filter((n) => !n.meetsLatencyTarget).length;
  const warnings = missed === 0 ? [] : [`${missed} of ${surrogate.nodes.length} grid nodes cannot meet the latency target; there the cheapest point is used anyway`];
  if (option.deployment !== undefined && option.costBasis.kind === 'rented' && option.costBasis.commitment !== null) {
    warnings.push(`the committed minimum of ${option.costBasis.commitment.minimumGpus} GPUs is priced against the base's chosen ${option.gpus} GPUs at every sample, not each grid node's own count`);
  }
  const rented = basis.kind === 'rented';
  // A committed minimum above the GPUs used scales the price per used GPU-hour (effectiveCostBasis).
  const priceScale = rented && option.costBasis.kind === 'rented' ? basis.priceUsdPerGpuHour / option.costBasis.priceUsdPerGpuHour : 1;

  const evaluate = (v: Readonly<InputValues>): TokenEconomics => tokenEconomics(
    surrogate.secondsAt(v),
    requestMix(v.inputTokens, v.outputTokens, v.prefixCacheHitRate),
    { inputUsdPerMillion: v.inputPriceUsdPerMillion, cachedInputUsdPerMillion: v.cachedInputPriceUsdPerMillion, outputUsdPerMillion: v.outputPriceUsdPerMillion },
    rented ? { ...basis, priceUsdPerGpuHour: v.gpuPriceUsdPerHour * priceScale } : basis,
    v.utilization,
  );
  return { option, inputs, varying, baseValues, medianValues, surrogate, warnings, evaluate };
}
