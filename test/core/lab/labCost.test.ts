import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import {
  labCost, outputEquivalentTokens, outputEquivalentWeights, subscriptionUsdPerMillionOutputEquivalent, trainingUsdAtListRates,
  type LabCostInput, type PerMillion,
} from '../../../src/core/lab/labCost.js';
import type { CostBasis, MarginalCostBasis, OwnedCostBasis } from '../../../src/core/money/costBasis.js';

const sonnet = { inputUsdPerMillion: 3, cachedInputUsdPerMillion: 0.3, outputUsdPerMillion: 15 };
// 1 kW at PUE 1 and $0.10/kWh, no idle draw: $0.05 per paid GPU-hour at 50% utilization.
const power: MarginalCostBasis = { kind: 'marginal', powerWattsPerGpu: 1000, idlePowerFraction: 0, pue: 1, electricityUsdPerKwh: 0.1 };
const owned: OwnedCostBasis = {
  kind: 'owned', capexUsdPerGpu: 50_000, depreciationYears: 5, residualValueFraction: 0.1, costOfCapitalPerYear: 0.1,
  powerWattsPerGpu: 1000, idlePowerFraction: 0, pue: 1, electricityUsdPerKwh: 0.1, datacenterUsdPerKwMonth: 184, operationsUsdPerGpuYear: 2_500,
};

/** Output-only traffic: 1e14 output tokens a month for 10 months = 1e15 lifetime; $3.60/GPU-hour at 50% → $0.002 per busy GPU-second. */
const base: LabCostInput = {
  training: { kind: 'usd', usdAtListRates: 100e6 },
  researchMultiple: 2,
  staffUsdPerYear: 0,
  otherOperatingUsdPerYear: 0,
  lifetimeMonths: 10,
  tokensPerMonth: { freshInput: 0, cachedInput: 0, output: 1e14 },
  revenue: { apiShare: 0.5, apiPrices: sonnet, subscription: { usdPerSeatMonth: 20, outputEquivalentTokensPerSeatMonth: 2e6 } },
  gpuSecondsPerToken: { freshInput: 1e-4, cachedInput: 1e-5, output: 1e-3 },
  utilization: 0.5,
  servingCostBasis: { kind: 'rented', priceUsdPerGpuHour: 3.6, commitment: null },
  marginalCostBasis: power,
  discountFraction: 0.5,
};

const KINDS = ['freshInput', 'cachedInput', 'output', 'outputEquivalent'] as const satisfies readonly (keyof PerMillion)[];

