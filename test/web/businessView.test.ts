import { describe, expect, it } from 'vitest';
import { computeBusiness, DEFAULT_BUSINESS } from '../../web/src/compute/businessView.js';
import { DEFAULT_STATE } from '../../web/src/state/defaultState.js';

describe('computeBusiness(state, business, today)', () => {
  const m = computeBusiness(DEFAULT_STATE, DEFAULT_BUSINESS, '2026-11-27');

  it('prices every plan\'s seats at the editor\'s serving cost, with the share of seats losing money', () => {
    expect(m.seats.length).toBeGreaterThanOrEqual(6);
    for (const s of m.seats) {
      expect(s.shareOfSeatsLosingMoney).toBeGreaterThan(0);
      expect(s.shareOfSeatsLosingMoney).toBeLessThan(1);
      expect(s.p99CostUsdPerSeat).toBeGreaterThan(s.p50CostUsdPerSeat);
    }
  });

  it('orders a lab\'s costs marginal < serving < full, and discounted below list', () => {
    const at = (rates: string, depth: string) => m.lab.rows.find((r) => r.rates === rates && r.depth.startsWith(depth))?.costUsdPerMillion ?? NaN;
    for (const rates of ['list', 'discounted']) {
      expect(at(rates, 'marginal')).toBeLessThan(at(rates, 'serving'));
      expect(at(rates, 'serving')).toBeLessThan(at(rates, 'full'));
    }
    expect(at('discounted', 'full')).toBeLessThan(at('list', 'full'));
  });

  it('runs the built-in uncertainty with the view\'s ranges: a probability, a ranked tornado, a break-even per varying input', () => {
    const u = m.uncertainty;
    expect(u.samples).toBe(DEFAULT_BUSINESS.samples);
    expect(u.probabilityMarginPositive).toBeGreaterThan(0.5);
    expect(u.probabilityMarginPositive).toBeLessThan(0.95);
    expect(u.tornado.map((r) => r.swing)).toEqual([...u.tornado.map((r) => r.swing)].sort((a, b) => b - a));
    expect(u.breakEvens.map((b) => b.input).sort()).toEqual(['activeParams', 'gpuPriceUsdPerHour', 'totalParams', 'utilization']);
  });

  it('a larger model is less likely to be profitable at the same prices', () => {
    const big = computeBusiness(DEFAULT_STATE, { ...DEFAULT_BUSINESS, totalParamsT: [3, 5], samples: 2000 }, '2026-11-27');
    expect(big.uncertainty.probabilityMarginPositive).toBeLessThan(m.uncertainty.probabilityMarginPositive);
  });
});
