import { normalQuantile } from '../uncertainty/normalQuantile.js';
import type { PerfContext } from './perfContext.js';
import { draftCostShare, tokensPerVerifyStep, type Speculation } from './speculation.js';
import { stepTime, type StepWork } from './stepTime.js';

/** One request offered to an engine instance. */
export interface EngineRequest {
  readonly arrivalSeconds: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Prompt tokens already in the prefix cache: no prefill work, but they occupy KV. */
  readonly cachedTokens: number;
}

export interface EngineLimitsInUse {
  /** Sequences the engine runs at once (its batch cap across attention ranks). */
  readonly maxSequences: number;
  /** KV-cache tokens the instance holds; a request is admitted with room for its whole context. */
  readonly kvCapacityTokens: number;
  /** Prompt and decode tokens one step may carry across attention ranks. */
  readonly maxBatchedTokens: number;
}

export interface EngineRun {
  readonly requests: number;
  /** From the first arrival to the last completion. */
  readonly makespanSeconds: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Means over requests, as `vllm bench serve` reports them. */
  readonly meanTtftSeconds: number;
  readonly meanTpotSeconds: number;
  readonly steps: number;
}

interface Running {
  readonly request: EngineRequest;
  prefillLeft: number;
  generated: number;
  firstTokenSeconds: number;
}

/** Upper bound on steps one run may take (a guard against a request that can never finish). */
export const MAX_ENGINE_STEPS = 2_000_000;

/**
 * Serves `requests` (sorted by arrival) on one engine instance step by step, as a continuously
 * batching engine does: first come first served admission while the batch cap and the KV cache
 * allow, chunked prefill within the step's token budget (decode tokens first, as vLLM and
 * TensorRT-LLM count them), a request's first token at the end of the step that finishes its
 * prompt, and step times from the performance model. Queueing for a slot, for KV space and behind
 * other prompts is therefore part of TTFT, and a finite burst's tail is part of its throughput.
 * Step times are memoised on the batch shape rounded to a few percent.
 * Example: 1,000 requests arriving at once on an engine capped at 256 run in about four waves.
 */