describe('labCost', () => {
  it('labCost($100M training + 2× research over 1e15 lifetime output tokens) amortizes $0.30 per million at list, $0.15 at discount 0.5', () => {
    const r = labCost(base);
    expect(r.lifetimeOutputEquivalentTokens).toBe(1e15);
    expect(r.list.amortizedUsdPerMillionOutputEquivalent.training).toBeCloseTo(0.1, 12);
    expect(r.list.amortizedUsdPerMillionOutputEquivalent.research).toBeCloseTo(0.2, 12);
    expect(r.list.amortizedUsdPerMillionOutputEquivalent.total).toBeCloseTo(0.3, 12);
    expect(r.list.full.output - r.list.serving.output).toBeCloseTo(0.3, 12);
    expect(r.discounted.full.output - r.discounted.serving.output).toBeCloseTo(0.15, 12);
    expect(r.list.lifetimeUsd).toMatchObject({ training: 100e6, research: 200e6, fixed: 300e6 });
  });

  it('labCost serves an output token at 1 ms × $3.60 / (3600 s × 0.5) = $2.00 per million, power alone $0.0278, and halves the rent at discount 0.5', () => {
    const r = labCost(base);
    expect(r.list.servingUsdPerGpuHour).toBe(3.6);
    expect(r.list.serving.output).toBeCloseTo(2, 12);
    expect(r.discounted.serving.output).toBeCloseTo(1, 12);
    expect(r.list.serving.freshInput).toBeCloseTo(0.2, 12);
    expect(r.list.marginal.output).toBeCloseTo((0.05 / 1800) * 1e-3 * 1e6, 12);
    expect(r.discounted.marginal.output).toBeCloseTo(r.list.marginal.output, 12);
  });

  it('labCost spreads staff and other operating cost over the lifetime: $120M + $60M a year for 6 months over 6e14 tokens = $0.15 per million', () => {
    const r = labCost({ ...base, training: { kind: 'usd', usdAtListRates: 0 }, staffUsdPerYear: 120e6, otherOperatingUsdPerYear: 60e6, lifetimeMonths: 6 });
    expect(r.list.lifetimeUsd.staff).toBeCloseTo(60e6, 3);
    expect(r.list.lifetimeUsd.otherOperating).toBeCloseTo(30e6, 3);
    expect(r.list.amortizedUsdPerMillionOutputEquivalent.staffAndOperating).toBeCloseTo(0.15, 12);
    // Staff is not compute: the discount leaves it alone.
    expect(r.discounted.amortizedUsdPerMillionOutputEquivalent.staffAndOperating).toBeCloseTo(0.15, 12);
  });

  it('labCost weighs input by list-price ratios: 5e13 fresh + 5e13 cached + 1e13 output a month are 2.1e13 output-equivalent', () => {
    const r = labCost({ ...base, lifetimeMonths: 1, tokensPerMonth: { freshInput: 5e13, cachedInput: 5e13, output: 1e13 } });
    expect(r.outputEquivalentWeights).toEqual({ freshInput: 0.2, cachedInput: 0.02, output: 1 });
    expect(r.lifetimeOutputEquivalentTokens).toBeCloseTo(2.1e13, 0);
    // Fixed cost per token of each kind follows its weight.
    const fixed = r.list.amortizedUsdPerMillionOutputEquivalent.total;
    expect(r.list.full.freshInput - r.list.serving.freshInput).toBeCloseTo(fixed * 0.2, 12);
    expect(r.list.full.cachedInput - r.list.serving.cachedInput).toBeCloseTo(fixed * 0.02, 12);
    // Revenue: half API at $15, half subscription at $20 / 2M = $10 → $12.50 per million output-equivalent.
    expect(r.revenue.apiUsdPerMillionOutputEquivalent).toBe(15);
    expect(r.revenue.subscriptionUsdPerMillionOutputEquivalent).toBeCloseTo(10, 12);
    expect(r.revenue.perMillion.outputEquivalent).toBeCloseTo(12.5, 12);
    expect(r.revenue.perMillion.freshInput).toBeCloseTo(2.5, 12);
  });

  it('labCost with training in FLOP prices 1.8e25 FLOP at 855 TFLOP/s and $6.89 as 5.85M GPU-hours, $40.3M', () => {
    const training = { kind: 'flop' as const, trainingFlop: 1.8e25, achievedFlopPerSecondPerGpu: 8.55e14, listUsdPerGpuHour: 6.89 };
    expect(trainingUsdAtListRates(training)).toBeCloseTo((1.8e25 / 8.55e14 / 3600) * 6.89, 0);
    expect(trainingUsdAtListRates(training) / 1e6).toBeCloseTo(40.29, 1);
    const r = labCost({ ...base, training });
    expect(r.trainingGpuHours).toBeCloseTo(1.8e25 / 8.55e14 / 3600, 0);
    expect(r.list.lifetimeUsd.training).toBeCloseTo(trainingUsdAtListRates(training), 0);
    expect(r.discounted.lifetimeUsd.training).toBeCloseTo(trainingUsdAtListRates(training) / 2, 0);
  });

  it('the break-even lifetime volume makes revenue equal full cost', () => {
    const input: LabCostInput = { ...base, staffUsdPerYear: 5e8, tokensPerMonth: { freshInput: 1e13, cachedInput: 1e13, output: 1e12 } };
    const r = labCost(input);
    for (const rates of ['list', 'discounted'] as const) {
      const v = r[rates].breakEvenLifetimeOutputEquivalentTokens;
      const k = r[rates].breakEvenVolumeMultiple;
      expect(v).not.toBeNull();
      expect(v! / r.lifetimeOutputEquivalentTokens).toBeCloseTo(k!, 12);
      const t = input.tokensPerMonth;
      const at = labCost({ ...input, tokensPerMonth: { freshInput: t.freshInput * k!, cachedInput: t.cachedInput * k!, output: t.output * k! } });
      expect(at[rates].lifetimeUsd.full / at.revenue.lifetimeUsd).toBeCloseTo(1, 9);
      expect(at[rates].marginFraction.full).toBeCloseTo(0, 9);
    }
  });

  it('break-even volume is null when revenue does not cover serving, and 0 with no fixed cost', () => {
    const poor = labCost({ ...base, revenue: { ...base.revenue, apiShare: 0, subscription: { usdPerSeatMonth: 1, outputEquivalentTokensPerSeatMonth: 1e7 } } });
    expect(poor.list.breakEvenLifetimeOutputEquivalentTokens).toBeNull();
    expect(poor.warnings.join(' ')).toContain('no volume breaks even');
    const free = labCost({ ...base, training: { kind: 'usd', usdAtListRates: 0 } });
    expect(free.list.breakEvenLifetimeOutputEquivalentTokens).toBe(0);
  });

  it('labCost at discount 1 shows a marginal cost no higher than the (zero) rent, with a warning', () => {
    const r = labCost({ ...base, discountFraction: 1 });
    expect(r.discounted.serving.output).toBe(0);
    expect(r.discounted.marginal.output).toBe(0);
    expect(r.warnings.some((w) => w.includes('less than its power'))).toBe(true);
  });

  it('labCost on owned hardware discounts training and research only, and says so', () => {
    const r = labCost({ ...base, servingCostBasis: owned });
    expect(r.discounted.serving.output).toBe(r.list.serving.output);
    expect(r.discounted.lifetimeUsd.research).toBeCloseTo(r.list.lifetimeUsd.research / 2, 3);
    expect(r.warnings.some((w) => w.includes('not rented'))).toBe(true);
  });

  it.each([
    ['lifetimeMonths 0', { lifetimeMonths: 0 }],
    ['utilization 0', { utilization: 0 }],
    ['discount 1.5', { discountFraction: 1.5 }],
    ['no tokens', { tokensPerMonth: { freshInput: 0, cachedInput: 0, output: 0 } }],
    ['output price 0', { revenue: { ...base.revenue, apiPrices: { ...sonnet, outputUsdPerMillion: 0 } } }],
    ['api share 2', { revenue: { ...base.revenue, apiShare: 2 } }],
  ] as const)('labCost with %s throws an InputError', (_name, change) => {
    expect(() => labCost({ ...base, ...change } as LabCostInput)).toThrow(InputError);
  });
});

