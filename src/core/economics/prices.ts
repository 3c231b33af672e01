/** What a provider charges, per million tokens of each kind. */
export interface TokenPrices {
  readonly inputUsdPerMillion: number;
  /** Prompt tokens served from the prefix cache; providers charge 10-25% of the input price. */
  readonly cachedInputUsdPerMillion: number;
  readonly outputUsdPerMillion: number;
}

/** Tokens of each kind in one average request: prompt tokens split by prefix-cache hit, and output. */
export interface RequestMix {
  readonly freshInputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
}

/** The mix of a request of `inputTokens` prompt (a share `hitRate` cached) and `outputTokens` answer. */
export function requestMix(inputTokens: number, outputTokens: number, hitRate: number): RequestMix {
  return { freshInputTokens: inputTokens * (1 - hitRate), cachedInputTokens: inputTokens * hitRate, outputTokens };
}

/** Revenue of one request at `prices`. Example: 1,000 fresh at $0.5/M + 500 out at $2.5/M = $0.00175. */
export function revenueUsdPerRequest(mix: RequestMix, prices: TokenPrices): number {
  return (
    (mix.freshInputTokens * prices.inputUsdPerMillion +
      mix.cachedInputTokens * prices.cachedInputUsdPerMillion +
      mix.outputTokens * prices.outputUsdPerMillion) / 1e6
  );
}
