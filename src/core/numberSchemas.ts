import * as v from 'valibot';
import { LIMITS, type LimitName } from './limits.js';

// The number schemas every input shares: scenario files, uncertainty files, catalogs, CLI flags
// (through scenario and limits) and the web's link and panels. Each carries the whole "expected
// ..." text of its problem, range included, so a wrong type, NaN, Infinity (YAML .inf, .nan) and a
// value out of range all read alike: `options[0].gpus: expected a whole number from 1 to 65,536,
// received 1000000000000`.

const fmt = (x: number) => x.toLocaleString('en-US');

/** A finite number; `expected` names it in a problem. */
export const finiteNumber = (expected = 'a finite number') => v.pipe(v.number(expected), v.check((x) => Number.isFinite(x), expected));

/** A finite number above zero. */
export const positive = v.pipe(v.number('a number > 0'), v.check((x) => Number.isFinite(x) && x > 0, 'a number > 0'));

/** A whole number of at least 1, and of at least 0. */
export const positiveInt = v.pipe(v.number('a whole number >= 1'), v.check((x) => Number.isInteger(x) && x >= 1, 'a whole number >= 1'));
export const nonNegativeInt = v.pipe(v.number('a whole number >= 0'), v.check((x) => Number.isInteger(x) && x >= 0, 'a whole number >= 0'));

/** A share: a number from 0 to 1, both included. */
export const fraction = v.pipe(v.number('a number from 0 to 1'), v.check((x) => x >= 0 && x <= 1, 'a number from 0 to 1'));

/** A finite number in the named range of LIMITS; `low`: '>=' includes the minimum, '>' excludes it. */
export const inRange = (name: LimitName, low: '>=' | '>' = '>=') => {
  const { min, max } = LIMITS[name];
  const expected = low === '>=' ? `a number from ${fmt(min)} to ${fmt(max)}` : `a number > ${fmt(min)} and at most ${fmt(max)}`;
  return v.pipe(v.number(expected), v.check((x) => Number.isFinite(x) && (low === '>=' ? x >= min : x > min) && x <= max, expected));
};

/** A whole number in the named range of LIMITS. */
export const wholeIn = (name: LimitName) => {
  const { min, max } = LIMITS[name];
  const expected = `a whole number from ${fmt(min)} to ${fmt(max)}`;
  return v.pipe(v.number(expected), v.check((x) => Number.isInteger(x) && x >= min && x <= max, expected));
};

/** A non-empty string: an id, a path, a label. */
export const text = (expected: string) => v.pipe(v.string(expected), v.check((x) => x.trim() !== '', expected));

/** A finite number of at least zero. */
export const nonNegative = v.pipe(v.number('a number >= 0'), v.check((x) => Number.isFinite(x) && x >= 0, 'a number >= 0'));