describe('output-equivalent tokens and subscription revenue', () => {
  it('outputEquivalentWeights(Claude Sonnet $3/$0.30/$15) is 0.2, 0.02, 1; 5 fresh + 5 cached + 1 out = 2.1', () => {
    const w = outputEquivalentWeights(sonnet);
    expect(w).toEqual({ freshInput: 0.2, cachedInput: 0.02, output: 1 });
    expect(outputEquivalentTokens({ freshInput: 5, cachedInput: 5, output: 1 }, w)).toBeCloseTo(2.1, 12);
  });

  it('subscriptionUsdPerMillionOutputEquivalent($20 a seat, 2M tokens) is $10', () => {
    expect(subscriptionUsdPerMillionOutputEquivalent({ usdPerSeatMonth: 20, outputEquivalentTokensPerSeatMonth: 2e6 })).toBe(10);
  });
});

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const basisArb: fc.Arbitrary<CostBasis> = fc.oneof(
  fc.record({ kind: fc.constant('rented' as const), priceUsdPerGpuHour: positive(0, 20), commitment: fc.constant(null) }),
  fc.record({ capexUsdPerGpu: positive(0, 100_000), datacenterUsdPerKwMonth: positive(0, 300) }).map((o): CostBasis => ({ ...owned, ...o })),
);
const inputArb: fc.Arbitrary<LabCostInput> = fc.record({
  training: fc.oneof(
    fc.record({ kind: fc.constant('usd' as const), usdAtListRates: positive(0, 1e10) }),
    fc.record({ kind: fc.constant('flop' as const), trainingFlop: positive(1e20, 1e27), achievedFlopPerSecondPerGpu: positive(1e13, 5e15), listUsdPerGpuHour: positive(0, 20) }),
  ),
  researchMultiple: positive(0, 10),
  staffUsdPerYear: positive(0, 5e9),
  otherOperatingUsdPerYear: positive(0, 1e9),
  lifetimeMonths: positive(0.5, 60),
  tokensPerMonth: fc.record({ freshInput: positive(0, 1e15), cachedInput: positive(0, 1e15), output: positive(1e9, 1e15) }),
  revenue: fc.record({
    apiShare: positive(0, 1),
    apiPrices: fc.record({ inputUsdPerMillion: positive(0, 20), cachedInputUsdPerMillion: positive(0, 5), outputUsdPerMillion: positive(0.1, 100) }),
    subscription: fc.record({ usdPerSeatMonth: positive(0, 200), outputEquivalentTokensPerSeatMonth: positive(1e3, 1e9) }),
  }),
  gpuSecondsPerToken: fc.record({ freshInput: positive(0, 1e-2), cachedInput: positive(0, 1e-3), output: positive(0, 1e-1) }),
  utilization: positive(0.05, 1),
  servingCostBasis: basisArb,
  marginalCostBasis: fc.record({ powerWattsPerGpu: positive(0, 3000), idlePowerFraction: positive(0, 1), electricityUsdPerKwh: positive(0, 0.5) })
    .map((p): MarginalCostBasis => ({ kind: 'marginal', pue: 1.3, ...p })),
  discountFraction: positive(0, 1),
});

