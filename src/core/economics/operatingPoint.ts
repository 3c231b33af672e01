import type { FrontierPoint } from '../perf/frontier.js';
import { dotKinds, type PerTokenKind } from '../tokenKinds.js';

/** The latency a user needs: a floor on tokens/s per user and a ceiling on TTFT (null: no bound). */
export interface LatencyTarget {
  readonly minTokensPerSecondPerUser: number | null;
  readonly maxTtftSeconds: number | null;
}

export type OperatingPointChoice =
  | { readonly meetsTarget: true; readonly point: FrontierPoint; readonly candidates: number }
  | { readonly meetsTarget: false; readonly point: FrontierPoint; readonly reason: string };

/** GPU-seconds of one request of `mix` tokens at a point (prefix-cache hits aside: they cost little and alike). */
export function gpuSecondsPerRequest(p: FrontierPoint, mix: PerTokenKind): number {
  return dotKinds(mix, { freshInput: p.prefillGpuSecondsPerInputToken, cachedInput: 0, output: p.decodeGpuSecondsPerOutputToken });
}

/**
 * The cheapest point that meets the target: among evaluated points with tokens/s per user at least
 * the floor and TTFT at most the ceiling, the one with the fewest GPU-seconds per request. When none
 * meets it, the point closest to it (fastest per user) with the reason, so the report can say so.
 */
export function chooseOperatingPoint(points: readonly FrontierPoint[], target: LatencyTarget, mix: PerTokenKind): OperatingPointChoice | null {
  if (points.length === 0) return null;
  const ok = (p: FrontierPoint) =>
    (target.minTokensPerSecondPerUser === null || p.tokensPerSecondPerUser >= target.minTokensPerSecondPerUser) &&
    (target.maxTtftSeconds === null || p.ttftSeconds <= target.maxTtftSeconds);
  const feasible = points.filter(ok);
  if (feasible.length > 0) {
    const best = feasible.reduce((a, b) => (gpuSecondsPerRequest(b, mix) < gpuSecondsPerRequest(a, mix) ? b : a));
    return { meetsTarget: true, point: best, candidates: feasible.length };
  }
  const fastest = points.reduce((a, b) => (b.tokensPerSecondPerUser > a.tokensPerSecondPerUser ? b : a));
  // A loop, not a spread: a large cluster's frontier has more points than a call may take arguments.
  const minTtft = points.reduce((m, p) => Math.min(m, p.ttftSeconds), Number.POSITIVE_INFINITY);
  const why = [
    target.minTokensPerSecondPerUser !== null && fastest.tokensPerSecondPerUser < target.minTokensPerSecondPerUser
      ? `the fastest point gives ${fastest.tokensPerSecondPerUser.toFixed(1)} tokens/s per user, under the ${target.minTokensPerSecondPerUser} asked` : null,
    target.maxTtftSeconds !== null && minTtft > target.maxTtftSeconds ? `the shortest TTFT is ${minTtft.toFixed(2)} s, over the ${target.maxTtftSeconds} s asked` : null,
  ].filter((x) => x !== null);
  return { meetsTarget: false, point: fastest, reason: why.length > 0 ? why.join('; ') : 'no point meets both bounds at once' };
}
