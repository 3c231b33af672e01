import { describe, expect, it } from 'vitest';
import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import { checkSurrogate, gridNodes, physicsAt } from '../../../src/core/uncertainty/index.js';
import { modelOf } from './fixtures.js';

/**
 * The report's hypothetical 2T/100B frontier model on 16 B200 at Claude Sonnet 4.5's list prices,
 * at 16 tokens/s per user: at 30 the target sits at the edge of what the expert-parallel layouts
 * reach (about 27 tokens/s per user with the busiest EP rank's load), so the cost steps between
 * layouts and no interpolant is smooth there; since data-parallel attention also replicates the
 * dense FFN, shared experts and LM head on every rank (as the engines run it), 20 sits near that
 * edge for the largest sizes too (a 2.1× step near 1.8T).
 */
const FRONTIER: ScenarioOptionInput = {
  model: 'frontier-2t-a100b', gpu: 'b200', gpus: 16, framework: 'sglang',
  workload: { inputTokens: 5000, outputTokens: 500, prefixCacheHitRate: 0.5 },
  latencyTarget: { minTokensPerSecondPerUser: 16, maxTtftSeconds: 5 },
  prices: { list: 'claude-sonnet-4.5', provider: 'Anthropic' },
};

describe('gridNodes', () => {
  it('spaces sizes by ratio, the hit rate by difference, and rounds token counts', () => {
    expect(gridNodes('totalParams', 1e12, 4e12, 3).map((x) => Number(x.toPrecision(12)))).toEqual([1e12, 2e12, 4e12]);
    expect(gridNodes('prefixCacheHitRate', 0.2, 0.8, 4).map((x) => Number(x.toFixed(12)))).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(gridNodes('outputTokens', 100, 400, 3)).toEqual([100, 200, 400]);
    expect(gridNodes('outputTokens', 500.2, 500.4, 5)).toEqual([500]);
  });
});

describe('the surrogate', () => {
  it('equals the direct physics exactly at every grid node (3 × 3 over total and active parameters)', () => {
    const model = modelOf([
      { name: 'totalParams', distribution: { kind: 'loguniform', low: 1e12, high: 2e12 } },
      { name: 'activeParams', distribution: { kind: 'loguniform', low: 50e9, high: 100e9 } },
    ], FRONTIER, 3);
    expect(model.surrogate.nodes).toHaveLength(9);
    expect(model.surrogate.synthetic).toBe(true);
    for (const node of model.surrogate.nodes) {
      const direct = physicsAt(model.option, node.point, true).seconds;
      expect(model.surrogate.secondsAt({ ...model.baseValues, ...node.point })).toEqual(direct);
    }
  });

  it('stays within 3% of direct runs at the median, 12% at most, between nodes of the workload (prefix-cache hit rate × prompt length)', () => {
    // The operating point is chosen on a batch staircase 19% apart (2^¼), and where the chosen batch
    // steps between nodes a smooth interpolant sits up to about half a step off it (measured: 11.1%
    // at most, 1.9% at the median; 9.9% and 2.6% at 16 tokens/s per user).
    const model = modelOf([
      { name: 'prefixCacheHitRate', distribution: { kind: 'uniform', low: 0.2, high: 0.8 } },
      { name: 'inputTokens', distribution: { kind: 'loguniform', low: 1000, high: 10000 } },
    ], FRONTIER, 4);
    const check = checkSurrogate(model.surrogate, model.option, model.medianValues);
    expect(check.points).toHaveLength(9);
    expect(check.maxAbsoluteRelativeError).toBeLessThan(0.12);
    expect(check.medianAbsoluteRelativeError).toBeLessThan(0.03);
  });

  it('stays within 6% of direct runs between size nodes of 1-1.6T where the physics is smooth (16 B200)', () => {
    // The physics steps: the frontier search tries batches 19% apart (2^¼), so a smooth
    // interpolant sits up to ~9% off the staircase; here the centres land within 1.5%.
    const model = modelOf([{ name: 'totalParams', distribution: { kind: 'loguniform', low: 1e12, high: 1.6e12 } }], FRONTIER, 5);
    const check = checkSurrogate(model.surrogate, model.option, model.medianValues);
    expect(check.points).toHaveLength(4);
    expect(check.maxAbsoluteRelativeError).toBeLessThan(0.09);
  });

  it('a grid node whose model does not fit the GPUs is an error naming its size and the GPUs it needs', () => {
    expect(() => modelOf([{ name: 'totalParams', distribution: { kind: 'loguniform', low: 1e12, high: 5e12 } }], { ...FRONTIER, gpus: 8 }, 2))
      .toThrow(/a 5\.00T-total \/ \d+B-active MoE with 5000 \+ 500 tokens a request does not fit 8 b200 \(it needs \d+\); raise base\.gpus, set it to "auto", or narrow the range/);
  });

  it('active parameters reaching the lowest total is an error', () => {
    expect(() => modelOf([
      { name: 'totalParams', distribution: { kind: 'loguniform', low: 100e9, high: 2e12 } },
      { name: 'activeParams', distribution: { kind: 'loguniform', low: 30e9, high: 150e9 } },
    ], FRONTIER, 2)).toThrow(/activeParams reaches 1\.50e\+11, not below the lowest totalParams 1\.00e\+11/);
  });
});
