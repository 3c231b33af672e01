import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VALUE_BASES } from '../../../src/core/money/ownershipDefaults.js';
import { LAB_YEAR_DEPTHS, labYear, OPENAI_2024, OPENAI_2024_CHECKS, OPENAI_2024_PROJECTION_SPLIT, openai2024 } from '../../../src/core/reproduce/openai2024.js';

describe('labYear', () => {
  it('labYear(OpenAI 2024) by hand: +$1.70B serving, +$1.22B with training, −$3.28B with research, −$4.78B with staff', () => {
    const y = labYear({ revenueUsd: 3.7e9, inferenceComputeUsd: 2e9, finalTrainingComputeUsd: 0.48e9, researchComputeUsd: 4.5e9, staffUsd: 1.5e9 });
    expect(y.rows.map((r) => r.depth)).toEqual([...LAB_YEAR_DEPTHS]);
    const profits = y.rows.map((r) => r.profitUsd / 1e9);
    [1.7, 1.22, -3.28, -4.78].forEach((p, i) => expect(profits[i]).toBeCloseTo(p, 9));
    expect(y.rows[0]?.marginFraction).toBeCloseTo(1.7 / 3.7, 12); // 45.9%
    expect(y.firstLossDepth).toBe('plus research');
    expect(y.researchAndTrainingToInferenceRatio).toBeCloseTo(4.98 / 2, 12);
    expect(y.researchToFinalTrainingRatio).toBeCloseTo(4.5 / 0.48, 12);
  });

  it('labYear: cost to date is the running sum of what each depth adds, and firstLossDepth is null when every depth is covered', () => {
    const money = fc.double({ min: 0, max: 1e10, noNaN: true });
    fc.assert(fc.property(fc.double({ min: 1, max: 1e10, noNaN: true }), money, money, money, money, (revenueUsd, a, b, c, d) => {
      const y = labYear({ revenueUsd, inferenceComputeUsd: a, finalTrainingComputeUsd: b, researchComputeUsd: c, staffUsd: d });
      let sum = 0;
      for (const r of y.rows) {
        sum += r.addedCostUsd;
        expect(r.costUsd).toBe(sum);
        expect(r.profitUsd).toBe(revenueUsd - sum);
      }
      const firstLoss = y.rows.find((r) => r.profitUsd < 0)?.depth ?? null;
      expect(y.firstLossDepth).toBe(firstLoss);
    }));
    expect(labYear({ revenueUsd: 10, inferenceComputeUsd: 1, finalTrainingComputeUsd: 1, researchComputeUsd: 1, staffUsd: 1 }).firstLossDepth).toBeNull();
  });
});

describe('openai2024', () => {
  it('names a source, date and outlet for every input and check', () => {
    for (const d of [...Object.values(OPENAI_2024), ...Object.values(OPENAI_2024_CHECKS), ...Object.values(OPENAI_2024_PROJECTION_SPLIT)]) {
      expect(VALUE_BASES).toContain(d.basis);
      expect(d.source).toMatch(/^https:\/\//);
      expect(d.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(d.note).toMatch(/New York Times|The Information|Epoch AI/);
    }
  });

  it('rebuilds a year that makes money on serving and loses it once research is counted, the loss within 15% of the reported ~$5B', () => {
    const r = openai2024();
    expect(r.rows[0]?.profitUsd).toBeGreaterThan(0);
    expect(r.firstLossDepth).toBe('plus research');
    expect(Math.abs(r.checks.lossRelativeError)).toBeLessThan(0.15); // $4.78B against $5B: −4%
    // Anchor #11: R&D compute about 2.5× inference.
    expect(r.researchAndTrainingToInferenceRatio).toBeGreaterThan(2);
    expect(r.researchAndTrainingToInferenceRatio).toBeLessThan(3);
  });

  it('puts the serving margin inside the reported compute-margin range of 2024 (35% in January, 52% in December)', () => {
    const { servingMarginFraction, reportedComputeMarginRange: [low, high] } = openai2024().checks;
    expect(servingMarginFraction).toBeGreaterThanOrEqual(low);
    expect(servingMarginFraction).toBeLessThanOrEqual(high);
  });

  it('on The Information\'s mid-2024 split ($4B inference, $3B training) loses money already at the serving depth', () => {
    const p = openai2024().projectionSplit;
    expect(p.rows[0]?.profitUsd).toBeCloseTo(3.7e9 - 4e9, 0);
    expect(p.firstLossDepth).toBe('serving');
  });
});
