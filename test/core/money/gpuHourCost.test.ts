import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { capitalRecoveryUsdPerYear } from '../../../src/core/money/annuity.js';
import { marginalOf, type CostBasis, type MarginalCostBasis, type OwnedCostBasis, type RentedCostBasis } from '../../../src/core/money/costBasis.js';
import { breakEvenUtilization, commitmentCostUsd, gpuHourCost, HOURS_PER_YEAR } from '../../../src/core/money/gpuHourCost.js';

const owned: OwnedCostBasis = {
  kind: 'owned', capexUsdPerGpu: 50_000, depreciationYears: 5, residualValueFraction: 0.1, costOfCapitalPerYear: 0.1,
  powerWattsPerGpu: 1_275, idlePowerFraction: 0.3, pue: 1.3, electricityUsdPerKwh: 0.08,
  datacenterUsdPerKwMonth: 184.06, operationsUsdPerGpuYear: 2_500,
};
const onDemand: RentedCostBasis = { kind: 'rented', priceUsdPerGpuHour: 2.69, commitment: null };
const power = (idlePowerFraction: number): MarginalCostBasis => ({ kind: 'marginal', powerWattsPerGpu: 1_275, idlePowerFraction, pue: 1.3, electricityUsdPerKwh: 0.08 });

const amount = (max: number) => fc.double({ min: 0, max, noNaN: true });
const share = amount(1);
const ownedArb: fc.Arbitrary<OwnedCostBasis> = fc.record({
  kind: fc.constant('owned' as const),
  capexUsdPerGpu: amount(200_000), depreciationYears: fc.double({ min: 0.5, max: 10, noNaN: true }),
  residualValueFraction: share, costOfCapitalPerYear: amount(0.3),
  powerWattsPerGpu: amount(3_000), idlePowerFraction: share, pue: fc.double({ min: 1, max: 2.5, noNaN: true }),
  electricityUsdPerKwh: amount(0.5), datacenterUsdPerKwMonth: amount(400), operationsUsdPerGpuYear: amount(10_000),
});
const rentedArb: fc.Arbitrary<RentedCostBasis> = fc.record({
  kind: fc.constant('rented' as const), priceUsdPerGpuHour: amount(20),
  commitment: fc.option(fc.record({ termHours: fc.double({ min: 1, max: 30_000, noNaN: true }), minimumGpus: fc.integer({ min: 1, max: 1_000 }) })),
});
const basisArb: fc.Arbitrary<CostBasis> = fc.oneof(ownedArb, ownedArb.map(marginalOf), rentedArb);

describe('gpuHourCost', () => {
  it('gpuHourCost(rented on demand, u) is the price at any utilization, all of it fixed', () => {
    for (const u of [0, 0.37, 1]) {
      expect(gpuHourCost(onDemand, u)).toEqual({
        totalUsdPerGpuHour: 2.69, fixedUsdPerGpuHour: 2.69, perUtilizationUsdPerGpuHour: 0, rentUsdPerGpuHour: 2.69,
        capitalUsdPerGpuHour: 0, powerUsdPerGpuHour: 0, spaceUsdPerGpuHour: 0, operationsUsdPerGpuHour: 0,
      });
    }
    expect(gpuHourCost({ ...onDemand, commitment: { termHours: 8_760, minimumGpus: 64 } }, 0.2).totalUsdPerGpuHour).toBe(2.69);
  });

  it('gpuHourCost power: 1,275 W × PUE 1.3 × $0.08/kWh at full load is $0.1326 an hour', () => {
    // 1.275 kW × 1.3 = 1.6575 kW from the grid; × $0.08 = $0.1326
    expect(gpuHourCost(power(0.3), 1).powerUsdPerGpuHour).toBeCloseTo(0.1326, 12);
    expect(gpuHourCost(power(0), 1).totalUsdPerGpuHour).toBeCloseTo(0.1326, 12);
  });

  it('gpuHourCost power at utilization 0.5 with idle 0.3 draws 0.3 + 0.7 × 0.5 = 0.65 of full: $0.08619', () => {
    const cost = gpuHourCost(power(0.3), 0.5);
    expect(cost.powerUsdPerGpuHour).toBeCloseTo(0.1326 * 0.65, 12); // 0.08619
    expect(cost.fixedUsdPerGpuHour).toBeCloseTo(0.1326 * 0.3, 12); // idle draw, 0.03978
    expect(cost.perUtilizationUsdPerGpuHour).toBeCloseTo(0.1326 * 0.7, 12); // 0.09282
    expect(gpuHourCost(power(0.3), 0).totalUsdPerGpuHour).toBeCloseTo(0.03978, 12);
  });

  it('gpuHourCost capital per hour is the annual capital recovery / 8,760', () => {
    const cost = gpuHourCost(owned, 0.6);
    expect(cost.capitalUsdPerGpuHour).toBe(capitalRecoveryUsdPerYear(50_000, 5, 0.1, 0.1) / 8_760);
    expect(cost.capitalUsdPerGpuHour).toBeCloseTo(12_370.8866 / 8_760, 6); // $1.41220
    const straightLine = gpuHourCost({ ...owned, costOfCapitalPerYear: 0, residualValueFraction: 0 }, 0.6);
    expect(straightLine.capitalUsdPerGpuHour).toBeCloseTo(50_000 / 5 / 8_760, 12); // $1.14155
    expect(HOURS_PER_YEAR).toBe(365 * 24);
  });

  it('gpuHourCost space is paid on provisioned peak IT kW: 1.275 kW × $184.06 / 730 h = $0.32147, busy or idle', () => {
    expect(gpuHourCost(owned, 0).spaceUsdPerGpuHour).toBeCloseTo(1.275 * 184.06 / 730, 12);
    expect(gpuHourCost(owned, 1).spaceUsdPerGpuHour).toBe(gpuHourCost(owned, 0).spaceUsdPerGpuHour);
    expect(gpuHourCost(owned, 0.6).operationsUsdPerGpuHour).toBeCloseTo(2_500 / 8_760, 12);
  });

  it('gpuHourCost rejects a utilization outside [0, 1]', () => {
    for (const u of [-0.1, 1.5, Number.NaN]) expect(() => gpuHourCost(owned, u)).toThrow(InputError);
  });

  it('gpuHourCost total = fixed + perUtilization × u exactly, and the components add up to it', () => {
    fc.assert(fc.property(basisArb, share, (basis, u) => {
      const c = gpuHourCost(basis, u);
      expect(c.totalUsdPerGpuHour).toBe(c.fixedUsdPerGpuHour + c.perUtilizationUsdPerGpuHour * u);
      const parts = c.capitalUsdPerGpuHour + c.powerUsdPerGpuHour + c.spaceUsdPerGpuHour + c.operationsUsdPerGpuHour + c.rentUsdPerGpuHour;
      expect(Math.abs(parts - c.totalUsdPerGpuHour)).toBeLessThanOrEqual(1e-12 * Math.max(1, c.totalUsdPerGpuHour));
    }));
  });

  it('gpuHourCost never falls as capex, electricity price, PUE, cost of capital or utilization rise', () => {
    const fields = ['capexUsdPerGpu', 'electricityUsdPerKwh', 'pue', 'costOfCapitalPerYear'] as const;
    fc.assert(fc.property(ownedArb, share, fc.constantFrom(...fields), fc.double({ min: 0, max: 1, noNaN: true }), share, (basis, u, field, step, du) => {
      const base = gpuHourCost(basis, u).totalUsdPerGpuHour;
      const raised = gpuHourCost({ ...basis, [field]: basis[field] + step }, u).totalUsdPerGpuHour;
      expect(raised).toBeGreaterThanOrEqual(base * (1 - 1e-12));
      expect(gpuHourCost(basis, Math.min(1, u + du)).totalUsdPerGpuHour).toBeGreaterThanOrEqual(base);
    }));
  });

  it('gpuHourCost of the marginal basis (power only) is never above the owned one', () => {
    fc.assert(fc.property(ownedArb, share, (basis, u) => {
      expect(gpuHourCost(marginalOf(basis), u).totalUsdPerGpuHour).toBeLessThanOrEqual(gpuHourCost(basis, u).totalUsdPerGpuHour);
    }));
  });
});

