import { usdPerMillionOf, type TokenPrices } from '../economics/prices.js';
import { InputError } from '../errors.js';
import type { CostBasis, MarginalCostBasis } from '../money/costBasis.js';
import { gpuHourCost } from '../money/gpuHourCost.js';
import { addKinds, dotKinds, mapKinds, scaleKinds, type PerTokenKind } from '../tokenKinds.js';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';

/**
 * A lab's full cost per token (`../shared/MODELING.md` §6): serving cost, plus training and
 * research compute amortized over the tokens the model serves in its lifetime, plus staff and
 * other operating cost over that lifetime, set against the revenue of a mix of API sales and
 * subscriptions. Three levels, each at list and at discounted compute rates:
 *
 * - marginal: power only (an owner whose hardware is sunk);
 * - serving: the hardware, rented or owned (`gpuHourCost` at the utilization);
 * - full: serving + (training + research + staff + other operating) / lifetime tokens.
 *
 * Tokens of three kinds are put on one scale, output-equivalent tokens, weighted by their API
 * list prices relative to output (Claude Sonnet: fresh input 3/15 = 0.2, cached 0.3/15 = 0.02):
 * joint costs (training, staff) are shared between kinds by relative sales value, and the API
 * earns exactly its output price per output-equivalent token.
 */

/**
 * The final training run's compute, either counted (FLOP at an achieved rate and a price per
 * GPU-hour) or as a sum of money. Both are compute bought at list cloud rates; the discount of
 * the input applies to them.
 */
export type TrainingCompute =
  | {
      readonly kind: 'flop';
      /** FLOP of the final run (e.g. 6 × active parameters × tokens, `trainingFlopOf`). */
      readonly trainingFlop: number;
      /** FLOP/s one GPU achieves in training (peak × model FLOP utilization), > 0. */
      readonly achievedFlopPerSecondPerGpu: number;
      /** List price of a training GPU-hour, USD. */
      readonly listUsdPerGpuHour: number;
    }
  | {
      readonly kind: 'usd';
      /** Cost of the final run at list cloud rates, USD. */
      readonly usdAtListRates: number;
    };

/** A subscription plan and how many tokens its average seat uses. */
export interface SubscriptionPlan {
  /** Price of one seat a month, USD (e.g. Claude Pro: 20). */
  readonly usdPerSeatMonth: number;
  /** Mean output-equivalent tokens one seat uses a month, > 0. */
  readonly outputEquivalentTokensPerSeatMonth: number;
}

/** Who pays for the tokens: a share sold through the API at list prices, the rest to subscribers. */
export interface RevenueMix {
  /** Share of output-equivalent tokens sold through the API, in [0, 1]. */
  readonly apiShare: number;
  /** API list prices; they also set the output-equivalent weights (output price > 0). */
  readonly apiPrices: TokenPrices;
  readonly subscription: SubscriptionPlan;
}

/** Everything a lab's full cost per token needs. All amounts USD, all shares in [0, 1]. */
export interface LabCostInput {
  readonly training: TrainingCompute;
  /** Research and experiment compute as a multiple of the final run's, at the same rates (>= 0). */
  readonly researchMultiple: number;
  /** Staff cost attributable to the model, USD a year (>= 0). */
  readonly staffUsdPerYear: number;
  /** Other operating cost (data, offices, sales, G&A) attributable to the model, USD a year (>= 0). */
  readonly otherOperatingUsdPerYear: number;
  /** Months the model serves traffic (> 0); staff and operating cost run for as long. */
  readonly lifetimeMonths: number;
  /** Tokens served a month, by kind. */
  readonly tokensPerMonth: PerTokenKind;
  readonly revenue: RevenueMix;
  /** Busy GPU-seconds one token of each kind takes at the operating point (the performance model). */
  readonly gpuSecondsPerToken: PerTokenKind;
  /** Busy share of paid GPU-hours, in (0, 1]. */
  readonly utilization: number;
  /** The serving hardware at list rates: a rented basis is discounted, an owned one is not. */
  readonly servingCostBasis: CostBasis;
  /** Power of the same hardware: the marginal cost. */
  readonly marginalCostBasis: MarginalCostBasis;
  /** Discount off cloud list rates (rented serving, training, research), in [0, 1]. */
  readonly discountFraction: number;
}

/** USD per million tokens: output-equivalent and of each kind. */
export interface PerMillion extends PerTokenKind {
  readonly outputEquivalent: number;
}