export function simulateEngine(ctx: PerfContext, requests: readonly EngineRequest[], limits: EngineLimitsInUse, spec: Speculation | null = null): EngineRun {
  const perStep = tokensPerVerifyStep(spec);
  const verify = spec === null ? 1 : 1 + spec.draftTokens;
  const drafting = 1 + draftCostShare(spec, ctx.model.layerCount);
  const memo = new Map<string, number>();
  const stepSeconds = (work: StepWork) => {
    const round = (x: number) => (x <= 16 ? Math.round(x) : Math.round(Math.exp(Math.round(Math.log(x) * 40) / 40)));
    const key = `${work.decodeSequences}|${round(work.decodeContextTokens)}|${round(work.prefillNewTokensPerSequence)}|${round(work.prefillCachedTokensPerSequence)}`;
    let t = memo.get(key);
    if (t === undefined) {
      t = stepTime(ctx, work).stepSeconds * drafting;
      memo.set(key, t);
    }
    return t;
  };
  let now = requests[0]?.arrivalSeconds ?? 0;
  const start = now;
  let next = 0;
  let kvUsed = 0;
  const running: Running[] = [];
  let ttftSum = 0;
  let tpotSum = 0;
  let tpotCount = 0;
  let done = 0;
  let steps = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  while (done < requests.length && steps < MAX_ENGINE_STEPS) {
    // Admit in arrival order while a slot and KV room remain (no overtaking).
    while (next < requests.length && (requests[next] as EngineRequest).arrivalSeconds <= now && running.length < limits.maxSequences) {
      const r = requests[next] as EngineRequest;
      const context = r.inputTokens + r.outputTokens;
      if (running.length > 0 && kvUsed + context > limits.kvCapacityTokens) break;
      kvUsed += context;
      running.push({ request: r, prefillLeft: Math.max(0, r.inputTokens - r.cachedTokens), generated: 0, firstTokenSeconds: Number.NaN });
      next++;
    }
    if (running.length === 0) {
      now = Math.max(now, (requests[next] as EngineRequest).arrivalSeconds);
      continue;
    }
    // Decode tokens take the budget first; the rest goes to prompt chunks in admission order.
    const decoding = running.filter((s) => s.prefillLeft === 0);
    let budget = Math.max(0, limits.maxBatchedTokens - decoding.length * verify);
    let chunkTokens = 0;
    let chunkOffset = 0;
    const finishingPrefill: Running[] = [];
    for (const s of running) {
      if (s.prefillLeft === 0 || budget <= 0) continue;
      const take = Math.min(s.prefillLeft, budget);
      chunkOffset += (s.request.inputTokens - s.prefillLeft) * take;
      chunkTokens += take;
      budget -= take;
      s.prefillLeft -= take;
      if (s.prefillLeft === 0) finishingPrefill.push(s);
    }
    const decodeContext = decoding.length === 0 ? 0 : decoding.reduce((sum, s) => sum + s.request.inputTokens + s.generated, 0) / decoding.length;
    const dt = stepSeconds({
      decodeSequences: decoding.length, decodeContextTokens: decodeContext, tokensPerDecodeSequence: verify,
      prefillSequences: chunkTokens > 0 ? 1 : 0, prefillNewTokensPerSequence: chunkTokens,
      prefillCachedTokensPerSequence: chunkTokens > 0 ? chunkOffset / chunkTokens : 0,
    });
    now += dt;
    steps++;
    for (const s of decoding) s.generated += perStep;
    for (const s of finishingPrefill) {
      s.generated = 1;
      s.firstTokenSeconds = now;
    }
    for (let i = running.length - 1; i >= 0; i--) {
      const s = running[i] as Running;
      if (s.prefillLeft > 0 || s.generated < s.request.outputTokens) continue;
      running.splice(i, 1);
      kvUsed -= s.request.inputTokens + s.request.outputTokens;
      done++;
      inputTokens += s.request.inputTokens;
      outputTokens += s.request.outputTokens;
      ttftSum += s.firstTokenSeconds - s.request.arrivalSeconds;
      if (s.request.outputTokens > 1) {
        tpotSum += (now - s.firstTokenSeconds) / (s.request.outputTokens - 1);
        tpotCount++;
      }
    }
  }
  return {
    requests: done,
    makespanSeconds: now - start,
    inputTokens,
    outputTokens,
    meanTtftSeconds: done === 0 ? 0 : ttftSum / done + ctx.framework.requestOverheadSeconds,
    meanTpotSeconds: tpotCount === 0 ? 0 : tpotSum / tpotCount,
    steps,
  };
}

/**
 * Deterministic request lengths with the given means: `fixed` gives every request exactly the
 * means; `varied` spreads them lognormally (σ 0.7 in log space, about a dataset such as ShareGPT's
 * spread) by evenly spaced quantiles, output lengths in a shuffled order so the two are not
 * correlated. No randomness: the same call gives the same lengths.
 */
export function requestLengths(count: number, inputTokens: number, outputTokens: number, lengths: 'fixed' | 'varied'): { inputTokens: number; outputTokens: number }[] {
  const sigma = 0.7;
  const spread = (mean: number, u: number) => Math.max(1, Math.round(mean * Math.exp(sigma * normalQuantile(u) - (sigma * sigma) / 2)));
  // A stride coprime with the count visits every index once: a fixed shuffle.
  let stride = Math.max(1, Math.round(count * 0.618));
  while (gcd(stride, count) !== 1) stride++;
  return Array.from({ length: count }, (_, i) => {
    if (lengths === 'fixed') return { inputTokens, outputTokens };
    const j = (i * stride) % count;
    return { inputTokens: spread(inputTokens, (i + 0.5) / count), outputTokens: Math.max(1, spread(outputTokens, (j + 0.5) / count)) };
  });
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Arrival times of `count` requests at `ratePerSecond` with exponential gaps (a Poisson process),
 * drawn by evenly spaced quantiles in a fixed shuffled order: deterministic, with the right mean
 * and spread of gaps.
 */
export function poissonArrivals(count: number, ratePerSecond: number): number[] {
  let stride = Math.max(1, Math.round(count * 0.382));
  while (gcd(stride, count) !== 1) stride++;
  let t = 0;
  return Array.from({ length: count }, (_, i) => {
    const u = (((i * stride) % count) + 0.5) / count;
    const at = t;
    t += -Math.log(1 - u) / ratePerSecond;
    return at;
  });
}
