/** A seeded source of uniform numbers in [0, 1): the core never calls Math.random. */
export interface Rng {
  next(): number;
}

/** One request as the simulator sees it. */
export interface Request {
  /** Arrival time, seconds from the start of the run. */
  readonly arrivalSeconds: number;
  readonly inputTokens: number;
  /** Prompt tokens already in the prefix cache (skip prefill). */
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  /**
   * Ids of the prompt's prefix blocks (a trace's `hash_ids`, 512 tokens each): equal ids across
   * requests are a shared prefix whose KV cache can be reused. Absent when the source does not know.
   */
  readonly prefixBlockIds?: readonly number[];
  /** Free traffic is admitted after paid traffic at capacity and may be shed (default: paid). */
  readonly free?: boolean;
}

/**
 * A source of requests in arrival order; `next()` returns null when the run's demand is over.
 * Generators are lazy so a million-request run never holds them all.
 */
export interface RequestSource {
  next(): Request | null;
}
