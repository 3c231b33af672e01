import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/errors.js';
import { findPriceSchedule, parsePriceSchedules, PRICE_SCHEDULES } from '../../../src/core/market/priceSchedules.js';
import { realisedPrice, type TrafficMix } from '../../../src/core/market/realisedPrice.js';

const sonnet = findPriceSchedule('anthropic', 'claude-sonnet-4.5');
const plain = (over: Partial<TrafficMix> = {}): TrafficMix => ({
  requests: [{ share: 1, inputTokens: 10_000, outputTokens: 1_000 }], cacheHitRate: 0, cacheWriteShare: 0, batchShare: 0, priorityShare: 0, offPeakShare: 0, ...over,
});

describe('realisedPrice', () => {
  it('realisedPrice(Sonnet 4.5, 10,000 in / 1,000 out, no cache) is the list price: $3 in, $15 out, $4.09 blended', () => {
    const r = realisedPrice(sonnet, plain());
    expect(r.inputUsdPerMillion).toBeCloseTo(3, 12);
    expect(r.outputUsdPerMillion).toBeCloseTo(15, 12);
    expect(r.blendedUsdPerMillion).toBeCloseTo(45_000 / 11_000, 12);
    expect(r.realisedToListRatio).toBeCloseTo(1, 12);
  });

  it('a batch share of 1 halves every price on a schedule with a 50% batch discount', () => {
    const r = realisedPrice(sonnet, plain({ batchShare: 1, cacheHitRate: 0.5 }));
    const s = realisedPrice(sonnet, plain({ cacheHitRate: 0.5 }));
    expect(r.blendedUsdPerMillion).toBeCloseTo(s.blendedUsdPerMillion / 2, 12);
  });

  it('cache reads and writes: 90% cached at $0.30, the rest written at $3.75, gives $0.645 per million prompt tokens', () => {
    const r = realisedPrice(sonnet, plain({ cacheHitRate: 0.9, cacheWriteShare: 1 }));
    expect(r.inputUsdPerMillion).toBeCloseTo(0.9 * 0.3 + 0.1 * 3.75, 12);
  });

  it('a prompt above 200,000 tokens pays Sonnet\'s long-context prices on all its tokens; the tier counts its share of requests', () => {
    const r = realisedPrice(sonnet, plain({ requests: [{ share: 0.5, inputTokens: 10_000, outputTokens: 1_000 }, { share: 0.5, inputTokens: 300_000, outputTokens: 1_000 }] }));
    expect(r.longContextRequestShare).toBe(0.5);
    expect(r.inputUsdPerMillion).toBeCloseTo((10_000 * 3 + 300_000 * 6) / 310_000, 12);
    expect(r.outputUsdPerMillion).toBeCloseTo((15 + 22.5) / 2, 12);
  });

  it('priority traffic pays GPT-5\'s ×2; DeepSeek\'s off-peak hours pay half', () => {
    const gpt5 = findPriceSchedule('openai', 'gpt-5');
    expect(realisedPrice(gpt5, plain({ priorityShare: 1 })).blendedUsdPerMillion).toBeCloseTo(2 * realisedPrice(gpt5, plain()).blendedUsdPerMillion, 12);
    const deepseek = findPriceSchedule('deepseek', 'deepseek-chat');
    expect(realisedPrice(deepseek, plain({ offPeakShare: 1 })).blendedUsdPerMillion).toBeCloseTo(realisedPrice(deepseek, plain()).blendedUsdPerMillion / 2, 12);
  });

  it('a schedule without a cached-input price charges cached tokens the input price (Together\'s Kimi K2.5)', () => {
    const together = findPriceSchedule('together', 'kimi-k2.5');
    expect(realisedPrice(together, plain({ cacheHitRate: 0.9 })).inputUsdPerMillion).toBeCloseTo(together.base.inputUsdPerMillion, 12);
  });

  const trafficArb = fc.record({
    input: fc.integer({ min: 0, max: 400_000 }), output: fc.integer({ min: 1, max: 20_000 }),
    h: fc.double({ min: 0, max: 1, noNaN: true }), w: fc.double({ min: 0, max: 1, noNaN: true }),
    b: fc.double({ min: 0, max: 1, noNaN: true }), p: fc.double({ min: 0, max: 1, noNaN: true }), o: fc.double({ min: 0, max: 1, noNaN: true }),
    d: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const mix = (t: { input: number; output: number; h: number; w: number; b: number; p: number; o: number }, b = t.b * (1 - t.p), h = t.h): TrafficMix =>
    ({ requests: [{ share: 1, inputTokens: t.input, outputTokens: t.output }], cacheHitRate: h, cacheWriteShare: t.w, batchShare: b, priorityShare: t.p * (1 - t.b), offPeakShare: t.o });

  it('property: a larger batch share never raises the realised price, for every shipped schedule', () => {
    fc.assert(fc.property(trafficArb, fc.integer({ min: 0, max: PRICE_SCHEDULES.length - 1 }), (t, i) => {
      const s = PRICE_SCHEDULES[i]!;
      const room = 1 - t.p * (1 - t.b);
      const low = realisedPrice(s, mix(t, room * t.d * t.b)).blendedUsdPerMillion;
      const high = realisedPrice(s, mix(t, room * t.b)).blendedUsdPerMillion;
      expect(high).toBeLessThanOrEqual(low * (1 + 1e-12));
    }));
  });

  it('property: a higher cache hit rate never raises the realised price where cache reads are the cheapest prompt price', () => {
    fc.assert(fc.property(trafficArb, fc.integer({ min: 0, max: PRICE_SCHEDULES.length - 1 }), (t, i) => {
      const s = PRICE_SCHEDULES[i]!;
      const low = realisedPrice(s, mix(t, undefined, t.h * t.d)).blendedUsdPerMillion;
      const high = realisedPrice(s, mix(t, undefined, t.h)).blendedUsdPerMillion;
      expect(high).toBeLessThanOrEqual(low * (1 + 1e-12));
    }));
  });

  it('bad traffic is an InputError naming the field: batch + priority above 1, shares not summing to 1, a NaN hit rate', () => {
    expect(() => realisedPrice(sonnet, plain({ batchShare: 0.7, priorityShare: 0.5 }))).toThrow(/batchShare \+ priorityShare.*at most 1/);
    expect(() => realisedPrice(sonnet, plain({ requests: [{ share: 0.5, inputTokens: 1, outputTokens: 1 }] }))).toThrow(/requests shares.*summing to 1/);
    expect(() => realisedPrice(sonnet, plain({ cacheHitRate: Number.NaN }))).toThrow(InputError);
  });
});

describe('price schedule catalog', () => {
  it('every shipped schedule cites a source and date for its base prices and each term; cache reads are never dearer than input', () => {
    for (const s of PRICE_SCHEDULES) {
      for (const part of [s.base, s.longContext, s.batch, s.priority, s.offPeak]) {
        if (part === null) continue;
        expect(part.source, s.id).toMatch(/https:\/\//);
        expect(part.date, s.id).toMatch(/^\d{4}-\d{2}/);
      }
      expect(s.base.cachedInputUsdPerMillion ?? 0, s.id).toBeLessThanOrEqual(s.base.inputUsdPerMillion);
    }
    expect(new Set(PRICE_SCHEDULES.map((s) => s.provider))).toEqual(new Set(['Anthropic', 'OpenAI', 'Google', 'Moonshot AI', 'Fireworks', 'Together', 'OpenRouter', 'DeepSeek']));
  });

  it('findPriceSchedule names the field and the choices for an unknown provider or model; a malformed catalog lists its problems', () => {
    expect(() => findPriceSchedule('nobody', 'kimi-k2.5')).toThrow(/invalid --provider: nobody; expected one of moonshot, fireworks, together, openrouter for kimi-k2.5/);
    expect(() => findPriceSchedule('openai', 'gpt-9')).toThrow(/invalid --model: gpt-9/);
    expect(() => parsePriceSchedules({ schedules: [{ id: 'x' }] })).toThrow(/price schedule catalog is invalid/);
  });
});
