import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { MODELS } from '../catalog/models.js';
import { buildPerfContext } from '../perf/buildContext.js';
import { decodeOnly, prefillOnly, type ServingPoint } from '../perf/serving.js';
import type { Speculation } from '../perf/speculation.js';
import { diurnalProfile } from '../demand/profile.js';
import { autoscaledFleet, instancesAt } from '../sim/fleetSchedule.js';
import { cachedShareOfPrefill } from '../economics/phaseAttribution.js';
import { dotKinds } from '../tokenKinds.js';
import { SECONDS_PER_HOUR, TOKENS_PER_MILLION } from '../units.js';
import { InputError } from '../errors.js';

/**
 * DeepSeek's published day of V3/R1 serving ("Inference System Overview", open-infra-index,
 * 2025-03-01; ../shared/MODELING.md §8). Every figure as published.
 */
export const DEEPSEEK_DAY = {
  source: 'https://github.com/deepseek-ai/open-infra-index/blob/main/202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md',
  date: '2025-03-01',
  hours: 24,
  gpusPerNode: 8,
  averageNodes: 226.75,
  peakNodes: 278,
  gpuHourUsd: 2,
  inputTokens: 608e9,
  cachedInputTokens: 342e9,
  outputTokens: 168e9,
  tokensPerSecondPerUser: { low: 20, high: 22 },
  meanKvTokensPerOutputToken: 4989,
  pricesUsdPerMillion: { cachedInput: 0.14, input: 0.55, output: 2.19 },
  dailyCostUsd: 87_072,
  revenueUsd: 562_027,
  costProfitMargin: 5.45,
  prefill: { nodes: 4, ep: 32 },
  decode: { nodes: 18, ep: 144 },
  inputTokensPerSecondPerNode: 73.7e3,
  outputTokensPerSecondPerNode: 14.8e3,
} as const;

/**
 * DeepSeek's own profile of the same layouts at full batch (deepseek-ai/profile-data, 2025-02-27:
 * prefill EP32, 4,096-token prompts, 16,384 tokens a GPU a step, no cache; decode EP128, 128
 * sequences a GPU over 4,096 tokens of KV; expert routing simulated as perfectly balanced), as
 * throughput per node computed from the trace by LMSYS ("Deploying DeepSeek with PD
 * Disaggregation and Large-scale Expert Parallelism on 96 H100 GPUs", 2025-05-05,
 * lm-sys/lm-sys.github.io blog/2025-05-05-large-scale-ep.md, "Overall Throughput" tables). LMSYS
 * notes that the profile's prefill throughput is roughly twice the production day's.
 */
export const DEEPSEEK_PROFILE = {
  source: 'https://github.com/deepseek-ai/profile-data ; https://github.com/lm-sys/lm-sys.github.io/blob/main/blog/2025-05-05-large-scale-ep.md',
  date: '2025-05-05',
  prefill: { nodes: 4, ep: 32, promptTokens: 4096, tokensPerGpuPerStep: 16_384, freshInputTokensPerSecondPerNode: 62_713 },
  decode: { nodes: 16, ep: 128, kvTokens: 4096, sequencesPerGpu: 128, outputTokensPerSecondPerNode: 18_598 },
} as const;

/**
 * Share of its capacity the prefill pool used, averaged over the day: the day's cache-miss prompt
 * tokens a second per prefill node (73.7k × (1 − 342B / 608B) = 32.2k) over what the same node
 * prefills in DeepSeek's own full-batch profile (62.7k): 0.514. A measured fact of that day (both
 * figures are DeepSeek's, the second as LMSYS computed it from the trace), not a fitted factor:
 * the prefill pool ran half idle on average (the day's troughs, bursts held for TTFT, prompt
 * lengths and expert loads less even than the profile's). It is why the day's per-node prefill
 * rate is half the model's capacity; the model's capacity itself is checked against the profile.
 */
export function publishedPrefillPoolOccupancy(): number {
  const d = DEEPSEEK_DAY;
  const freshShare = 1 - d.cachedInputTokens / d.inputTokens;
  return (d.inputTokensPerSecondPerNode * freshShare) / DEEPSEEK_PROFILE.prefill.freshInputTokensPerSecondPerNode;
}

/** MTP as DeepSeek describes it for V3: one extra token, accepted 85-90% of the time (V3 technical report). */
export const DEEPSEEK_MTP: Speculation = { method: 'mtp', draftTokens: 1, acceptanceRate: 0.875 };

