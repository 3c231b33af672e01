import { describe, expect, it } from 'vitest';
import { tornado } from '../../../src/core/uncertainty/index.js';
import { modelOf } from './fixtures.js';

describe('tornado', () => {
  it('ranks an input with a wide range above one with a narrow range, and the other way round', () => {
    const wideGpuPrice = tornado(modelOf([
      { name: 'utilization', distribution: { kind: 'uniform', low: 0.58, high: 0.62 } },
      { name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 2, high: 10 } },
    ]), 'margin');
    expect(wideGpuPrice.rows.map((r) => r.name)).toEqual(['gpuPriceUsdPerHour', 'utilization']);
    const wideUtilization = tornado(modelOf([
      { name: 'utilization', distribution: { kind: 'uniform', low: 0.2, high: 1 } },
      { name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 3.9, high: 4.1 } },
    ]), 'margin');
    expect(wideUtilization.rows.map((r) => r.name)).toEqual(['utilization', 'gpuPriceUsdPerHour']);
  });

  it('moves each input from its p10 to its p90 with the others at their medians', () => {
    const model = modelOf([
      { name: 'gpuPriceUsdPerHour', distribution: { kind: 'uniform', low: 2, high: 6 } },
      { name: 'utilization', distribution: { kind: 'uniform', low: 0.4, high: 0.8 } },
    ]);
    const t = tornado(model, 'costOutput');
    const price = t.rows.find((r) => r.name === 'gpuPriceUsdPerHour');
    expect(price?.lowValue).toBeCloseTo(2.4, 12);
    expect(price?.highValue).toBeCloseTo(5.6, 12);
    // Cost is proportional to the GPU price: at the medians (price 4), p10 and p90 scale it by 0.6 and 1.4.
    expect(price?.outputAtLow).toBeCloseTo(t.outputAtMedians * 0.6, 9);
    expect(price?.outputAtHigh).toBeCloseTo(t.outputAtMedians * 1.4, 9);
    expect(price?.swing).toBeCloseTo(t.outputAtMedians * 0.8, 9);
    const utilization = t.rows.find((r) => r.name === 'utilization');
    expect(utilization?.outputAtLow).toBeCloseTo((t.outputAtMedians * 0.6) / 0.44, 9);
  });

  it('leaves fixed inputs out', () => {
    const t = tornado(modelOf([
      { name: 'utilization', distribution: { kind: 'fixed', value: 0.5 } },
      { name: 'outputPriceUsdPerMillion', distribution: { kind: 'triangular', low: 2, mode: 3, high: 5 } },
    ]), 'margin');
    expect(t.rows.map((r) => r.name)).toEqual(['outputPriceUsdPerMillion']);
  });
});
