import { describe, expect, it } from 'vitest';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import { providerCosts } from '../../../src/core/market/providerCosts.js';

const rows = PRICE_SNAPSHOTS.flatMap((s) => s.api);

describe('providerCosts', () => {
  it('costs every Cerebras price on the WSE-3 with a range, a central estimate and the implied margins', () => {
    const r = providerCosts('cerebras', rows);
    expect(r.accelerator).toBe('cerebras-wse3');
    expect(r.models.map((m) => m.model)).toContain('llama-3.3-70b');
    for (const m of r.models) {
      expect(m.costUsdPerMillion!.low).toBeLessThan(m.costUsdPerMillion!.high);
      expect(m.margin!.low).toBeLessThan(m.margin!.high);
      expect(m.margin!.mid).toBeCloseTo(1 - m.costUsdPerMillion!.mid / m.price.blendedUsdPerMillion, 12);
    }
  });

  it('costs Groq on LPUs, each model with the speed and KV source it was costed at', () => {
    const r = providerCosts('groq', rows);
    expect(r.accelerator).toBe('groq-lpu');
    expect(r.models.length).toBeGreaterThanOrEqual(10);
    const llama = r.models.find((m) => m.model === 'llama-3.3-70b')!;
    expect(llama.sram?.speedSource).toMatch(/300 tokens\/s per user on llama-2-70b/);
    expect(llama.sram?.kvSource).toBe("llama-3.3-70b's architecture at bf16");
    expect(['below-cost', 'below-central', 'above-central', 'above-cost']).toContain(llama.verdict);
  });

  it('an unknown provider is an InputError naming the closest ids', () => {
    expect(() => providerCosts('groqq', rows)).toThrow(/unknown --provider: groqq; did you mean groq/);
  });
});
