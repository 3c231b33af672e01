import { describe, expect, it } from 'vitest';
import { latestSnapshot, type ApiPrice, type GpuRentalPrice } from '../../../src/core/catalog/prices.js';
import { InputError } from '../../../src/core/errors.js';
import { apiPriceOf, blendedUsdPerMillion, gpuRentalPrice, marketApiPrice } from '../../../src/core/market/marketPrice.js';

const { api, gpuRental } = latestSnapshot();

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

/** A made-up API row; only the prices, provider and date matter to the market functions. */
function row(provider: string, input: number, output: number, date: string, extra: Partial<ApiPrice> = {}): ApiPrice {
  return {
    model: 'm', modelName: 'M', provider, inputUsdPerMillion: input, cachedInputUsdPerMillion: null,
    outputUsdPerMillion: output, role: 'third-party', date, source: 'test', ...extra,
  };
}

describe('marketApiPrice on the shipped catalog', () => {
  // Kimi K2.5, each non-aggregator provider's latest row (in / out / cached, $ per M tokens):
  //   Amazon Bedrock 0.60/3.00/-, Azure 0.60/3.00/-, Baseten 0.60/3.00/0.12, DeepInfra 0.45/2.25/0.07,
  //   Fireworks 0.60/3.00/0.10, Moonshot AI 0.60/3.00/0.10 (2026-06-12), Nebius 0.50/2.50/0.05,
  //   Novita 0.60/3.00/0.10, SiliconFlow 0.45/2.25/-, Together AI 0.50/2.80/-, Weights & Biases 0.50/2.85/-
  // = 11 providers. Input sorted 0.45 0.45 0.50 0.50 0.50 [0.60] 0.60 0.60 0.60 0.60 0.60 → median 0.60.
  // Output sorted 2.25 2.25 2.50 2.80 2.85 [3.00] 3.00 3.00 3.00 3.00 3.00 → median 3.00.
  // Cached: 0.05 0.07 0.10 0.10 0.10 0.12 → 6 providers, median 0.10.
  const kimi = marketApiPrice('kimi-k2.5', api);

  it("marketApiPrice('kimi-k2.5') is $0.60 in / $3.00 out (median of 11 providers, aggregators excluded)", () => {
    expect(kimi.providerCount).toBe(11);
    expect(kimi.inputUsdPerMillion).toEqual({ median: 0.6, min: 0.45, max: 0.6 });
    expect(kimi.outputUsdPerMillion).toEqual({ median: 3, min: 2.25, max: 3 });
    expect(kimi.inputUsdPerMillion.median).toBeGreaterThanOrEqual(0.5);
    expect(kimi.outputUsdPerMillion.median).toBeGreaterThanOrEqual(2.5);
  });

  it("marketApiPrice('kimi-k2.5') cached input is $0.10 over the 6 providers that publish one", () => {
    expect(kimi.cachedInputUsdPerMillion).toEqual({ median: 0.1, min: 0.05, max: 0.12, providerCount: 6 });
  });

  it('leaves OpenRouter out by default and counts its latest listing price with includeAggregators', () => {
    expect(kimi.providers).not.toContain('OpenRouter');
    const all = marketApiPrice('kimi-k2.5', api, { includeAggregators: true });
    expect(all.providerCount).toBe(12);
    expect(all.rows.find((r) => r.provider === 'OpenRouter')).toMatchObject({ date: '2026-06-26', inputUsdPerMillion: 0.375 });
  });

  it('asOf keeps each provider\'s latest row on or before the date', () => {
    const june20 = marketApiPrice('kimi-k2.5', api, { includeAggregators: true, asOf: '2026-06-20' });
    expect(june20.rows.find((r) => r.provider === 'OpenRouter')).toMatchObject({ date: '2026-06-15', inputUsdPerMillion: 0.4 });
    // By 2026-04-01 only Fireworks (2026-02-03) and Moonshot AI (genai-prices, 2026-03-11) had published.
    const april = marketApiPrice('kimi-k2.5', api, { asOf: '2026-04-01' });
    expect(april.providers).toEqual(['Fireworks', 'Moonshot AI']);
    expect(april.rows.map((r) => r.date)).toEqual(['2026-02-03', '2026-03-11']);
    // A month-only asOf covers the whole month: January 2026 has OpenRouter's 2026-01-28 row.
    expect(marketApiPrice('kimi-k2.5', api, { includeAggregators: true, asOf: '2026-01' }).providers).toEqual(['OpenRouter']);
  });

  it("cheapest(3) of kimi-k2.5 averages DeepInfra, SiliconFlow (blend $0.90) and Nebius ($1.00)", () => {
    const c = kimi.cheapest(3);
    expect(c.providers).toEqual(['DeepInfra', 'SiliconFlow', 'Nebius']);
    expect(c.inputUsdPerMillion).toBeCloseTo((0.45 + 0.45 + 0.5) / 3, 12);
    expect(c.outputUsdPerMillion).toBeCloseTo((2.25 + 2.25 + 2.5) / 3, 12);
    expect(c.blendedUsdPerMillion).toBeCloseTo((0.9 + 0.9 + 1.0) / 3, 12);
    expect(kimi.cheapest(50).providerCount).toBe(11);
  });

  it('deepseek-v3.2 median is $0.30 in / $0.45 out over 9 providers; its first party is the cheapest on output', () => {
    // Inputs 0.26 0.269 0.27 0.28 [0.3] 0.5 0.56 0.56 0.58; outputs 0.38 0.4 0.42 0.42 [0.45] 1.5 1.68 1.68 1.68.
    const m = marketApiPrice('deepseek-v3.2', api);
    expect(m.providerCount).toBe(9);
    expect(m.inputUsdPerMillion.median).toBe(0.3);
    expect(m.outputUsdPerMillion.median).toBe(0.45);
  });

  it('an unknown model throws an InputError naming it and listing the known ones', () => {
    const e = thrown(() => marketApiPrice('kimi-k9', api));
    expect(e.field).toBe('model');
    expect(e.message).toMatch(/^no price rows for model kimi-k9; known: .*claude-sonnet-4\.5.*kimi-k2\.5/);
  });

  it('a date before every row, or a bad asOf, throws an InputError', () => {
    expect(thrown(() => marketApiPrice('kimi-k2.5', api, { asOf: '2025-01-01' })).message).toMatch(/no row on or before 2025-01-01/);
    expect(thrown(() => marketApiPrice('kimi-k2.5', api, { asOf: 'June 2026' })).field).toBe('asOf');
    expect(thrown(() => kimi.cheapest(0)).field).toBe('k');
  });
});

