import { SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';
import { breakEvenUtilization, gpuHourCost, type GpuHourCost } from '../money/gpuHourCost.js';
import type { CostBasis } from '../money/costBasis.js';
import { dotKinds, mapKinds, type PerTokenKind } from '../tokenKinds.js';
import { revenueUsdPerRequest, tokenPricesOf, usdPerMillionOf, type TokenPrices } from './prices.js';

export interface TokenEconomics {
  readonly gpuHour: GpuHourCost;
  /** Cost of one paid GPU-hour at the utilization (rent, or capital + power + space + operations). */
  readonly costUsdPerGpuHour: number;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionCachedInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  readonly costUsdPerRequest: number;
  readonly revenueUsdPerRequest: number;
  /** Revenue of one GPU-hour spent entirely serving requests of this mix at these prices. */
  readonly revenueUsdPerGpuHourAtFullLoad: number;
  /** Revenue of one paid GPU-hour at the utilization. */
  readonly revenueUsdPerGpuHour: number;
  readonly profitUsdPerGpuHour: number;
  /** (revenue − cost) / revenue at the utilization; negative when serving loses money; null when there is no revenue (zero prices, or so little that the quotient overflows). */
  readonly marginFraction: number | null;
  /** (revenue − cost) / cost, DeepSeek's "cost profit margin"; null when serving costs nothing. */
  readonly costProfitMargin: number | null;
  /** Utilization in (0, 1] at which revenue pays the cost (0 when nothing is paid for idle time); null when no utilization up to 100% does. */
  readonly breakEvenUtilization: number | null;
  /**
   * Prices that break even at this utilization: all three scaled alike (`scale` and `prices` null
   * when the prices are all zero, or so small that the multiple overflows: no multiple of them pays), and the output price alone with
   * input prices held (<= 0 when input revenue alone covers the cost).
   */
  readonly breakEvenPrices: { readonly scale: number | null; readonly prices: TokenPrices | null; readonly outputUsdPerMillionHoldingInput: number };
}

/**
 * What serving a million tokens of each kind costs, in a price list's shape: what a seat's tokens
 * are priced at (subscriptions) and what a price is set against. Example: $0.36 / $0.04 / $6.62.
 */
export function costAsTokenPrices(e: Pick<TokenEconomics, 'costUsdPerMillionInputTokens' | 'costUsdPerMillionCachedInputTokens' | 'costUsdPerMillionOutputTokens'>): TokenPrices {
  return { inputUsdPerMillion: e.costUsdPerMillionInputTokens, cachedInputUsdPerMillion: e.costUsdPerMillionCachedInputTokens, outputUsdPerMillion: e.costUsdPerMillionOutputTokens };
}

/** True when serving is profitable at the utilization: margin >= 0, or nothing to pay and nothing earned. */
export function isProfitable(e: Pick<TokenEconomics, 'revenueUsdPerGpuHour' | 'costUsdPerGpuHour'>): boolean {
  return e.revenueUsdPerGpuHour >= e.costUsdPerGpuHour;
}

/** `x` when finite, else null: a quotient by zero or by a revenue so small that it overflows. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** A break-even utilization above 100% is no break-even: even a fully busy GPU loses money. */
function breakEvenWithinFullLoad(u: number | null): number | null {
  return u !== null && u <= 1 ? u : null;
}

/**
 * Joins the physics to the money. At utilization u a paid GPU-hour does u busy GPU-hours of work,
 * so a busy GPU-second costs `C(u) / (3600·u)`; each kind of token costs its GPU-seconds at that
 * rate (prefill and decode kept apart, never one token stream over the whole hour). Revenue at full
 * load is the revenue of the requests one busy GPU-hour serves; break-even utilization solves
 * `u · R_full = C(u)` with C linear in u (power draw grows with load). `seconds`: busy
 * GPU-seconds per token of each kind (from the performance model); `mix`: tokens of each kind in
 * one request (`requestMix`).
 * Example: $2/GPU-hour at 50% utilization and 1 ms of GPU per output token: $1.11 per million.
 */
export function tokenEconomics(seconds: PerTokenKind, mix: PerTokenKind, prices: TokenPrices, basis: CostBasis, utilization: number): TokenEconomics {
  const gpuHour = gpuHourCost(basis, utilization);
  const cost = gpuHour.totalUsdPerGpuHour;
  const busySecondUsd = cost / (SECONDS_PER_HOUR * utilization);
  const gpuSecondsPerRequest = dotKinds(mix, seconds);
  const revenue = revenueUsdPerRequest(mix, prices);
  const revenueFull = (revenue * SECONDS_PER_HOUR) / gpuSecondsPerRequest;
  const revenueAtU = revenueFull * utilization;
  const scale = finiteOrNull(cost / revenueAtU);
  const inputRevenue = dotKinds({ ...mix, output: 0 }, usdPerMillionOf(prices)) / TOKENS_PER_MILLION;
  const costPerRequest = busySecondUsd * gpuSecondsPerRequest;
  const costPerMillion = mapKinds(seconds, (s) => busySecondUsd * s * TOKENS_PER_MILLION);
  return {
    gpuHour,
    costUsdPerGpuHour: cost,
    costUsdPerMillionInputTokens: costPerMillion.freshInput,
    costUsdPerMillionCachedInputTokens: costPerMillion.cachedInput,
    costUsdPerMillionOutputTokens: costPerMillion.output,
    costUsdPerRequest: costPerRequest,
    revenueUsdPerRequest: revenue,
    revenueUsdPerGpuHourAtFullLoad: revenueFull,
    revenueUsdPerGpuHour: revenueAtU,
    profitUsdPerGpuHour: revenueAtU - cost,
    marginFraction: revenueAtU > 0 ? finiteOrNull((revenueAtU - cost) / revenueAtU) : null,
    costProfitMargin: cost > 0 ? finiteOrNull((revenueAtU - cost) / cost) : null,
    breakEvenUtilization: breakEvenWithinFullLoad(breakEvenUtilization(gpuHour.fixedUsdPerGpuHour, gpuHour.perUtilizationUsdPerGpuHour, revenueFull)),
    breakEvenPrices: {
      scale,
      prices: scaledPrices(prices, scale),
      // Requests always carry at least one output token (workload bounds), so the quotient is finite.
      outputUsdPerMillionHoldingInput: ((costPerRequest - inputRevenue) / Math.max(mix.output, 1)) * TOKENS_PER_MILLION,
    },
  };
}

/**
 * Every price times `scale`; null when there is no scale or a scaled price overflows (revenue from a
 * subnormal price, with another price large but carried by no token: no finite break-even exists).
 */
function scaledPrices(prices: TokenPrices, scale: number | null): TokenPrices | null {
  if (scale === null) return null;
  const scaled = tokenPricesOf(mapKinds(usdPerMillionOf(prices), (usd) => usd * scale));
  return Object.values(scaled).every(Number.isFinite) ? scaled : null;
}
