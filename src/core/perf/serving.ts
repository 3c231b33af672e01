import { stepTime, decodeStep, prefillStep, type StepTime, type StepWork } from './stepTime.js';
import { draftCostShare, tokensPerVerifyStep, type Speculation } from './speculation.js';
import type { PerfContext } from './perfContext.js';

/** Requests of `inputTokens` prompt and `outputTokens` answer; a share of each prompt hits the prefix cache. */
export interface Workload {
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Share of prompt tokens already in the prefix cache: their prefill is skipped (0 to 1). */
  readonly prefixCacheHitRate: number;
}

/** Steady-state performance of a serving setup. Per-GPU figures divide by every GPU of the setup. */
export interface ServingPoint {
  readonly inputTokensPerSecondPerGpu: number;
  readonly outputTokensPerSecondPerGpu: number;
  readonly totalTokensPerSecondPerGpu: number;
  /** Output tokens per second one request sees while it generates: 1 / TPOT. */
  readonly tokensPerSecondPerUser: number;
  /** Time per output token after the first. */
  readonly tpotSeconds: number;
  /** Time to first token (without queueing for admission). */
  readonly ttftSeconds: number;
  /** Requests in flight per instance (decode batch). */
  readonly sequencesPerInstance: number;
  /**
   * GPU-seconds one uncached prompt token costs, and one output token: how the GPU-time splits
   * between prefill and decode, as the steps spend it. A request costs
   * `fresh × prefill + O × decode` GPU-seconds in all (0 where the phase is not served).
   */
  readonly prefillGpuSecondsPerInputToken: number;
  readonly decodeGpuSecondsPerOutputToken: number;
  /** The decode step at that batch, so a reader sees what bounds it. */
  readonly decodeStep: StepTime | null;
  readonly prefillStep: StepTime | null;
}

function withDrafting(ctx: PerfContext, t: StepTime, spec: Speculation | null): number {
  return t.stepSeconds * (1 + draftCostShare(spec, ctx.model.layerCount));
}

function perGpu(ctx: PerfContext, perInstance: number): number {
  return perInstance / ctx.layout.gpusPerInstance;
}

/**
 * A pool that only decodes: `sequences` per instance, each with `contextTokens` in its cache.
 * TPOT is one step over the tokens a step emits; throughput is sequences over TPOT.
 */
export function decodeOnly(ctx: PerfContext, sequences: number, contextTokens: number, spec: Speculation | null = null): ServingPoint {
  const perStep = tokensPerVerifyStep(spec);
  const t = stepTime(ctx, decodeStep(sequences, contextTokens, spec === null ? 1 : 1 + spec.draftTokens));
  const tpotSeconds = withDrafting(ctx, t, spec) / perStep;
  const output = perGpu(ctx, sequences / tpotSeconds);
  return {
    inputTokensPerSecondPerGpu: 0, outputTokensPerSecondPerGpu: output, totalTokensPerSecondPerGpu: output,
    tokensPerSecondPerUser: 1 / tpotSeconds, tpotSeconds, ttftSeconds: 0, sequencesPerInstance: sequences,
    prefillGpuSecondsPerInputToken: 0, decodeGpuSecondsPerOutputToken: (ctx.layout.gpusPerInstance * tpotSeconds) / sequences,
    decodeStep: t, prefillStep: null,
  };
}

/**
 * A pool that only prefills: each step computes `sequences` prompts per instance. Input tokens
 * count cached ones too (as providers and DeepSeek count them); only uncached ones cost work.
 */
export function prefillOnly(ctx: PerfContext, sequences: number, workload: Workload): ServingPoint {
  const cached = workload.inputTokens * workload.prefixCacheHitRate;
  const t = stepTime(ctx, prefillStep(sequences, workload.inputTokens - cached, cached));
  const input = perGpu(ctx, (sequences * workload.inputTokens) / t.stepSeconds);
  const fresh = workload.inputTokens - cached;
  return {
    inputTokensPerSecondPerGpu: input, outputTokensPerSecondPerGpu: 0, totalTokensPerSecondPerGpu: input,
    tokensPerSecondPerUser: 0, tpotSeconds: 0, ttftSeconds: t.stepSeconds, sequencesPerInstance: sequences,
    prefillGpuSecondsPerInputToken: fresh > 0 ? (ctx.layout.gpusPerInstance * t.stepSeconds) / (sequences * fresh) : 0,
    decodeGpuSecondsPerOutputToken: 0,
    decodeStep: null, prefillStep: t,
  };
}

