import { dotKinds, type PerTokenKind } from '../tokenKinds.js';
import { TOKENS_PER_MILLION } from '../units.js';

/**
 * What a provider charges (or what serving costs), per million tokens of each kind. The field
 * names are those of scenario files, price catalogs and `--json` output; inside the model a price
 * list is read as a `PerTokenKind` (`usdPerMillionOf`).
 */
export interface TokenPrices {
  readonly inputUsdPerMillion: number;
  /** Prompt tokens served from the prefix cache; providers charge 10-25% of the input price. */
  readonly cachedInputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
}

/** A price list as USD per million tokens of each kind. Example: $3 / $0.30 / $15 → fresh 3, cached 0.3, output 15. */
export function usdPerMillionOf(prices: TokenPrices): PerTokenKind {
  return { freshInput: prices.inputUsdPerMillion, cachedInput: prices.cachedInputUsdPerMillion, output: prices.outputUsdPerMillion };
}

/** USD per million tokens of each kind as a price list (the inverse of `usdPerMillionOf`). */
export function tokenPricesOf(usdPerMillion: PerTokenKind): TokenPrices {
  return { inputUsdPerMillion: usdPerMillion.freshInput, cachedInputUsdPerMillion: usdPerMillion.cachedInput, outputUsdPerMillion: usdPerMillion.output };
}

/**
 * Tokens of each kind in one average request of `inputTokens` prompt (a share `hitRate` cached)
 * and `outputTokens` answer. Example: 5,000 in at 50% hits, 500 out → 2,500 / 2,500 / 500.
 */
export function requestMix(inputTokens: number, outputTokens: number, hitRate: number): PerTokenKind {
  return { freshInput: inputTokens * (1 - hitRate), cachedInput: inputTokens * hitRate, output: outputTokens };
}

/** Revenue of one request of `mix` tokens at `prices`. Example: 1,000 fresh at $0.5/M + 500 out at $2.5/M = $0.00175. */
export function revenueUsdPerRequest(mix: PerTokenKind, prices: TokenPrices): number {
  return dotKinds(mix, usdPerMillionOf(prices)) / TOKENS_PER_MILLION;
}
