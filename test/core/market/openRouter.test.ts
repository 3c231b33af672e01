import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePriceCatalog } from '../../../src/core/catalog/prices.js';
import {
  mergeOpenRouterImports, openRouterHuggingFaceIds, openRouterSnapshot, parseOpenRouterEndpoints, parseOpenRouterModels,
  parseOpenRouterResponse, type OpenRouterImport,
} from '../../../src/core/market/openRouter.js';
import { catalogIdOfOpenRouter, catalogProviderName, isFirstPartyProvider, openRouterIdsToFetch } from '../../../src/core/market/openRouterIds.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/openrouter/${name}`, import.meta.url), 'utf8'));
const options = { date: '2026-11-28' };
const rowOf = (r: OpenRouterImport, model: string, provider: string) => r.rows.find((x) => x.model === model && x.provider === provider);

describe('parseOpenRouterModels', () => {
  const listing = parseOpenRouterModels(fixture('models.json'), options);

  it('turns per-token decimal strings into USD per million: "0.0000006" → 0.6, "0.0000025" → 2.5, cache read "0.0000001" → 0.1', () => {
    expect(rowOf(listing, 'kimi-k2.5', 'OpenRouter')).toEqual({
      model: 'kimi-k2.5',
      modelName: 'MoonshotAI: Kimi K2.5 (moonshotai/kimi-k2.5)',
      provider: 'OpenRouter',
      inputUsdPerMillion: 0.6,
      cachedInputUsdPerMillion: 0.1,
      outputUsdPerMillion: 2.5,
      role: 'aggregator',
      date: '2026-11-28',
      source: 'https://openrouter.ai/api/v1/models',
      note: 'OpenRouter model-level listing price (GET /api/v1/models pricing)',
    });
  });

  it('maps listed ids to catalog ids (hugging_face_id, then slug table, then frontier vendor, then the open-weight size catalog) and keeps a zero cache price as null', () => {
    expect(listing.rows.map((r) => [r.model, r.inputUsdPerMillion, r.cachedInputUsdPerMillion, r.outputUsdPerMillion])).toEqual([
      ['kimi-k2.5', 0.6, 0.1, 2.5],
      ['deepseek-v3', 0.24, null, 0.84],
      ['gpt-oss-120b', 0.05, null, 0.25],
      ['claude-sonnet-4.5', 3, 0.3, 15],
      ['qwen3-235b-a22b-2507', 0.078, null, 0.312],
    ]);
    expect(listing.errors).toEqual([]);
  });

  it('skips the -1 router as "variable price" and a :free variant', () => {
    expect(listing.skipped).toEqual([
      { row: 'data[1] (moonshotai/kimi-k2.5:free)', reason: 'variant :free of moonshotai/kimi-k2.5' },
      { row: 'data[5] (openrouter/auto)', reason: 'variable price' },
    ]);
  });

  it('gives a row-level error for a missing, a non-numeric and a negative price, and still imports the good rows', () => {
    const r = parseOpenRouterModels(fixture('models-with-problems.json'), options);
    expect(r.errors).toEqual([
      { row: 'data[0] (z-ai/glm-4.6)', problem: 'pricing.completion is missing' },
      { row: 'data[1] (minimax/minimax-m2)', problem: 'pricing.prompt "free-ish" is not a number' },
      { row: 'data[2] (meta-llama/llama-3.3-70b-instruct)', problem: 'pricing.prompt "-0.0000001" is negative (only -1, a variable price, is allowed)' },
    ]);
    expect(r.skipped).toEqual([{ row: 'data[3] (openrouter/auto)', reason: 'variable price' }]);
    expect(r.rows.map((x) => [x.model, x.inputUsdPerMillion, x.cachedInputUsdPerMillion, x.outputUsdPerMillion])).toEqual([
      ['mixtral-8x7b', 0.54, null, 0.54],
      ['grok-4', 3, 0.75, 15],
    ]);
  });

  it.each([
    ['0.0000006', 0.6], ['0.0000025', 2.5], ['0.0000001', 0.1], ['0.00000045', 0.45], ['0.000000078', 0.078],
    ['0.000015', 15], ['1e-7', 0.1], ['0.0000000001', 0.0001], [6e-7, 0.6],
  ])('prices %s USD per token as exactly %s USD per million', (perToken, perMillion) => {
    const json = { data: [{ id: 'moonshotai/kimi-k2.5', pricing: { prompt: perToken, completion: perToken } }] };
    const [row] = parseOpenRouterModels(json, options).rows;
    expect(row?.inputUsdPerMillion).toBe(perMillion);
  });

  it.each([
    ['a string', 'Rate limit exceeded', 'got string'],
    ['null', null, 'got null'],
    ['an array', [], 'got an array'],
    ['an object without data', {}, 'it has no data'],
    ['an error response', { error: { code: 429, message: 'Rate limit exceeded' } }, 'it is an error response ("Rate limit exceeded")'],
    ['data that is not an array', { data: { id: 'x' } }, 'data is object'],
  ])('gives one error for the file when the response is %s', (_what, json, why) => {
    const r = parseOpenRouterModels(json, options);
    expect(r.rows).toEqual([]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.row).toBe('(file)');
    expect(r.errors[0]?.problem).toContain(why);
  });

  it('reports an entry without an id, and ignores the prices of models it does not import', () => {
    const json = { data: [7, { name: 'no id' }, { id: 'acme/unknown-model', pricing: { prompt: 'oops' } }] };
    const r = parseOpenRouterModels(json, options);
    expect(r.errors).toEqual([{ row: 'data[0]', problem: 'not an object but number' }, { row: 'data[1]', problem: 'no id' }]);
    expect(r.skipped).toEqual([{ row: 'data[2] (acme/unknown-model)', reason: 'not a catalog model' }]);
  });

  it('keeps the first of two slugs of one catalog model (deepseek-r1-0528, deepseek-r1) and skips the other', () => {
    const json = { data: ['deepseek/deepseek-r1-0528', 'deepseek/deepseek-r1'].map((id, i) => ({ id, pricing: { prompt: `0.00000${i + 4}`, completion: '0.000002' } })) };
    const r = parseOpenRouterModels(json, options);
    expect(r.rows.map((x) => [x.model, x.modelName, x.inputUsdPerMillion])).toEqual([['deepseek-r1', 'deepseek/deepseek-r1-0528 (deepseek/deepseek-r1-0528)', 4]]);
    expect(r.skipped[0]?.reason).toBe('repeats the deepseek-r1 row of OpenRouter on 2026-11-28 (kept data[0] (deepseek/deepseek-r1-0528))');
  });

  it('skips a free (zero) price and puts the source under a given base URL', () => {
    const json = { data: [{ id: 'openai/gpt-oss-20b', pricing: { prompt: '0', completion: '0' } }, { id: 'openai/gpt-oss-120b', pricing: { prompt: '0.0000001', completion: '0.0000005' } }] };
    const r = parseOpenRouterModels(json, { ...options, baseUrl: 'http://127.0.0.1:9/api/v1' });
    expect(r.skipped).toEqual([{ row: 'data[0] (openai/gpt-oss-20b)', reason: 'free (zero price)' }]);
    expect(r.rows[0]?.source).toBe('http://127.0.0.1:9/api/v1/models');
  });
});

