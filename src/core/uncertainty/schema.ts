import * as v from 'valibot';
import { finiteNumber, positive } from '../numberSchemas.js';
import { DISTRIBUTION_KINDS } from './distribution.js';
import { UNCERTAIN_INPUT_NAMES } from './inputs.js';

const finite = finiteNumber();

/** A distribution, by `kind`: every parameter finite, ranges ordered, scales positive. */
export const DistributionSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('fixed'), value: finite }),
  v.pipe(
    v.strictObject({ kind: v.literal('uniform'), low: finite, high: finite }),
    v.forward(v.partialCheck([['low'], ['high']], (d) => d.high > d.low, 'a number > low'), ['high']),
  ),
  v.pipe(
    v.strictObject({ kind: v.literal('loguniform'), low: positive, high: finite }),
    v.forward(v.partialCheck([['low'], ['high']], (d) => d.high > d.low, 'a number > low'), ['high']),
  ),
  v.pipe(
    v.strictObject({ kind: v.literal('triangular'), low: finite, mode: finite, high: finite }),
    v.forward(v.partialCheck([['low'], ['mode']], (d) => d.mode >= d.low, 'a number >= low'), ['mode']),
    v.forward(v.partialCheck([['mode'], ['high']], (d) => d.high >= d.mode, 'a number >= mode'), ['high']),
    v.forward(v.partialCheck([['low'], ['high']], (d) => d.high > d.low, 'a number > low'), ['high']),
  ),
  v.strictObject({ kind: v.literal('normal'), mean: finite, sd: positive }),
  v.strictObject({ kind: v.literal('lognormal'), median: positive, sigma: positive }),
], `one of ${DISTRIBUTION_KINDS.join(', ')}`);

/** One uncertain input: a known name, its distribution and, optionally, where the distribution came from. */
export const UncertainInputSchema = v.strictObject({
  name: v.picklist(UNCERTAIN_INPUT_NAMES, `one of ${UNCERTAIN_INPUT_NAMES.join(', ')}`),
  distribution: DistributionSchema,
  source: v.optional(v.string()),
});

/**
 * An uncertainty file: a base scenario option (validated as in `scenario/schema.ts`), the inputs
 * that vary, and the run's sample count, seed and surrogate grid.
 */
export const UncertaintyFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  title: v.optional(v.string()),
  description: v.optional(v.string()),
  base: v.optional(v.unknown()),
  uncertain: v.pipe(v.array(UncertainInputSchema), v.minLength(1, 'at least one uncertain input')),
  samples: v.optional(v.pipe(v.number('a whole number'), v.integer('a whole number'), v.minValue(1, 'a whole number >= 1'), v.maxValue(10_000_000, 'at most 10,000,000'))),
  seed: v.optional(v.pipe(v.number('a whole number'), v.integer('a whole number'))),
  surrogate: v.optional(v.strictObject({
    pointsPerDimension: v.optional(v.pipe(v.number('a whole number'), v.integer('a whole number'), v.minValue(2, 'a whole number from 2 to 9'), v.maxValue(9, 'a whole number from 2 to 9'))),
  })),
});
