// Statistics of drawn arrival times, shared by the arrival tests (small samples) and
// bench/draws.ts (the million-request draws).
import { rateMultiplierAt, type DemandProfile } from '../../../src/core/demand/profile.js';
import { HOURS_PER_DAY, SECONDS_PER_DAY } from '../../../src/core/units.js';
import { SECONDS_PER_HOUR } from '../../../src/core/units.js';

/** Counts per window of `windowSeconds` and their variance over mean (1 for a Poisson process). */
export function dispersion(arrivalSeconds: readonly number[], durationSeconds: number, windowSeconds: number): number {
  const counts = new Array<number>(Math.floor(durationSeconds / windowSeconds)).fill(0);
  for (const t of arrivalSeconds) {
    const k = Math.floor(t / windowSeconds);
    if (k < counts.length) counts[k] = (counts[k] ?? 0) + 1;
  }
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  return counts.reduce((a, c) => a + (c - mean) ** 2, 0) / counts.length / mean;
}

/**
 * For each hour of the day, the relative error of the arrivals in it over `days` days against the
 * profile's share at `requestsPerSecond` (the mean over hour h of the line through the hour
 * centres: (v[h−1] + 6 v[h] + v[h+1]) / 8).
 */
export function hourlyShareErrors(arrivalSeconds: readonly number[], profile: DemandProfile, requestsPerSecond: number, days: number): number[] {
  const byHour = new Array<number>(HOURS_PER_DAY).fill(0);
  for (const x of arrivalSeconds) byHour[Math.floor((x % SECONDS_PER_DAY) / SECONDS_PER_HOUR)]! += 1;
  return byHour.map((count, h) => {
    const start = h * SECONDS_PER_HOUR;
    const m = (rateMultiplierAt(profile, start) + 2 * rateMultiplierAt(profile, start + SECONDS_PER_HOUR / 2) + rateMultiplierAt(profile, start + SECONDS_PER_HOUR)) / 4;
    return count / (requestsPerSecond * SECONDS_PER_HOUR * days * m) - 1;
  });
}
