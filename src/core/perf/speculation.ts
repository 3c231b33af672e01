/** Speculative decoding: a drafter proposes tokens that one verification step of the target model checks. */
export interface Speculation {
  readonly method: 'mtp' | 'eagle' | 'draft';
  /** Tokens drafted per step. */
  readonly draftTokens: number;
  /** Probability that each drafted token is accepted given the previous one was (DeepSeek reports 0.85–0.9 for MTP). */
  readonly acceptanceRate: number;
}

/**
 * Expected tokens one verification step emits: 1 + a + a² + … + aⁿ (each draft accepted only if
 * all before it were). Example: one MTP token at 0.85 acceptance emits 1.85 tokens per step.
 */
export function tokensPerVerifyStep(spec: Speculation | null): number {
  if (spec === null) return 1;
  let sum = 1;
  for (let i = 1; i <= spec.draftTokens; i++) sum += Math.pow(spec.acceptanceRate, i);
  return sum;
}

/**
 * Extra step time of drafting, as a share of a target step: MTP and EAGLE heads are about one
 * transformer layer per drafted token; a separate draft model is taken as a tenth of the target.
 */
export function draftCostShare(spec: Speculation | null, layerCount: number): number {
  if (spec === null) return 0;
  return spec.method === 'draft' ? 0.1 * spec.draftTokens : spec.draftTokens / layerCount;
}
