import * as v from 'valibot';
import { formatIssues } from '../../../src/core/problems.js';

/**
 * The shape a link's scenario option must have for the editor to hold it: each field of the type its
 * input shows (text, number, object), whatever its value. Values out of range pass here and are
 * shown by their field after the computation; a wrongly typed field (`"prices": "abc"`) cannot be
 * put into the editor, so the page starts the default scenario and says why. Each schema's message
 * is what its field expects, so its problem is written by the one formatter of input problems.
 */
const text = v.optional(v.string('a text'));
const numberOrNothing = v.optional(v.nullable(v.number('a number')));
const shape = v.looseObject({
  model: text,
  gpu: text,
  gpus: numberOrNothing,
  framework: text,
  weightPrecision: text,
  kvPrecision: text,
  layout: v.optional(v.union([
    v.literal('best'),
    v.looseObject({ tp: numberOrNothing, pp: numberOrNothing, ep: numberOrNothing, dpAttention: v.optional(v.boolean('true or false')) }),
  ], '"best" or {tp, pp, ep, dpAttention}')),
  workload: v.optional(v.looseObject({ inputTokens: numberOrNothing, outputTokens: numberOrNothing, prefixCacheHitRate: numberOrNothing })),
  latencyTarget: v.optional(v.looseObject({ minTokensPerSecondPerUser: numberOrNothing, maxTtftSeconds: numberOrNothing })),
  costBasis: v.optional(v.looseObject({ kind: v.picklist(['rented', 'owned', 'marginal'], 'one of rented, owned, marginal') })),
  prices: v.optional(v.union([
    v.looseObject({ inputUsdPerMillion: numberOrNothing, cachedInputUsdPerMillion: numberOrNothing, outputUsdPerMillion: numberOrNothing }),
    v.looseObject({ market: v.string() }),
    v.looseObject({ list: v.string() }),
  ], '{inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion}, {market: model} or {list: model}')),
  utilization: numberOrNothing,
});

/** The option under its name in the link, so every problem's path starts `option.`. */
const link = v.object({ option: shape });

/**
 * Every field of a link's option whose type the editor cannot hold, as `option.prices: expected …,
 * received "abc"`; empty when the option can be shown.
 *
 * @example linkShapeProblems({ prices: 'abc' }) // ['option.prices: expected {inputUsdPerMillion, …}, {market: model} or {list: model}, received "abc"']
 */
export function linkShapeProblems(option: unknown): string[] {
  const r = v.safeParse(link, { option });
  return r.success ? [] : formatIssues(r.issues);
}
