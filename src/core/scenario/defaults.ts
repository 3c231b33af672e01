import type { Sourced } from '../sourced.js';
import type { ServingFramework } from '../perf/efficiency.js';

/**
 * The scenario defaults, each with why it is what it is. A report prints every default it used, so
 * a reader sees every assumption.
 */
export const SCENARIO_DEFAULTS = {
  framework: { value: 'sglang' as ServingFramework, source: 'assumption: the open-source engine most open-weight MoE providers run (SGLang serves DeepSeek/Kimi at scale, LMSYS blog 2025-05-05)' },
  gpus: { value: 'auto' as const, source: 'chosen: the GPU count (smallest that fits, powers of two and whole nodes, up to 128) with the least cost per token that meets the latency target (chooseDeployment)' },
  layout: { value: 'best' as const, source: 'the cheapest layout on the given GPUs that meets the latency target (frontier search)' },
  weightPrecision: { value: 'native' as const, source: "the checkpoint's own precision (e.g. int4 experts for Kimi K2.5, fp8 for DeepSeek-V3)" },
  inputTokens: { value: 5000, source: 'assumption: a chat/agent request with a long context; input:output about 10:1 (InferenceX notes ~8:1 for 8k/1k and ~130:1 on agentic traces)' },
  outputTokens: { value: 500, source: 'assumption: see inputTokens' },
  prefixCacheHitRate: { value: 0.5, source: "assumption: half of prompt tokens hit the prefix cache (DeepSeek's production day: 56.3%, MODELING.md §8)" },
  minTokensPerSecondPerUser: { value: 20, source: "DeepSeek's production average output speed, 20-22 tokens/s per user (MODELING.md §8)" },
  maxTtftSeconds: { value: null as number | null, source: 'no TTFT bound unless the scenario sets one' },
  utilization: { value: 0.6, source: 'assumption: average busy share of paid GPU-hours over a day (peak-sized capacity, diurnal demand); `inferonomics simulate` will derive it' },
  rentedPrice: { value: 'contract' as const, source: 'the contract rate a provider at scale pays (src/core/money/rentalTiers.json: the 3-year term where priced, else the 1-year; on demand where neither is)' },
  onDemandPrice: { value: 'market' as const, source: 'median on-demand neocloud price of the accelerator in the price catalog' },
} as const satisfies Record<string, Sourced<unknown>>;
