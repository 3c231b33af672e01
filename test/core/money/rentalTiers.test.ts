import { describe, expect, it } from 'vitest';
import { ACCELERATORS } from '../../../src/core/catalog/accelerators.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { InputError } from '../../../src/core/errors.js';
import { commitmentCostUsd, gpuHourCost } from '../../../src/core/money/gpuHourCost.js';
import { acceptedAsScenarioInput } from './scenarioAccepts.js';
import {
  RENTAL_TIER_PRICES, RENTAL_TIER_TERM_HOURS, RENTAL_TIERS, rentalTierCostBasis, rentalTiersOf,
} from '../../../src/core/money/rentalTiers.js';

describe('rental tiers catalog', () => {
  it('names catalog GPUs only, and every price has a source and a date', () => {
    for (const a of RENTAL_TIER_PRICES.accelerators) {
      expect(findById('gpu', a.gpuId, ACCELERATORS).id).toBe(a.gpuId);
      for (const tier of RENTAL_TIERS) {
        const p = a.tiers[tier];
        if (p === undefined) continue;
        expect(p.source, `${a.gpuId} ${tier}`).toMatch(/https?:\/\/|@[0-9a-f]{7,}/);
        expect(p.date).toMatch(/^\d{4}-\d{2}/);
      }
    }
  });

  it('holds on demand for h100-sxm, h200, b200 and gb200, and the five tiers with their terms', () => {
    for (const id of ['h100-sxm', 'h200', 'b200', 'gb200']) expect(rentalTiersOf(id), id).toContain('on-demand');
    expect(rentalTiersOf('h100')).toEqual(['on-demand', '1-month', '1-year', 'spot']);
    expect(RENTAL_TIER_TERM_HOURS).toEqual({ 'on-demand': null, '1-month': 730, '1-year': 8_760, '3-year': 26_280, spot: null });
  });

  it('puts the 3-year contract tier within 20% of anchor #3 (H200 $1.60, B200 $2.90): equal, being the same SemiAnalysis August 2025 survey, so not an independent check', () => {
    const ANCHOR_3_USD_PER_GPU_HOUR = { h200: 1.6, b200: 2.9 } as const;
    for (const [id, anchor] of Object.entries(ANCHOR_3_USD_PER_GPU_HOUR)) {
      const tier = RENTAL_TIER_PRICES.accelerators.find((a) => a.gpuId === id)?.tiers['3-year'];
      expect(Math.abs(rentalTierCostBasis(id, '3-year').priceUsdPerGpuHour / anchor - 1), id).toBeLessThanOrEqual(0.2);
      expect(rentalTierCostBasis(id, '3-year').priceUsdPerGpuHour / anchor, id).toBeCloseTo(1, 9);
      expect(tier?.source, id).toMatch(/^SemiAnalysisAI\/InferenceX-app@77ca49a /);
      expect(tier?.date, id).toBe('2025-08');
    }
  });

  it('has no 1-year tier for h200 or b200 (no dated public rate found) and says so in the catalog', () => {
    for (const id of ['h200', 'b200']) expect(rentalTiersOf(id), id).not.toContain('1-year');
    expect(RENTAL_TIER_PRICES.$comment).toMatch(/no dated public 1-year rate was found for h200 or b200/);
  });

  it('puts contracts well below on demand (on-demand/contract 1.1-3×), as providers at scale pay (anchors #4-#5: H200 $2.30, H100 $2.00)', () => {
    const h100 = rentalTierCostBasis('h100-sxm', 'on-demand').priceUsdPerGpuHour;
    expect(h100 / rentalTierCostBasis('h100-sxm', '1-year').priceUsdPerGpuHour).toBeGreaterThan(1.1);
    expect(h100 / rentalTierCostBasis('h100-sxm', '1-year').priceUsdPerGpuHour).toBeLessThan(3);
    // h100 1-year $2.65 is 1.33× the $2.00 LMSYS paid at scale in 2025; h200 on demand $4.50 is 1.96× its $2.30.
    expect(rentalTierCostBasis('h100-sxm', '1-year').priceUsdPerGpuHour / 2.0).toBeCloseTo(1.325, 3);
    expect(rentalTierCostBasis('h200', 'on-demand').priceUsdPerGpuHour / 2.3).toBeCloseTo(1.957, 3);
  });

  it('rentalTierCostBasis gives a rented basis a scenario accepts: commitment for contracts, none for on demand and spot', () => {
    const year = rentalTierCostBasis('h100', '1-year', 64);
    expect(year).toMatchObject({ kind: 'rented', priceUsdPerGpuHour: 2.65, commitment: { termHours: 8_760, minimumGpus: 64 } });
    expect(year.sources?.priceUsdPerGpuHour).toMatch(/^sourced, 2026-06: https:/);
    expect(commitmentCostUsd(year, 32)).toBeCloseTo(2.65 * 64 * 8_760, 6);
    expect(gpuHourCost(rentalTierCostBasis('h200', 'spot'), 0.3).totalUsdPerGpuHour).toBe(3.3214);
    for (const tier of ['on-demand', 'spot'] as const) expect(rentalTierCostBasis('h100', tier).commitment).toBeNull();
    expect(acceptedAsScenarioInput(year)).toBe(true);
  });

  it('rentalTierCostBasis throws InputError naming the tiers there are, and for a bad minimum', () => {
    expect(() => rentalTierCostBasis('gb200', '3-year')).toThrow(/no 3-year rental price for gpu gb200; the catalog has on-demand for it/);
    expect(() => rentalTierCostBasis('a100-80gb', 'spot')).toThrow(InputError);
    expect(() => rentalTierCostBasis('h100', '1-year', 0)).toThrow(/invalid minimumGpus: 0/);
  });
});
