import { describe, expect, it } from 'vitest';
import { MODELS } from '../../../src/core/catalog/models.js';
import { OPEN_WEIGHT_MODELS, openWeightModelOf, parseOpenWeightCatalog } from '../../../src/core/catalog/openWeightModels.js';
import { PRICE_SNAPSHOTS } from '../../../src/core/catalog/allPriceSnapshots.js';
import { PROVIDERS, providerOf, rowProviderKind } from '../../../src/core/catalog/providers.js';
import { countParameters } from '../../../src/core/model/parameters.js';

describe('the open-weight size catalog', () => {
  it('holds at least 60 models, each with a source URL, a release date and a licence', () => {
    expect(OPEN_WEIGHT_MODELS.length).toBeGreaterThanOrEqual(60);
    for (const m of OPEN_WEIGHT_MODELS) {
      expect(m.source.url, m.id).toMatch(/^https:\/\//);
      expect(m.licence, m.id).not.toBe('');
      expect(m.activeParams, m.id).toBeLessThanOrEqual(m.totalParams);
    }
  });

  it('agrees within 5% with the parameters computed from the architecture for every model of the model catalog', () => {
    for (const c of MODELS) {
      const sized = OPEN_WEIGHT_MODELS.find((m) => m.id === c.id);
      expect(sized, c.id).toBeDefined();
      const counts = countParameters(c);
      expect(Math.abs(sized!.totalParams / counts.total - 1), `${c.id} total`).toBeLessThan(0.05);
      expect(Math.abs(sized!.activeParams / counts.active - 1), `${c.id} active`).toBeLessThan(0.1);
    }
  });

  it('openWeightModelOf matches ids, aliases, Hugging Face repos and a provider prefix, and nothing else', () => {
    expect(openWeightModelOf(['meta-llama/Llama-3.3-70B-Instruct-Turbo'])?.id).toBe('llama-3.3-70b');
    expect(openWeightModelOf(['Qwen/Qwen3-Coder-480B-A35B-Instruct'])?.id).toBe('qwen3-coder-480b-a35b');
    expect(openWeightModelOf(['accounts/fireworks/models/deepseek-v3p2'])?.id).toBe('deepseek-v3.2');
    expect(openWeightModelOf([undefined, 'unknown/llama-3.3-71b'])).toBeUndefined();
  });

  it('rejects a dense model whose active parameters differ from its total, and a name given to two models', () => {
    const base = { id: 'x', name: 'X', lab: 'L', family: 'dense', architecture: 'llama', totalParams: 8e9, activeParams: 7e9, released: '2024-01', licence: 'MIT', hfRepo: 'a/x', aliases: [], source: { url: 'https://x', date: '2024-01' } };
    expect(() => parseOpenWeightCatalog({ models: [base] })).toThrow(/a dense model has activeParams = totalParams/);
    expect(() => parseOpenWeightCatalog({ models: [{ ...base, activeParams: 8e9 }, { ...base, id: 'y', hfRepo: 'a/y', activeParams: 8e9, aliases: ['x'] }] })).toThrow(/name one model each: x \(x, y\)/);
  });
});

describe('the provider catalog', () => {
  it('names every provider of the shipped price snapshots', () => {
    const names = new Set(PRICE_SNAPSHOTS.flatMap((s) => s.api.map((r) => r.provider)));
    for (const n of names) expect(providerOf(n), n).toBeDefined();
  });

  it('a row is of kind lab when first-party, aggregator for a listing, else its provider\'s kind', () => {
    expect(rowProviderKind({ provider: 'Groq', role: 'third-party' })).toBe('chip-vendor');
    expect(rowProviderKind({ provider: 'DeepSeek', role: 'first-party' })).toBe('lab');
    expect(rowProviderKind({ provider: 'OpenRouter', role: 'aggregator' })).toBe('aggregator');
    expect(rowProviderKind({ provider: 'Amazon Bedrock', role: 'third-party' })).toBe('hyperscaler');
    expect(PROVIDERS.filter((p) => p.kind === 'chip-vendor').map((p) => p.hardware?.accelerator)).toEqual(['groq-lpu', 'cerebras-wse3', 'sambanova-sn40l']);
  });
});
