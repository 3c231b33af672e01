import type { DemandProfile } from './profile.js';
import { HOURS_PER_DAY } from '../units.js';

export interface OffPeakShift {
  /** The day's profile after the shift (mean still 1). */
  readonly profile: DemandProfile;
  /** Hours of the day (0-23) the discount applies to. */
  readonly offPeakHours: readonly number[];
  /** Share of the day's demand moved from the other hours into the off-peak ones. */
  readonly shiftedShare: number;
  /** Share of the day's demand that falls in off-peak hours after the shift (pays the discounted price). */
  readonly offPeakShare: number;
}

/**
 * What an off-peak discount does to a day's demand: `shiftShare` of the demand in the other hours
 * moves into the off-peak hours (by default those below the day's mean), filling each in
 * proportion to its room below the day's peak, so the quietest hours take the most; the mean
 * stays 1. Off-peak hours are whole hours of the profile (the rate at h:30).
 * Example: multipliers [2, 0] + 22 ones, shiftShare 0.5: hour 0 gives 1, hour 1 (the only
 * off-peak hour) takes it: [1, 1, 1, ...], all flat; shifted share 1/24.
 *
 * @param shiftShare share of the non-off-peak demand that moves, in [0, 1]
 * @param offPeakHours hours 0-23 (default: those whose multiplier is below 1)
 */
export function shiftToOffPeak(profile: DemandProfile, shiftShare: number, offPeakHours?: readonly number[]): OffPeakShift {
  const m = profile.hourlyMultipliers;
  const off = new Set(offPeakHours ?? m.flatMap((v, h) => (v < 1 ? [h] : [])));
  const peak = Math.max(...m);
  const moved = m.reduce((sum, v, h) => sum + (off.has(h) ? 0 : v * shiftShare), 0);
  const room = m.reduce((sum, v, h) => sum + (off.has(h) ? peak - v : 0), 0);
  // With no room below the peak (a flat day), the moved demand spreads evenly over the off-peak hours.
  const share = (v: number) => (room > 0 ? (peak - v) / room : 1 / Math.max(1, off.size));
  const shifted = off.size === 0 ? m : m.map((v, h) => (off.has(h) ? v + moved * share(v) : v * (1 - shiftShare)));
  const offPeakShare = shifted.reduce((sum, v, h) => sum + (off.has(h) ? v : 0), 0) / HOURS_PER_DAY;
  return { profile: { hourlyMultipliers: shifted }, offPeakHours: [...off].sort((a, b) => a - b), shiftedShare: off.size === 0 ? 0 : moved / HOURS_PER_DAY, offPeakShare };
}
