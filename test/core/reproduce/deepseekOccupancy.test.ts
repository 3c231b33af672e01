import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InputError } from '../../../src/core/errors.js';
import { deepseekPhysics, publishedPrefillPoolOccupancy } from '../../../src/core/reproduce/deepseekDay.js';

describe('the DeepSeek day\'s prefill-pool occupancy (a stated input)', () => {
  it('defaults to the day\'s cache-miss prefill rate over DeepSeek\'s full-batch profile: 32.2k / 62.7k', () => {
    expect(publishedPrefillPoolOccupancy()).toBeCloseTo((73_700 * (1 - 342 / 608)) / 62_713, 12);
    expect(deepseekPhysics().assumptions.prefillPoolOccupancy).toBe(publishedPrefillPoolOccupancy());
  });

  it('at occupancy 1 the prefill nodes are the capacity alone', () => {
    const p = deepseekPhysics(null, 1);
    expect(p.predictedPrefillNodes).toBeCloseTo(p.atFullOccupancy.predictedPrefillNodes, 12);
    expect(p.attribution.prefillGpuTimeShare).toBeCloseTo(p.atFullOccupancy.prefillGpuTimeShare, 12);
  });

  it('a less busy prefill pool needs more prefill nodes and puts a larger share of GPU-time on prompts', () => {
    fc.assert(fc.property(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), (a, b) => {
      const [lo, hi] = a < b ? [a, b] : [b, a];
      const less = deepseekPhysics(null, lo);
      const more = deepseekPhysics(null, hi);
      expect(less.predictedPrefillNodes).toBeGreaterThanOrEqual(more.predictedPrefillNodes * (1 - 1e-12));
      expect(less.attribution.prefillGpuTimeShare).toBeGreaterThanOrEqual(more.attribution.prefillGpuTimeShare - 1e-12);
      expect(less.predictedDecodeNodes).toBeCloseTo(more.predictedDecodeNodes, 9);
    }), { numRuns: 20 });
  });

  it.each([0, -0.1, 1.2, Number.NaN])('occupancy %s is refused, naming the field and what is allowed', (x) => {
    expect(() => deepseekPhysics(null, x)).toThrow(InputError);
    expect(() => deepseekPhysics(null, x)).toThrow(/prefillPoolOccupancy.*> 0 and at most 1/);
  });
});
