import type { FreeTier } from './plans.js';
import { expectedMonthlyTokens, usageOnPlan } from './usage.js';
import type { UsageProfile } from './usageProfiles.js';
import { TOKENS_PER_MILLION } from '../units.js';

/** What a vendor's free users cost each of its paid seats a month. */
export interface FreeTierCost {
  readonly freeUsersPerPaidSeat: number;
  /** Mean monthly tokens of a free user after the free cap. */
  readonly meanTokensPerFreeUser: number;
  /** Serving cost of the free users carried by one paid seat, USD a month. */
  readonly costUsdPerPaidSeat: number;
}

/**
 * The free tier's serving cost per paid seat: free users per paid seat × a free user's mean
 * tokens (the profile scaled by the tier's usage multiple, capped, in closed form) × the cost of
 * a million tokens / 1e6. `costUsdPerMillionTokens` >= 0 at the free users' token mix.
 *
 * Example: 17 free users a paid seat, each 1.2M tokens a month, at $0.80 per million: $16.3 a paid seat.
 */
export function freeTierCost(tier: FreeTier, profile: UsageProfile, costUsdPerMillionTokens: number): FreeTierCost {
  const usage = usageOnPlan(profile, tier);
  const meanTokensPerFreeUser = expectedMonthlyTokens(usage, tier.monthlyTokenCap.value);
  const freeUsersPerPaidSeat = tier.freeUsersPerPaidSeat.value;
  return { freeUsersPerPaidSeat, meanTokensPerFreeUser, costUsdPerPaidSeat: (freeUsersPerPaidSeat * meanTokensPerFreeUser * costUsdPerMillionTokens) / TOKENS_PER_MILLION };
}
