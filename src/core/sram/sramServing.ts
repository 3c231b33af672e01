import type { SramAccelerator } from '../catalog/sramAccelerators.js';
import { capitalRecoveryUsdPerYear } from '../money/annuity.js';
import { GB, HOURS_PER_YEAR, SECONDS_PER_HOUR, TOKENS_PER_MILLION, WATTS_PER_KILOWATT } from '../units.js';

/**
 * What a model needs to be costed on an SRAM accelerator: its size, the KV cache one token of
 * context takes (bytes, at 16 bits), and where that figure came from.
 */
export interface SramModel {
  readonly id: string;
  readonly totalParams: number;
  readonly activeParams: number;
  readonly kvBytesPerToken: number;
  readonly kvSource: string;
}

/** The assumptions of one costing, each a [low-cost, high-cost] pair or a stated value. */
export interface SramAssumptions {
  /** Busy share of the paid hours. Default 0.6 (the market's reference setup). */
  readonly utilization: number;
  /** Tokens of context a sequence holds on average: [low-cost, high-cost]. Default [2000, 8000]. */
  readonly contextTokens: readonly [number, number];
  /** Share of peak FLOP/s reached in prefill: [low-cost, high-cost]. Default [0.5, 0.25]. */
  readonly computeEfficiency: readonly [number, number];
  /** Share of the weight memory's bandwidth a decode step reaches: [low-cost, high-cost]. Default [0.8, 0.6]. */
  readonly memoryEfficiency: readonly [number, number];
  /** Years the hardware is paid off over: [low-cost, high-cost]. Default [5, 3]. */
  readonly years: readonly [number, number];
  /** Cost of capital a year. Default 0.1. */
  readonly ratePerYear: number;
  /** Electricity, USD per kWh: [low-cost, high-cost]. Default [0.06, 0.12]. */
  readonly usdPerKwh: readonly [number, number];
  /** Data-centre overhead on power. Default 1.3. */
  readonly pue: number;
  /** Share of a chip's weight memory the weights may fill. Default 0.85. */
  readonly maxWeightShare: number;
  /**
   * Most chips a replica may take, as a multiple of the fewest that hold the weights: extra chips
   * only add room for sequences. Default 2 (Groq's 576 chips for Llama 2 70B are 1.6 times the
   * 360 its int8 weights need).
   */
  readonly maxChipMultiple: number;
}

export const DEFAULT_SRAM_ASSUMPTIONS: SramAssumptions = {
  utilization: 0.6,
  contextTokens: [2000, 8000],
  computeEfficiency: [0.5, 0.25],
  memoryEfficiency: [0.8, 0.6],
  years: [5, 3],
  ratePerYear: 0.1,
  usdPerKwh: [0.06, 0.12],
  pue: 1.3,
  maxWeightShare: 0.85,
  maxChipMultiple: 2,
};

/** One end of the range: every input at its low-cost or high-cost value. */
export interface SramCostCase {
  readonly chips: number;
  readonly weightBytesPerParam: number;
  readonly sequencesInFlight: number;
  readonly decodeTokensPerSecond: number;
  readonly prefillTokensPerSecond: number;
  readonly usdPerChipHour: number;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  /** (3 × input + output) / 4, comparable with the market's blended price. */
  readonly blendedCostUsdPerMillion: number;
}

export interface SramCost {
  readonly accelerator: string;
  readonly model: string;
  /** Per-user speed the deployment is costed at: the vendor's published speed on its nearest published model. */
  readonly tokensPerSecondPerUser: number;
  readonly speedSource: string;
  readonly low: SramCostCase;
  /** Every input at the geometric mean of its range: the central estimate. */
  readonly mid: SramCostCase;
  readonly high: SramCostCase;
  readonly assumptions: SramAssumptions;
  readonly kvSource: string;
  readonly notes: readonly string[];
}

/** Dense peak as a share of a headline that counts sparsity (2:1 structured sparsity doubles it). */
const DENSE_SHARE_OF_SPARSE_PEAK = 0.5;

/**
 * The cost of serving `model` on an SRAM accelerator, as a [low, high] range over the stated
 * assumptions. The weights stay resident: the chip count is the weights (total parameters ×
 * bytes per weight) over the weight memory a chip offers (× `maxWeightShare`), rounded up to the
 * vendor's unit (8 GroqCards a node, 16 SN40L a rack), so it follows the model's size; more
 * chips than that are tried (up to `maxChipMultiple` times) and the cheapest deployment kept, since the room
 * left holds KV cache: sequences in flight = room / (KV bytes per token × context), and no more
 * than a decode step can read (active weights plus every sequence's KV) in 1 / speed at the
 * memory efficiency. Each decodes at the per-user speed the vendor publishes for its nearest
 * model, so decode throughput is sequences × speed, capped by arithmetic (2 FLOP per active
 * parameter a token, at the compute efficiency); prefill is arithmetic-bound. A chip-hour costs its capital recovered over the
 * years at the rate, plus power × PUE at the electricity price; busy hours are `utilization`.
 * Each end of the range takes every input at its low-cost or its high-cost value; `mid` takes
 * the geometric mean of each range.
 * Example: Llama 3.3 70B on Groq LPUs needs at least 368-728 chips (1-2 B a weight in 230 MB × 0.85, units of 8).
 */
