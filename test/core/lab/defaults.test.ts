import { describe, expect, it } from 'vitest';
import { LAB_DEFAULTS, REFERENCE_MARGINS, trainingFlopOf } from '../../../src/core/lab/defaults.js';
import { VALUE_BASES } from '../../../src/core/money/ownershipDefaults.js';

describe('LAB_DEFAULTS', () => {
  it.each(Object.entries(LAB_DEFAULTS))('%s has a value, a basis, a date and a note; a sourced one a URL', (_name, d) => {
    expect(Number.isFinite(d.value) && d.value >= 0).toBe(true);
    expect(VALUE_BASES).toContain(d.basis);
    expect(d.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    expect(d.note.length).toBeGreaterThan(40);
    if (d.basis === 'assumption') expect(d.source).toBe('assumption');
    else expect(d.source).toMatch(/https:\/\//);
  });

  it('shares and the discount are fractions in [0, 1]', () => {
    for (const d of [LAB_DEFAULTS.apiShare, LAB_DEFAULTS.discountFraction, LAB_DEFAULTS.trainingMfu]) expect(d.value).toBeLessThanOrEqual(1);
  });

  it('scale training and research from OpenAI 2024 (Epoch AI): final run 0.24× serving compute, research 9.375× the final run, together 2.49× serving', () => {
    expect(LAB_DEFAULTS.trainingToServingCompute.value).toBeCloseTo(0.48 / 2, 12);
    expect(LAB_DEFAULTS.researchMultiple.value).toBeCloseTo(4.5 / 0.48, 12);
    expect(LAB_DEFAULTS.trainingToServingCompute.value * (1 + LAB_DEFAULTS.researchMultiple.value)).toBeCloseTo(4.98 / 2, 12);
    expect(LAB_DEFAULTS.staffUsdPerYear.value).toBe(1.5e9);
    // the residual of the reported loss: 3.7 + 5 − 2 − 0.48 − 4.5 − 1.5 = 0.22 ($B)
    expect(LAB_DEFAULTS.otherOperatingUsdPerYear.value / 1e9).toBeCloseTo(0.22, 9);
  });

  it('REFERENCE_MARGINS each cite a source', () => {
    for (const m of REFERENCE_MARGINS) expect(m.source).toMatch(/^https:\/\//);
  });

  it('trainingFlopOf(1e11 active, 30e12 tokens) = 6 × 1e11 × 30e12 = 1.8e25 FLOP', () => {
    expect(trainingFlopOf(1e11, 30e12)).toBeCloseTo(1.8e25, -20);
  });
});