describe('marketApiPrice on made-up rows', () => {
  it('an even provider count takes the mean of the middle two; a later row replaces an earlier one', () => {
    const rows = [row('A', 1, 4, '2026-01-01'), row('A', 2, 8, '2026-03'), row('B', 4, 16, '2026-02-01')];
    const m = marketApiPrice('m', rows);
    expect(m.inputUsdPerMillion).toEqual({ median: 3, min: 2, max: 4 });
    expect(m.cachedInputUsdPerMillion).toBeNull();
    // 2026-03 counts as 2026-03-01: after 2026-02-15 it is not yet in force.
    expect(marketApiPrice('m', rows, { asOf: '2026-02-15' }).inputUsdPerMillion.median).toBe(2.5);
  });

  it('only aggregator rows give an error that says to pass includeAggregators', () => {
    const rows = [row('OpenRouter', 1, 2, '2026-01-01', { role: 'aggregator' })];
    expect(thrown(() => marketApiPrice('m', rows)).message).toMatch(/includeAggregators/);
  });

  it('blendedUsdPerMillion is (3 × input + output) / 4: $0.60 / $3.00 → $1.20', () => {
    expect(blendedUsdPerMillion({ inputUsdPerMillion: 0.6, outputUsdPerMillion: 3 })).toBeCloseTo(1.2, 12);
  });
});

describe('apiPriceOf', () => {
  it("apiPriceOf('deepseek-v3.2', 'openrouter') is the latest listing (2026-06-26, $0.2288 in)", () => {
    expect(apiPriceOf('deepseek-v3.2', 'openrouter', api)).toMatchObject({ date: '2026-06-26', inputUsdPerMillion: 0.2288 });
  });

  it("apiPriceOf('kimi-k2.5', 'Moonshot AI') is $0.60 / $3.00 dated 2026-06-12", () => {
    expect(apiPriceOf('kimi-k2.5', 'Moonshot AI', api)).toMatchObject({ date: '2026-06-12', outputUsdPerMillion: 3 });
  });

  it('an unknown provider lists the providers of the model', () => {
    const e = thrown(() => apiPriceOf('deepseek-r1', 'Acme', api));
    expect(e.message).toMatch(/^no price rows for provider of deepseek-r1 Acme; known: .*DeepSeek.*Novita/);
  });
});

describe('gpuRentalPrice', () => {
  it("gpuRentalPrice('h200', on-demand) is a $4.54 median over 7 offers from $3.59 to $7.912", () => {
    // RunPod Community 3.59, Hyperstack 3.99, Nebius 4.50 (its 2025-10-22 $3.50 is older), Spheron 4.54,
    // RunPod Secure 4.59, CoreWeave 6.305, AWS 7.912; AWS spot $3.3214 is filtered out.
    const h200 = gpuRentalPrice('h200', gpuRental, { terms: 'on-demand' });
    expect(h200.count).toBe(7);
    expect([h200.medianUsdPerGpuHour, h200.minUsdPerGpuHour, h200.maxUsdPerGpuHour]).toEqual([4.54, 3.59, 7.912]);
  });

  it('asOf goes back to the older rows of a provider', () => {
    const late2025 = gpuRentalPrice('h200', gpuRental, { asOf: '2025-12' });
    expect(late2025.rows.map((r: GpuRentalPrice) => [r.provider, r.usdPerGpuHour])).toEqual([['Nebius', 3.5]]);
  });

  it('keeps every offer a provider lists on its latest date (Lambda 1-GPU and 8-GPU H100)', () => {
    const lambda = gpuRentalPrice('h100-sxm', gpuRental, { terms: 'on-demand' }).rows.filter((r) => r.provider === 'Lambda');
    expect(lambda.map((r) => r.usdPerGpuHour).sort()).toEqual([3.99, 4.29]);
  });

  it('hyperscaler H100 SXM on demand is $10.98 median (AWS 6.88, Google 10.98, Azure 12.29; the pre-cut AWS 12.29 is history)', () => {
    const h = gpuRentalPrice('h100-sxm', gpuRental, { terms: 'on-demand', providerClass: 'hyperscaler' });
    expect(h.count).toBe(3);
    expect(h.medianUsdPerGpuHour).toBe(10.9791);
  });

  it('an unknown gpu throws an InputError naming it and listing the known ones; an empty filter says which', () => {
    const e = thrown(() => gpuRentalPrice('h300', gpuRental));
    expect(e.message).toMatch(/^no price rows for gpu h300; known: a100-80gb, b200, b300/);
    expect(thrown(() => gpuRentalPrice('b300', gpuRental, { terms: 'spot' })).message).toMatch(/gpu b300 with terms spot/);
  });
});