/** The costs at one set of compute rates (list, or discounted). */
export interface CostAtRates {
  /** The discount these rates take off list: 0, or the input's discount. */
  readonly discountFraction: number;
  readonly servingUsdPerGpuHour: number;
  readonly marginal: PerMillion;
  readonly serving: PerMillion;
  readonly full: PerMillion;
  /** The amortized parts of full minus serving, USD per million output-equivalent tokens. */
  readonly amortizedUsdPerMillionOutputEquivalent: { readonly training: number; readonly research: number; readonly staffAndOperating: number; readonly total: number };
  /** Lifetime totals, USD. `fixed` = training + research + staff + other operating. */
  readonly lifetimeUsd: { readonly serving: number; readonly training: number; readonly research: number; readonly staff: number; readonly otherOperating: number; readonly fixed: number; readonly full: number };
  /** (revenue − cost) / revenue for each level; negative when it loses money (−Infinity at zero revenue). */
  /** (revenue − cost) / revenue at each depth; null when there is no revenue (or so little that the share overflows). */
  readonly marginFraction: { readonly marginal: number | null; readonly serving: number | null; readonly full: number | null };
  /**
   * Lifetime output-equivalent tokens (same mix and lifetime) at which revenue equals full cost:
   * fixed / (revenue − serving) per token; null when revenue never covers serving.
   */
  readonly breakEvenLifetimeOutputEquivalentTokens: number | null;
  /** The same as a multiple of the input's lifetime volume (< 1: the input volume makes money). */
  readonly breakEvenVolumeMultiple: number | null;
}

export interface LabCostResult {
  /** Output-equivalent tokens per token of each kind (output = 1). */
  readonly outputEquivalentWeights: PerTokenKind;
  readonly lifetimeTokens: PerTokenKind;
  readonly lifetimeOutputEquivalentTokens: number;
  /** GPU-hours of the final run; null when training was given in USD. */
  readonly trainingGpuHours: number | null;
  readonly revenue: {
    readonly apiUsdPerMillionOutputEquivalent: number;
    readonly subscriptionUsdPerMillionOutputEquivalent: number;
    readonly perMillion: PerMillion;
    readonly lifetimeUsd: number;
  };
  readonly list: CostAtRates;
  readonly discounted: CostAtRates;
  /** Soft problems worth reading beside the figures. */
  readonly warnings: readonly string[];
}

/**
 * Output-equivalent weights of the three kinds: each one's price over the output price.
 * Example: Claude Sonnet ($3 / $0.30 / $15) → fresh 0.2, cached 0.02, output 1.
 * @throws InputError when the output price is not > 0
 */
export function outputEquivalentWeights(prices: TokenPrices): PerTokenKind {
  if (!(prices.outputUsdPerMillion > 0)) throw new InputError('apiPrices.outputUsdPerMillion', String(prices.outputUsdPerMillion), 'a number > 0');
  return { ...mapKinds(usdPerMillionOf(prices), (usd) => usd / prices.outputUsdPerMillion), output: 1 };
}

/** Output-equivalent tokens of a token count under `weights`. Example: 5 fresh, 5 cached, 1 out at 0.2/0.02 → 2.1. */
export function outputEquivalentTokens(tokens: PerTokenKind, weights: PerTokenKind): number {
  return dotKinds(tokens, weights);
}

/**
 * Revenue of a subscription per million output-equivalent tokens: the seat price over the tokens
 * a seat uses. Example: $20 a month for 2M tokens → $10 per million.
 */
export function subscriptionUsdPerMillionOutputEquivalent(plan: SubscriptionPlan): number {
  return (plan.usdPerSeatMonth / plan.outputEquivalentTokensPerSeatMonth) * TOKENS_PER_MILLION;
}

/**
 * Cost of the final training run at list rates, USD: FLOP / (achieved FLOP/s × 3600) GPU-hours at
 * the list price, or the sum given. Example: 1.8e25 FLOP at 8.55e14 FLOP/s and $6.89 → 5.85M
 * GPU-hours, $40.3M.
 */
export function trainingUsdAtListRates(training: TrainingCompute): number {
  return training.kind === 'usd' ? training.usdAtListRates : trainingGpuHours(training) * training.listUsdPerGpuHour;
}

