import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { parseCostBasis } from '../../../src/core/money/parseCostBasis.js';

function problemsOf(raw: unknown): string {
  try {
    parseCostBasis(raw, 'gpuCost');
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).message;
  }
  throw new Error('parseCostBasis accepted bad input');
}

describe('parseCostBasis', () => {
  it('parseCostBasis returns each kind of valid basis unchanged', () => {
    const bases = [
      { kind: 'rented', priceUsdPerGpuHour: 2.69, commitment: null },
      { kind: 'rented', priceUsdPerGpuHour: 2.35, commitment: { termHours: 8_760, minimumGpus: 64 }, sources: { priceUsdPerGpuHour: 'SemiAnalysis index 2026-03' } },
      { kind: 'marginal', powerWattsPerGpu: 1_275, idlePowerFraction: 0.3, pue: 1.3, electricityUsdPerKwh: 0.08 },
      {
        kind: 'owned', capexUsdPerGpu: 50_000, depreciationYears: 5, residualValueFraction: 0.1, costOfCapitalPerYear: 0.1,
        powerWattsPerGpu: 1_275, idlePowerFraction: 0.3, pue: 1.3, electricityUsdPerKwh: 0.08, datacenterUsdPerKwMonth: 184.06, operationsUsdPerGpuYear: 2_500,
      },
    ];
    for (const basis of bases) expect(parseCostBasis(basis, 'gpuCost')).toEqual(basis);
  });

  it('parseCostBasis reports every problem at once with its path: negative, out of range, missing, unknown', () => {
    const message = problemsOf({
      kind: 'owned', capexUsdPerGpu: -5, depreciationYears: 0, residualValueFraction: 0.1, costOfCapitalPerYear: 0.1,
      powerWattsPerGpu: 1_275, idlePowerFraction: 1.2, pue: 0.9, electricityUsdPerKwh: '0.08', datacenterUsdPerKwMonth: 184.06,
      opsUsdPerGpuYear: 2_500,
    });
    expect(message.split('; ')).toEqual([
      'gpuCost.capexUsdPerGpu: expected a number from 0 to 10,000,000, received -5',
      'gpuCost.depreciationYears: expected a number > 0 and at most 50, received 0',
      'gpuCost.idlePowerFraction: expected a number from 0 to 1, received 1.2',
      'gpuCost.pue: expected a number from 1 to 10, received 0.9',
      'gpuCost.electricityUsdPerKwh: expected a number from 0 to 100, received "0.08"',
      'gpuCost.operationsUsdPerGpuYear: missing (the field is required)',
      'gpuCost.opsUsdPerGpuYear: unknown field',
    ]);
  });

  it('parseCostBasis names the allowed kinds for an unknown or missing kind, and checks a commitment', () => {
    expect(problemsOf({ kind: 'leased', priceUsdPerGpuHour: 2 })).toBe('gpuCost.kind: expected an object whose kind is one of rented, owned, marginal, received "leased"');
    expect(problemsOf({ priceUsdPerGpuHour: 2 })).toMatch(/^gpuCost\.kind: expected an object whose kind is one of rented, owned, marginal/);
    expect(problemsOf(7)).toBe('gpuCost: expected an object whose kind is one of rented, owned, marginal, received 7');
    expect(problemsOf({ kind: 'rented', priceUsdPerGpuHour: -1, commitment: { termHours: 0, minimumGpus: 1.5 } }).split('; ')).toEqual([
      'gpuCost.priceUsdPerGpuHour: expected a number from 0 to 10,000, received -1',
      'gpuCost.commitment.termHours: expected a number > 0 and at most 87,600, received 0',
      'gpuCost.commitment.minimumGpus: expected a whole number from 1 to 65,536, received 1.5',
    ]);
  });

  it('parseCostBasis throws one InputError whose field is the path and whose value counts the problems', () => {
    try {
      parseCostBasis({ kind: 'marginal', powerWattsPerGpu: -1, idlePowerFraction: 2, pue: 1.3, electricityUsdPerKwh: 0.08 }, 'scenario.json: cost');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('scenario.json: cost');
      expect((error as InputError).value).toBe('2 problems');
    }
  });
});
