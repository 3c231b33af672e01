import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  count, fixed, gibibytes, gigabytes, latency, milliseconds, millionsOfTokens, params, paramsPrecise, percent, ratio, seconds, signedPercent, significant,
  tokens, upTo, usd, usdPerMillionTokens, USD_STYLES,
} from '../../src/format/numbers.js';

describe('usd(x, style)', () => {
  it.each([
    [0, '$0.000'], [0.06, '$0.060'], [0.892, '$0.892'], [2.981, '$2.98'], [99.4, '$99.40'], [1234.5, '$1,235'], [-1.5, '-$1.50'], [-250, '-$250'],
    [0.9996, '$1.00'], [99.996, '$100'], [Number.NaN, 'n/a'], [Number.POSITIVE_INFINITY, 'n/a'],
  ])('price style (the default): %s → %s', (x, text) => expect(usd(x)).toBe(text));

  it.each([
    [0, '$0.000'], [0.0004, '$0.00040'], [0.00999, '$0.010'], [0.06, '$0.060'], [2.981, '$2.98'], [999.6, '$999.60'], [1234.5, '$1,235'], [-0.0001, '-$0.00010'],
  ])('chart style: %s → %s', (x, text) => expect(usd(x, USD_STYLES.chart)).toBe(text));

  it.each([
    ['bill', 0.431, '$0.43'], ['bill', 3302.4, '$3,302'], ['market', 0.152, '$0.15'], ['market', 12.54, '$12.5'], ['marketFine', 0.0152, '$0.015'],
    ['marketFine', 0.152, '$0.15'], ['listPrice', 20, '$20'], ['listPrice', 19.99, '$19.99'], ['costPart', 0.01234, '$0.0123'], ['billions', -4.78e9, '-$4.78B'],
  ] as const)('%s style: %s → %s', (style, x, text) => expect(usd(x, USD_STYLES[style])).toBe(text));

  it('never prints a rounding that belongs to the next step ("$1.000", "$100.00", "$1000.00")', () => {
    fc.assert(fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), (x) => {
      for (const style of Object.values(USD_STYLES)) expect(usd(x, style)).not.toMatch(/^\$(1\.000|100\.00|1000\.00?|1,000\.00?)$/);
    }));
  });

  it('usdPerMillionTokens names the kind of token: (2.5, "output") → "$2.50 per million output tokens"', () => {
    expect(usdPerMillionTokens(2.5, 'output')).toBe('$2.50 per million output tokens');
    expect(usdPerMillionTokens(0.3)).toBe('$0.300 per million tokens');
  });
});

describe('percentages', () => {
  it.each([[0.482, 0, '48%'], [0.0534, 1, '5.3%'], [0.145, 0, '14%'], [Number.NaN, 0, 'n/a']])('percent(%s, %s) → %s', (x, d, text) => expect(percent(x, d)).toBe(text));
  it.each([[0.12, 1, false, '+12.0%'], [-0.053, 1, false, '-5.3%'], [0, 1, false, '+0.0%'], [-0.0001, 1, false, '-0.0%'], [-0.0001, 1, true, '0.0%'], [0.46, 0, false, '+46%']])(
    'signedPercent(%s, %s, zeroUnsigned %s) → %s', (x, d, zeroUnsigned, text) => expect(signedPercent(x, d, zeroUnsigned)).toBe(text));
});

describe('counts and plain numbers', () => {
  it.each([
    [count(70272), '70,272'], [count(3.6), '4'], [count(-0.4), '0'], [fixed(1525.61, 1), '1,525.6'], [fixed(-0.001, 2), '0.00'], [upTo(2.5, 2), '2.5'], [upTo(117, 2), '117'],
    [upTo(0.6, 4, 2), '0.60'], [upTo(0.045, 4, 2), '0.045'], [upTo(3, 4, 2), '3.00'], [significant(1525.6), '1,526'], [significant(0.12857), '0.1286'], [significant(2.5), '2.5'],
    [ratio(2.1846), '2.18×'], [ratio(12.25, 1), '12.3×'],
  ])('%s is %s', (text, expected) => expect(text).toBe(expected));
});

describe('magnitudes', () => {
  it.each([
    [tokens(999), '999'], [tokens(1234), '1k'], [tokens(2.5e6), '2.5M'], [tokens(3.21e9), '3.21B'], [tokens(999.96e6), '1.00B'], [millionsOfTokens(2.5e6), '2.5M'], [millionsOfTokens(3.21e9), '3.21B'],
    [params(671.03e9), '671.0B'], [params(1.04e12), '1.04T'], [paramsPrecise(671.03e9), '671.0 B'], [paramsPrecise(8.03e9), '8.03 B'], [paramsPrecise(1.04e12), '1.040 T'],
    [gigabytes(84_123_456_789), '84.1 GB'], [gibibytes(151_397_597_184), '141.0 GiB'],
  ])('%s is %s', (text, expected) => expect(text).toBe(expected));
});

describe('times', () => {
  it.each([
    [milliseconds(0.0153, 1), '15.3 ms'], [milliseconds(4.3877), '4388 ms'], [seconds(0.734), '0.73 s'], [latency(0.0904), '90 ms'], [latency(12.34), '12.3 s'],
    [latency(null), '-'], [latency(Number.NaN), '-'], [latency(Number.POSITIVE_INFINITY), '∞'],
  ])('%s is %s', (text, expected) => expect(text).toBe(expected));
});
