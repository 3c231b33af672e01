import { LIMITS } from '../limits.js';
/**
 * The inputs of a scenario that may be uncertain, by name. `money` inputs only change the money
 * (they go straight through `tokenEconomics` for each sample); `physics` inputs change the
 * GPU-seconds each token costs, which the surrogate interpolates over a grid of physics runs.
 */
export const UNCERTAIN_INPUT_NAMES = [
  'gpuPriceUsdPerHour',
  'utilization',
  'inputPriceUsdPerMillion',
  'cachedInputPriceUsdPerMillion',
  'outputPriceUsdPerMillion',
  'totalParams',
  'activeParams',
  'inputTokens',
  'outputTokens',
  'prefixCacheHitRate',
] as const;
export type UncertainInputName = (typeof UNCERTAIN_INPUT_NAMES)[number];

/** A value for every named input: one point of the scenario. */
export type InputValues = Record<UncertainInputName, number>;

export interface InputSpec {
  readonly side: 'money' | 'physics';
  readonly unit: string;
  readonly description: string;
  /** The values the model accepts: [min, max], an end left out where `…Exclusive`. */
  readonly min: number;
  readonly minExclusive: boolean;
  readonly max: number;
  readonly maxExclusive: boolean;
  /** How the surrogate spaces its grid and the solver its scan: by ratio (log) or by difference. */
  readonly scale: 'log' | 'linear';
  /** Grid nodes are rounded to whole numbers (token counts). */
  readonly integer: boolean;
}

const spec = (side: InputSpec['side'], unit: string, description: string, domain: [number, boolean, number, boolean], scale: InputSpec['scale'], integer = false): InputSpec =>
  ({ side, unit, description, min: domain[0], minExclusive: domain[1], max: domain[2], maxExclusive: domain[3], scale, integer });

// Finite upper ends, the same as a scenario's fields (LIMITS), so that no sample overflows.
const price: [number, boolean, number, boolean] = [0, false, LIMITS.priceUsdPerMillion.max, false];

export const INPUT_SPECS: Readonly<Record<UncertainInputName, InputSpec>> = {
  gpuPriceUsdPerHour: spec('money', 'USD per GPU-hour', 'rental price of one GPU-hour (a rented cost basis only)', [0, true, LIMITS.gpuHourUsd.max, false], 'log'),
  utilization: spec('money', 'fraction', 'busy share of paid GPU-hours', [0, true, 1, false], 'linear'),
  inputPriceUsdPerMillion: spec('money', 'USD per million tokens', 'price of a million fresh input tokens', price, 'linear'),
  cachedInputPriceUsdPerMillion: spec('money', 'USD per million tokens', 'price of a million cached input tokens', price, 'linear'),
  outputPriceUsdPerMillion: spec('money', 'USD per million tokens', 'price of a million output tokens', price, 'linear'),
  totalParams: spec('physics', 'parameters', 'total parameters of a hypothetical MoE (syntheticMoe)', [0, true, 1e14, false], 'log'),
  activeParams: spec('physics', 'parameters', 'active parameters per token of a hypothetical MoE (syntheticMoe)', [0, true, 2e11, false], 'log'),
  inputTokens: spec('physics', 'tokens', 'prompt tokens of a request', [1, false, LIMITS.inputTokens.max, false], 'log', true),
  outputTokens: spec('physics', 'tokens', 'output tokens of a request', [1, false, LIMITS.outputTokens.max, false], 'log', true),
  prefixCacheHitRate: spec('physics', 'fraction', 'share of prompt tokens served from the prefix cache', [0, false, 1, false], 'linear'),
};

/** Whether `x` is a value `name` accepts. Example: `inDomain('utilization', 0)` is false. */
export function inDomain(name: UncertainInputName, x: number): boolean {
  const s = INPUT_SPECS[name];
  return Number.isFinite(x) && (s.minExclusive ? x > s.min : x >= s.min) && (s.maxExclusive ? x < s.max : x <= s.max);
}

/** The accepted values as an interval. Example: `describeDomain('utilization')` is `(0, 1]`. */
export function describeDomain(name: UncertainInputName): string {
  const s = INPUT_SPECS[name];
  return `${s.minExclusive ? '(' : '['}${s.min}, ${s.max === Infinity ? '∞)' : `${s.max}${s.maxExclusive ? ')' : ']'}`}`;
}
