import { describe, expect, it } from 'vitest';
import { collectRequests, poissonArrivals, type PoissonArrivalsOptions } from '../../../src/core/demand/arrivals.js';
import { diurnalProfile } from '../../../src/core/demand/profile.js';
import { createRng } from '../../../src/core/demand/rng.js';
import { InputError } from '../../../src/core/errors.js';
import { dispersion, hourlyShareErrors } from './arrivalStatistics.js';

const FIXED_SIZES = { inputTokens: { mean: 1000, sigma: 0 }, outputTokens: { mean: 100, sigma: 0 } };
const base: PoissonArrivalsOptions = { requestsPerSecond: 10, durationSeconds: 1000, sizes: FIXED_SIZES, seed: 1 };
const arrivals = (o: Partial<PoissonArrivalsOptions>) => collectRequests(poissonArrivals({ ...base, ...o }));
const times = (o: Partial<PoissonArrivalsOptions>) => arrivals(o).map((r) => r.arrivalSeconds);


describe('poissonArrivals', () => {
  it('poissonArrivals with seed 7 gives the same requests every time; seeds 7 and 8 differ', () => {
    const o = { seed: 7, sizes: { inputTokens: { mean: 1000, sigma: 1 }, outputTokens: { mean: 100, sigma: 0.5 }, prefixCacheHitRate: 0.3 } };
    expect(arrivals(o)).toEqual(arrivals(o));
    expect(times({ seed: 8 })).not.toEqual(times({ seed: 7 }));
  });

  it('poissonArrivals with rng: createRng(5) is the same as with seed: 5', () => {
    expect(arrivals({ seed: undefined, rng: createRng(5) })).toEqual(arrivals({ seed: 5 }));
  });

  // The same draws at a million requests and tighter bounds run in npm run bench (bench/draws.ts).
  it('poissonArrivals at 100 req/s for 1,000 s (flat) yields 100,000 requests within 1.5% (4.7 σ), in order, inside the run', () => {
    const t = times({ requestsPerSecond: 100, durationSeconds: 1000 });
    expect(Math.abs(t.length / 1e5 - 1)).toBeLessThan(0.015);
    expect(t.every((x, i) => x >= 0 && x < 1000 && (i === 0 || x >= (t[i - 1] ?? 0)))).toBe(true);
    expect(dispersion(t, 1000, 10)).toBeCloseTo(1, 0);
  });

  it('poissonArrivals over a day of a diurnal profile puts each hour of the day its share of the profile (within 6%, 4 σ of the quietest hour)', () => {
    const profile = diurnalProfile({ peakToAverage: 2, peakHour: 15 });
    const t = times({ requestsPerSecond: 4, durationSeconds: 86_400, profile, seed: 11 });
    const errors = hourlyShareErrors(t, profile, 4, 1);
    expect(errors).toHaveLength(24);
    for (const e of errors) expect(Math.abs(e)).toBeLessThan(0.06);
  });

  it('poissonArrivals with bursts (5× the calm rate, 1 s long, 10% of the time) keeps the mean rate (within 3%) and is overdispersed', () => {
    const burst = { rateFactor: 5, meanDurationSeconds: 1, shareOfTime: 0.1 };
    const t = times({ requestsPerSecond: 10, durationSeconds: 20_000, burst, seed: 3 });
    // The count's standard deviation is about √(13 N): 0.8% of 200,000 requests.
    expect(Math.abs(t.length / 2e5 - 1)).toBeLessThan(0.03);
    // Index of dispersion over 10-s windows ≈ 1 + 2 Var(rate) τ / (mean rate): about 14 here, 1 without bursts.
    expect(dispersion(t, 20_000, 10)).toBeGreaterThan(5);
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