describe('parseOpenRouterEndpoints', () => {
  const kimi = parseOpenRouterEndpoints(fixture('endpoints-kimi-k2.5.json'), options);

  it('gives one row per provider: the publisher first-party, other hosts third-party, the quantization in the note', () => {
    expect(rowOf(kimi, 'kimi-k2.5', 'Moonshot AI')).toMatchObject({
      role: 'first-party', inputUsdPerMillion: 0.6, cachedInputUsdPerMillion: 0.1, outputUsdPerMillion: 2.5,
      source: 'https://openrouter.ai/api/v1/models/moonshotai/kimi-k2.5/endpoints', date: '2026-11-28',
      note: 'OpenRouter endpoint moonshotai/int4: quantization int4; uptime 99.5% over 30 min',
    });
    expect(rowOf(kimi, 'kimi-k2.5', 'DeepInfra')).toMatchObject({
      role: 'third-party', inputUsdPerMillion: 0.45, cachedInputUsdPerMillion: 0.07, outputUsdPerMillion: 2.25,
      note: 'OpenRouter endpoint deepinfra/fp4: quantization fp4; uptime 98% over 30 min', // a 0-1 uptime read as a fraction
    });
  });

  it('spells providers as the price catalog does and notes a non-default status', () => {
    expect(rowOf(kimi, 'kimi-k2.5', 'Together AI')).toMatchObject({
      role: 'third-party', note: 'OpenRouter endpoint together/fp8: quantization fp8; status -2; uptime 97.25% over 30 min',
    });
    expect(kimi.rows.map((r) => r.provider)).toEqual(['Moonshot AI', 'DeepInfra', 'Together AI']);
  });

  it('skips a second endpoint of one provider and reports an endpoint without an output price', () => {
    expect(kimi.skipped.map((s) => s.row)).toEqual(['data.endpoints[3] (DeepInfra, moonshotai/kimi-k2.5)']);
    expect(kimi.errors).toEqual([{ row: 'data.endpoints[4] (Fixture Cloud, moonshotai/kimi-k2.5)', problem: 'pricing.completion is missing' }]);
  });

  it('maps a slug through the table when the response carries no hugging_face_id (DeepSeek first-party for deepseek/…)', () => {
    const r = parseOpenRouterEndpoints(fixture('endpoints-deepseek-v3-0324.json'), options);
    expect(r.rows.map((x) => [x.model, x.provider, x.role, x.inputUsdPerMillion, x.outputUsdPerMillion])).toEqual([
      ['deepseek-v3', 'DeepSeek', 'first-party', 0.27, 1.1],
      ['deepseek-v3', 'Novita', 'third-party', 0.28, 1.14],
    ]);
  });

  it('skips the whole response of a model outside the catalog, and gives one file error for a non-object', () => {
    expect(parseOpenRouterEndpoints({ data: { id: 'acme/thing', endpoints: [{}] } }, options)).toEqual({ rows: [], errors: [], skipped: [{ row: 'data (acme/thing)', reason: 'not a catalog model' }] });
    const notObject = parseOpenRouterEndpoints('Not Found', options);
    expect(notObject.errors).toHaveLength(1);
    expect(notObject.errors[0]?.row).toBe('(file)');
  });

  it('uses the hugging_face_id of a /models listing to map an endpoints response', () => {
    const hf = openRouterHuggingFaceIds({ data: [{ id: 'acme/k25-mirror', hugging_face_id: 'moonshotai/Kimi-K2.5' }] });
    const json = { data: { id: 'acme/k25-mirror', endpoints: [{ provider_name: 'Acme', pricing: { prompt: '0.0000005', completion: '0.000002' } }] } };
    expect(parseOpenRouterEndpoints(json, { ...options, huggingFaceIds: hf }).rows[0]).toMatchObject({ model: 'kimi-k2.5', provider: 'Acme', note: 'OpenRouter endpoint: quantization not stated' });
  });
});

