import { describe, expect, it } from 'vitest';
import { tornado } from '../../../src/core/uncertainty/index.js';
import { modelOf } from './fixtures.js';

const FRONTIER_B200 = {
  model: 'frontier-2t-a100b', gpu: 'b200', framework: 'sglang' as const,
  workload: { inputTokens: 5000, outputTokens: 500, prefixCacheHitRate: 0.5 },
  latencyTarget: { minTokensPerSecondPerUser: 30, maxTtftSeconds: 5 },
  costBasis: { kind: 'rented' as const, priceUsdPerGpuHour: 6.89 },
  prices: { inputUsdPerMillion: 3, cachedInputUsdPerMillion: 0.3, outputUsdPerMillion: 15 },
  utilization: 0.6,
};
const SIZE = [
  { name: 'totalParams', distribution: { kind: 'loguniform', low: 1e12, high: 5e12 } },
  { name: 'utilization', distribution: { kind: 'uniform', low: 0.4, high: 0.8 } },
];

describe('uncertainty with the deployment chosen per sampled model', () => {
  it('gpus: auto serves larger models on more GPUs, and model size swings the margin less than on 32 fixed GPUs', () => {
    const pinned = modelOf(SIZE, { ...FRONTIER_B200, gpus: 32 }, 3);
    const chosen = modelOf(SIZE, { ...FRONTIER_B200, gpus: 'auto' }, 3);
    expect(new Set(pinned.surrogate.nodes.map((n) => n.gpus))).toEqual(new Set([32]));
    const gpusBySize = chosen.surrogate.nodes.map((n) => [n.point.totalParams, n.gpus] as const);
    const smallest = Math.min(...gpusBySize.map(([t]) => t));
    const largest = Math.max(...gpusBySize.map(([t]) => t));
    const gpusAt = (t: number) => Math.max(...gpusBySize.filter(([x]) => x === t).map(([, g]) => g));
    expect(gpusAt(largest)).toBeGreaterThanOrEqual(gpusAt(smallest));
    const swing = (m: typeof pinned) => tornado(m, 'margin').rows.find((r) => r.name === 'totalParams')!.swing;
    expect(swing(chosen)).toBeLessThan(swing(pinned));
    // 32 GPUs is among the counts tried, so the chosen deployment costs at most 5% more (the tolerance) at every node.
    chosen.surrogate.nodes.forEach((n, i) => {
      const perRequest = (s: typeof n.seconds) => 2500 * s.freshInput + 2500 * s.cachedInput + 500 * s.output;
      expect(perRequest(n.seconds)).toBeLessThanOrEqual(perRequest(pinned.surrogate.nodes[i]!.seconds) * 1.05);
    });
  }, 60_000);
});
