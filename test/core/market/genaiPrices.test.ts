import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parsePriceCatalog } from '../../../src/core/catalog/prices.js';
import { parseGenaiPricesProvider } from '../../../src/core/market/genaiPrices.js';
import { openRouterSnapshot } from '../../../src/core/market/openRouter.js';

const fixture = (name: string): unknown => parse(readFileSync(new URL(`../../fixtures/genai-prices/${name}`, import.meta.url), 'utf8'));
const options = { file: 'mixed.yml', date: '2026-08-21' };

describe('parseGenaiPricesProvider', () => {
  const r = parseGenaiPricesProvider(fixture('mixed.yml'), options);

  it('imports sized models with cache-read, cache-write and context-tier prices, dated by prices_checked or the snapshot', () => {
    expect(r.rows.map((x) => [x.model, x.provider, x.role, x.inputUsdPerMillion, x.cachedInputUsdPerMillion, x.outputUsdPerMillion, x.date])).toEqual([
      ['llama-3.3-70b', 'Together AI', 'third-party', 0.88, null, 0.88, '2025-07-03'],
      ['deepseek-r1', 'Together AI', 'third-party', 3, 0.3, 7, '2026-08-21'],
      ['kimi-k2.5', 'Together AI', 'third-party', 0.5, null, 2.8, '2026-08-21'],
    ]);
    const r1 = r.rows[1];
    expect(r1?.cacheWriteUsdPerMillion).toBe(3.75);
    expect(r1?.contextTiers).toEqual([{ startTokens: 128000, inputUsdPerMillion: 6 }]);
    expect(r1?.note).toContain('no prices_checked: dated by the snapshot (2026-08-21)');
    expect(r.rows[2]?.note).toContain('a price from 2027-01-01 is not yet in force');
  });

  it('names the file, the model and the field of each malformed entry, and imports the rest', () => {
    expect(r.errors).toEqual([
      { row: 'mixed.yml: models[2] (Qwen/Qwen3-235B-A22B-Instruct-2507)', problem: 'prices.output_mtok "six tenths" is not a number >= 0' },
      { row: 'mixed.yml: models[6] (openai/gpt-oss-120b)', problem: 'prices_checked "last tuesday" is not a date YYYY-MM-DD' },
      { row: 'mixed.yml: models[8] (Qwen/Qwen3-32B)', problem: 'prices.input_mtok -1 is not a number >= 0' },
    ]);
  });

  it('reports every other entry one by one: an unknown size, a :free variant, an embedding model', () => {
    expect(r.skipped).toEqual([
      { row: 'mixed.yml: models[3] (acme/secret-model-9000)', reason: 'size unknown: not in the open-weight size catalog (nor a claude-, gpt-, gemini-, grok- model)' },
      { row: 'mixed.yml: models[4] (meta-llama/llama-3.1-8b-instruct:free)', reason: 'variant :free of meta-llama/llama-3.1-8b-instruct' },
      { row: 'mixed.yml: models[7] (BAAI/bge-large-en-v1.5)', reason: 'size unknown: not in the open-weight size catalog (nor a claude-, gpt-, gemini-, grok- model)' },
    ]);
  });

  it('gives a snapshot parsePriceCatalog accepts', () => {
    const [parsed] = parsePriceCatalog({ snapshots: [openRouterSnapshot(r.rows, { id: 'genai-test', date: '2026-08-21', description: 'fixture' })] });
    expect(parsed?.api).toHaveLength(3);
  });

  it('maps Hugging Face router files to the underlying provider, and an aggregator file to role aggregator', () => {
    const model = { id: 'openai/gpt-oss-120b', prices: { input_mtok: 0.1, output_mtok: 0.5 } };
    const groq = parseGenaiPricesProvider({ id: 'huggingface_groq', name: 'HuggingFace (groq)', models: [model] }, options);
    expect(groq.rows[0]).toMatchObject({ provider: 'Groq', role: 'third-party', model: 'gpt-oss-120b' });
    expect(groq.rows[0]?.note).toContain('via the Hugging Face inference router');
    const openRouter = parseGenaiPricesProvider({ id: 'openrouter', name: 'OpenRouter', models: [model] }, options);
    expect(openRouter.rows[0]?.role).toBe('aggregator');
    const lab = parseGenaiPricesProvider({ id: 'deepseek', name: 'Deepseek', models: [{ id: 'deepseek-ai/DeepSeek-V3', prices: { input_mtok: 0.27, output_mtok: 1.1 } }] }, options);
    expect(lab.rows[0]).toMatchObject({ provider: 'DeepSeek', role: 'first-party', model: 'deepseek-v3' });
  });

  it('a file that is not a provider file is one error naming it', () => {
    expect(parseGenaiPricesProvider(['not', 'a', 'file'], options).errors).toEqual([{ row: 'mixed.yml: (file)', problem: 'not a genai-prices provider file: expected an object with id, name and models; got an array' }]);
    expect(parseGenaiPricesProvider({ id: 'x', models: 3 }, options).errors[0]?.problem).toBe('not a genai-prices provider file: models is not a list');
  });
});
