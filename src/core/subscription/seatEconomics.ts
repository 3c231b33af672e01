import type { Rng } from '../demand/rng.js';
import { requestMix, usdPerMillionOf, type TokenPrices } from '../economics/prices.js';
import { quantileSorted } from '../stats.js';
import { dotKinds, mapKinds, type PerTokenKind } from '../tokenKinds.js';
import { TOKENS_PER_MILLION } from '../units.js';
import { sampleMonthlyTokens, type UsageDistribution } from './usage.js';

/**
 * The token mix of a workload's average request: its prompt split by the prefix-cache hit rate,
 * and its output, as shares of all its tokens (each 0-1, summing to 1).
 * Example: 5,000 in (50% cached) + 500 out → 0.4545 / 0.4545 / 0.0909.
 */
export function tokenMixOfWorkload(w: { readonly inputTokens: number; readonly outputTokens: number; readonly prefixCacheHitRate: number }): PerTokenKind {
  const total = w.inputTokens + w.outputTokens;
  return mapKinds(requestMix(w.inputTokens, w.outputTokens, w.prefixCacheHitRate), (tokens) => tokens / total);
}

/** The terms of a plan that set a seat's economics: its price (> 0) and its cap (null: none). */
export interface PlanTerms {
  readonly priceUsdPerSeatPerMonth: number;
  readonly monthlyTokenCap: number | null;
}

/**
 * The cost of a million of a seat's tokens, USD: the serving costs per million tokens of each kind
 * (`costs`, a price list's shape) weighted by the token mix (shares of each kind, summing to 1).
 * Example: mix 0.45/0.45/0.10 at $0.36/$0.04/$6.62 is 0.45·0.36 + 0.45·0.04 + 0.10·6.62 = $0.842.
 */
export function blendedCostUsdPerMillionTokens(mix: PerTokenKind, costs: TokenPrices): number {
  return dotKinds(mix, usdPerMillionOf(costs));
}

/**
 * The monthly tokens at which a seat's cost equals its price: price / blended cost per token.
 * Null where tokens cost nothing (no usage ever loses money). Example: $20 at $0.80 per million
 * tokens breaks even at 25 million tokens a month.
 */
export function breakEvenTokensPerSeatPerMonth(priceUsdPerSeatPerMonth: number, costUsdPerMillionTokens: number): number | null {
  if (costUsdPerMillionTokens <= 0) return null;
  return (priceUsdPerSeatPerMonth / costUsdPerMillionTokens) * TOKENS_PER_MILLION;
}

/** Percentiles of the monthly serving cost of a seat, USD (idle seats count as $0). */
export interface SeatCostPercentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
}

/** A plan's economics over its seats for a month; sampled figures carry sampling error. */
export interface SeatEconomics {
  readonly samples: number;
  readonly priceUsdPerSeatPerMonth: number;
  readonly monthlyTokenCap: number | null;
  /** The cost of a million of a seat's tokens at the token mix, USD. */
  readonly costUsdPerMillionTokens: number;
  readonly meanTokensPerSeatPerMonth: number;
  /** Every seat pays the price, used or not. */
  readonly meanRevenueUsd: number;
  readonly meanCostUsd: number;
  /** (revenue − cost) / revenue over all seats together. */
  readonly meanMarginFraction: number;
  /** Share of seats whose cost exceeds the price. */
  readonly shareOfSeatsLosingMoney: number;
  /** Closed form: price / cost per token; null where tokens cost nothing. */
  readonly breakEvenTokensPerSeatPerMonth: number | null;
  readonly costUsdPerSeat: SeatCostPercentiles;
  /** Share of seats whose usage the plan's limit cut. */
  readonly shareCappedByLimit: number;
}

/** Seats drawn per plan and the seed of the draws when none are given: the CLI's `subscription` and the web's business view alike, so both give one answer. */
export const DEFAULT_SEAT_DRAWS = { samples: 100_000, seed: 1 } as const;

export interface SeatEconomicsOptions {
  /** Seats drawn (a whole number >= 1); default 100,000. */
  readonly samples?: number;
  /** The seeded generator the draws come from (`createRng(seed)`). */
  readonly rng: Rng;
}

/**
 * A plan's economics over `samples` seats drawn from `usage` (capped at the plan's limit): each
 * seat's cost is its tokens × the blended cost per token of `tokenMix` at `costs`; revenue is the
 * price for every seat. Returns the mean revenue, cost and margin, the share of seats losing
 * money, the break-even usage (closed form), percentiles of cost per seat and the share capped.
 * The same rng state gives the same result. Throws a RangeError for samples that are not a
 * whole number >= 1.
 *
 * Example: with `usage.idleShare` 1 the margin is 1 (100%) and no seat loses money.
 */
export function seatEconomics(plan: PlanTerms, usage: UsageDistribution, tokenMix: PerTokenKind, costs: TokenPrices, options: SeatEconomicsOptions): SeatEconomics {
  const { samples = 100_000, rng } = options;
  if (!Number.isInteger(samples) || samples < 1) throw new RangeError(`seatEconomics: samples must be a whole number >= 1, got ${samples}`);
  const price = plan.priceUsdPerSeatPerMonth;
  const costUsdPerMillionTokens = blendedCostUsdPerMillionTokens(tokenMix, costs);
  const seatCosts = new Float64Array(samples);
  let tokenSum = 0;
  let costSum = 0;
  let losing = 0;
  let capped = 0;
  for (let i = 0; i < samples; i++) {
    const seat = sampleMonthlyTokens(usage, plan.monthlyTokenCap, rng);
    const cost = (seat.tokens * costUsdPerMillionTokens) / TOKENS_PER_MILLION;
    seatCosts[i] = cost;
    tokenSum += seat.tokens;
    costSum += cost;
    if (cost > price) losing++;
    if (seat.capped) capped++;
  }
  seatCosts.sort();
  const meanCostUsd = costSum / samples;
  return {
    samples,
    priceUsdPerSeatPerMonth: price,
    monthlyTokenCap: plan.monthlyTokenCap,
    costUsdPerMillionTokens,
    meanTokensPerSeatPerMonth: tokenSum / samples,
    meanRevenueUsd: price,
    meanCostUsd,
    meanMarginFraction: (price - meanCostUsd) / price,
    shareOfSeatsLosingMoney: losing / samples,
    breakEvenTokensPerSeatPerMonth: breakEvenTokensPerSeatPerMonth(price, costUsdPerMillionTokens),
    costUsdPerSeat: { p50: quantileSorted(seatCosts, 0.5), p90: quantileSorted(seatCosts, 0.9), p99: quantileSorted(seatCosts, 0.99) },
    shareCappedByLimit: capped / samples,
  };
}
