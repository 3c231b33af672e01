import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/core/catalog/models.js';
import { findById } from '../../../src/core/catalog/lookup.js';
import { physicalCost } from '../../../src/core/market/physicalCost.js';

describe('servedWeightPrecision', () => {
  it('every catalog model carries the precision providers serve it at, with a dated source', () => {
    for (const m of MODELS) {
      expect(m.servedWeightPrecision, m.id).toBeDefined();
      expect(m.servedWeightPrecision!.source.url, m.id).not.toBe('');
      expect(m.servedWeightPrecision!.source.date, m.id).toMatch(/^\d{4}-\d{2}/);
    }
    expect(findById('model', 'llama-3.1-405b', MODELS).servedWeightPrecision?.precision).toBe('fp8');
  });
});

describe('physicalCost', () => {
  it('costs llama-3.1-405b at fp8 as served, cheaper than its bf16 checkpoint, on a chosen deployment that meets the target', () => {
    const llama = findById('model', 'llama-3.1-405b', MODELS);
    const served = physicalCost(llama)!;
    const { servedWeightPrecision: _served, ...checkpoint } = llama;
    const bf16 = physicalCost(checkpoint)!;
    expect(served.weightPrecision).toBe('fp8');
    expect(bf16.weightPrecision).toBe('native');
    expect(served.meetsTarget).toBe(true);
    expect(served.blendedCostUsdPerMillion).toBeLessThan(bf16.blendedCostUsdPerMillion);
    expect(served.layout).not.toBe('');
  }, 60_000);
});