/** The day's accounting from its token counts, prices, nodes and $2 per GPU-hour. */
export function deepseekAccounting() {
  const d = DEEPSEEK_DAY;
  const dailyCostUsd = d.averageNodes * d.gpusPerNode * d.hours * d.gpuHourUsd;
  const p = d.pricesUsdPerMillion;
  const tokens = { freshInput: d.inputTokens - d.cachedInputTokens, cachedInput: d.cachedInputTokens, output: d.outputTokens };
  const revenueUsd = dotKinds(tokens, { freshInput: p.input, cachedInput: p.cachedInput, output: p.output }) / TOKENS_PER_MILLION;
  return { dailyCostUsd, revenueUsd, costProfitMargin: (revenueUsd - dailyCostUsd) / dailyCostUsd };
}

/**
 * Mean prompt of the day, which DeepSeek does not publish, from what it does: if every request has
 * a prompt of P and an answer of O tokens, the input-to-output ratio is P / O = 608B / 168B and the
 * mean KV length per output token is P + O / 2 = 4,989, so P = 4,989 / (1 + O / (2P)) ≈ 4,383.
 */
export function derivedPromptTokens(): number {
  const d = DEEPSEEK_DAY;
  const outputPerInput = d.outputTokens / d.inputTokens;
  return d.meanKvTokensPerOutputToken / (1 + outputPerInput / 2);
}

/** DeepSeek's layout on H800 nodes: EP `ep` with data-parallel attention, fp8 weights, in-house framework factors. */
function deepseekSetup(nodes: number, ep: number) {
  return buildPerfContext({
    model: findById('model', 'deepseek-v3', MODELS), gpu: findById('gpu', 'h800', ACCELERATORS), gpus: nodes * DEEPSEEK_DAY.gpusPerNode,
    layout: { tp: ep, ep, dpAttention: true }, weightPrecision: 'fp8', framework: 'in-house',
  });
}

/** Largest decode batch (bisection) whose tokens/s per user is at least `target`; null if even one sequence is slower. */
function batchAtSpeed(at: (batch: number) => ServingPoint, target: number, maxBatch: number): ServingPoint | null {
  if (at(1).tokensPerSecondPerUser < target) return null;
  let lo = 1;
  let hi = maxBatch;
  if (at(hi).tokensPerSecondPerUser >= target) return at(hi);
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (at(mid).tokensPerSecondPerUser >= target) lo = mid;
    else hi = mid;
  }
  return at(lo);
}

/**
 * The physics of the day: DeepSeek's layouts on H800 (prefill EP32 with data-parallel attention,
 * decode EP144 likewise) serving the day's tokens. Decode runs the largest batch that keeps
 * 21 tokens/s per user (the middle of the published 20-22) at the mean KV length; prefill runs
 * budget-full steps of prompts of that length with the day's cache-hit share, and the prefill
 * pool is busy `prefillPoolOccupancy` of the time (default: the day's published share,
 * {@link publishedPrefillPoolOccupancy}; 1 sizes the pool for full use). GPUs needed =
 * tokens a second / tokens a second per GPU, for each phase; nodes = GPUs / 8.
 */
