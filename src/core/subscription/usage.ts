import { standardNormal, type Rng } from '../demand/rng.js';
import { normalCdf } from './normalCdf.js';
import type { SubscriptionPlan } from './plans.js';
import type { UsageProfile } from './usageProfiles.js';

/**
 * Monthly tokens per seat before the plan's limit: a share `idleShare` (0-1) of seats use 0
 * tokens; the others are lognormal, exp(ln(median) + sigma·Z), with median
 * `medianTokensPerMonth` (> 0) and log-space standard deviation `sigma` (>= 0; 0 means every
 * active seat uses exactly the median).
 */
export interface UsageDistribution {
  readonly idleShare: number;
  readonly medianTokensPerMonth: number;
  readonly sigma: number;
}

/**
 * A profile's usage on a plan: the profile's idle share and sigma, and its $20-tier median ×
 * the plan's usage multiple (people buy the tier that fits their use), each replaced by
 * `overrides` where given; an overriding median is used as is, for every plan.
 *
 * Example: the chat profile (median 0.9M tokens) on Claude Max 20x (multiple 20) has a median
 * of 18M tokens a month.
 */
export function usageOnPlan(profile: UsageProfile, plan: Pick<SubscriptionPlan, 'usageMultiple'>, overrides: Partial<UsageDistribution> = {}): UsageDistribution {
  return {
    idleShare: overrides.idleShare ?? profile.idleShare.value,
    medianTokensPerMonth: overrides.medianTokensPerMonth ?? profile.medianTokensPerMonth.value * plan.usageMultiple.value,
    sigma: overrides.sigma ?? profile.sigma.value,
  };
}

/** One seat's monthly draw: its tokens after the cap, and whether the cap cut it. */
export interface SeatDraw {
  readonly tokens: number;
  readonly capped: boolean;
}

/**
 * Draws one seat's tokens for a month, capped at `capTokensPerMonth` (null: no cap). Every draw
 * takes three uniforms (one for idle or not, two for the normal) whatever the parameters, so
 * changing the idle share or sigma never shifts the rest of the stream.
 *
 * Example: with `idleShare` 1 every draw is `{tokens: 0, capped: false}`.
 */
export function sampleMonthlyTokens(usage: UsageDistribution, capTokensPerMonth: number | null, rng: Rng): SeatDraw {
  const idle = rng.next() < usage.idleShare;
  const z = standardNormal(rng);
  if (idle) return { tokens: 0, capped: false };
  const tokens = usage.medianTokensPerMonth * Math.exp(usage.sigma * z);
  if (capTokensPerMonth !== null && tokens >= capTokensPerMonth) return { tokens: capTokensPerMonth, capped: true };
  return { tokens, capped: false };
}

/** P(X > tokens) for an active seat before the cap. */
function activeShareAbove(usage: UsageDistribution, tokens: number): number {
  if (tokens <= 0) return 1;
  if (usage.sigma === 0) return usage.medianTokensPerMonth > tokens ? 1 : 0;
  return 1 - normalCdf(Math.log(tokens / usage.medianTokensPerMonth) / usage.sigma);
}

/**
 * The share of all seats (0-1) using more than `tokens` a month after the cap, in closed form:
 * (1 − idleShare) · (1 − Φ(ln(tokens / median) / sigma)) below the cap, 0 at or above it, 1 for
 * a negative `tokens`. Φ is the standard normal distribution function.
 *
 * Example: no idle seats, median 1M, sigma 1, no cap: `shareOfSeatsAbove(u, null, 1e6)` is 0.5.
 */
export function shareOfSeatsAbove(usage: UsageDistribution, capTokensPerMonth: number | null, tokens: number): number {
  if (tokens < 0) return 1;
  if (capTokensPerMonth !== null && tokens >= capTokensPerMonth) return 0;
  return (1 - usage.idleShare) * activeShareAbove(usage, tokens);
}

/**
 * The share of all seats (0-1) that reach the cap: (1 − idleShare) · P(X >= cap); 0 without a cap.
 */
export function shareOfSeatsAtCap(usage: UsageDistribution, capTokensPerMonth: number | null): number {
  if (capTokensPerMonth === null) return 0;
  if (usage.sigma === 0) return (1 - usage.idleShare) * (usage.medianTokensPerMonth >= capTokensPerMonth ? 1 : 0);
  return (1 - usage.idleShare) * activeShareAbove(usage, capTokensPerMonth);
}

/**
 * Mean monthly tokens per seat after the cap, in closed form: (1 − idleShare) · E[min(X, c)]
 * with E[min(X, c)] = m·e^(σ²/2)·Φ((ln(c/m) − σ²)/σ) + c·(1 − Φ(ln(c/m)/σ)) for a lognormal X
 * of median m (the partial expectation of a lognormal), m·e^(σ²/2) without a cap.
 *
 * Example: no idle seats, median 1M, sigma 2, no cap: 7.39M tokens (e² × 1M).
 */
export function expectedMonthlyTokens(usage: UsageDistribution, capTokensPerMonth: number | null): number {
  const { idleShare, medianTokensPerMonth: m, sigma: s } = usage;
  const uncappedMean = m * Math.exp((s * s) / 2);
  if (capTokensPerMonth === null) return (1 - idleShare) * uncappedMean;
  const c = capTokensPerMonth;
  if (s === 0) return (1 - idleShare) * Math.min(m, c);
  const k = Math.log(c / m);
  return (1 - idleShare) * (uncappedMean * normalCdf((k - s * s) / s) + c * (1 - normalCdf(k / s)));
}
