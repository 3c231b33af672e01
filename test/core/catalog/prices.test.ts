import { describe, expect, it } from 'vitest';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import {
  isProprietaryModelId,
  latestSnapshot,
  parsePriceCatalog,
  type ApiPrice,
  type GpuRentalPrice,
} from '../../../src/core/catalog/prices.js';
import { MODELS } from '../../../src/core/catalog/models.js';
import rawCatalog from '../../../src/core/catalog/prices.json' with { type: 'json' };

const snapshot = latestSnapshot();
const api = snapshot.api;
const gpus = snapshot.gpuRental;

const GENAI_PRICES = 'https://github.com/pydantic/genai-prices/blob/47df840a5ab10bbcffb8e5ac01b9899032245d1b/prices/providers';
const MODELS_DEV = 'https://github.com/anomalyco/models.dev/blob/f3fc692299671838c7c65fd8126bf84d81a2e817/providers';

/** Catalog models that the research (shared/research/market-data.md §2) shows on sale. */
const SOLD_CATALOG_MODELS = [
  'kimi-k2', 'kimi-k2.5', 'deepseek-v3', 'deepseek-r1', 'deepseek-v3.2', 'qwen3-235b-a22b', 'qwen3-coder-480b-a35b',
  'glm-4.6', 'gpt-oss-120b', 'gpt-oss-20b', 'llama-3.3-70b', 'llama-3.1-8b', 'llama-3.1-405b', 'mixtral-8x7b', 'minimax-m2',
];

function apiRow(model: string, provider: string, date?: string): ApiPrice {
  const hits = api.filter((r) => r.model === model && r.provider === provider && (date === undefined || r.date === date));
  if (hits.length !== 1) throw new Error(`${hits.length} rows for ${model} / ${provider} / ${date ?? 'any date'}`);
  return hits[0] as ApiPrice;
}

function gpuRows(gpu: string, provider: string): GpuRentalPrice[] {
  return gpus.filter((r) => r.gpu === gpu && r.provider === provider);
}

/** A deep copy of the shipped file, to break on purpose. */
function catalogCopy(): { snapshots: Record<string, unknown>[] } {
  return JSON.parse(JSON.stringify(rawCatalog)) as { snapshots: Record<string, unknown>[] };
}

