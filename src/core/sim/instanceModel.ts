import { memoryFit } from '../memory/memoryFit.js';
import type { PerfContext } from '../perf/perfContext.js';
import { decodeStep, stepTime } from '../perf/stepTime.js';

/**
 * What the simulator needs of one serving instance, precomputed from the performance model so
 * that a step costs a table look-up: a million-request run takes millions of steps.
 */
export interface InstanceModel {
  /** Seconds of one step with `decodeSequences` generating and `prefillTokens` of prompt computed. */
  stepSeconds(decodeSequences: number, prefillTokens: number): number;
  /** Sequences the engine runs at once. */
  readonly maxSequences: number;
  /** KV-cache tokens the instance holds (a request reserves its prompt + output at admission). */
  readonly kvCapacityTokens: number;
  /** Prompt tokens one step may compute (chunked prefill). */
  readonly maxBatchedTokens: number;
  readonly gpus: number;
  /** KV-cache bytes of one token, whole model (what a cached prefix block costs in HBM or DRAM); absent for hand-made models. */
  readonly kvCacheBytesPerToken?: number;
}

/**
 * Tabulates an instance from the performance model at the workload's mean context: the mixed step
 * (decode batch plus whole prompts of the workload's length, chunked prefill) on a grid of batches
 * and prompt loads, interpolated; a few prompts ride nearly free on a memory-bound decode step,
 * a full prompt budget makes it compute-bound, as the model says.
 * Example: instanceModel(ctx, 1500).stepSeconds(64, 0) is the decode step of 64 sequences.
 */
export function instanceModel(
  ctx: PerfContext,
  meanContextTokens: number,
  prompt: { readonly freshTokens: number; readonly cachedTokens: number } = { freshTokens: 1024, cachedTokens: 0 },
  /** The batch cap to run at (default the engine's); the prompt cost is measured on a step of it. */
  batchCap?: number,
): InstanceModel {
  const l = ctx.layout;
  const fit = memoryFit(ctx.model, ctx.gpu, l.gpusPerInstance, { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention }, {
    weightPrecisions: ctx.weightPrecisions, kvPrecision: ctx.kvPrecision, contextTokens: Math.max(1, Math.round(meanContextTokens)),
  });
  const kvCapacityTokens = Math.max(0, fit.maxKvTokensPerGpu * l.attentionDp);
  const maxSequences = Math.max(1, Math.floor(batchCap ?? ctx.framework.maxBatchSequences * l.attentionDp));
  const chunk = ctx.framework.maxBatchedTokens * l.attentionDp;
  const fresh = Math.max(1, Math.min(chunk, prompt.freshTokens));
  // Grids: every batch up to 256, then 10% apart; prompt loads of 0, 1, 2, 4, … whole prompts up
  // to the budget. A step is the performance model's mixed step, interpolated on both grids.
  const batches: number[] = [0];
  for (let b = 1; b <= maxSequences; b = b < 256 ? b + 1 : Math.max(b + 1, Math.round(b * 1.1))) batches.push(b);
  if (batches[batches.length - 1] !== maxSequences) batches.push(maxSequences);
  const promptTokens: number[] = [0];
  for (let k = 1; k * fresh < chunk; k *= 2) promptTokens.push(k * fresh);
  promptTokens.push(chunk);
  const table = batches.map((b) => promptTokens.map((p) => {
    if (b === 0 && p === 0) return 0;
    const prompts = p / fresh;
    return stepTime(ctx, {
      ...decodeStep(b, meanContextTokens),
      prefillSequences: prompts, prefillNewTokensPerSequence: p > 0 ? fresh : 0, prefillCachedTokensPerSequence: prompt.cachedTokens,
    }).stepSeconds;
  }));
  const locate = (grid: readonly number[], x: number): [number, number] => {
    if (x >= (grid[grid.length - 1] as number)) return [grid.length - 2, 1];
    let lo = 0;
    let hi = grid.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((grid[mid] as number) <= x) lo = mid;
      else hi = mid;
    }
    const a = grid[lo] as number;
    const b = grid[lo + 1] as number;
    return [lo, (x - a) / (b - a)];
  };
  const at = (i: number, j: number) => (table[i] as Float64Array | number[])[j] as number;
  const stepSeconds = (b: number, p: number) => {
    const [i, u] = locate(batches, Math.min(b, maxSequences));
    const extra = p > chunk ? (p - chunk) / chunk : 0;
    const [j, v] = locate(promptTokens, Math.min(p, chunk));
    const mix = (ii: number) => at(ii, j) * (1 - v) + at(ii, j + 1) * v;
    const t = mix(i) * (1 - u) + mix(i + 1) * u;
    return t + extra * (at(i, promptTokens.length - 1) - at(i, 0));
  };
  return {
    stepSeconds,
    maxSequences,
    kvCapacityTokens,
    maxBatchedTokens: chunk,
    gpus: l.gpusPerInstance,
    kvCacheBytesPerToken: fit.kvCacheBytesPerToken,
  };
}
