import type { FrontierPoint } from '../perf/frontier.js';
import type { PerfContext } from '../perf/perfContext.js';
import { aggregated, prefillOnly, type Workload } from '../perf/serving.js';

/**
 * Splits a request's prefill GPU-time between its fresh prompt tokens and its prefix-cache hits:
 * the same prefill is costed again without the cached prefix (same fresh tokens, on the same
 * basis: riding on the decode batch when aggregated, a prefill-pool step when disaggregated), the
 * fresh tokens get that, and the cached tokens the difference (attending to them and reading
 * their KV). The two parts add up to the point's prefill GPU-time.
 * Example: 2,500 fresh after 2,500 cached: the cached tokens carry the extra attention the fresh
 * ones pay to look back at them.
 */
export function splitPrefillSeconds(ctx: PerfContext, p: FrontierPoint, workload: Workload): { freshInput: number; cachedInput: number } {
  const cached = workload.inputTokens * workload.prefixCacheHitRate;
  const fresh = workload.inputTokens - cached;
  if (cached <= 0 || fresh <= 0) return { freshInput: p.prefillGpuSecondsPerInputToken, cachedInput: 0 };
  const total = p.prefillGpuSecondsPerInputToken * fresh;
  const noPrefix: Workload = { inputTokens: fresh, outputTokens: workload.outputTokens, prefixCacheHitRate: 0 };
  const alone = p.layout.mode === 'aggregated'
    ? aggregated(ctx, p.sequencesPerInstance, noPrefix).prefillGpuSecondsPerInputToken * fresh
    : prefillOnly(ctx, ctx.layout.attentionDp, noPrefix).prefillGpuSecondsPerInputToken * fresh *
      (total / (prefillOnly(ctx, ctx.layout.attentionDp, workload).prefillGpuSecondsPerInputToken * fresh));
  const freshSeconds = Math.min(alone, total);
  return { freshInput: freshSeconds / fresh, cachedInput: (total - freshSeconds) / cached };
}