describe('commitmentCostUsd', () => {
  const contract: RentedCostBasis = { kind: 'rented', priceUsdPerGpuHour: 2.35, commitment: { termHours: 8_760, minimumGpus: 64 } };

  it('commitmentCostUsd is price × max(gpus, minimumGpus) × termHours', () => {
    expect(commitmentCostUsd(contract, 64)).toBeCloseTo(2.35 * 64 * 8_760, 6); // $1,317,504
    expect(commitmentCostUsd(contract, 32)).toBe(commitmentCostUsd(contract, 64)); // the minimum is paid, used or not
    expect(commitmentCostUsd(contract, 100)).toBeCloseTo(2_058_600, 6);
  });

  it('commitmentCostUsd on demand is 0 and a negative GPU count is rejected', () => {
    expect(commitmentCostUsd(onDemand, 8)).toBe(0);
    expect(() => commitmentCostUsd(contract, -1)).toThrow(InputError);
  });
});

describe('breakEvenUtilization', () => {
  it('breakEvenUtilization(2.00, 0.10, 4.10) is 2 / (4.10 − 0.10) = 0.5', () => {
    expect(breakEvenUtilization(2, 0.1, 4.1)).toBeCloseTo(0.5, 12);
  });

  it('breakEvenUtilization is null when revenue at full load never beats the per-utilization cost, above 1 when full load loses', () => {
    expect(breakEvenUtilization(2, 0.1, 0.1)).toBeNull();
    expect(breakEvenUtilization(2, 0.2, 0.1)).toBeNull();
    expect(breakEvenUtilization(3, 0.1, 2.1)).toBeCloseTo(1.5, 12);
    expect(breakEvenUtilization(0, 0.1, 2.1)).toBe(0);
  });

  it('breakEvenUtilization × revenue at full load equals the cost at that utilization (within 1e-9)', () => {
    fc.assert(fc.property(basisArb, amount(50), (basis, revenueFull) => {
      const c = gpuHourCost(basis, 0);
      const u = breakEvenUtilization(c.fixedUsdPerGpuHour, c.perUtilizationUsdPerGpuHour, revenueFull);
      if (u === null) { // no margin, or one so thin that the break-even overflows
        const margin = revenueFull - c.perUtilizationUsdPerGpuHour;
        expect(margin <= 0 || !Number.isFinite(c.fixedUsdPerGpuHour / margin)).toBe(true);
        return;
      }
      const costAtU = c.fixedUsdPerGpuHour + c.perUtilizationUsdPerGpuHour * u;
      expect(Math.abs(u * revenueFull - costAtU)).toBeLessThanOrEqual(1e-9 * Math.max(1, costAtU));
      if (u <= 1) expect(Math.abs(gpuHourCost(basis, u).totalUsdPerGpuHour - u * revenueFull)).toBeLessThanOrEqual(1e-9 * Math.max(1, costAtU));
    }));
  });
});
