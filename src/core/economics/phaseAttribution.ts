import type { FrontierPoint } from '../perf/frontier.js';
import type { PerfContext } from '../perf/perfContext.js';
import { promptChunks, promptSteps, promptTokenBudget, type PromptChunk, type Workload } from '../perf/serving.js';
import { prefillStep, stepTime } from '../perf/stepTime.js';
import { splitPrefillSeconds } from './cachedTokenCost.js';
import type { CostSplit } from './costSplit.js';
import type { PerTokenKind } from '../tokenKinds.js';

/**
 * GPU-seconds each kind of token bears at an operating point. For a request of `fresh` uncached
 * prompt tokens, `cached` prefix-cache hits and `O` output tokens,
 * `fresh·freshInput + cached·cachedInput + O·output` (`dotKinds(requestMix, seconds)`) is the
 * point's whole GPU-time per request.
 */
export type GpuSecondsPerToken = PerTokenKind;

/**
 * Instance-seconds one request's prompt costs when prefill runs as its own phase: the prompt cut
 * as the aggregated server cuts it (`promptChunks`: chunks that fill the engine's token budget,
 * then the remainder), each step filled with as many such chunks as the budget holds (so the
 * weights read once per step are shared, as in a prefill pool), each chunk attending to the prefix
 * before it (`cachedTokens` hits plus the earlier chunks). 0 when nothing is fresh.
 * Example: 2,500 fresh tokens under a 16,384-token budget: one chunk, 6 such chunks a step, a sixth of the step.
 */
export function standalonePrefillSeconds(ctx: PerfContext, freshTokens: number, cachedTokens: number): number {
  let seconds = 0;
  for (const chunk of promptChunks(freshTokens, cachedTokens, promptTokenBudget(ctx))) seconds += chunk.count * chunkAloneSeconds(ctx, chunk);
  return seconds;
}

/** Instance-seconds of one chunk as its own prefill phase: a step of as many such chunks as the token budget holds, shared among them. */
function chunkAloneSeconds(ctx: PerfContext, chunk: PromptChunk): number {
  const perStep = Math.max(1, Math.floor(promptTokenBudget(ctx) / chunk.tokens));
  return stepTime(ctx, prefillStep(perStep, chunk.tokens, chunk.prefixTokens)).stepSeconds / perStep;
}

/**
 * Share of a prompt's prefill that its prefix-cache hits cause: attending to the cached prefix and
 * reading its KV. 1 − (the prompt's standalone prefill without the prefix) / (with it); 0 without hits.
 */
export function cachedShareOfPrefill(ctx: PerfContext, freshTokens: number, cachedTokens: number): number {
  if (cachedTokens <= 0 || freshTokens <= 0) return 0;
  const withPrefix = standalonePrefillSeconds(ctx, freshTokens, cachedTokens);
  // Attention over a longer prefix never costs less; the max only absorbs rounding.
  return Math.max(0, 1 - standalonePrefillSeconds(ctx, freshTokens, 0) / withPrefix);
}

/**
 * Instance-seconds of prefill per request at an aggregated point, attributed by phase. A request's
 * lifetime `T = O·t_d + B·Σ(t_m − t_d)` (serving.ts) runs B mixed steps per prompt chunk, each a
 * decode step of the batch with one prompt chunk riding along. Each mixed step's time t_m is
 * split in proportion to the standalone costs of its two parts: the chunk as its own prefill phase
 * (s_p) and the decode step alone (t_d); pure decode steps belong to decode. Where the model has
 * more mixed steps than decode steps (B·chunks > O: many chunks, short answers) every step is
 * mixed and the whole lifetime is split in that proportion (the two agree at B·chunks = O).
 */
function aggregatedPrefillSeconds(ctx: PerfContext, p: FrontierPoint, workload: Workload, totalInstanceSecondsPerRequest: number): number {
  const steps = promptSteps(ctx, p.sequencesPerInstance, workload);
  const tDecode = steps.decode.stepSeconds;
  let mixedSteps = 0;
  let splitMixed = 0;
  let prefillAlone = 0;
  for (const { chunk, mixed } of steps.chunks) {
    const chunkAlone = chunkAloneSeconds(ctx, chunk);
    mixedSteps += p.sequencesPerInstance * chunk.count;
    splitMixed += chunk.count * mixed.stepSeconds * (chunkAlone / (chunkAlone + tDecode));
    prefillAlone += p.sequencesPerInstance * chunk.count * chunkAlone;
  }
  if (mixedSteps === 0) return 0;
  if (mixedSteps <= workload.outputTokens) return splitMixed;
  return totalInstanceSecondsPerRequest * (prefillAlone / (prefillAlone + workload.outputTokens * tDecode));
}

/**
 * The GPU-seconds per token of each kind at point `p` under `split`; `ctx` is the perf context of
 * the GPUs that prefill (the one pool when aggregated, the prefill pool when disaggregated).
 * `marginal`: a prompt bears the time its chunks add to the decode steps (splitPrefillSeconds).
 * `phase`: aggregated points split each mixed step by standalone cost (aggregatedPrefillSeconds);
 * disaggregated points already keep the phases on separate pools, each pool's GPU-time (idle
 * included) going to its phase. Under both, the prefill part is shared between fresh and cached
 * prompt tokens by `cachedShareOfPrefill`, and output takes the rest, so the three always add up to
 * the point's GPU-time per request.
 * Example: Kimi K2.5 on 16 H200 at the default workload: see test/core/economics/phaseAttribution.test.ts.
 */
export function gpuSecondsPerToken(ctx: PerfContext, p: FrontierPoint, workload: Workload, split: CostSplit): GpuSecondsPerToken {
  if (split === 'marginal') {
    const s = splitPrefillSeconds(ctx, p, workload);
    return { freshInput: s.freshInput, cachedInput: s.cachedInput, output: p.decodeGpuSecondsPerOutputToken };
  }
  const cached = workload.inputTokens * workload.prefixCacheHitRate;
  const fresh = workload.inputTokens - cached;
  const outputTokens = workload.outputTokens;
  const total = p.prefillGpuSecondsPerInputToken * fresh + p.decodeGpuSecondsPerOutputToken * outputTokens;
  const gpus = ctx.layout.gpusPerInstance;
  const prefill = fresh <= 0 ? 0
    : p.layout.mode === 'aggregated' ? gpus * aggregatedPrefillSeconds(ctx, p, workload, total / gpus)
      : p.prefillGpuSecondsPerInputToken * fresh;
  const cachedShare = cachedShareOfPrefill(ctx, fresh, cached);
  return {
    freshInput: fresh > 0 ? (prefill * (1 - cachedShare)) / fresh : 0,
    cachedInput: cached > 0 ? (prefill * cachedShare) / cached : 0,
    output: (total - prefill) / outputTokens,
  };
}
