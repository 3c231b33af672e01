import { describe, expect, it } from 'vitest';
import { collectRequests, poissonArrivals, type PoissonArrivalsOptions } from '../../../src/core/demand/arrivals.js';
import { diurnalProfile, rateMultiplierAt } from '../../../src/core/demand/profile.js';
import { createRng } from '../../../src/core/demand/rng.js';
import { InputError } from '../../../src/core/errors.js';

const FIXED_SIZES = { inputTokens: { mean: 1000, sigma: 0 }, outputTokens: { mean: 100, sigma: 0 } };
const base: PoissonArrivalsOptions = { requestsPerSecond: 10, durationSeconds: 1000, sizes: FIXED_SIZES, seed: 1 };
const arrivals = (o: Partial<PoissonArrivalsOptions>) => collectRequests(poissonArrivals({ ...base, ...o }));
const times = (o: Partial<PoissonArrivalsOptions>) => arrivals(o).map((r) => r.arrivalSeconds);

/** Counts per window of `windowSeconds` and their variance over mean (1 for a Poisson process). */
function dispersion(arrivalSeconds: readonly number[], durationSeconds: number, windowSeconds: number): number {
  const counts = new Array<number>(Math.floor(durationSeconds / windowSeconds)).fill(0);
  for (const t of arrivalSeconds) {
    const k = Math.floor(t / windowSeconds);
    if (k < counts.length) counts[k] = (counts[k] ?? 0) + 1;
  }
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  return counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length / mean;
}