/** A decode step of `sequences` with one prompt chunk of `chunkTokens` riding along (chunked prefill). */
function mixedStep(sequences: number, contextTokens: number, verifyTokens: number, chunkTokens: number, cachedTokens: number): StepWork {
  return { ...decodeStep(sequences, contextTokens, verifyTokens), prefillSequences: 1, prefillNewTokensPerSequence: chunkTokens, prefillCachedTokensPerSequence: cachedTokens };
}

/** `count` prompt chunks of `tokens` fresh tokens each, attending on average to `prefixTokens` before them. */
export interface PromptChunk {
  readonly count: number;
  readonly tokens: number;
  readonly prefixTokens: number;
}

/** The prompt tokens an engine computes in one step: its token budget, over all data-parallel attention ranks. */
export function promptTokenBudget(ctx: PerfContext): number {
  return ctx.framework.maxBatchedTokens * ctx.layout.attentionDp;
}

/**
 * How chunked prefill cuts a prompt of `freshTokens` uncached tokens that follows `cachedTokens`
 * prefix-cache hits, under a budget of `budgetTokens` a step: as many chunks as fill the budget,
 * then the remainder (vLLM's and SGLang's schedulers give a prompt what is left of the step's token
 * budget, as the engine simulator does). A prompt one token longer than a multiple of the budget
 * thus costs one more step of one token, not a re-cut into equal, smaller chunks. Empty when
 * nothing is fresh.
 * Example: 40,000 fresh tokens under 16,384: 2 chunks of 16,384 (attending on average to 8,192
 * earlier tokens), then one of 7,232 (attending to 32,768).
 */
export function promptChunks(freshTokens: number, cachedTokens: number, budgetTokens: number): PromptChunk[] {
  if (!(freshTokens > 0)) return [];
  const full = Math.floor(freshTokens / budgetTokens);
  const rest = freshTokens - full * budgetTokens;
  const chunks: PromptChunk[] = [];
  if (full > 0) chunks.push({ count: full, tokens: budgetTokens, prefixTokens: cachedTokens + ((full - 1) * budgetTokens) / 2 });
  if (rest > 0) chunks.push({ count: 1, tokens: rest, prefixTokens: cachedTokens + full * budgetTokens });
  return chunks;
}

/** A request's prompt chunks at batch `sequences`, each with the mixed step (the batch's decode step plus that chunk) it rides on. */
export interface PromptSteps {
  readonly decode: StepTime;
  readonly chunks: readonly { readonly chunk: PromptChunk; readonly mixed: StepTime }[];
}

/** The decode step of `sequences` requests of `workload` and the mixed steps that carry one request's prompt chunks. */
export function promptSteps(ctx: PerfContext, sequences: number, workload: Workload, spec: Speculation | null = null): PromptSteps {
  const { inputTokens: I, outputTokens: O } = workload;
  const verify = spec === null ? 1 : 1 + spec.draftTokens;
  const context = I + O / 2;
  const cached = I * workload.prefixCacheHitRate;
  const chunks = promptChunks(I - cached, cached, promptTokenBudget(ctx));
  return {
    decode: stepTime(ctx, decodeStep(sequences, context, verify)),
    chunks: chunks.map((chunk) => ({ chunk, mixed: stepTime(ctx, mixedStep(sequences, context, verify, chunk.tokens, chunk.prefixTokens)) })),
  };
}

/**
 * How new requests reach a continuously batching server. `steady`: spread out in time (Poisson-like
 * traffic). `waves`: together, as in fixed-concurrency and offline benchmarks of equal-length
 * requests, whose requests start and finish in step, so each new one queues behind the others'
 * prompts.
 */
export type Arrivals = 'steady' | 'waves';

/**
 * Time a new request's prompt waits for others' prompts. Waves: half of the other slots' prefill
 * work. Steady: the M/D/1 mean wait `ρ·s / (2(1 − ρ))` with service time s and load ρ.
 */
function prefillWaitSeconds(arrivals: Arrivals, sequences: number, prefillPerRequest: number, lifetime: number): number {
  if (arrivals === 'waves') return ((sequences - 1) / 2) * prefillPerRequest;
  const load = Math.min(0.99, (sequences / lifetime) * prefillPerRequest);
  return (load * prefillPerRequest) / (2 * (1 - load));
}

