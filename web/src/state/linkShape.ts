import * as v from 'valibot';
import { describeValue } from '../../../src/core/scenario/parseScenario.js';

/**
 * The shape a link's scenario option must have for the editor to hold it: each field of the type its
 * input shows (text, number, object), whatever its value. Values out of range pass here and are
 * shown by their field after the computation; a wrongly typed field (`"prices": "abc"`) cannot be
 * put into the editor, so the page starts the default scenario and says why.
 */
const text = v.optional(v.string());
const numberOrNothing = v.optional(v.nullable(v.number()));
const shape = v.looseObject({
  model: text,
  gpu: text,
  gpus: numberOrNothing,
  framework: text,
  weightPrecision: text,
  kvPrecision: text,
  layout: v.optional(v.union([v.literal('best'), v.looseObject({ tp: numberOrNothing, pp: numberOrNothing, ep: numberOrNothing, dpAttention: v.optional(v.boolean()) })])),
  workload: v.optional(v.looseObject({ inputTokens: numberOrNothing, outputTokens: numberOrNothing, prefixCacheHitRate: numberOrNothing })),
  latencyTarget: v.optional(v.looseObject({ minTokensPerSecondPerUser: numberOrNothing, maxTtftSeconds: numberOrNothing })),
  costBasis: v.optional(v.looseObject({ kind: v.picklist(['rented', 'owned', 'marginal']) })),
  prices: v.optional(v.union([
    v.looseObject({ inputUsdPerMillion: numberOrNothing, cachedInputUsdPerMillion: numberOrNothing, outputUsdPerMillion: numberOrNothing }),
    v.looseObject({ market: v.string() }),
    v.looseObject({ list: v.string() }),
  ])),
  utilization: numberOrNothing,
});

const EXPECTED: Readonly<Record<string, string>> = {
  layout: '"best" or {tp, pp, ep, dpAttention}',
  prices: '{inputUsdPerMillion, cachedInputUsdPerMillion, outputUsdPerMillion}, {market: model} or {list: model}',
  'costBasis.kind': 'one of rented, owned, marginal',
};

const TYPE_NAMES: Readonly<Record<string, string>> = { number: 'a number', string: 'text', Object: 'an object', boolean: 'true or false' };

/**
 * Every field of a link's option whose type the editor cannot hold, as `option.prices: expected …,
 * received "abc"`; empty when the option can be shown.
 *
 * @example linkShapeProblems({ prices: 'abc' }) // ['option.prices: expected {inputUsdPerMillion, …}, {market: model} or {list: model}, received "abc"']
 */
export function linkShapeProblems(option: unknown): string[] {
  const r = v.safeParse(shape, option);
  if (r.success) return [];
  return r.issues.map((issue) => {
    const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
    const expected = EXPECTED[path] ?? TYPE_NAMES[issue.expected ?? ''] ?? issue.expected ?? 'another type';
    return `option.${path}: expected ${expected}, received ${describeValue(issue.input)}`;
  });
}