describe('price catalog: loading', () => {
  it('PRICE_SNAPSHOTS holds the 2026-11 research snapshot, which latestSnapshot() returns', () => {
    expect(PRICE_SNAPSHOTS.map((s) => s.id)).toContain('2026-11-research');
    // Scenarios price from the research pass's snapshots only (the page loads no more); that is
    // the latest of every shipped snapshot, so an import newer than it must change this rule.
    expect(latestSnapshot(PRICE_SNAPSHOTS)).toBe(latestSnapshot());
    expect(snapshot.id).toBe('2026-11-research');
    expect(snapshot.date).toBe('2026-11-27');
  });

  it('holds 118 API rows and 54 GPU rental rows, each with a source and a date', () => {
    expect(api.length).toBe(118);
    expect(gpus.length).toBe(54);
    for (const r of [...api, ...gpus]) {
      expect(r.source.length).toBeGreaterThan(0);
      expect(r.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });

  it('every api model id is a model-catalog id or a vendor-prefixed proprietary id', () => {
    const catalogIds = new Set(MODELS.map((m) => m.id));
    for (const r of api) expect(catalogIds.has(r.model) || isProprietaryModelId(r.model)).toBe(true);
  });

  it('isProprietaryModelId keeps gpt-oss in the model catalog and claude/gpt/gemini/grok out', () => {
    expect(['claude-sonnet-4.5', 'gpt-5', 'gemini-3-pro', 'grok-4'].map(isProprietaryModelId)).toEqual([true, true, true, true]);
    expect(['gpt-oss-120b', 'kimi-k2.5', 'deepseek-v3'].map(isProprietaryModelId)).toEqual([false, false, false]);
  });

  it('undated source rows carry the snapshot month and say "undated"', () => {
    const undated = api.filter((r) => r.note?.includes('undated in the source'));
    expect(undated.length).toBeGreaterThan(0);
    for (const r of undated) expect(r.date).toBe('2026-11');
  });

  it('OpenRouter listing prices are the aggregator rows, and the only ones', () => {
    for (const r of api) expect(r.role === 'aggregator').toBe(r.provider === 'OpenRouter');
  });

  it('latestSnapshot picks the latest date among several snapshots', () => {
    const later = { ...snapshot, id: 'later', date: '2026-12-01', api: [], gpuRental: [] };
    expect(latestSnapshot([later, snapshot]).id).toBe('later');
    expect(latestSnapshot([snapshot, later]).id).toBe('later');
  });
});

describe('price catalog: coverage', () => {
  it.each(SOLD_CATALOG_MODELS)('%s has at least one price row', (id) => {
    expect(api.some((r) => r.model === id)).toBe(true);
  });

  it('kimi-k2.5 is sold by at least 6 first- or third-party providers (models.dev, genai-prices)', () => {
    const providers = new Set(api.filter((r) => r.model === 'kimi-k2.5' && r.role !== 'aggregator').map((r) => r.provider));
    expect(providers.size).toBeGreaterThanOrEqual(6);
  });

  it('prices the frontier models Claude Opus/Sonnet/Haiku 4.5, GPT-5 and Gemini 2.5/3 Pro (first-party)', () => {
    for (const id of ['claude-opus-4.5', 'claude-sonnet-4.5', 'claude-haiku-4.5', 'gpt-5', 'gemini-2.5-pro', 'gemini-3-pro']) {
      expect(api.filter((r) => r.model === id && r.role === 'first-party').length).toBe(1);
    }
  });

  it('keeps every dated OpenRouter row of kimi-k2.5 (the listing price moved $0.60 → $0.40 → $0.375 input)', () => {
    const rows = api.filter((r) => r.model === 'kimi-k2.5' && r.provider === 'OpenRouter');
    expect(rows.map((r) => [r.date, r.inputUsdPerMillion])).toEqual([['2026-01-28', 0.6], ['2026-06-15', 0.4], ['2026-06-26', 0.375]]);
  });

  it('has rental rows for h100-sxm, h100-pcie, h200, b200, b300, gb200, a100-80gb, mi300x and h800', () => {
    for (const id of ['h100-sxm', 'h100-pcie', 'h200', 'b200', 'b300', 'gb200', 'a100-80gb', 'mi300x', 'h800']) {
      expect(gpus.some((r) => r.gpu === id)).toBe(true);
    }
  });
});

describe('price catalog: pinned rows', () => {
  it('claude-sonnet-4.5 at Anthropic is $3 in / $15 out / $0.30 cached (genai-prices anthropic.yml, 2025-09-29)', () => {
    const r = apiRow('claude-sonnet-4.5', 'Anthropic');
    expect([r.inputUsdPerMillion, r.outputUsdPerMillion, r.cachedInputUsdPerMillion]).toEqual([3, 15, 0.3]);
    expect(r.source).toBe(`${GENAI_PRICES}/anthropic.yml`);
    expect(r.date).toBe('2025-09-29');
  });

  it('kimi-k2.5 at Moonshot AI is $0.60 in / $3.00 out / $0.10 cached (models.dev moonshotai/kimi-k2.5.toml, 2026-06-12)', () => {
    const r = apiRow('kimi-k2.5', 'Moonshot AI', '2026-06-12');
    expect([r.inputUsdPerMillion, r.outputUsdPerMillion, r.cachedInputUsdPerMillion]).toEqual([0.6, 3, 0.1]);
    expect(r.role).toBe('first-party');
    expect(r.source).toBe(`${MODELS_DEV}/moonshotai/models/kimi-k2.5.toml`);
  });

  it('deepseek-r1 at DeepSeek is $0.55 in / $2.19 out / $0.14 cache hit (genai-prices deepseek.yml 2025-07-12; DeepSeek open-infra-index 2025-03-01)', () => {
    for (const date of ['2025-07-12', '2025-03-01']) {
      const r = apiRow('deepseek-r1', 'DeepSeek', date);
      expect([r.inputUsdPerMillion, r.outputUsdPerMillion, r.cachedInputUsdPerMillion]).toEqual([0.55, 2.19, 0.14]);
      expect(r.role).toBe('first-party');
    }
    expect(apiRow('deepseek-r1', 'DeepSeek', '2025-07-12').source).toBe(`${GENAI_PRICES}/deepseek.yml`);
    expect(apiRow('deepseek-r1', 'DeepSeek', '2025-03-01').source).toMatch(/deepseek-ai\/open-infra-index/);
  });

  it('h200 at Nebius is $4.50 per GPU-hour on demand (silybench-data gpu_prices.csv, 2026-09-25)', () => {
    const [r] = gpuRows('h200', 'Nebius').filter((x) => x.date === '2026-09-25');
    expect(r).toMatchObject({ usdPerGpuHour: 4.5, terms: 'on-demand', providerClass: 'neocloud' });
    expect(r?.source).toMatch(/tgarg01\/silybench-data\/.*gpu_prices\.csv$/);
  });

  it('b200 at Lambda is $6.69 per GPU-hour in an 8-GPU instance (api-evangelist lambda-labs plans, 2026-09-20)', () => {
    const [r] = gpuRows('b200', 'Lambda').filter((x) => x.date === '2026-09-20');
    expect(r).toMatchObject({ usdPerGpuHour: 6.69, terms: 'on-demand', providerClass: 'neocloud' });
    expect(r?.source).toMatch(/api-evangelist\/lambda-labs/);
  });

  it('h100-sxm at CoreWeave is $49.24 / 8 = $6.155 per GPU-hour, marked derived (kaelresearch, 2026-02)', () => {
    const [r] = gpuRows('h100-sxm', 'CoreWeave');
    expect(r).toMatchObject({ usdPerGpuHour: 6.155, date: '2026-02' });
    expect(r?.note).toMatch(/derived/);
  });
});

describe('parsePriceCatalog: malformed data', () => {
  it('reports a negative price, an unknown model id, an unknown gpu and a misspelled field all at once', () => {
    const raw = catalogCopy();
    const s = raw.snapshots[0] as { api: Record<string, unknown>[]; gpuRental: Record<string, unknown>[] };
    const [first, second, third] = s.api as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
    first.outputUsdPerMillion = -1;
    second.model = 'kimi-k9';
    third.inputUsdPerMilion = third.inputUsdPerMillion;
    delete third.inputUsdPerMillion;
    (s.gpuRental[0] as Record<string, unknown>).gpu = 'h300';
    let message = '';
    try {
      parsePriceCatalog(raw);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^price catalog is invalid:/);
    // In the words of every other input (src/core/problems.ts); a check's own sentence is kept whole.
    expect(message).toContain('snapshots[0].api[0].outputUsdPerMillion: expected a number > 0, received -1');
    expect(message).toMatch(/snapshots\[0\]\.api\[1\]\.model: unknown model id kimi-k9: not in the model catalog \(closest: kimi-k2/);
    expect(message).not.toMatch(/kimi-k9[^\n]*received/);
    expect(message).toContain('snapshots[0].api[2].inputUsdPerMilion: unknown field (misspelled?)');
    expect(message).toContain('snapshots[0].api[2].inputUsdPerMillion: missing (the field is required)');
    expect(message).toMatch(/snapshots\[0\]\.gpuRental\[0\]\.gpu: unknown gpu id h300/);
  });

  it('rejects a month-only date with month 13 and a zero price', () => {
    const raw = catalogCopy();
    const row = (raw.snapshots[0] as { api: Record<string, unknown>[] }).api[0] as Record<string, unknown>;
    row.date = '2026-13';
    row.inputUsdPerMillion = 0;
    expect(() => parsePriceCatalog(raw)).toThrow('api[0].date: expected a date YYYY-MM or YYYY-MM-DD, received "2026-13"');
    expect(() => parsePriceCatalog(raw)).toThrow('api[0].inputUsdPerMillion: expected a number > 0, received 0');
  });

  it('rejects two rows for one model, provider and date', () => {
    const raw = catalogCopy();
    const s = raw.snapshots[0] as { api: Record<string, unknown>[] };
    s.api.push({ ...(s.api[0] as Record<string, unknown>) });
    expect(() => parsePriceCatalog(raw)).toThrow(/repeat a model, provider and date/);
  });

  it('checks ids against the catalogs it is given', () => {
    expect(() => parsePriceCatalog(rawCatalog, { modelIds: ['kimi-k2.5'] })).toThrow(/unknown model id deepseek-v3/);
  });
});
