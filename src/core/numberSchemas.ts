import * as v from 'valibot';
import { LIMITS, type LimitName } from './limits.js';

// The number schemas every input shares: scenario files, uncertainty files, catalogs, CLI flags
// (src/cli/args.ts) and the web's link and panels (web/src/state/panelNumbers.ts). Each carries the
// whole "expected ..." text of its problem, range included, so a wrong type, NaN, Infinity (YAML
// .inf, .nan) and a value out of range all read alike, in a file and on a flag:
// `options[0].gpus: expected a whole number from 1 to 65,536, received 1000000000000` and
// `invalid --gpus: 1000000000000; expected a whole number from 1 to 65,536`.

/** A number schema: what each factory below returns. */
export type NumberSchema = v.GenericSchema<number, number>;

/**
 * A bound as people read it, every digit kept: `65,536`, `0.01`, `-9,007,199,254,740,991`; a round
 * bound of 1e12 or more, or under 1e-4, in powers of ten as flags are typed: `1e15`, `6.4e13`, `1e-6`.
 */
const fmt = (x: number) => {
  const a = Math.abs(x);
  const round = Number(x.toExponential(2)) === x;
  return round && a !== 0 && (a >= 1e12 || a < 1e-4) ? x.toExponential().replace('e+', 'e') : x.toLocaleString('en-US', { maximumFractionDigits: 20 });
};

/** A schema whose every failure (type, NaN, Infinity, range) reads `expected`. */
const numberWhere = (expected: string, ok: (x: number) => boolean) => v.pipe(v.number(expected), v.check(ok, expected));

/**
 * A finite number in [min, max]; `low: '>'` leaves the minimum out. The expected text says the
 * range: `a number from 0 to 1`, `a number > 0 and at most 100,000`, `a number >= 0` (no maximum),
 * `a number > 0`.
 */
export function numberIn(min: number, max = Infinity, low: '>=' | '>' = '>='): NumberSchema {
  const expected = max === Infinity ? `a number ${low} ${fmt(min)}`
    : low === '>=' ? `a number from ${fmt(min)} to ${fmt(max)}` : `a number > ${fmt(min)} and at most ${fmt(max)}`;
  return numberWhere(expected, (x) => Number.isFinite(x) && (low === '>=' ? x >= min : x > min) && x <= max);
}

/**
 * A whole number in [min, max]: `a whole number from 1 to 65,536`, or `a whole number >= 1` when
 * the maximum is the largest safe integer (the default) and the minimum is not negative.
 */
export function wholeNumberIn(min: number, max = Number.MAX_SAFE_INTEGER): NumberSchema {
  const expected = max === Number.MAX_SAFE_INTEGER && min >= 0 ? `a whole number >= ${fmt(min)}` : `a whole number from ${fmt(min)} to ${fmt(max)}`;
  return numberWhere(expected, (x) => Number.isSafeInteger(x) && x >= min && x <= max);
}

/** A finite number; `expected` names it in a problem. */
export const finiteNumber = (expected = 'a finite number') => numberWhere(expected, (x) => Number.isFinite(x));

/** A finite number above zero. */
export const positive = numberIn(0, Infinity, '>');

/** A finite number of at least zero. */
export const nonNegative = numberIn(0);

/** A whole number of at least 1, and of at least 0. */
export const positiveInt = wholeNumberIn(1);
export const nonNegativeInt = wholeNumberIn(0);

/** A share: a number from 0 to 1, both included. */
export const fraction = numberIn(0, 1);

/** A share above zero: a number > 0 and at most 1 (a utilization, an autoscaler's target). */
export const positiveFraction = numberIn(0, 1, '>');

/** A finite number in the named range of LIMITS; `low`: '>=' includes the minimum, '>' excludes it. */
export const inRange = (name: LimitName, low: '>=' | '>' = '>=') => numberIn(LIMITS[name].min, LIMITS[name].max, low);

/** A whole number in the named range of LIMITS. */
export const wholeIn = (name: LimitName) => wholeNumberIn(LIMITS[name].min, LIMITS[name].max);

/**
 * inRange for a field typed in a larger unit than LIMITS' SI one: the range divided by `unit`, so
 * a field in millions of tokens reads the same limit as one in tokens. Example:
 * inRangeIn('tokensPerSeatMonth', 1e6) is `a number from 1e-6 to 1,000,000,000`.
 */
export const inRangeIn = (name: LimitName, unit: number, low: '>=' | '>' = '>=') => numberIn(LIMITS[name].min / unit, LIMITS[name].max / unit, low);

/**
 * The whole "expected ..." text of a number schema, to quote it inside a larger choice: expectedText(wholeIn('accelerators'))
 * is `a whole number from 1 to 65,536`.
 */
export function expectedText(schema: NumberSchema): string {
  const r = v.safeParse(schema, Number.NaN);
  return r.success ? 'a number' : r.issues[0].message;
}

/** A non-empty string: an id, a path, a label. */
export const text = (expected: string) => v.pipe(v.string(expected), v.check((x) => x.trim() !== '', expected));

/** A decimal number as people type it: `12`, `-0.5`, `.5`, `2e25`; never hex, binary or `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * The number a typed text spells in decimal (spaces around it ignored), or NaN: `0x10`, `1,5`,
 * `Infinity` and `''` are NaN. Example: decimal(' 2e3 ') is 2000.
 */
export function decimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

/**
 * The number typed as `text` (a CLI flag, a web panel's field), read by {@link decimal} and checked
 * by `schema`: its value, or the schema's "expected ..." text, the same a scenario file's field of
 * that schema shows. Example: numberFromText(wholeIn('accelerators'), '1.5') is
 * `{ ok: false, expected: 'a whole number from 1 to 65,536' }`.
 */
export function numberFromText(schema: NumberSchema, text: string): { ok: true; value: number } | { ok: false; expected: string } {
  const r = v.safeParse(schema, decimal(text));
  return r.success ? { ok: true, value: r.output } : { ok: false, expected: r.issues[0].message };
}