const ulp = (x: number) => 1e-9 * Math.abs(x) + 1e-15;

describe('labCost properties', () => {
  it('marginal ≤ serving ≤ full, for every kind, at list and discounted rates', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const r = labCost(input);
      for (const c of [r.list, r.discounted]) {
        for (const k of KINDS) {
          expect(c.marginal[k]).toBeLessThanOrEqual(c.serving[k] + ulp(c.serving[k]));
          expect(c.serving[k]).toBeLessThanOrEqual(c.full[k] + ulp(c.full[k]));
        }
      }
    }));
  });

  it('a discount never raises a cost, and a deeper discount lowers or keeps every cost', () => {
    fc.assert(fc.property(inputArb, positive(0, 1), (input, other) => {
      const r = labCost(input);
      const [lo, hi] = [Math.min(input.discountFraction, other), Math.max(input.discountFraction, other)];
      const shallow = labCost({ ...input, discountFraction: lo }).discounted;
      const deep = labCost({ ...input, discountFraction: hi }).discounted;
      for (const level of ['marginal', 'serving', 'full'] as const) {
        for (const k of KINDS) {
          expect(r.discounted[level][k]).toBeLessThanOrEqual(r.list[level][k] + ulp(r.list[level][k]));
          expect(deep[level][k]).toBeLessThanOrEqual(shallow[level][k] + ulp(shallow[level][k]));
        }
      }
    }));
  });

  it('doubling the lifetime volume halves the amortized share and leaves serving cost per token alone', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const t = input.tokensPerMonth;
      const once = labCost(input);
      const twice = labCost({ ...input, tokensPerMonth: { freshInput: 2 * t.freshInput, cachedInput: 2 * t.cachedInput, output: 2 * t.output } });
      expect(Math.abs(twice.lifetimeOutputEquivalentTokens - 2 * once.lifetimeOutputEquivalentTokens)).toBeLessThanOrEqual(ulp(once.lifetimeOutputEquivalentTokens));
      for (const rates of ['list', 'discounted'] as const) {
        const a1 = once[rates].amortizedUsdPerMillionOutputEquivalent.total;
        const a2 = twice[rates].amortizedUsdPerMillionOutputEquivalent.total;
        expect(Math.abs(a2 - a1 / 2)).toBeLessThanOrEqual(ulp(a1));
        expect(Math.abs(twice[rates].serving.outputEquivalent - once[rates].serving.outputEquivalent)).toBeLessThanOrEqual(ulp(once[rates].serving.outputEquivalent));
      }
    }));
  });

  it('the break-even volume V solves revenue × V = serving × V + fixed cost', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const r = labCost(input);
      const revenuePerToken = r.revenue.perMillion.outputEquivalent / 1e6;
      for (const c of [r.list, r.discounted]) {
        const v = c.breakEvenLifetimeOutputEquivalentTokens;
        if (v === null) {
          expect(revenuePerToken).toBeLessThanOrEqual(c.serving.outputEquivalent / 1e6 + ulp(c.serving.outputEquivalent / 1e6));
          continue;
        }
        const cost = (c.serving.outputEquivalent / 1e6) * v + c.lifetimeUsd.fixed;
        expect(Math.abs(revenuePerToken * v - cost)).toBeLessThanOrEqual(1e-6 * cost + 1e-6);
      }
    }));
  });

  it('tokens × full cost per token of each kind sum to the lifetime full cost', () => {
    fc.assert(fc.property(inputArb, (input) => {
      const r = labCost(input);
      const t = r.lifetimeTokens;
      for (const c of [r.list, r.discounted]) {
        const sum = (t.freshInput * c.full.freshInput + t.cachedInput * c.full.cachedInput + t.output * c.full.output) / 1e6;
        expect(Math.abs(sum - c.lifetimeUsd.full)).toBeLessThanOrEqual(1e-9 * c.lifetimeUsd.full + 1e-6);
        expect(Math.abs((c.full.outputEquivalent * r.lifetimeOutputEquivalentTokens) / 1e6 - c.lifetimeUsd.full)).toBeLessThanOrEqual(1e-9 * c.lifetimeUsd.full + 1e-6);
      }
    }));
  });
});