describe('parseOpenRouterResponse and the snapshot', () => {
  it('tells a listing from an endpoints response by shape, and anything else is one file error', () => {
    expect(parseOpenRouterResponse(fixture('models.json'), options).rows).toHaveLength(5);
    expect(parseOpenRouterResponse(fixture('endpoints-kimi-k2.5.json'), options).rows).toHaveLength(3);
    const other = parseOpenRouterResponse(fixture('not-an-object.json'), options);
    expect(other.errors.map((e) => e.row)).toEqual(['(file)']);
  });

  it('openRouterSnapshot of merged imports is a snapshot parsePriceCatalog accepts', () => {
    const merged = mergeOpenRouterImports(['models.json', 'models-with-problems.json', 'endpoints-kimi-k2.5.json', 'endpoints-deepseek-v3-0324.json'].map((f) => parseOpenRouterResponse(fixture(f), options)));
    const snapshot = openRouterSnapshot(merged.rows, { id: 'openrouter-2026-11-28', date: '2026-11-28', description: 'fixture import' });
    const [parsed] = parsePriceCatalog({ snapshots: [snapshot] });
    expect(parsed?.api).toHaveLength(12);
    expect(parsed?.api.filter((r) => r.model === 'kimi-k2.5').map((r) => `${r.role}:${r.provider}`)).toEqual([
      'first-party:Moonshot AI', 'third-party:DeepInfra', 'third-party:Together AI', 'aggregator:OpenRouter',
    ]);
  });

  it('mergeOpenRouterImports skips a row that repeats the model, provider and date of an earlier response', () => {
    const once = parseOpenRouterResponse(fixture('models.json'), options);
    const merged = mergeOpenRouterImports([once, once]);
    expect(merged.rows).toHaveLength(once.rows.length);
    expect(merged.skipped.length - 2 * once.skipped.length).toBe(once.rows.length);
  });
});

