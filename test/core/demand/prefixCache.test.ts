import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LruSet } from '../../../src/core/demand/lruSet.js';
import { applyPrefixCache } from '../../../src/core/demand/prefixCache.js';
import { diurnalProfile, FLAT_PROFILE, rateMultiplierAt } from '../../../src/core/demand/profile.js';
import { createRng } from '../../../src/core/demand/rng.js';
import { scaleTrace } from '../../../src/core/demand/scaleTrace.js';
import { traceUnderEnvelope } from '../../../src/core/demand/traceEnvelope.js';
import type { Request } from '../../../src/core/demand/types.js';

const req = (t: number, ids: number[], inputTokens = ids.length * 512): Request => ({ arrivalSeconds: t, inputTokens, cachedInputTokens: 0, outputTokens: 10, prefixBlockIds: ids });

describe('LruSet', () => {
  it('new LruSet(2) after add(1), add(2), touch(1), add(3) holds 1 and 3, and add returns the evicted 2', () => {
    const s = new LruSet(2);
    expect(s.add(1)).toBeNull();
    expect(s.add(2)).toBeNull();
    expect(s.touch(1)).toBe(true);
    expect(s.add(3)).toBe(2);
    expect([s.has(1), s.has(2), s.has(3), s.size]).toEqual([true, false, true, 2]);
  });

  it.each([['a Map', undefined], ['an array index', 9]])('holds what a plain list model of LRU holds, for any sequence of adds, touches and deletes (ids indexed by %s)', (_, idLimit) => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5 }), fc.array(fc.tuple(fc.constantFrom('add', 'touch', 'delete'), fc.integer({ min: 0, max: 8 })), { maxLength: 200 }), (capacity, ops) => {
      const s = new LruSet(capacity, idLimit);
      let model: number[] = []; // most recent first
      for (const [op, id] of ops) {
        if (op === 'add') {
          const evicted = s.add(id);
          if (model.includes(id)) model = [id, ...model.filter((x) => x !== id)];
          else if (capacity === 0) expect(evicted).toBe(id);
          else {
            model = [id, ...model];
            const dropped = model.length > capacity ? model.pop() : null;
            expect(evicted).toBe(dropped ?? null);
          }
        } else if (op === 'touch') {
          expect(s.touch(id)).toBe(model.includes(id));
          if (model.includes(id)) model = [id, ...model.filter((x) => x !== id)];
        } else {
          expect(s.delete(id)).toBe(model.includes(id));
          model = model.filter((x) => x !== id);
        }
        expect(s.size).toBe(model.length);
      }
      for (let id = 0; id <= 8; id++) expect(s.has(id)).toBe(model.includes(id));
    }));
  });
});