function trainingGpuHours(training: Extract<TrainingCompute, { kind: 'flop' }>): number {
  return training.trainingFlop / (training.achievedFlopPerSecondPerGpu * SECONDS_PER_HOUR);
}

const perKind = (usdPerToken: PerTokenKind, outputEquivalentUsdPerToken: number): PerMillion => ({
  ...scaleKinds(usdPerToken, TOKENS_PER_MILLION),
  outputEquivalent: outputEquivalentUsdPerToken * TOKENS_PER_MILLION,
});

/**
 * A lab's cost per token at three levels (marginal, serving, full), each at list and at
 * discounted compute rates, with the margin against the revenue mix and the lifetime volume at
 * which full cost breaks even. A busy GPU-second costs `gpuHourCost(basis, u) / (3600 u)`; a
 * token of each kind its GPU-seconds at that rate (as `tokenEconomics`). Fixed costs (training,
 * research = multiple × training, staff and other operating × lifetime years) are spread over the
 * lifetime output-equivalent tokens and over kinds by their weights. The marginal cost is the
 * power, or the serving cost where that is lower (a GPU-hour rented below its electricity costs
 * its renter only the rent), so marginal ≤ serving ≤ full always.
 *
 * Example: training $100M at list, research 2×, no staff, 1e15 lifetime output tokens and no
 * input: full − serving = $300M / 1e15 tokens = $0.30 per million at list, $0.15 at discount 0.5.
 * @throws InputError for a lifetime, utilization, volume or price that cannot be amortized over
 */
