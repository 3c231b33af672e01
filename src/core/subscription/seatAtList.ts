import { findPriceSchedule, PRICE_SCHEDULES } from '../market/priceSchedules.js';
import { realisedPrice, type RealisedPrice } from '../market/realisedPrice.js';
import { presetTraffic, presetWorkload, WORKLOAD_PRESETS, type WorkloadPreset } from '../scenario/workloadPresets.js';
import { InputError } from '../errors.js';
import type { PerTokenKind } from '../tokenKinds.js';
import type { SubscriptionPlan } from './plans.js';
import { tokenMixOfWorkload } from './seatEconomics.js';
import type { UsageProfile } from './usageProfiles.js';

/**
 * The token mix of a product's seats: the mean request of its profile's workload preset, split
 * into fresh input, cached input and output. Example: coding-agent (50,000 in, 95% cached, 400
 * out) gives 0.0496 / 0.9425 / 0.0079.
 */
export function profileTokenMix(profile: UsageProfile): PerTokenKind {
  return tokenMixOfWorkload(presetWorkload(WORKLOAD_PRESETS[profile.workloadPreset]));
}

/**
 * What a million of a seat's tokens would earn at the plan's API list prices: the realised price
 * of the plan's `listPriceSchedule` on the traffic of `preset` (default: the profile's workload
 * preset; cache reads, cache writes and output each at their price). Throws an InputError for a schedule id not in the catalog.
 *
 * Example: a coding-agent seat on Claude Pro, valued at Claude Sonnet 4.5's prices: $0.588 per million tokens.
 */
export function seatListPrice(plan: SubscriptionPlan, profile: UsageProfile, preset: WorkloadPreset = WORKLOAD_PRESETS[profile.workloadPreset]): RealisedPrice {
  const [provider, model] = plan.listPriceSchedule.split('/');
  if (provider === undefined || model === undefined) throw new InputError(`${plan.id}.listPriceSchedule`, plan.listPriceSchedule, `one of ${PRICE_SCHEDULES.map((s) => s.id).join(', ')}`);
  return realisedPrice(findPriceSchedule(provider, model), presetTraffic(preset));
}
