import * as v from 'valibot';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import data from './priceSchedules.json' with { type: 'json' };
import type { Source } from '../sourced.js';


/** USD per million tokens of each kind; null where the provider publishes no such price. */
export interface TokenPriceSet {
  readonly inputUsdPerMillion: number;
  /** A prompt token read from the prefix cache; null: it pays the input price. */
  readonly cachedInputUsdPerMillion: number | null;
  /** A prompt token written to the cache; null: it pays the input price. */
  readonly cacheWriteUsdPerMillion: number | null;
  readonly outputUsdPerMillion: number;
}

/**
 * What a provider charges for one model: its standard prices and the terms that move them (a
 * long-context tier that applies to every token of a request whose prompt passes the threshold,
 * a batch discount, a priority multiplier, an off-peak discount), each with its source; a null
 * term is one the provider does not offer.
 */
export interface PriceSchedule {
  readonly id: string;
  readonly provider: string;
  readonly model: string;
  readonly role: 'first-party' | 'third-party' | 'aggregator';
  readonly base: TokenPriceSet & Source;
  readonly longContext: (TokenPriceSet & Source & { readonly thresholdInputTokens: number }) | null;
  /** Fraction 0-1 taken off every price of a batch request. */
  readonly batch: (Source & { readonly discountFraction: number }) | null;
  /** Factor >= 1 on every price of a priority request. */
  readonly priority: (Source & { readonly multiplier: number }) | null;
  /** Fraction 0-1 taken off every price in the off-peak hours. */
  readonly offPeak: (Source & { readonly discountFraction: number; readonly hoursUtc: string }) | null;
}

const price = v.pipe(v.number(), v.finite(), v.minValue(0));
const fraction = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(1));
const sourced = {
  source: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.pipe(v.string(), v.minLength(1)),
};
const prices = { inputUsdPerMillion: price, cachedInputUsdPerMillion: v.nullable(price), cacheWriteUsdPerMillion: v.nullable(price), outputUsdPerMillion: price };

const ScheduleSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+\/[a-z0-9.-]+$/, 'provider/model in lower case')),
  provider: v.pipe(v.string(), v.minLength(1)),
  model: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['first-party', 'third-party', 'aggregator']),
  base: v.strictObject({ ...prices, ...sourced }),
  longContext: v.nullable(v.strictObject({ thresholdInputTokens: v.pipe(v.number(), v.integer(), v.minValue(1)), ...prices, ...sourced })),
  batch: v.nullable(v.strictObject({ discountFraction: fraction, ...sourced })),
  priority: v.nullable(v.strictObject({ multiplier: v.pipe(v.number(), v.finite(), v.minValue(1)), ...sourced })),
  offPeak: v.nullable(v.strictObject({ discountFraction: fraction, hoursUtc: v.pipe(v.string(), v.regex(/^\d{2}:\d{2}-\d{2}:\d{2}$/)), ...sourced })),
});

const CatalogSchema = v.pipe(
  v.strictObject({ $comment: v.optional(v.string()), schedules: v.pipe(v.array(ScheduleSchema), v.minLength(1)) }),
  v.check((c) => new Set(c.schedules.map((s) => s.id)).size === c.schedules.length, 'schedule ids must be unique'),
);

/** Validates a raw schedule catalog (the shipped file or a user's), reporting every problem at once. */
export function parsePriceSchedules(raw: unknown): readonly PriceSchedule[] {
  return parseOrThrow(CatalogSchema, raw, 'price schedule catalog').schedules;
}

/** The shipped schedules: frontier APIs (Anthropic, OpenAI, Google) and open-weight providers (Moonshot, Fireworks, Together, OpenRouter, DeepSeek). */
export const PRICE_SCHEDULES: readonly PriceSchedule[] = parsePriceSchedules(data);

/**
 * The schedule of `provider` (case-insensitive name or the id's first part) for `model`, or an
 * InputError naming the field and the known schedules.
 * Example: `findPriceSchedule('anthropic', 'claude-sonnet-4.5').base.outputUsdPerMillion` is 15.
 */
export function findPriceSchedule(provider: string, model: string, schedules: readonly PriceSchedule[] = PRICE_SCHEDULES): PriceSchedule {
  const p = provider.toLowerCase();
  const found = schedules.find((s) => s.model === model && (s.provider.toLowerCase() === p || s.id.split('/')[0] === p));
  if (found !== undefined) return found;
  const ofModel = schedules.filter((s) => s.model === model);
  if (ofModel.length === 0) throw new InputError('--model', model, `one of ${[...new Set(schedules.map((s) => s.model))].join(', ')}`);
  throw new InputError('--provider', provider, `one of ${ofModel.map((s) => s.id.split('/')[0]).join(', ')} for ${model}`);
}