describe('applyPrefixCache', () => {
  it('two requests of 1,024 tokens with ids [1, 2] and [1, 3]: the second hits block 1, a 25% hit rate', () => {
    const r = applyPrefixCache([req(0, [1, 2]), req(1, [1, 3])], { hbmBlocks: 10 });
    expect(r.requests.map((x) => x.cachedInputTokens)).toEqual([0, 512]);
    expect(r.stats.hitRate).toBe(0.25);
    expect(r.stats.hbmHitTokens).toBe(512);
  });

  it('a prefix ends at the first miss, and a full hit still computes the last prompt token', () => {
    const r = applyPrefixCache([req(0, [1, 2, 3]), req(1, [1, 9, 3]), req(2, [1, 2, 3], 1500)], { hbmBlocks: 10 });
    expect(r.requests.map((x) => x.cachedInputTokens)).toEqual([0, 512, 1499]);
  });

  it('an LRU of one block forgets; host DRAM below HBM keeps what HBM drops and serves it as a DRAM hit', () => {
    const trace = [req(0, [1]), req(1, [2]), req(2, [1])];
    expect(applyPrefixCache(trace, { hbmBlocks: 1 }).stats.cachedTokens).toBe(0);
    const tiered = applyPrefixCache(trace, { hbmBlocks: 1, hostDramBlocks: 1 }).stats;
    expect([tiered.cachedTokens, tiered.hbmHitTokens, tiered.hostDramHitTokens]).toEqual([511, 0, 511]);
  });

  it('HBM of h blocks over DRAM of d blocks hits exactly as one LRU of h + d blocks, and never decreases with size', () => {
    const trace = fc.array(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 4 }), { maxLength: 60 });
    fc.assert(fc.property(trace, fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), (lists, h, d) => {
      const requests = lists.map((ids, i) => req(i, ids));
      const tiered = applyPrefixCache(requests, { hbmBlocks: h, hostDramBlocks: d }).stats.cachedTokens;
      expect(tiered).toBe(applyPrefixCache(requests, { hbmBlocks: h + d }).stats.cachedTokens);
      expect(applyPrefixCache(requests, { hbmBlocks: h + d + 1 }).stats.cachedTokens).toBeGreaterThanOrEqual(tiered);
    }));
  });

  it('requests without block ids keep their own cached tokens', () => {
    const plain: Request = { arrivalSeconds: 0, inputTokens: 100, cachedInputTokens: 40, outputTokens: 1 };
    const r = applyPrefixCache([plain], { hbmBlocks: 4 });
    expect(r.requests[0]).toBe(plain);
    expect(r.stats.hitRate).toBe(0.4);
  });
});

describe('scaleTrace', () => {
  it('scaleTrace(arrivals at 0 and 10 s over a 20 s span, 2) has arrivals at 0, 5, 10 and 15 s, the copy with its own block ids', () => {
    const out = scaleTrace([req(0, [0]), req(10, [1])], 2, 20);
    expect(out.map((r) => r.arrivalSeconds)).toEqual([0, 5, 10, 15]);
    expect(out.map((r) => r.prefixBlockIds?.[0])).toEqual([0, 1, 2, 3]);
  });

  it('keeps k × the requests within the span for whole k, and the first half stretched for k = 0.5', () => {
    const trace = Array.from({ length: 100 }, (_, i) => req(i, [i]));
    expect(scaleTrace(trace, 3, 100)).toHaveLength(300);
    const half = scaleTrace(trace, 0.5, 100);
    expect(half).toHaveLength(50);
    expect(half.at(-1)?.arrivalSeconds).toBe(98);
  });
});

describe('traceUnderEnvelope', () => {
  const hour = Array.from({ length: 3600 }, (_, i) => req(i + 0.5, [i % 100]));
  it('an hour of 3,600 requests over 24 h under a flat profile is 24 whole loops, each loop with its own block ids', () => {
    const day = traceUnderEnvelope(hour, { spanSeconds: 3600, durationSeconds: 86_400, profile: FLAT_PROFILE, rng: createRng(1) });
    expect(day).toHaveLength(24 * 3600);
    expect(day[3600]?.arrivalSeconds).toBe(3600.5);
    expect(day[3600]?.prefixBlockIds).toEqual([100]);
  });

  it('under a profile peaking at 2× at 15:30 the hourly counts follow the profile and the day keeps its mean', { timeout: 60_000 }, () => {
    const profile = diurnalProfile({ peakToAverage: 2, peakHour: 15.5 });
    const day = traceUnderEnvelope(hour, { spanSeconds: 3600, durationSeconds: 86_400, profile, rng: createRng(3) });
    const perHour = new Array<number>(24).fill(0);
    for (const r of day) perHour[Math.floor(r.arrivalSeconds / 3600)]! += 1;
    expect(day.length / (24 * 3600)).toBeCloseTo(1, 1);
    expect(perHour[15]! / 3600).toBeGreaterThan(1.85);
    expect(Math.abs(perHour[3]! / 3600 - (rateMultiplierAt(profile, 3.5 * 3600)))).toBeLessThan(0.1);
    expect(traceUnderEnvelope(hour, { spanSeconds: 3600, durationSeconds: 86_400, profile, rng: createRng(3) })).toEqual(day);
  });
});
