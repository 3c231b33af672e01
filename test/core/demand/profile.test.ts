import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diurnalProfile, FLAT_PROFILE, peakToAverage, profileFromValues, rateMultiplierAt } from '../../../src/core/demand/profile.js';
import { InputError } from '../../../src/core/errors.js';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const ramp = profileFromValues(Array.from({ length: 24 }, (_, h) => h + 1)); // 1..24, mean 12.5

describe('profileFromValues', () => {
  it('profileFromValues([4, 0, 22 × 2]) divides by the mean 2: [2, 0, 1, ...], peak-to-average 2', () => {
    const p = profileFromValues([4, 0, ...new Array<number>(22).fill(2)]);
    expect(p.hourlyMultipliers).toEqual([2, 0, ...new Array<number>(22).fill(1)]);
    expect(peakToAverage(p)).toBe(2);
  });

  it('profileFromValues([1, 3, 22 × 1]) scales to mean 1: [12/13, 36/13, 12/13, ...]', () => {
    const p = profileFromValues([1, 3, ...new Array<number>(22).fill(1)]);
    expect(p.hourlyMultipliers[0]).toBeCloseTo(12 / 13, 14);
    expect(p.hourlyMultipliers[1]).toBeCloseTo(36 / 13, 14);
    expect(mean(p.hourlyMultipliers)).toBeCloseTo(1, 14);
  });

  it('profileFromValues throws one InputError naming every bad value: wrong length, negative, not a number', () => {
    expect(() => profileFromValues([1, 2, 3])).toThrow(InputError);
    const bad = [-1, NaN, ...new Array<number>(22).fill(1)];
    expect(() => profileFromValues(bad, 'demand.profile')).toThrow(/demand\.profile: hour 0 is -1; hour 1 is NaN/);
    expect(() => profileFromValues(new Array<number>(24).fill(0))).toThrow(/all values are 0/);
  });

  it('FLAT_PROFILE is 24 ones with peak-to-average 1', () => {
    expect(FLAT_PROFILE.hourlyMultipliers).toEqual(new Array(24).fill(1));
    expect(peakToAverage(FLAT_PROFILE)).toBe(1);
  });
});

describe('diurnalProfile', () => {
  it('diurnalProfile({peakToAverage in [1, 3], peakHour}) has mean 1 and max/mean equal to the request within 1e-6', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 3, noNaN: true }), fc.double({ min: 0, max: 23.99, noNaN: true }), (ratio, peakHour) => {
      const p = diurnalProfile({ peakToAverage: ratio, peakHour });
      expect(p.hourlyMultipliers).toHaveLength(24);
      expect(Math.abs(mean(p.hourlyMultipliers) - 1)).toBeLessThan(1e-12);
      expect(Math.abs(peakToAverage(p) - ratio)).toBeLessThan(1e-6);
    }));
  });

  it('diurnalProfile({peakToAverage: 2, peakHour: 14}) peaks over 13:30-14:30 and is lowest, 0.34, 12 hours away, at 02:00', () => {
    const p = diurnalProfile({ peakToAverage: 2, peakHour: 14 });
    const m = p.hourlyMultipliers;
    expect(m[13]).toBeCloseTo(2, 9);
    expect(m[14]).toBeCloseTo(2, 9);
    expect(Math.min(...m)).toBe(m[1]);
    expect(m[1]).toBe(m[2]);
    expect(m[1]).toBeCloseTo(0.343, 3);
  });

  it('diurnalProfile reaches large ratios: 12 with the peak on a whole hour (two hours tie), 20 at 14:30', () => {
    expect(peakToAverage(diurnalProfile({ peakToAverage: 12, peakHour: 14 }))).toBeCloseTo(12, 9);
    expect(peakToAverage(diurnalProfile({ peakToAverage: 20, peakHour: 14.5 }))).toBeCloseTo(20, 6);
    expect(diurnalProfile({ peakToAverage: 24, peakHour: 14.5 }).hourlyMultipliers[14]).toBe(24);
  });

  it('diurnalProfile throws beyond reach or range: 13 at 14:00, 0.5, 25, peakHour 25', () => {
    expect(() => diurnalProfile({ peakToAverage: 13, peakHour: 14 })).toThrow(/at most 12/);
    expect(() => diurnalProfile({ peakToAverage: 0.5, peakHour: 14 })).toThrow(InputError);
    expect(() => diurnalProfile({ peakToAverage: 25, peakHour: 14 })).toThrow(InputError);
    expect(() => diurnalProfile({ peakToAverage: 2, peakHour: 25 })).toThrow(/peakHour/);
  });

  it('diurnalProfile({peakToAverage: 1}) is flat', () => {
    expect(diurnalProfile({ peakToAverage: 1, peakHour: 3 }).hourlyMultipliers).toEqual(new Array(24).fill(1));
  });
});

describe('rateMultiplierAt', () => {
  it('rateMultiplierAt is the hour value at each hour centre and the midpoint on the hour', () => {
    expect(rateMultiplierAt(ramp, 0.5 * 3600)).toBeCloseTo(1 / 12.5, 14);
    expect(rateMultiplierAt(ramp, 12.5 * 3600)).toBeCloseTo(13 / 12.5, 14);
    expect(rateMultiplierAt(ramp, 12 * 3600)).toBeCloseTo(12.5 / 12.5, 14);
  });

  it('rateMultiplierAt wraps midnight continuously: 00:00 is (v₂₃ + v₀) / 2, approached from either side', () => {
    const atMidnight = (24 + 1) / 2 / 12.5;
    expect(rateMultiplierAt(ramp, 0)).toBeCloseTo(atMidnight, 14);
    expect(rateMultiplierAt(ramp, 86_400)).toBeCloseTo(atMidnight, 14);
    expect(rateMultiplierAt(ramp, 86_400 - 1e-6)).toBeCloseTo(atMidnight, 6);
    expect(rateMultiplierAt(ramp, 86_400 + 1e-6)).toBeCloseTo(atMidnight, 6);
    expect(rateMultiplierAt(ramp, -1e-6)).toBeCloseTo(atMidnight, 6);
  });

  it('rateMultiplierAt has mean 1 over a day (trapezoids over the hour centres)', () => {
    const p = diurnalProfile({ peakToAverage: 2.5, peakHour: 9.3 });
    const n = 86_400;
    let sum = 0;
    for (let s = 0; s < n; s++) sum += rateMultiplierAt(p, s + 0.5);
    expect(sum / n).toBeCloseTo(1, 6);
  });

  it('rateMultiplierAt(profile, t, 0.5) halves days 5 and 6 (Saturday, Sunday) and leaves weekdays', () => {
    const noon = 12.5 * 3600;
    for (let day = 0; day < 14; day++) {
      const expected = (13 / 12.5) * (day % 7 >= 5 ? 0.5 : 1);
      expect(rateMultiplierAt(ramp, day * 86_400 + noon, 0.5)).toBeCloseTo(expected, 12);
    }
  });
});