export function sramServingCost(chip: SramAccelerator, model: SramModel, speed: { tokensPerSecondPerUser: number; source: string }, assumptions: SramAssumptions = DEFAULT_SRAM_ASSUMPTIONS): SramCost {
  const a = assumptions;
  const peak = chip.peakFlopPerSecond16Bit * (chip.peakIsSparse ? DENSE_SHARE_OF_SPARSE_PEAK : 1);
  /** One end of every range (0 low-cost, 1 high-cost, 0.5 the middle: geometric mean of the ends). */
  const at = (r: readonly [number, number], end: number) => (end === 0.5 ? Math.sqrt(r[0] * r[1]) : r[end as 0 | 1]);
  const costAt = (end: number, chips: number): SramCostCase | null => {
    const weightBytesPerParam = at(chip.weightBytesPerParam, end);
    const weightBytes = model.totalParams * weightBytesPerParam;
    const kvPerSequence = model.kvBytesPerToken * at(a.contextTokens, end);
    const room = chips * chip.weightMemoryBytesPerChip - weightBytes;
    // A decode step reads the active weights once and each sequence's KV, all within 1 / speed.
    const bytesPerStep = (chips * chip.weightMemoryBandwidthBytesPerSecond * at(a.memoryEfficiency, end)) / speed.tokensPerSecondPerUser;
    const sequencesInFlight = Math.floor(Math.min(room, bytesPerStep - model.activeParams * weightBytesPerParam) / kvPerSequence);
    if (sequencesInFlight < 1) return null;
    const computeTokensPerSecond = (chips * peak * at(a.computeEfficiency, end)) / (2 * model.activeParams);
    const decodeTokensPerSecond = Math.min(sequencesInFlight * speed.tokensPerSecondPerUser, computeTokensPerSecond);
    const capexUsdPerYear = capitalRecoveryUsdPerYear(at(chip.capexUsdPerChip, end), at(a.years, end), a.ratePerYear, 0);
    const usdPerChipHour = capexUsdPerYear / HOURS_PER_YEAR + (at(chip.watts, end) / WATTS_PER_KILOWATT) * a.pue * at(a.usdPerKwh, end);
    const usdPerBusySecond = (chips * usdPerChipHour) / SECONDS_PER_HOUR / a.utilization;
    const costUsdPerMillionInputTokens = (usdPerBusySecond / computeTokensPerSecond) * TOKENS_PER_MILLION;
    const costUsdPerMillionOutputTokens = (usdPerBusySecond / decodeTokensPerSecond) * TOKENS_PER_MILLION;
    return {
      chips, weightBytesPerParam, sequencesInFlight, decodeTokensPerSecond, prefillTokensPerSecond: computeTokensPerSecond, usdPerChipHour,
      costUsdPerMillionInputTokens, costUsdPerMillionOutputTokens,
      blendedCostUsdPerMillion: (3 * costUsdPerMillionInputTokens + costUsdPerMillionOutputTokens) / 4,
    };
  };
  /** The cheapest deployment: from the fewest units that hold the weights up to `maxChipMultiple` times as many (more chips, more room for sequences). */
  const best = (end: number): SramCostCase => {
    const weightBytes = model.totalParams * at(chip.weightBytesPerParam, end);
    const unit = chip.chipsPerUnit;
    const fewest = Math.ceil(weightBytes / (chip.weightMemoryBytesPerChip * a.maxWeightShare) / unit) * unit;
    let chosen: SramCostCase | null = null;
    for (let chips = fewest; chips <= fewest * a.maxChipMultiple; chips = Math.max(chips + unit, Math.ceil((chips * 1.1) / unit) * unit)) {
      const c = costAt(end, chips);
      if (c !== null && (chosen === null || c.blendedCostUsdPerMillion < chosen.blendedCostUsdPerMillion)) chosen = c;
    }
    if (chosen === null) throw new Error(`${model.id} cannot be served on ${chip.id}: no deployment of up to ${fewest * a.maxChipMultiple} chips holds one sequence at ${speed.tokensPerSecondPerUser} tokens/s`);
    return chosen;
  };
  const notes = [
    ...(chip.peakIsSparse ? [`${chip.name}: the published peak counts sparsity; costed at half of it as the dense figure`] : []),
    `${chip.weightMemory === 'sram' ? 'weights held in on-chip SRAM' : 'weights served from HBM'}: ${(chip.weightMemoryBytesPerChip / GB).toPrecision(3)} GB a chip, units of ${chip.chipsPerUnit}; the chip count is the cheapest from the fewest that hold the weights up to ${a.maxChipMultiple} times as many`,
  ];
  return {
    accelerator: chip.id, model: model.id, tokensPerSecondPerUser: speed.tokensPerSecondPerUser, speedSource: speed.source,
    low: best(0), mid: best(0.5), high: best(1), assumptions: a, kvSource: model.kvSource, notes,
  };
}

/**
 * The vendor's published per-user speed on the published model whose active parameters are
 * nearest `activeParams` (log distance), with where it comes from.
 * Example: for a 70B model on Cerebras, 2,100 tokens/s (Llama 3.3 70B, 2024-10) — ties go to the latest.
 */
export function nearestPublishedSpeed(chip: SramAccelerator, activeParams: number, activeParamsOf: (model: string) => number | undefined) {
  let best: { tokensPerSecondPerUser: number; source: string; distance: number; date: string } | undefined;
  for (const s of chip.publishedSpeeds) {
    const p = activeParamsOf(s.model);
    if (p === undefined) continue;
    const distance = Math.abs(Math.log(p / activeParams));
    if (best === undefined || distance < best.distance - 1e-9 || (Math.abs(distance - best.distance) <= 1e-9 && s.date > best.date)) {
      best = { tokensPerSecondPerUser: s.tokensPerSecondPerUser, source: `${s.tokensPerSecondPerUser} tokens/s per user on ${s.model} (${s.date}, ${s.source})`, distance, date: s.date };
    }
  }
  if (best === undefined) throw new Error(`no published speed of ${chip.id} names a model of known size`);
  return { tokensPerSecondPerUser: best.tokensPerSecondPerUser, source: best.source };
}
