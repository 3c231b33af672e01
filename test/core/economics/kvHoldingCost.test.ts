import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedKvSeconds, totalCachedKvSeconds } from '../../../src/core/economics/kvHoldingCost.js';
import { DEFAULT_KV_HOLDING, KV_TIER_PRICES, KV_TIERS } from '../../../src/core/economics/kvTiers.js';

const SECONDS_PER_YEAR = 365.25 * 24 * 3600;

describe('cachedKvSeconds, checked by hand', () => {
  // DeepSeek-V3 at bf16: 61 layers × 576 elements × 2 bytes = 70,272 bytes a token; an H200's 141 GB.
  const input = { kvBytesPerToken: 70_272, hbmBytesPerGpu: 141e9, utilization: 0.6, busyGpuSecondUsd: 2 / (3600 * 0.6) };

  it('HBM: 10 s of 70,272 bytes in 141 GB at 60% utilization is 70,272 × 10 / 141e9 × 0.6 = 2.99e-6 busy GPU-seconds', () => {
    expect(cachedKvSeconds(input).hbmHolding).toBeCloseTo((70_272 * 10 / 141e9) * 0.6, 18);
    expect(cachedKvSeconds(input).hbmHolding).toBeCloseTo(2.99e-6, 8);
  });

  it('moving: 60% of reads over 50 GB/s from DRAM and 20% at 5 GiB/s from SSD', () => {
    const expected = 0.6 * (70_272 / 50e9) + 0.2 * (70_272 / ((40 * 2 ** 30) / 8));
    expect(cachedKvSeconds(input).moving).toBeCloseTo(expected, 18);
  });

  it('DRAM: 300 s of 70,272 bytes at $700 per 64 GB over 4 years, priced at $2 per busy GPU-hour at 60%', () => {
    const usd = (70_272 * 300 * (700 / 64e9)) / (4 * SECONDS_PER_YEAR);
    expect(cachedKvSeconds(input).hostDramHolding).toBeCloseTo(usd / input.busyGpuSecondUsd, 18);
  });

  it('every part is positive at a paid GPU; the total is their sum', () => {
    const s = cachedKvSeconds(input);
    for (const x of [s.hbmHolding, s.moving, s.hostDramHolding, s.ssdHolding]) expect(x).toBeGreaterThan(0);
    expect(totalCachedKvSeconds(s)).toBe(s.hbmHolding + s.moving + s.hostDramHolding + s.ssdHolding);
  });

  it('a free GPU-second (free power, marginal basis) cannot price DRAM and SSD: those parts are 0, not Infinity', () => {
    const s = cachedKvSeconds({ ...input, busyGpuSecondUsd: 0 });
    expect(s.hostDramHolding).toBe(0);
    expect(s.ssdHolding).toBe(0);
    expect(Number.isFinite(totalCachedKvSeconds(s))).toBe(true);
  });
});

describe('cachedKvSeconds invariants (generated inputs)', () => {
  it('more KV bytes, or longer residence, never cost less', () => {
    const args = fc.record({
      kvBytesPerToken: fc.double({ min: 1e3, max: 1e6, noNaN: true }),
      hbmBytesPerGpu: fc.double({ min: 16e9, max: 300e9, noNaN: true }),
      utilization: fc.double({ min: 0.05, max: 1, noNaN: true }),
      busyGpuSecondUsd: fc.double({ min: 1e-5, max: 1e-2, noNaN: true }),
    });
    fc.assert(fc.property(args, fc.double({ min: 1, max: 10, noNaN: true }), (a, k) => {
      const base = totalCachedKvSeconds(cachedKvSeconds(a));
      expect(base).toBeGreaterThan(0);
      expect(totalCachedKvSeconds(cachedKvSeconds({ ...a, kvBytesPerToken: a.kvBytesPerToken * k }))).toBeGreaterThanOrEqual(base);
      const longer = { ...DEFAULT_KV_HOLDING, residenceSecondsPerRead: { hbm: 10 * k, hostDram: 300 * k, ssd: 3600 * k } };
      expect(totalCachedKvSeconds(cachedKvSeconds({ ...a, holding: longer }))).toBeGreaterThanOrEqual(base);
    }), { numRuns: 100 });
  });
});

describe('KV tier catalog', () => {
  it('every priced tier has a positive price, life and read rate, a source and a date; read shares sum to 1', () => {
    for (const p of Object.values(KV_TIER_PRICES)) {
      expect(p.usdPerByte).toBeGreaterThan(0);
      expect(p.lifeYears).toBeGreaterThan(0);
      expect(p.readBytesPerSecondPerGpu).toBeGreaterThan(0);
      expect(p.source.length).toBeGreaterThan(20);
      expect(p.date).toMatch(/^\d{4}-\d{2}/);
    }
    expect(KV_TIERS.reduce((s, t) => s + DEFAULT_KV_HOLDING.readShares[t], 0)).toBeCloseTo(1, 12);
  });
});
