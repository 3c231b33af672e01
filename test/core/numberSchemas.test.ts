import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { decimal, expectedText, fraction, inRange, inRangeIn, nonNegative, numberFromText, numberIn, positive, positiveFraction, positiveInt, wholeIn, wholeNumberIn } from '../../src/core/numberSchemas.js';

const expectedOf = (schema: v.GenericSchema, x: unknown) => {
  const r = v.safeParse(schema, x);
  return r.success ? null : r.issues[0].message;
};

describe('number schemas', () => {
  it.each([
    ['a number from 0 to 1', numberIn(0, 1)],
    ['a number > 0 and at most 100,000', numberIn(0, 100_000, '>')],
    ['a number from 1e-6 to 1,000,000,000', numberIn(1e-6, 1e9)],
    ['a number > 0 and at most 1e30', numberIn(0, 1e30, '>')],
    ['a number from 0 to 6.4e13', inRange('hostDramBytes')],
    ['a number from 0.01 to 1e12', numberIn(0.01, 1e12)],
    ['a number from 0 to 10,000,000', inRange('capexUsdPerGpu')],
    ['a number > 0', positive],
    ['a number >= 0', nonNegative],
    ['a number from 0 to 1', fraction],
    ['a number > 0 and at most 1', positiveFraction],
    ['a number from 1e-6 to 1,000,000,000', inRangeIn('tokensPerSeatMonth', 1e6)],
    ['a number > 0 and at most 1,000,000', inRangeIn('tokensPerMonth', 1e12, '>')],
    ['a number > 0 and at most 100,000', inRange('requestsPerSecond', '>')],
    ['a whole number from 1 to 65,536', wholeIn('accelerators')],
    ['a whole number from 2 to 9', wholeNumberIn(2, 9)],
    ['a whole number >= 1', positiveInt],
    ['a whole number from -9,007,199,254,740,991 to 9,007,199,254,740,991', wholeIn('seed')],
  ])('"%s" for a wrong type, NaN, Infinity and a value out of range', (expected, schema) => {
    for (const bad of ['1', Number.NaN, Infinity, -Infinity, -1e20]) expect(expectedOf(schema, bad)).toBe(expected);
    if (!/>=? [\d.]+$/.test(expected)) expect(expectedOf(schema, 1e40)).toBe(expected); // above a maximum
  });

  it('whole numbers refuse fractions and unsafe integers; ranges include their ends unless told', () => {
    expect(expectedOf(wholeIn('accelerators'), 1.5)).toBe('a whole number from 1 to 65,536');
    expect(expectedOf(positiveInt, 2 ** 60)).toBe('a whole number >= 1');
    expect(expectedOf(wholeIn('accelerators'), 65_536)).toBeNull();
    expect(expectedOf(numberIn(0, 1), 0)).toBeNull();
    expect(expectedOf(numberIn(0, 1, '>'), 0)).toBe('a number > 0 and at most 1');
  });
});

describe('expectedText', () => {
  it('is the text every failure of the schema reads, to quote inside a larger choice', () => {
    expect(expectedText(wholeIn('accelerators'))).toBe('a whole number from 1 to 65,536');
    expect(expectedText(positiveFraction)).toBe(expectedOf(positiveFraction, 2));
  });
});

describe('decimal and numberFromText', () => {
  it('reads decimal text only: no hex, binary, Infinity or decimal comma', () => {
    expect([' 12 ', '-0.5', '.5', '2e25', '+3'].map(decimal)).toEqual([12, -0.5, 0.5, 2e25, 3]);
    for (const t of ['0x10', '0b1', 'Infinity', '1,5', '', ' ', '1e', 'NaN']) expect(decimal(t), t).toBeNaN();
  });

  it('is the value, or the schema\'s expected text', () => {
    expect(numberFromText(wholeIn('accelerators'), '8')).toEqual({ ok: true, value: 8 });
    expect(numberFromText(wholeIn('accelerators'), '1.5')).toEqual({ ok: false, expected: 'a whole number from 1 to 65,536' });
    expect(numberFromText(fraction, 'half')).toEqual({ ok: false, expected: 'a number from 0 to 1' });
  });
});
