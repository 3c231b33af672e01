/**
 * Expected number of distinct experts, out of `expertCount`, that `tokenCount` tokens routed to
 * `expertsPerToken` experts each touch, with uniform independent routing:
 * `E · (1 − (1 − k/E)^N)` (Epoch AI, "Inference economics of language models", 2025).
 * Example: expectedExpertsTouched(256, 8, 1) = 8; with 1,000 tokens nearly all 256.
 */
export function expectedExpertsTouched(expertCount: number, expertsPerToken: number, tokenCount: number): number {
  if (tokenCount <= 0) return 0;
  return expertCount * (1 - Math.pow(1 - expertsPerToken / expertCount, tokenCount));
}