describe('poissonArrivals', () => {
  it('poissonArrivals with seed 7 gives the same requests every time; seeds 7 and 8 differ', () => {
    const o = { seed: 7, sizes: { inputTokens: { mean: 1000, sigma: 1 }, outputTokens: { mean: 100, sigma: 0.5 }, prefixCacheHitRate: 0.3 } };
    expect(arrivals(o)).toEqual(arrivals(o));
    expect(times({ seed: 8 })).not.toEqual(times({ seed: 7 }));
  });

  it('poissonArrivals with rng: createRng(5) is the same as with seed: 5', () => {
    expect(arrivals({ seed: undefined, rng: createRng(5) })).toEqual(arrivals({ seed: 5 }));
  });

  it('poissonArrivals at 100 req/s for 10,000 s (flat) yields 1,000,000 requests within 1%, in order, inside the run', { timeout: 20_000 }, () => {
    const t = times({ requestsPerSecond: 100, durationSeconds: 10_000 });
    expect(Math.abs(t.length / 1e6 - 1)).toBeLessThan(0.01);
    expect(t.every((x, i) => x >= 0 && x < 10_000 && (i === 0 || x >= (t[i - 1] ?? 0)))).toBe(true);
    expect(dispersion(t, 10_000, 10)).toBeCloseTo(1, 0);
  });

  it('poissonArrivals over a week of a diurnal profile puts each hour of the day its share of the profile (within 3%)', { timeout: 20_000 }, () => {
    const profile = diurnalProfile({ peakToAverage: 2, peakHour: 15 });
    const days = 7;
    const rate = 3;
    const t = times({ requestsPerSecond: rate, durationSeconds: days * 86_400, profile, seed: 11 });
    const byHour = new Array<number>(24).fill(0);
    for (const x of t) byHour[Math.floor((x % 86_400) / 3600)]! += 1;
    byHour.forEach((count, h) => {
      // The mean over hour h of the line through the hour centres: (v[h−1] + 6 v[h] + v[h+1]) / 8.
      const m = (rateMultiplierAt(profile, h * 3600) + 2 * rateMultiplierAt(profile, h * 3600 + 1800) + rateMultiplierAt(profile, h * 3600 + 3600)) / 4;
      expect(Math.abs(count / (rate * 3600 * days * m) - 1)).toBeLessThan(0.03);
    });
  });

  it('poissonArrivals with bursts (5× the calm rate, 1 s long, 10% of the time) keeps the mean rate (within 2%) and is overdispersed', { timeout: 20_000 }, () => {
    const burst = { rateFactor: 5, meanDurationSeconds: 1, shareOfTime: 0.1 };
    const t = times({ requestsPerSecond: 10, durationSeconds: 100_000, burst, seed: 3 });
    expect(Math.abs(t.length / 1e6 - 1)).toBeLessThan(0.02);
    // Index of dispersion over 10-s windows ≈ 1 + 2 Var(rate) τ / (mean rate): about 14 here, 1 without bursts.
    expect(dispersion(t, 100_000, 10)).toBeGreaterThan(5);
  });

  it('poissonArrivals with sigma 0 gives every request the mean sizes and round(input × hit rate) cached tokens', () => {
    const sizes = { inputTokens: { mean: 1001, sigma: 0 }, outputTokens: { mean: 99.6, sigma: 0 }, prefixCacheHitRate: 0.5 };
    const rs = arrivals({ sizes });
    expect(rs.length).toBeGreaterThan(9000);
    expect(rs.every((r) => r.inputTokens === 1001 && r.outputTokens === 100 && r.cachedInputTokens === 501)).toBe(true);
  });

  it('poissonArrivals with lognormal sizes (mean 2,000, sigma 1) has mean input within 2%, whole tokens >= 1', () => {
    const sizes = { inputTokens: { mean: 2000, sigma: 1 }, outputTokens: { mean: 3, sigma: 2 } };
    const rs = arrivals({ sizes, requestsPerSecond: 200 });
    const meanInput = rs.reduce((a, r) => a + r.inputTokens, 0) / rs.length;
    expect(Math.abs(meanInput / 2000 - 1)).toBeLessThan(0.02);
    expect(rs.every((r) => Number.isInteger(r.inputTokens) && r.outputTokens >= 1 && Number.isInteger(r.outputTokens) && r.cachedInputTokens === 0)).toBe(true);
  });

  it('poissonArrivals with other sizes keeps the same arrival times for the same seed', () => {
    const other = { inputTokens: { mean: 50, sigma: 2 }, outputTokens: { mean: 7, sigma: 1 } };
    expect(times({ sizes: other })).toEqual(times({}));
  });

  it('poissonArrivals with maxRequests: 5 stops after 5 requests, even with an endless run', () => {
    expect(arrivals({ maxRequests: 5, durationSeconds: Infinity })).toHaveLength(5);
  });

  it('poissonArrivals at 0 req/s yields nothing', () => {
    expect(arrivals({ requestsPerSecond: 0 })).toEqual([]);
  });

  it('poissonArrivals with weekendMultiplier 0 yields nothing on Saturday and Sunday', () => {
    const t = times({ requestsPerSecond: 0.2, durationSeconds: 7 * 86_400, weekendMultiplier: 0 });
    expect(t.filter((x) => x >= 5 * 86_400)).toEqual([]);
    expect(Math.abs(t.length / (0.2 * 5 * 86_400) - 1)).toBeLessThan(0.03);
    expect(times({ startSeconds: 5 * 86_400, durationSeconds: 86_400, weekendMultiplier: 0 })).toEqual([]);
  });

  it('poissonArrivals with bad options throws one InputError naming each bad field', () => {
    const bad = () => poissonArrivals({ ...base, requestsPerSecond: -1, burst: { rateFactor: 2, meanDurationSeconds: 0, shareOfTime: 1 }, sizes: { ...FIXED_SIZES, prefixCacheHitRate: 1.5 } });
    expect(bad).toThrow(InputError);
    expect(bad).toThrow(/requestsPerSecond: expected a number >= 0, received -1; sizes\.prefixCacheHitRate: .*; burst\.meanDurationSeconds: .*; burst\.shareOfTime: expected a number in \[0, 1\), received 1$/);
    expect(() => poissonArrivals({ ...base, durationSeconds: Infinity })).toThrow(/durationSeconds/);
  });
});
