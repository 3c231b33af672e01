import { describe, expect, it } from 'vitest';
import { factorName, priorValue, profileOf, sourceOf, type FactorKey } from '../../../src/core/calibration/parameters.js';
import { PRIOR_HARDWARE } from '../../../src/core/perf/efficiencyProfiles.js';

const hw = (group: string, factor: string) => ({ kind: 'hardware', group, factor }) as FactorKey;
const names = (...keys: FactorKey[]) => new Set(keys.map(factorName));

describe('where an unpinned factor takes its value from', () => {
  it('a fitted factor is its own source', () => {
    expect(sourceOf(hw('hopper', 'matmulBf16'), names(hw('hopper', 'matmulBf16'), hw('hopper', 'matmulFp8')))).toEqual(hw('hopper', 'matmulBf16'));
  });

  it('the same factor of the nearest fitted neighbour family comes before another precision of the own family', () => {
    // ada's neighbour is hopper.
    expect(sourceOf(hw('ada', 'matmulBf16'), names(hw('hopper', 'matmulBf16'), hw('ada', 'matmulFp8')))).toEqual(hw('hopper', 'matmulBf16'));
  });

  it('a matmul precision no family pins follows the own family\'s pinned precision, nearest first (bf16 → fp8 → fp4)', () => {
    expect(sourceOf(hw('hopper', 'matmulBf16'), names(hw('hopper', 'matmulFp8'), hw('hopper', 'matmulFp4')))).toEqual(hw('hopper', 'matmulFp8'));
    expect(sourceOf(hw('hopper', 'matmulBf16'), names(hw('hopper', 'matmulFp4')))).toEqual(hw('hopper', 'matmulFp4'));
    // blackwell-ultra follows blackwell's fp8 along its neighbour chain.
    expect(sourceOf(hw('blackwell-ultra', 'matmulBf16'), names(hw('blackwell', 'matmulFp8')))).toEqual(hw('blackwell', 'matmulFp8'));
  });

  it('factors other than matmul precisions have no siblings, and framework factors none either', () => {
    expect(sourceOf(hw('hopper', 'hbm'), names(hw('hopper', 'kvHbmShare')))).toBeNull();
    expect(sourceOf({ kind: 'framework', group: 'vllm', factor: 'stepOverheadSeconds' } as FactorKey, names(hw('hopper', 'matmulFp8')))).toBeNull();
  });

  it('the follower moves by its source\'s ratio, so the priors\' kernel-ceiling ratio survives the fit', () => {
    const fitted = new Map([[factorName(hw('hopper', 'matmulFp8')), 0.55]]);
    const p = profileOf(fitted, 'test');
    const bf16 = p.hardware.hopper?.matmulBf16 as number;
    expect(bf16 / 0.55).toBeCloseTo(PRIOR_HARDWARE.hopper.matmulBf16 / PRIOR_HARDWARE.hopper.matmulFp8, 12);
    expect(bf16).toBeCloseTo(priorValue(hw('hopper', 'matmulBf16')) * (0.55 / priorValue(hw('hopper', 'matmulFp8'))), 12);
  });

  it('the Hopper and Blackwell bf16 priors stand to fp8 as their measured matmul ceilings (80.3/73.4 and 77.6/76.3)', () => {
    expect(PRIOR_HARDWARE.hopper.matmulBf16 / PRIOR_HARDWARE.hopper.matmulFp8).toBeCloseTo(80.3 / 73.4, 2);
    expect(PRIOR_HARDWARE.blackwell.matmulBf16 / PRIOR_HARDWARE.blackwell.matmulFp8).toBeCloseTo(77.6 / 76.3, 2);
  });
});
