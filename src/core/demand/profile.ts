import { InputError } from '../errors.js';
import { HOURS_PER_DAY, SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../units.js';

/**
 * How demand moves over a day: 24 hourly multipliers of the mean request rate, with mean 1.
 * Multiplier h holds at the centre of hour h (h:30); between centres the rate moves linearly
 * (`rateMultiplierAt`), so the day's mean multiplier is exactly 1 and its maximum is the
 * largest hourly value.
 */
export interface DemandProfile {
  readonly hourlyMultipliers: readonly number[];
}

/** Demand that does not move: 24 multipliers of 1. */
export const FLAT_PROFILE: DemandProfile = Object.freeze({ hourlyMultipliers: Object.freeze(new Array<number>(HOURS_PER_DAY).fill(1)) });

/**
 * A profile from 24 hourly values in any unit (requests per hour, relative load), scaled to
 * mean 1. Throws one InputError naming `field` and every bad value (wrong count, negative, not
 * finite, all zero). Example: profileFromValues([4, 0, ...22 twos]) has multipliers
 * [2, 0, 1, ...] (the values' mean is 2).
 */
export function profileFromValues(values: readonly number[], field = 'profile'): DemandProfile {
  const problems: string[] = [];
  if (values.length !== HOURS_PER_DAY) problems.push(`${values.length} values`);
  values.forEach((v, h) => {
    if (!Number.isFinite(v) || v < 0) problems.push(`hour ${h} is ${v}`);
  });
  const total = values.reduce((sum, v) => sum + v, 0);
  if (problems.length === 0 && !(total > 0)) problems.push('all values are 0');
  if (problems.length > 0) {
    throw new InputError(field, `${values.length} values`, '24 hourly values, each a finite number >= 0, not all 0',
      `invalid ${field}: ${problems.join('; ')}; expected 24 hourly values, each a finite number >= 0, not all 0`);
  }
  const mean = total / HOURS_PER_DAY;
  return { hourlyMultipliers: values.map((v) => v / mean) };
}

/** The largest hourly multiplier over the mean one (1 for a flat day, at most 24). */
export function peakToAverage(profile: DemandProfile): number {
  const m = profile.hourlyMultipliers;
  return Math.max(...m) / (m.reduce((sum, v) => sum + v, 0) / m.length);
}

/**
 * The multiplier of the mean request rate at `seconds` from Monday 00:00: linear between the
 * hour centres of the profile (wrapping from 23:30 to 00:30 through midnight), times
 * `weekendMultiplier` on days 5 and 6 of each week (Saturday and Sunday; day = ⌊seconds / 86,400⌋
 * mod 7). The weekend factor is not renormalised: a week's mean multiplier is (5 + 2w) / 7.
 * Example: at 00:30 it is the first multiplier v₀, at 00:00 (v₂₃ + v₀) / 2, at 12:00 (v₁₁ + v₁₂) / 2.
 *
 * @param seconds time since Monday 00:00, seconds (negative values count back)
 * @param weekendMultiplier factor on Saturdays and Sundays (default 1)
 */
export function rateMultiplierAt(profile: DemandProfile, seconds: number, weekendMultiplier = 1): number {
  const m = profile.hourlyMultipliers;
  const secondOfDay = mod(seconds, SECONDS_PER_DAY);
  const position = secondOfDay / SECONDS_PER_HOUR - 0.5; // in hour centres: 0 at 00:30
  const below = Math.floor(position);
  const fraction = position - below;
  const from = m[mod(below, HOURS_PER_DAY)] ?? 0;
  const to = m[mod(below + 1, HOURS_PER_DAY)] ?? 0;
  const day = mod(Math.floor(seconds / SECONDS_PER_DAY), 7);
  return (from + (to - from) * fraction) * (day >= 5 ? weekendMultiplier : 1);
}

/** The shape of a daily curve: how peaked it is and where the peak falls. */
export interface DiurnalOptions {
  /** Largest hourly multiplier over the mean, in [1, 24] (1 is flat). */
  readonly peakToAverage: number;
  /** Time of day of the peak, hours in [0, 24] (14.5 is 14:30; 24 is midnight, as 0). */
  readonly peakHour: number;
}

/**
 * A smooth daily curve with the requested peak-to-average ratio exactly: hour h gets
 * exp(κ cos(2π d / 24)), d the hours from the peak to the hour's centre h + 0.5 (a rate whose
 * logarithm is a sinusoid: the shape of the von Mises density), then the 24 values are scaled
 * to mean 1. The concentration κ >= 0 sharpens the peak; max/mean grows with κ, from 1 at
 * κ = 0 towards 24 / (hours tied nearest the peak), so κ is found by bisection until max/mean
 * equals `peakToAverage` to double precision. The trough is about e^(−2κ) of the peak: about 0.6 of the mean at a ratio of 1.5, 0.35 at 2, 0.09 at 3 (a raised
 * cosine would already fall to zero demand at night at a ratio of 2).
 *
 * A peak on a whole hour lies halfway between two hour centres, which tie, so it can reach at
 * most 12 (a peak at 14:30 reaches 24: all demand in the hour 14:00-15:00). A ratio beyond reach
 * is an InputError; one equal to the limit gives the limiting profile (all demand in the tied hours).
 *
 * Example: diurnalProfile({ peakToAverage: 2, peakHour: 14 }) is 2 over 13:30-14:30 and lowest,
 * about 0.35, over 01:30-02:30.
 */
export function diurnalProfile(options: DiurnalOptions): DemandProfile {
  const { peakToAverage: target, peakHour } = options;
  if (!(target >= 1 && target <= HOURS_PER_DAY)) throw new InputError('peakToAverage', String(target), 'a number from 1 to 24');
  if (!(peakHour >= 0 && peakHour <= HOURS_PER_DAY)) throw new InputError('peakHour', String(peakHour), 'an hour of the day from 0 to 24');
  const cosines = Array.from({ length: HOURS_PER_DAY }, (_, h) => {
    const ahead = mod(h + 0.5 - peakHour, HOURS_PER_DAY);
    const hoursFromPeak = Math.min(ahead, HOURS_PER_DAY - ahead); // symmetric, so mirror hours tie exactly
    return Math.cos((2 * Math.PI * hoursFromPeak) / HOURS_PER_DAY);
  });
  const top = Math.max(...cosines);
  const gaps = cosines.map((c) => top - c); // 0 at the peak hour(s), up to 2 elsewhere
  const tied = gaps.filter((g) => g === 0).length;
  const reach = HOURS_PER_DAY / tied;
  if (target > reach) {
    throw new InputError('peakToAverage', String(target), `at most ${reach} with the peak at hour ${peakHour}`,
      `invalid peakToAverage: ${target}; with the peak at hour ${peakHour}, ${tied} hours tie nearest it, so at most ${reach}`);
  }
  if (target === 1) return FLAT_PROFILE;
  if (target === reach) return { hourlyMultipliers: gaps.map((g) => (g === 0 ? reach : 0)) };
  // Weights relative to the peak, exp(−κ gap) in (0, 1], never overflow however large κ grows.
  const weightsAt = (kappa: number): number[] => gaps.map((g) => Math.exp(-kappa * g));
  const ratioAt = (kappa: number): number => HOURS_PER_DAY / weightsAt(kappa).reduce((sum, w) => sum + w, 0);
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 2000 && ratioAt(hi) < target; i++) hi *= 2;
  for (let i = 0; i < 2000; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (ratioAt(mid) < target) lo = mid;
    else hi = mid;
  }
  const weights = weightsAt(hi);
  const mean = weights.reduce((sum, w) => sum + w, 0) / HOURS_PER_DAY;
  return { hourlyMultipliers: weights.map((w) => w / mean) };
}

function mod(x: number, n: number): number {
  return ((x % n) + n) % n;
}
