import { describe, expect, it } from 'vitest';
import { SRAM_ACCELERATORS, parseSramAcceleratorCatalog } from '../../../src/core/catalog/sramAccelerators.js';
import { DEFAULT_SRAM_ASSUMPTIONS, sramServingCost } from '../../../src/core/sram/sramServing.js';

const chip = (id: string) => SRAM_ACCELERATORS.find((a) => a.id === id)!;
/** Llama 3.3 70B: 70.6B dense, GQA KV 2 × 80 layers × 8 heads × 128 × 2 B = 327,680 B a token. */
const llama70b = { id: 'llama-3.3-70b', totalParams: 70.6e9, activeParams: 70.6e9, kvBytesPerToken: 327_680, kvSource: 'test' };
const speed = (tokensPerSecondPerUser: number) => ({ tokensPerSecondPerUser, source: 'test' });
const oneReplica = { ...DEFAULT_SRAM_ASSUMPTIONS, maxChipMultiple: 1 };

describe('sramServingCost', () => {
  it('puts a 70B model on at least 4 CS-3 at 16-bit weights, as Cerebras states ("70B models fit on as few as four systems")', () => {
    const c = sramServingCost(chip('cerebras-wse3'), llama70b, speed(2100), oneReplica);
    expect(c.low.chips).toBe(4);
  });

  it('puts a 70B model on hundreds of Groq LPUs, bracketing the 576 of Groq\'s Llama 2 70B demo', () => {
    const c = sramServingCost(chip('groq-lpu'), llama70b, speed(300), oneReplica);
    expect(c.low.chips).toBeLessThan(576);
    expect(c.high.chips).toBeGreaterThan(576);
  });

  it('the chip count follows the model size: twice the parameters, about twice the chips', () => {
    const small = sramServingCost(chip('groq-lpu'), llama70b, speed(300), oneReplica);
    const big = sramServingCost(chip('groq-lpu'), { ...llama70b, totalParams: 141.2e9 }, speed(300), oneReplica);
    expect(big.low.chips / small.low.chips).toBeGreaterThan(1.9);
    expect(big.low.chips / small.low.chips).toBeLessThan(2.1);
  });

  it('orders the range: low-cost < central < high-cost, and a faster per-user speed lowers the cost', () => {
    const c = sramServingCost(chip('cerebras-wse3'), llama70b, speed(2100));
    expect(c.low.blendedCostUsdPerMillion).toBeLessThan(c.mid.blendedCostUsdPerMillion);
    expect(c.mid.blendedCostUsdPerMillion).toBeLessThan(c.high.blendedCostUsdPerMillion);
    const slow = sramServingCost(chip('cerebras-wse3'), llama70b, speed(450));
    expect(slow.mid.blendedCostUsdPerMillion).toBeGreaterThan(c.mid.blendedCostUsdPerMillion);
  });

  it('costs output above input (decode is bound by the sequences in flight, prefill by arithmetic)', () => {
    const c = sramServingCost(chip('groq-lpu'), llama70b, speed(300));
    expect(c.mid.costUsdPerMillionOutputTokens).toBeGreaterThan(c.mid.costUsdPerMillionInputTokens);
  });

  it('the SRAM catalog rejects a range whose low end exceeds its high end', () => {
    const raw = { accelerators: [{ ...SRAM_ACCELERATORS[0], capexUsdPerChip: [5, 1] }] };
    expect(() => parseSramAcceleratorCatalog(raw)).toThrow(/capexUsdPerChip: expected a range \[low, high\] with low <= high, received a list of 2/);
  });
});
