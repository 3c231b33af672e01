import { describe, expect, it } from 'vitest';
import { commitmentCostUsd } from '../../../src/core/money/gpuHourCost.js';
import { acceptedAsScenarioInput } from './scenarioAccepts.js';
import { CONTRACT_TIERS, contractCostBasis, rentalTierCostBasis } from '../../../src/core/money/rentalTiers.js';
import { DEFAULT_SCENARIO, parseScenario, resolveScenario } from '../../../src/core/scenario/index.js';
import type { RentedCostBasis } from '../../../src/core/money/costBasis.js';

const rentedOf = (gpu: string, costBasis: Record<string, unknown>): RentedCostBasis => {
  const scenario = parseScenario({ options: [{ model: 'kimi-k2.5', gpu, gpus: 16, costBasis }] }, 'test');
  const basis = resolveScenario(scenario, 'test')[0]?.costBasis;
  if (basis?.kind !== 'rented') throw new Error('expected a rented basis');
  return basis;
};

describe('contractCostBasis', () => {
  it('takes the 3-year contract where the catalog prices one, else the 1-year, else none', () => {
    expect(CONTRACT_TIERS).toEqual(['3-year', '1-year']);
    expect(contractCostBasis('h200')).toMatchObject({ tier: '3-year', basis: { priceUsdPerGpuHour: 1.6, commitment: { termHours: 26_280 } } });
    expect(contractCostBasis('b200')?.basis.priceUsdPerGpuHour).toBe(2.9);
    expect(contractCostBasis('h100')).toMatchObject({ tier: '1-year', basis: { priceUsdPerGpuHour: 2.65 } });
    expect(contractCostBasis('gb200')).toBeNull();
  });

  it('puts the contract default against what providers at scale paid (anchors #4-#5): H200 0.70× LMSYS\'s $2.30, H100 1.33× its $2.00', () => {
    expect((contractCostBasis('h200')?.basis.priceUsdPerGpuHour ?? 0) / 2.3).toBeCloseTo(0.696, 3);
    expect((contractCostBasis('h100')?.basis.priceUsdPerGpuHour ?? 0) / 2.0).toBeCloseTo(1.325, 3);
    // and well below on demand: 2.8× (H200), 2.5× (B200) in the rental-tier catalog
    expect(rentalTierCostBasis('h200', 'on-demand').priceUsdPerGpuHour / 1.6).toBeCloseTo(2.8125, 4);
    expect(rentalTierCostBasis('b200', 'on-demand').priceUsdPerGpuHour / 2.9).toBeCloseTo(2.466, 3);
  });
});

describe('the scenario\'s rented default', () => {
  it('is the contract rate, committed for the option\'s GPUs over its term, with the on-demand median beside it', () => {
    const b = rentedOf('h200', { kind: 'rented' });
    expect(b.priceUsdPerGpuHour).toBe(1.6);
    expect(b.commitment).toEqual({ termHours: 26_280, minimumGpus: 16 });
    expect(b.onDemandUsdPerGpuHour).toBeGreaterThan(b.priceUsdPerGpuHour);
    expect(b.sources?.priceUsdPerGpuHour).toMatch(/^the contract rate a provider at scale pays .*3-year contract, sourced, 2025-08: SemiAnalysisAI\/InferenceX-app@77ca49a/);
    expect(rentedOf('h200', { kind: 'rented', priceUsdPerGpuHour: 'contract' })).toEqual(b);
    expect(acceptedAsScenarioInput(b)).toBe(true);
    expect(() => acceptedAsScenarioInput({ ...b, priceUsdPerGpuHour: -1 })).toThrow(/costBasis\.priceUsdPerGpuHour: expected a number > 0/);
    expect(commitmentCostUsd(b, 8)).toBeCloseTo(1.6 * 16 * 26_280, 6);
  });

  it('"market" is the on-demand median with nothing beside it; a typed price is taken as given', () => {
    const market = rentedOf('h200', { kind: 'rented', priceUsdPerGpuHour: 'market' });
    expect(market.priceUsdPerGpuHour).toBe(rentedOf('h200', { kind: 'rented' }).onDemandUsdPerGpuHour);
    expect(market.onDemandUsdPerGpuHour).toBeUndefined();
    expect(market.commitment).toBeNull();
    expect(rentedOf('h200', { kind: 'rented', priceUsdPerGpuHour: 2.3 })).toMatchObject({ priceUsdPerGpuHour: 2.3, commitment: null, sources: { priceUsdPerGpuHour: 'set by the scenario' } });
  });

  it('falls back to on demand, and says so, for an accelerator with no contract rate in the catalog', () => {
    const b = rentedOf('gb200', { kind: 'rented' });
    expect(b.onDemandUsdPerGpuHour).toBeUndefined();
    expect(b.sources?.priceUsdPerGpuHour).toMatch(/^no contract rate for gb200 in the rental-tier catalog, so on demand: median on-demand neocloud price/);
  });

  it('is what the built-in scenario uses for every option', () => {
    for (const o of resolveScenario(DEFAULT_SCENARIO, 'built-in')) {
      expect(o.costBasis.kind).toBe('rented');
      if (o.costBasis.kind === 'rented') expect(o.costBasis.priceUsdPerGpuHour).toBe(contractCostBasis(o.gpu.id)?.basis.priceUsdPerGpuHour);
    }
  });
});
