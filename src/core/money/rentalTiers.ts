import * as v from 'valibot';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import type { RentedCostBasis } from './costBasis.js';
import { HOURS_PER_MONTH, HOURS_PER_YEAR } from './gpuHourCost.js';
import { Documented, sourceText } from './ownershipDefaults.js';
import data from './rentalTiers.json' with { type: 'json' };

/** How a GPU-hour is rented: per hour used, on a committed term, or interruptible. */
export const RENTAL_TIERS = ['on-demand', '1-month', '1-year', '3-year', 'spot'] as const;
export type RentalTier = (typeof RENTAL_TIERS)[number];

/** The committed term of each tier in hours; null where nothing is committed ahead of use. */
export const RENTAL_TIER_TERM_HOURS: Readonly<Record<RentalTier, number | null>> = {
  'on-demand': null,
  '1-month': HOURS_PER_MONTH,
  '1-year': HOURS_PER_YEAR,
  '3-year': 3 * HOURS_PER_YEAR,
  spot: null,
};

const Price = v.pipe(Documented, v.check((d) => d.value > 0, 'a price > 0'));

const CatalogSchema = v.strictObject({
  $comment: v.optional(v.string()),
  accelerators: v.array(v.strictObject({
    gpuId: v.string(),
    tiers: v.strictObject(Object.fromEntries(RENTAL_TIERS.map((t) => [t, v.optional(Price)])) as Record<RentalTier, v.OptionalSchema<typeof Price, undefined>>),
  })),
});

/** The shipped catalog of rental prices by tier, validated once at module load. */
export const RENTAL_TIER_PRICES: v.InferOutput<typeof CatalogSchema> = parseOrThrow(CatalogSchema, data, 'rental tiers');

/** The tiers with a published price for accelerator `gpuId` (an id or alias of the catalog), in RENTAL_TIERS order. */
export function rentalTiersOf(gpuId: string): readonly RentalTier[] {
  const id = findById('gpu', gpuId, ACCELERATORS).id;
  const record = RENTAL_TIER_PRICES.accelerators.find((a) => a.gpuId === id);
  return RENTAL_TIERS.filter((t) => record?.tiers[t] !== undefined);
}

/**
 * The rented cost basis of accelerator `gpuId` at `tier`, with the price's source: on demand and
 * spot have no commitment; a contract tier commits `minimumGpus` (default 1) for its term
 * (1 month = 730 h, 1 year = 8,760 h, 3 years = 26,280 h).
 * Example: rentalTierCostBasis('h200', '3-year') is $1.60 per GPU-hour committed for 26,280 hours.
 * @throws InputError for an id not in the catalog, or a tier without a published price for that GPU
 */
export function rentalTierCostBasis(gpuId: string, tier: RentalTier, minimumGpus = 1): RentedCostBasis {
  const id = findById('gpu', gpuId, ACCELERATORS).id;
  const price = RENTAL_TIER_PRICES.accelerators.find((a) => a.gpuId === id)?.tiers[tier];
  if (price === undefined) {
    const known = rentalTiersOf(id);
    const allowed = known.length > 0 ? `one of ${known.join(', ')}` : 'none: give a price instead';
    throw new InputError('tier', tier, allowed, `no ${tier} rental price for gpu ${gpuId}; the catalog has ${known.length > 0 ? known.join(', ') : 'none'} for it`);
  }
  if (!(Number.isInteger(minimumGpus) && minimumGpus >= 1)) throw new InputError('minimumGpus', String(minimumGpus), 'a whole number >= 1');
  const termHours = RENTAL_TIER_TERM_HOURS[tier];
  return {
    kind: 'rented',
    priceUsdPerGpuHour: price.value,
    commitment: termHours === null ? null : { termHours, minimumGpus },
    sources: {
      priceUsdPerGpuHour: sourceText(price),
      commitment: termHours === null ? `${tier}: nothing committed ahead of use` : `${tier}: ${termHours} hours, minimum ${minimumGpus} GPU(s) (the catalog holds no minimum; give one)`,
    },
  };
}

/**
 * The contract tiers a provider at scale is taken to rent on, most preferred first: the 3-year
 * term (SemiAnalysis's rental segment in InferenceX, "3 Year contract, with 25% upfront payment"),
 * else the 1-year term.
 */
export const CONTRACT_TIERS: readonly RentalTier[] = ['3-year', '1-year'];

/**
 * The rented basis a provider at scale pays for accelerator `gpuId`: the first of CONTRACT_TIERS
 * the catalog prices, committed for no minimum (the scenario may set one); null when it prices
 * none. Example: contractCostBasis('h200') is the 3-year $1.60; contractCostBasis('h100') the
 * 1-year $2.65; contractCostBasis('gb200') null.
 */
export function contractCostBasis(gpuId: string): { tier: RentalTier; basis: RentedCostBasis } | null {
  const priced = rentalTiersOf(gpuId);
  const tier = CONTRACT_TIERS.find((t) => priced.includes(t));
  return tier === undefined ? null : { tier, basis: rentalTierCostBasis(gpuId, tier) };
}