/**
 * Continuous batching with prefill and decode on the same GPUs: `sequences` requests per
 * instance in flight, each replaced as it finishes. Each request's prompt is computed in chunks that
 * fill the framework's token budget (`promptChunks`) riding on decode steps, so a request's lifetime is
 * `O/τ` decode steps plus, by Little's law, the prefill work of all `sequences` slots refilled once:
 * `T = (O/τ)·t_d + B·Δ_prefill`. TTFT waits half a step then runs its chunks; TPOT spreads the rest
 * of the lifetime over the remaining tokens.
 */
export function aggregated(ctx: PerfContext, sequences: number, workload: Workload, spec: Speculation | null = null, arrivals: Arrivals = 'steady'): ServingPoint {
  const { inputTokens: I, outputTokens: O } = workload;
  const perStep = tokensPerVerifyStep(spec);
  const steps = promptSteps(ctx, sequences, workload, spec);
  const tDecode = withDrafting(ctx, steps.decode, spec);
  const fresh = I - I * workload.prefixCacheHitRate;
  let prefillPerRequest = 0;
  let promptStepsSeconds = 0;
  for (const { chunk, mixed } of steps.chunks) {
    const tMixed = withDrafting(ctx, mixed, spec);
    prefillPerRequest += chunk.count * Math.max(0, tMixed - tDecode);
    promptStepsSeconds += chunk.count * tMixed;
  }
  const lifetime = (O / perStep) * tDecode + sequences * prefillPerRequest;
  // A prompt wholly in the prefix cache still takes one step to give its first token.
  const ttftSeconds = ctx.framework.requestOverheadSeconds + tDecode / 2 + (steps.chunks.length > 0 ? promptStepsSeconds : tDecode) +
    prefillWaitSeconds(arrivals, sequences, prefillPerRequest, lifetime);
  const tpotSeconds = O > 1 ? Math.max(tDecode / perStep, (lifetime - ttftSeconds) / (O - 1)) : tDecode / perStep;
  const input = perGpu(ctx, (sequences * I) / lifetime);
  const output = perGpu(ctx, (sequences * O) / lifetime);
  // GPU-time split: a prompt costs the time its chunks add to the decode steps they ride on; the
  // decode steps themselves are shared by the batch.
  const gpus = ctx.layout.gpusPerInstance;
  return {
    inputTokensPerSecondPerGpu: input, outputTokensPerSecondPerGpu: output, totalTokensPerSecondPerGpu: input + output,
    tokensPerSecondPerUser: 1 / tpotSeconds, tpotSeconds, ttftSeconds, sequencesPerInstance: sequences,
    prefillGpuSecondsPerInputToken: fresh > 0 ? (gpus * prefillPerRequest) / fresh : 0,
    decodeGpuSecondsPerOutputToken: O > 0 ? (gpus * (O / perStep) * tDecode) / (sequences * O) : 0,
    // The step a reader is shown: the one that carries the prompt's first (largest) chunk.
    decodeStep: steps.decode, prefillStep: steps.chunks[0]?.mixed ?? null,
  };
}

/**
 * A closed loop of `clients` requests in flight per instance (a fixed-concurrency benchmark, or a
 * provider's admission queue), served by an engine that runs at most `maxSequences` of them at
 * once. Beyond the cap the rest wait for a slot: by Little's law over the waiting room, a waiting
 * request spends `(clients − B) / X` seconds there, X the instance's completion rate at batch B,
 * and that wait is part of its TTFT. Throughput and TPOT are those of the batch the engine runs.
 * Example: 600 clients on an engine capped at 256 that finishes 20 requests/s wait 17.2 s each.
 */
export function closedLoop(ctx: PerfContext, clients: number, maxSequences: number, workload: Workload, spec: Speculation | null = null, arrivals: Arrivals = 'steady'): ServingPoint {
  const batch = Math.min(clients, maxSequences);
  const point = aggregated(ctx, batch, workload, spec, arrivals);
  if (clients <= batch) return point;
  const completionsPerSecond = (point.outputTokensPerSecondPerGpu * ctx.layout.gpusPerInstance) / Math.max(1, workload.outputTokens);
  return { ...point, ttftSeconds: point.ttftSeconds + (clients - batch) / completionsPerSecond };
}