export function deepseekPhysics(speculation: Speculation | null = null, prefillPoolOccupancy = publishedPrefillPoolOccupancy()) {
  if (!(prefillPoolOccupancy > 0 && prefillPoolOccupancy <= 1)) throw new InputError('prefillPoolOccupancy', String(prefillPoolOccupancy), 'a number > 0 and at most 1');
  const d = DEEPSEEK_DAY;
  const seconds = d.hours * SECONDS_PER_HOUR;
  const hitRate = d.cachedInputTokens / d.inputTokens;
  const targetSpeed = (d.tokensPerSecondPerUser.low + d.tokensPerSecondPerUser.high) / 2;

  const decodeCtx = deepseekSetup(d.decode.nodes, d.decode.ep);
  const decode = batchAtSpeed((b) => decodeOnly(decodeCtx, b, d.meanKvTokensPerOutputToken, speculation), targetSpeed, 400 * d.decode.ep);
  const prefillCtx = deepseekSetup(d.prefill.nodes, d.prefill.ep);
  const prompt = derivedPromptTokens();
  const perRank = Math.max(1, Math.floor(prefillCtx.framework.maxBatchedTokens / (prompt * (1 - hitRate))));
  const prefill = prefillOnly(prefillCtx, perRank * prefillCtx.layout.attentionDp, { inputTokens: prompt, outputTokens: 0, prefixCacheHitRate: hitRate });

  const prefillGpusAtCapacity = d.inputTokens / seconds / prefill.inputTokensPerSecondPerGpu;
  const prefillGpus = prefillGpusAtCapacity / prefillPoolOccupancy;
  const decodeGpus = decode === null ? Infinity : d.outputTokens / seconds / decode.outputTokensPerSecondPerGpu;
  const predictedAverageNodes = (prefillGpus + decodeGpus) / d.gpusPerNode;
  const cachedShare = cachedShareOfPrefill(prefillCtx, prompt * (1 - hitRate), prompt * hitRate);
  const attribution = dayAttribution(prefillGpus, decodeGpus, cachedShare);
  return {
    assumptions: {
      layouts: `prefill ${d.prefill.nodes} nodes EP${d.prefill.ep} + DP attention; decode ${d.decode.nodes} nodes EP${d.decode.ep} + DP attention (as published); fp8 weights, bf16 KV, in-house framework factors`,
      decodeSpeedTokensPerSecondPerUser: targetSpeed,
      decodeContextTokens: d.meanKvTokensPerOutputToken,
      promptTokens: `${Math.round(prompt)} (not published; derived from the day's 3.62 input tokens per output token and its 4,989 tokens of KV per output token, every request alike)`,
      speculationNote: 'the day-6 overview does not say decode uses MTP; its 20-22 tokens/s per user is read without it, and the MTP row shows what MTP would change',
      prefixCacheHitRate: hitRate,
      prefillPoolOccupancy,
      prefillPoolOccupancyNote: 'share of its capacity the prefill pool used over the day: the day\'s 32.2k cache-miss prompt tokens/s per prefill node over the 62.7k of DeepSeek\'s own full-batch profile of the same layout (profile-data, as LMSYS computed it, 2025-05-05); a published fact of that day, not fitted',
      speculation,
    },
    decode: decode === null ? null : {
      sequencesPerGpu: decode.sequencesPerInstance / decodeCtx.layout.gpusPerInstance,
      tokensPerSecondPerUser: decode.tokensPerSecondPerUser,
      outputTokensPerSecondPerNode: decode.outputTokensPerSecondPerGpu * d.gpusPerNode,
      publishedOutputTokensPerSecondPerNode: d.outputTokensPerSecondPerNode,
    },
    prefill: {
      /** Input tokens a second a prefill node serves over the day: its capacity times the pool's occupancy. */
      inputTokensPerSecondPerNode: prefill.inputTokensPerSecondPerGpu * d.gpusPerNode * prefillPoolOccupancy,
      capacityInputTokensPerSecondPerNode: prefill.inputTokensPerSecondPerGpu * d.gpusPerNode,
      publishedInputTokensPerSecondPerNode: d.inputTokensPerSecondPerNode,
      /** The published rate as a share of the modelled capacity of full 16K-token prefill steps. */
      publishedShareOfModelledCapacity: d.inputTokensPerSecondPerNode / (prefill.inputTokensPerSecondPerGpu * d.gpusPerNode),
      /** Cache-miss tokens a second per GPU the published rate implies (73.7k × 43.7% / 8 ≈ 4.0k). */
      publishedFreshTokensPerSecondPerGpu: (d.inputTokensPerSecondPerNode * (1 - hitRate)) / d.gpusPerNode,
    },
    predictedPrefillNodes: prefillGpus / d.gpusPerNode,
    predictedDecodeNodes: decodeGpus / d.gpusPerNode,
    predictedAverageNodes,
    predictedAverageNodesRelativeError: (predictedAverageNodes - d.averageNodes) / d.averageNodes,
    predictedNodesOverPeak: predictedAverageNodes / d.peakNodes,
    attribution,
    /** The same day with the prefill pool sized for full use (occupancy 1): what the capacity alone explains. */
    atFullOccupancy: {
      predictedPrefillNodes: prefillGpusAtCapacity / d.gpusPerNode,
      predictedAverageNodes: (prefillGpusAtCapacity + decodeGpus) / d.gpusPerNode,
      prefillGpuTimeShare: prefillGpusAtCapacity / (prefillGpusAtCapacity + decodeGpus),
    },
  };
}

/**
 * The performance model at the setups of DeepSeek's own full-batch profile ({@link DEEPSEEK_PROFILE}):
 * the check on the capacity the day's reproduction stands on, independent of the day's figures.
 */
export function deepseekProfileCheck() {
  const pr = DEEPSEEK_PROFILE;
  const d = DEEPSEEK_DAY;
  const prefillCtx = deepseekSetup(pr.prefill.nodes, pr.prefill.ep);
  const perRank = pr.prefill.tokensPerGpuPerStep / pr.prefill.promptTokens;
  const prefill = prefillOnly(prefillCtx, perRank * prefillCtx.layout.attentionDp, { inputTokens: pr.prefill.promptTokens, outputTokens: 0, prefixCacheHitRate: 0 });
  const decodeCtx = deepseekSetup(pr.decode.nodes, pr.decode.ep);
  const decode = decodeOnly(decodeCtx, pr.decode.sequencesPerGpu * decodeCtx.layout.gpusPerInstance, pr.decode.kvTokens);
  const prefillPerNode = prefill.inputTokensPerSecondPerGpu * d.gpusPerNode;
  const decodePerNode = decode.outputTokensPerSecondPerGpu * d.gpusPerNode;
  return {
    source: pr.source,
    prefill: { profileFreshInputTokensPerSecondPerNode: pr.prefill.freshInputTokensPerSecondPerNode, modelFreshInputTokensPerSecondPerNode: prefillPerNode, relativeError: prefillPerNode / pr.prefill.freshInputTokensPerSecondPerNode - 1 },
    decode: { profileOutputTokensPerSecondPerNode: pr.decode.outputTokensPerSecondPerNode, modelOutputTokensPerSecondPerNode: decodePerNode, relativeError: decodePerNode / pr.decode.outputTokensPerSecondPerNode - 1 },
  };
}