export function labCost(input: LabCostInput): LabCostResult {
  const { training, researchMultiple, staffUsdPerYear, otherOperatingUsdPerYear, lifetimeMonths, tokensPerMonth, revenue, gpuSecondsPerToken, utilization, servingCostBasis, marginalCostBasis, discountFraction } = input;
  if (!(lifetimeMonths > 0) || !Number.isFinite(lifetimeMonths)) throw new InputError('lifetimeMonths', String(lifetimeMonths), 'a number > 0');
  if (!(utilization > 0 && utilization <= 1)) throw new InputError('utilization', String(utilization), 'a number > 0 and <= 1');
  if (!(discountFraction >= 0 && discountFraction <= 1)) throw new InputError('discountFraction', String(discountFraction), 'a number from 0 to 1');
  if (!(revenue.apiShare >= 0 && revenue.apiShare <= 1)) throw new InputError('apiShare', String(revenue.apiShare), 'a number from 0 to 1');
  const weights = outputEquivalentWeights(revenue.apiPrices);
  const lifetimeTokens = scaleKinds(tokensPerMonth, lifetimeMonths);
  const lifetimeOutputEquivalent = outputEquivalentTokens(lifetimeTokens, weights);
  if (!(lifetimeOutputEquivalent > 0) || !Number.isFinite(lifetimeOutputEquivalent)) {
    throw new InputError('tokensPerMonth', String(lifetimeOutputEquivalent / lifetimeMonths), 'a positive, finite number of output-equivalent tokens a month');
  }

  const apiUsdPerToken = revenue.apiPrices.outputUsdPerMillion / TOKENS_PER_MILLION;
  const subscriptionUsdPerToken = subscriptionUsdPerMillionOutputEquivalent(revenue.subscription) / TOKENS_PER_MILLION;
  const revenueUsdPerToken = revenue.apiShare * apiUsdPerToken + (1 - revenue.apiShare) * subscriptionUsdPerToken;
  const warnings: string[] = [];

  const atRates = (discount: number): CostAtRates => {
    const keep = 1 - discount;
    const servingBasis: CostBasis = servingCostBasis.kind === 'rented' ? { ...servingCostBasis, priceUsdPerGpuHour: servingCostBasis.priceUsdPerGpuHour * keep } : servingCostBasis;
    const servingUsdPerGpuHour = gpuHourCost(servingBasis, utilization).totalUsdPerGpuHour;
    const servingUsdPerBusySecond = servingUsdPerGpuHour / (SECONDS_PER_HOUR * utilization);
    const powerUsdPerBusySecond = gpuHourCost(marginalCostBasis, utilization).totalUsdPerGpuHour / (SECONDS_PER_HOUR * utilization);
    const marginalUsdPerBusySecond = Math.min(powerUsdPerBusySecond, servingUsdPerBusySecond);
    if (powerUsdPerBusySecond > servingUsdPerBusySecond) {
      warnings.push(`at discount ${discount}, the serving GPU-hour ($${servingUsdPerGpuHour.toFixed(3)}) costs less than its power; marginal cost shown as the serving cost`);
    }
    const servingPerToken = scaleKinds(gpuSecondsPerToken, servingUsdPerBusySecond);
    const marginalPerToken = scaleKinds(gpuSecondsPerToken, marginalUsdPerBusySecond);
    const servingLifetimeUsd = dotKinds(lifetimeTokens, servingPerToken);
    const servingPerOutputEquivalent = servingLifetimeUsd / lifetimeOutputEquivalent;
    const marginalPerOutputEquivalent = dotKinds(lifetimeTokens, marginalPerToken) / lifetimeOutputEquivalent;

    const trainingUsd = trainingUsdAtListRates(training) * keep;
    const researchUsd = researchMultiple * trainingUsd;
    const years = lifetimeMonths / 12;
    const staffUsd = staffUsdPerYear * years;
    const otherUsd = otherOperatingUsdPerYear * years;
    const fixedUsd = trainingUsd + researchUsd + staffUsd + otherUsd;
    const fixedPerOutputEquivalent = fixedUsd / lifetimeOutputEquivalent;
    const fullPerToken = addKinds(servingPerToken, scaleKinds(weights, fixedPerOutputEquivalent));
    const fullPerOutputEquivalent = servingPerOutputEquivalent + fixedPerOutputEquivalent;
    const margin = (costPerToken: number) => {
      const m = (revenueUsdPerToken - costPerToken) / revenueUsdPerToken;
      return Number.isFinite(m) ? m : null;
    };
    const contribution = revenueUsdPerToken - servingPerOutputEquivalent;
    const breakEven = contribution > 0 && Number.isFinite(fixedUsd / contribution) ? fixedUsd / contribution : null;
    const perMillionOutputEquivalent = (usd: number) => (usd / lifetimeOutputEquivalent) * TOKENS_PER_MILLION;
    return {
      discountFraction: discount,
      servingUsdPerGpuHour,
      marginal: perKind(marginalPerToken, marginalPerOutputEquivalent),
      serving: perKind(servingPerToken, servingPerOutputEquivalent),
      full: perKind(fullPerToken, fullPerOutputEquivalent),
      amortizedUsdPerMillionOutputEquivalent: {
        training: perMillionOutputEquivalent(trainingUsd),
        research: perMillionOutputEquivalent(researchUsd),
        staffAndOperating: perMillionOutputEquivalent(staffUsd + otherUsd),
        total: fixedPerOutputEquivalent * TOKENS_PER_MILLION,
      },
      lifetimeUsd: { serving: servingLifetimeUsd, training: trainingUsd, research: researchUsd, staff: staffUsd, otherOperating: otherUsd, fixed: fixedUsd, full: servingLifetimeUsd + fixedUsd },
      marginFraction: { marginal: margin(marginalPerOutputEquivalent), serving: margin(servingPerOutputEquivalent), full: margin(fullPerOutputEquivalent) },
      breakEvenLifetimeOutputEquivalentTokens: breakEven,
      breakEvenVolumeMultiple: breakEven === null ? null : breakEven / lifetimeOutputEquivalent,
    };
  };

  const list = atRates(0);
  const discounted = atRates(discountFraction);
  if (servingCostBasis.kind !== 'rented' && discountFraction > 0) warnings.push('the serving hardware is not rented: the discount applies to training and research compute only');
  if (list.breakEvenLifetimeOutputEquivalentTokens === null) warnings.push('revenue does not cover the serving cost at list rates: no volume breaks even');
  return {
    outputEquivalentWeights: weights,
    lifetimeTokens,
    lifetimeOutputEquivalentTokens: lifetimeOutputEquivalent,
    trainingGpuHours: training.kind === 'flop' ? trainingGpuHours(training) : null,
    revenue: {
      apiUsdPerMillionOutputEquivalent: apiUsdPerToken * TOKENS_PER_MILLION,
      subscriptionUsdPerMillionOutputEquivalent: subscriptionUsdPerToken * TOKENS_PER_MILLION,
      perMillion: perKind(scaleKinds(weights, revenueUsdPerToken), revenueUsdPerToken),
      lifetimeUsd: revenueUsdPerToken * lifetimeOutputEquivalent,
    },
    list,
    discounted,
    warnings: [...new Set(warnings)],
  };
}