describe('catalogIdOfOpenRouter', () => {
  it.each([
    ['moonshotai/kimi-k2.5', 'kimi-k2.5'],
    ['moonshotai/kimi-k2', 'kimi-k2'],
    ['deepseek/deepseek-chat', 'deepseek-v3'],
    ['deepseek/deepseek-chat-v3-0324', 'deepseek-v3'],
    ['deepseek/deepseek-r1', 'deepseek-r1'],
    ['deepseek/deepseek-r1-0528', 'deepseek-r1'],
    ['openai/gpt-oss-120b', 'gpt-oss-120b'],
    ['meta-llama/llama-3.3-70b-instruct', 'llama-3.3-70b'],
    ['qwen/qwen3-235b-a22b', 'qwen3-235b-a22b'],
    ['qwen/qwen3-coder', 'qwen3-coder-480b-a35b'],
    ['z-ai/glm-4.6', 'glm-4.6'],
    ['minimax/minimax-m2', 'minimax-m2'],
    ['mistralai/mixtral-8x7b-instruct', 'mixtral-8x7b'],
    ['anthropic/claude-sonnet-4.5', 'claude-sonnet-4.5'],
    ['openai/gpt-5-mini', 'gpt-5-mini'],
    ['google/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['google/gemini-3-pro-preview', 'gemini-3-pro'],
    ['x-ai/grok-4-fast', 'grok-4-fast'],
  ])('%s → %s', (openRouterId, catalogId) => {
    expect(catalogIdOfOpenRouter(openRouterId)?.model).toBe(catalogId);
  });

  it.each([
    'moonshotai/kimi-k2-0905', 'moonshotai/kimi-k2-thinking', 'qwen/qwen3-235b-a22b-2507', 'deepseek/deepseek-v3.1', 'z-ai/glm-4.5',
    'openai/gpt-4o', 'google/gemma-3-27b-it', 'openrouter/auto', 'moonshotai/kimi-k2.5:free', 'kimi-k2.5',
  ])('%s is not a catalog model', (openRouterId) => {
    expect(catalogIdOfOpenRouter(openRouterId)).toBeNull();
  });

  it('matches hugging_face_id against hfRepo case-insensitively before the slug', () => {
    expect(catalogIdOfOpenRouter('acme/whatever', 'DEEPSEEK-AI/deepseek-r1')).toEqual({ model: 'deepseek-r1', match: 'hugging-face-id' });
    expect(catalogIdOfOpenRouter('acme/whatever', 'mistralai/Mixtral-8x7B-Instruct-v0.1')).toEqual({ model: 'mixtral-8x7b', match: 'hugging-face-id' });
  });

  it('catalogProviderName and isFirstPartyProvider speak the price catalog\'s provider names', () => {
    expect(['Together', 'Nebius AI Studio', 'NovitaAI', 'DeepInfra'].map(catalogProviderName)).toEqual(['Together AI', 'Nebius', 'Novita', 'DeepInfra']);
    expect(isFirstPartyProvider('moonshotai/kimi-k2.5', 'Moonshot AI')).toBe(true);
    expect(isFirstPartyProvider('deepseek/deepseek-r1', 'DeepSeek')).toBe(true);
    expect(isFirstPartyProvider('deepseek/deepseek-r1', 'DeepInfra')).toBe(false);
  });
});

describe('openRouterIdsToFetch', () => {
  const listing = fixture('models.json');

  it('by default names every listed open-weight catalog model, not proprietary ones or variants', () => {
    expect(openRouterIdsToFetch(listing)).toEqual({ ids: ['moonshotai/kimi-k2.5', 'deepseek/deepseek-chat-v3-0324', 'openai/gpt-oss-120b'], unmatched: [] });
  });

  it('takes catalog ids (or aliases) and OpenRouter ids, and lists the catalog ids it cannot find', () => {
    expect(openRouterIdsToFetch(listing, ['deepseek-v3-0324', 'anthropic/claude-sonnet-4.5', 'llama-3.1-8b'])).toEqual({
      ids: ['deepseek/deepseek-chat-v3-0324', 'anthropic/claude-sonnet-4.5'],
      unmatched: ['llama-3.1-8b'],
    });
  });
});
