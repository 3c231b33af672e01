import { describe, it, expect } from 'vitest';
import { MODELS, type CatalogModel } from '../../../src/core/catalog/models.js';
import { activeParamsAsPublished, countParameters } from '../../../src/core/model/parameters.js';

const CATALOG_IDS = [
  'llama-2-7b',
  'llama-2-70b',
  'llama-3-8b',
  'llama-3.1-8b',
  'llama-3.1-70b',
  'llama-3.3-70b',
  'llama-3.1-405b',
  'llama-4-scout',
  'llama-4-maverick',
  'mixtral-8x7b',
  'mixtral-8x22b',
  'qwen3-30b-a3b',
  'qwen3-235b-a22b',
  'qwen3-coder-480b-a35b',
  'deepseek-v3',
  'deepseek-r1',
  'deepseek-v3.2',
  'kimi-k2',
  'kimi-k2.5',
  'gpt-oss-20b',
  'gpt-oss-120b',
  'glm-4.6',
  'minimax-m2',
] as const;

const TOLERANCE = 0.03;

function model(id: string): CatalogModel {
  const m = MODELS.find((x) => x.id === id);
  if (m === undefined) throw new Error(`no catalog model ${id}`);
  return m;
}

/** 671.03e9 -> "671.0e9", 3.348e9 -> "3.348e9". */
function e9(n: number): string {
  return `${(n / 1e9).toPrecision(4)}e9`;
}

/** 46.7e9 -> "46.7B" (rounding away float noise from the billions-to-count conversion). */
function billions(n: number): string {
  return `${Number((n / 1e9).toPrecision(6))}B`;
}

function relativeError(computed: number, published: number): number {
  return Math.abs(computed / published - 1);
}

describe('model catalog', () => {
  it(`holds all ${CATALOG_IDS.length} catalog ids`, () => {
    const ids = MODELS.map((m) => m.id);
    for (const id of CATALOG_IDS) expect(ids, `missing ${id}`).toContain(id);
  });

  it('has unique ids, and aliases that are unique and never equal an id', () => {
    const ids = MODELS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    const aliases = MODELS.flatMap((m) => m.aliases);
    expect(new Set(aliases).size).toBe(aliases.length);
    for (const alias of aliases) expect(ids, `alias ${alias} equals an id`).not.toContain(alias);
  });

  it('states a published size for every model', () => {
    for (const m of MODELS) expect(m.published, m.id).not.toBeNull();
  });
});

describe('countParameters against the published sizes', () => {
  for (const m of MODELS) {
    const published = m.published;
    if (published === null) continue;
    const counts = countParameters(m);

    it(`countParameters(${m.id}) total ${e9(counts.total)} is within 3% of the published ${billions(published.totalParams)}`, () => {
      expect(
        relativeError(counts.total, published.totalParams),
        `${m.id}: computed ${counts.total} vs published ${published.totalParams}`,
      ).toBeLessThanOrEqual(TOLERANCE);
    });

    const active = activeParamsAsPublished(counts, published.activeCounts);
    const what = `active (${published.activeCounts})`;
    it(`countParameters(${m.id}) ${what} ${e9(active)} is within 3% of the published ${billions(published.activeParams)}`, () => {
      expect(
        relativeError(active, published.activeParams),
        `${m.id}: computed ${active} vs published ${published.activeParams}`,
      ).toBeLessThanOrEqual(TOLERANCE);
    });
  }
});

describe('countParameters exact counts worked by hand', () => {
  it('countParameters(llama-3.1-8b) total is 8,029,995,008', () => {
    // d = 4096, 32 layers, 32 query / 8 KV heads of 128, FFN 14336, vocab 128256, untied.
    // Input embedding = LM head = 128256 * 4096                          =   525,336,576 each
    // Attention per layer: Q 4096*4096 + K,V 2*4096*1024 + O 4096*4096   =    41,943,040
    //   * 32 layers                                                        = 1,342,177,280
    // Gated FFN per layer: 3 * 4096 * 14336 = 176,160,768; * 32 layers     = 5,637,144,576
    // Total = 2 * 525,336,576 + 1,342,177,280 + 5,637,144,576              = 8,029,995,008
    // (Meta's checkpoint: 8,030,261,248 = this + 65 RMSNorm vectors of 4096.)
    const c = countParameters(model('llama-3.1-8b'));
    expect(c.inputEmbedding).toBe(525_336_576);
    expect(c.lmHead).toBe(525_336_576);
    expect(c.attention).toBe(1_342_177_280);
    expect(c.denseFfn).toBe(5_637_144_576);
    expect(c.total).toBe(8_029_995_008);
    expect(c.active).toBe(8_029_995_008 - 525_336_576);
  });

  it('countParameters(mixtral-8x7b) active is 12,748,587,008 (12,879,659,008 with the input embedding)', () => {
    // d = 4096, 32 layers, 32 query / 8 KV heads of 128, 8 experts of 14336, top-2, vocab 32000.
    // LM head: 32000 * 4096                                               =    131,072,000
    // Attention: 41,943,040 per layer (as Llama 3.1 8B) * 32              =  1,342,177,280
    // Two experts per layer: 2 * 3 * 4096 * 14336 = 352,321,536; * 32     = 11,274,289,152
    // Router: 4096 * 8 = 32,768 per layer; * 32                           =      1,048,576
    // Active = 131,072,000 + 1,342,177,280 + 11,274,289,152 + 1,048,576   = 12,748,587,008
    // + input embedding 131,072,000                                       = 12,879,659,008 (Mistral: 12.9B)
    const c = countParameters(model('mixtral-8x7b'));
    expect(c.activeRoutedExperts).toBe(11_274_289_152);
    expect(c.router).toBe(1_048_576);
    expect(c.active).toBe(12_748_587_008);
    expect(c.active + c.inputEmbedding).toBe(12_879_659_008);
  });
});
