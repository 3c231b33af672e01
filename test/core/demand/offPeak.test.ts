import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shiftToOffPeak } from '../../../src/core/demand/offPeak.js';
import { diurnalProfile, profileFromValues } from '../../../src/core/demand/profile.js';

describe('shiftToOffPeak', () => {
  it("multipliers [2, 0, 1 × 22] with half the other hours' demand moving into hour 1: hour 1 takes 12, half the day's demand moved", () => {
    const s = shiftToOffPeak(profileFromValues([2, 0, ...new Array<number>(22).fill(1)]), 0.5, [1]);
    expect(s.profile.hourlyMultipliers[0]).toBe(1);
    expect(s.profile.hourlyMultipliers[1]).toBeCloseTo(12, 9); // half of 2 + 22 × 1
    expect(s.offPeakHours).toEqual([1]);
    expect(s.shiftedShare).toBeCloseTo(12 / 24, 9);
  });

  it('by default the off-peak hours are those below the mean; the peak comes down and the day keeps its mean, for any share', () => {
    fc.assert(fc.property(fc.double({ min: 1.1, max: 4, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (ratio, share) => {
      const day = diurnalProfile({ peakToAverage: ratio, peakHour: 15 });
      const s = shiftToOffPeak(day, share);
      const mean = s.profile.hourlyMultipliers.reduce((a, v) => a + v, 0) / 24;
      expect(mean).toBeCloseTo(1, 9);
      expect(s.profile.hourlyMultipliers[15]).toBeCloseTo(day.hourlyMultipliers[15]! * (1 - share), 9);
      expect(s.offPeakHours.every((h) => day.hourlyMultipliers[h]! < 1)).toBe(true);
      expect(s.offPeakShare).toBeGreaterThanOrEqual(s.shiftedShare - 1e-12);
    }));
  });
});