/**
 * Who pays for the day's GPU-time, by phase: the two pools run apart, so the prefill pool's
 * GPU-time is the prompts' (shared between cache misses and hits by `cachedShare`, the part of a
 * prompt's prefill that attending to its cached prefix costs) and the decode pool's is the output's.
 * `outputToInputCostRatio`: GPU-seconds per output token over those per cache-miss prompt token;
 * `outputToInputCostRatioAllPrefillOnMisses` charges all prefill to the misses, as the published
 * derivation (economics anchor #8: about 2.2) does.
 */
export function dayAttribution(prefillGpus: number, decodeGpus: number, cachedShare: number) {
  const d = DEEPSEEK_DAY;
  const seconds = d.hours * SECONDS_PER_HOUR;
  const misses = d.inputTokens - d.cachedInputTokens;
  const freshInput = (prefillGpus * seconds * (1 - cachedShare)) / misses;
  const cachedInput = (prefillGpus * seconds * cachedShare) / d.cachedInputTokens;
  const output = (decodeGpus * seconds) / d.outputTokens;
  return {
    prefillGpuTimeShare: prefillGpus / (prefillGpus + decodeGpus),
    cachedShareOfPrefill: cachedShare,
    gpuSecondsPerToken: { freshInput, cachedInput, output },
    outputToInputCostRatio: output / freshInput,
    outputToInputCostRatioAllPrefillOnMisses: output / ((prefillGpus * seconds) / misses),
  };
}

/**
 * The same attribution from the published per-node rates (prefill 73.7k input tokens/s, decode
 * 14.8k output tokens/s per node): the anchor the physics is held to (about 42% on prompts).
 */
export function publishedAttribution() {
  const d = DEEPSEEK_DAY;
  const seconds = d.hours * SECONDS_PER_HOUR;
  const prefillGpus = (d.inputTokens / seconds / d.inputTokensPerSecondPerNode) * d.gpusPerNode;
  const decodeGpus = (d.outputTokens / seconds / d.outputTokensPerSecondPerNode) * d.gpusPerNode;
  const a = dayAttribution(prefillGpus, decodeGpus, 0);
  return { prefillNodes: prefillGpus / d.gpusPerNode, decodeNodes: decodeGpus / d.gpusPerNode, prefillGpuTimeShare: a.prefillGpuTimeShare, outputToInputCostRatioAllPrefillOnMisses: a.outputToInputCostRatioAllPrefillOnMisses };
}

/**
 * The day's fleet as demand moves: a 24-hour profile whose peak-to-average ratio is DeepSeek's
 * 278 / 226.75 nodes, the nodes each hour's demand needs at the physics' per-node throughput
 * (whole nodes, no headroom), and the utilization that fleet runs at — beside the published
 * average and peak, and the 81.6% a fleet held at the peak all day would run at.
 */
export function deepseekFleet(physics: ReturnType<typeof deepseekPhysics>) {
  const d = DEEPSEEK_DAY;
  const ratio = d.peakNodes / d.averageNodes;
  const profile = diurnalProfile({ peakToAverage: ratio, peakHour: 14.5 });
  const hourly = profile.hourlyMultipliers.map((m) => m * physics.predictedAverageNodes);
  const fleet = autoscaledFleet(hourly, { capacityRequestsPerSecond: 1, headroom: 0, minInstances: 1, granularity: 1, scaleUpLagSeconds: 0 });
  const nodesByHour = hourly.map((_, h) => instancesAt(fleet, h * SECONDS_PER_HOUR + SECONDS_PER_HOUR / 2));
  const averageNodes = nodesByHour.reduce((a, b) => a + b, 0) / nodesByHour.length;
  const peakNodes = Math.max(...nodesByHour);
  return {
    profilePeakToAverage: ratio,
    nodesByHour,
    averageNodes,
    peakNodes,
    utilization: physics.predictedAverageNodes / averageNodes,
    peakSizedUtilization: physics.predictedAverageNodes / peakNodes,
    published: { averageNodes: d.averageNodes, peakNodes: d.peakNodes, peakSizedUtilization: d.averageNodes / d.peakNodes },
    averageNodesRelativeError: (averageNodes - d.averageNodes) / d.averageNodes,
    peakNodesRelativeError: (peakNodes - d.peakNodes) / d.peakNodes,
  };
}
