import { describe, expect, it } from 'vitest';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import type { ApiPrice, GpuRentalPrice } from '../../../src/core/catalog/prices.js';
import { priceTrend } from '../../../src/core/market/priceTrend.js';

const row = (model: string, date: string, usd: number, provider = 'Together AI', note?: string): ApiPrice => ({
  model, modelName: model, provider, inputUsdPerMillion: usd, cachedInputUsdPerMillion: null, outputUsdPerMillion: usd, role: 'third-party', date, source: 's', ...(note !== undefined && { note }),
});
const gpu = (date: string, usd: number): GpuRentalPrice => ({ gpu: 'h100-sxm', provider: 'X', usdPerGpuHour: usd, terms: 'on-demand', providerClass: 'neocloud', date, source: 's' });

describe('priceTrend', () => {
  it('recovers a price that halves every year at a fixed size, and the size exponent', () => {
    const models = ['llama-3.1-8b', 'qwen3-32b', 'llama-3.3-70b', 'llama-3.1-405b'];
    const active = [8.03, 32.8, 70.6, 405];
    const rows: ApiPrice[] = [];
    for (const [y, date] of [[0, '2025-01-01'], [1, '2026-01-01'], [2, '2027-01-01']] as const) {
      models.forEach((m, i) => {
        for (const p of ['A', 'B', 'C']) rows.push(row(m, date, 0.01 * (active[i] as number) ** 0.8 * 0.5 ** y, p));
      });
    }
    const t = priceTrend(rows, []);
    expect(t.fit?.changePerYear).toBeCloseTo(-0.5, 3);
    expect(t.fit?.sizeExponent).toBeCloseTo(0.8, 3);
  });

  it('leaves out rows dated only by their snapshot and aggregator listings', () => {
    const rows = [row('llama-3.1-8b', '2026-08-21', 0.1, 'A', 'genai-prices x; no prices_checked: dated by the snapshot (2026-08-21)'), { ...row('llama-3.1-8b', '2026-01-01', 0.1, 'OpenRouter'), role: 'aggregator' as const }];
    expect(priceTrend(rows, []).rows).toBe(0);
  });

  it('sets each half-year\'s cheapest offer beside the median H100 rental, and estimates the elasticity with 3 well-filled half-years', () => {
    const rows: ApiPrice[] = [];
    const gpus: GpuRentalPrice[] = [];
    for (const [i, date] of ['2025-02-01', '2025-08-01', '2026-02-01'].entries()) {
      for (const p of ['A', 'B', 'C', 'D', 'E']) rows.push(row('llama-3.3-70b', date, (i + 1) * (p === 'A' ? 0.5 : 1), p), row('llama-3.1-8b', date, (i + 1) * 0.1, p));
      gpus.push(gpu(date, 2 * (i + 1)));
    }
    const t = priceTrend(rows, gpus);
    expect(t.periods.map((p) => [p.period, p.h100MedianUsdPerGpuHour])).toEqual([['2025-H1', 2], ['2025-H2', 4], ['2026-H1', 6]]);
    expect(t.cheapestVsGpuRental?.elasticity).toBeCloseTo(1, 1);
  });

  it('runs on the shipped snapshots and says when the GPU comparison has too few half-years', () => {
    const t = priceTrend(PRICE_SNAPSHOTS.flatMap((s) => s.api), PRICE_SNAPSHOTS.flatMap((s) => s.gpuRental));
    expect(t.rows).toBeGreaterThan(50);
    expect(t.fit).not.toBeNull();
    expect(t.fit!.changePerYearInterval[0]).toBeLessThan(t.fit!.changePerYear);
  });
});
