import { InputError } from '../errors.js';
import { support } from './distribution.js';
import { describeDomain, inDomain, INPUT_SPECS, type UncertainInputName } from './inputs.js';
import { findRoot } from './findRoot.js';
import type { UncertaintyModel } from './uncertaintyModel.js';
import { outputOf } from './outputs.js';

/** The break-even of one input: where margin is zero with every other input at its median. */
export interface BreakEven {
  readonly input: UncertainInputName;
  /** The range searched: the input's distribution's support, or the one given. */
  readonly low: number;
  readonly high: number;
  readonly rangeFrom: 'distribution' | 'given';
  readonly marginAtLow: number;
  readonly marginAtHigh: number;
  /** The input's value at which margin is 0; null when margin keeps its sign over the range. */
  readonly value: number | null;
  readonly marginAtValue: number | null;
  /** Why there is no value ("no break-even in [low, high]: ..."); null when there is one. */
  readonly reason: string | null;
  /** Sign changes of margin seen over the scan of the range: more than 1 means several break-evens (the lowest is given). */
  readonly crossings: number;
}

/** Points the range is scanned at (evenly in the input's scale) before the root is polished. */
const SCAN_POINTS = 65;
/** The solver's tolerances: margin within 1e-9 of zero and the value within 1e-6 relative. */
const MARGIN_TOLERANCE = 1e-9;
const VALUE_RELATIVE_TOLERANCE = 1e-6;

const percent = (x: number) => `${(100 * x).toPrecision(3)}%`;

/**
 * "What must be true": the value of `input` at which the margin is zero, every other input at its
 * median (the same surrogate-and-`tokenEconomics` evaluation as each Monte Carlo sample, so the
 * value plugged back gives margin 0 in the model). The range is the input's distribution's support
 * (the 1e-9 tails of an unbounded one) or `range`. The range is scanned at 65 points for a sign
 * change of margin, then the first bracket is polished by Brent's method (`findRoot`) to
 * |margin| ≤ 1e-9 and the value within 1e-6 relative. When margin keeps its sign, the value is null
 * and `reason` says "no break-even in [low, high]" and which way margin stays.
 * Example: the GPU price at which a rented option breaks even is its revenue per paid GPU-hour.
 * @throws InputError when the input is fixed or not uncertain and no range is given, or the range is bad
 */
export function breakEven(model: UncertaintyModel, input: UncertainInputName, range?: { readonly low: number; readonly high: number }): BreakEven {
  if (input === 'gpuPriceUsdPerHour' && model.option.costBasis.kind !== 'rented') {
    throw new InputError('--solve', input, 'an input of this option', `gpuPriceUsdPerHour applies to a rented cost basis; the base option's is ${model.option.costBasis.kind}`);
  }
  const uncertain = model.varying.find((x) => x.name === input);
  if (range === undefined && uncertain === undefined) {
    throw new InputError('--solve', input, 'an uncertain input, or a range', `${input} does not vary in this scenario (it is ${model.baseValues[input]}); give a range to search`);
  }
  const { low, high } = range ?? support((uncertain as NonNullable<typeof uncertain>).distribution);
  if (!(low < high) || !inDomain(input, low) || !inDomain(input, high)) {
    throw new InputError('--range', `${low},${high}`, `low < high, both in ${describeDomain(input)}`);
  }
  const marginAt = (x: number) => outputOf(model.evaluate({ ...model.medianValues, [input]: x }), 'margin');
  const log = INPUT_SPECS[input].scale === 'log' && low > 0;
  const xs = Array.from({ length: SCAN_POINTS }, (_, i) => {
    if (i === 0) return low;
    if (i === SCAN_POINTS - 1) return high;
    const f = i / (SCAN_POINTS - 1);
    return log ? Math.exp(Math.log(low) + f * (Math.log(high) - Math.log(low))) : low + f * (high - low);
  });
  const ms = xs.map(marginAt);
  const marginAtLow = ms[0] as number;
  const marginAtHigh = ms.at(-1) as number;
  let crossings = 0;
  let first = -1;
  for (let i = 0; i + 1 < ms.length; i++) {
    const a = ms[i] as number;
    const b = ms[i + 1] as number;
    if (a === 0 || (a < 0) !== (b < 0) && b !== 0) {
      crossings++;
      if (first < 0) first = i;
    }
  }
  if (ms.at(-1) === 0 && first < 0) {
    crossings = 1;
    first = ms.length - 2;
  }
  const result = { input, low, high, rangeFrom: range === undefined ? 'distribution' as const : 'given' as const, marginAtLow, marginAtHigh, crossings };
  if (first < 0) {
    const way = marginAtLow > 0 ? 'positive' : 'negative';
    return { ...result, value: null, marginAtValue: null, reason: `no break-even in [${low.toPrecision(4)}, ${high.toPrecision(4)}]: margin stays ${way}, ${percent(marginAtLow)} at ${low.toPrecision(4)} and ${percent(marginAtHigh)} at ${high.toPrecision(4)}` };
  }
  const root = findRoot(marginAt, xs[first] as number, xs[first + 1] as number, {
    fTolerance: MARGIN_TOLERANCE, xRelativeTolerance: VALUE_RELATIVE_TOLERANCE, xAbsoluteTolerance: 1e-12 * (high - low),
  });
  if (!root.converged) {
    return { ...result, value: null, marginAtValue: null, reason: `no break-even in [${low.toPrecision(4)}, ${high.toPrecision(4)}]: margin jumps across zero near ${root.x.toPrecision(6)} (${percent(root.fx)} there)` };
  }
  return { ...result, value: root.x, marginAtValue: root.fx, reason: null };
}
