import { quantile } from './distribution.js';
import type { UncertainInputName } from './inputs.js';
import { outputOf, type OutputName } from './outputs.js';
import type { UncertaintyModel } from './uncertaintyModel.js';

export interface TornadoRow {
  readonly name: UncertainInputName;
  /** The input's low and high percentiles (p10 and p90 by default). */
  readonly lowValue: number;
  readonly highValue: number;
  /** The output with this input at its low and its high value, every other input at its median. */
  readonly outputAtLow: number;
  readonly outputAtHigh: number;
  /** |outputAtHigh − outputAtLow|. */
  readonly swing: number;
}

export interface Tornado {
  readonly output: OutputName;
  /** The output with every input at its median. */
  readonly outputAtMedians: number;
  readonly lowProbability: number;
  readonly highProbability: number;
  /** Widest swing first (ties by name). */
  readonly rows: readonly TornadoRow[];
}

/**
 * One-at-a-time sensitivity: each varying input moved from its p10 to its p90 with every other at
 * its median, ranked by how far that moves `output`. The swings do not add up to the spread of the
 * Monte Carlo result when inputs interact (margin is a ratio), but the order says which input to
 * pin down first.
 * Example: `tornado(model, 'margin').rows[0].name` is the input that moves margin most.
 */
export function tornado(model: UncertaintyModel, output: OutputName, lowProbability = 0.1, highProbability = 0.9): Tornado {
  const at = (name: UncertainInputName, x: number) => outputOf(model.evaluate({ ...model.medianValues, [name]: x }), output);
  const rows = model.varying.map((input): TornadoRow => {
    const lowValue = quantile(input.distribution, lowProbability);
    const highValue = quantile(input.distribution, highProbability);
    const outputAtLow = at(input.name, lowValue);
    const outputAtHigh = at(input.name, highValue);
    return { name: input.name, lowValue, highValue, outputAtLow, outputAtHigh, swing: Math.abs(outputAtHigh - outputAtLow) };
  });
  rows.sort((a, b) => b.swing - a.swing || a.name.localeCompare(b.name));
  return { output, outputAtMedians: outputOf(model.evaluate(model.medianValues), output), lowProbability, highProbability, rows };
}
