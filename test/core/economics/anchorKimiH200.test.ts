import { describe, expect, it } from 'vitest';
import { parseScenario, resolveScenario, runOption } from '../../../src/core/scenario/index.js';

/**
 * Anchor #6 of shared/research/economics-anchors.md: SemiAnalysis InferenceX measured Kimi K2.5 on
 * 8 H200 (INT4, vLLM TP8), 8K in / 1K out, about 32 tokens/s per user, at $1.41 per GPU-hour and
 * utilization 1: $0.413 per million total tokens (cost per request / 9,216 tokens). Tolerance 25%.
 */
describe('anchor #6: Kimi K2.5 on 8 H200 at InferenceX\'s setup', () => {
  it('costs within 25% of $0.413 per million total tokens', () => {
    const scenario = parseScenario({
      options: [{
        model: 'kimi-k2.5', gpu: 'h200', gpus: 8, framework: 'vllm', layout: { tp: 8 },
        workload: { inputTokens: 8192, outputTokens: 1024, prefixCacheHitRate: 0 },
        latencyTarget: { minTokensPerSecondPerUser: 32, maxTtftSeconds: 30 },
        costBasis: { kind: 'rented', priceUsdPerGpuHour: 1.41 }, utilization: 1,
        prices: { inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 3 },
      }],
    }, 'anchor 6');
    const [option] = resolveScenario(scenario, 'anchor 6');
    if (option === undefined) throw new Error('one option');
    const r = runOption(option);
    expect(r.operatingPoint?.meetsTarget).toBe(true);
    const costUsdPerMillionTotalTokens = ((r.economics?.costUsdPerRequest ?? Number.NaN) / (8192 + 1024)) * 1e6;
    expect(Math.abs(costUsdPerMillionTotalTokens / 0.413 - 1)).toBeLessThan(0.25);
  }, 60_000);
});
