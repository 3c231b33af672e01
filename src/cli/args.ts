import type { ArgsDef } from 'citty';
import { InputError, quoteForMessage } from '../core/errors.js';
import { LIMITS, type LimitName } from '../core/limits.js';
import { count } from '../format/numbers.js';

/** Parses a whole number in [min, max] from a flag's text, or throws an InputError naming the flag and the range. */
export function parseInteger(flag: string, raw: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const text = String(raw);
  if (typeof raw !== 'string' || !/^[+-]?\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max || !Number.isSafeInteger(Number(text))) {
    throw new InputError(flag, raw === true || text === '' ? '(no value)' : quoteForMessage(text, 40),
      max === Number.MAX_SAFE_INTEGER ? `a whole number >= ${min}` : `a whole number from ${count(min)} to ${count(max)}`);
  }
  return Number(text);
}

/** parseInteger with the range of one of LIMITS. */
export function parseLimited(flag: string, raw: unknown, limit: LimitName): number {
  return parseInteger(flag, raw, LIMITS[limit].min, LIMITS[limit].max);
}

/** A decimal number as people type it: `12`, `-0.5`, `.5`, `2e25`; never hex, binary or `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a flag's text spells in decimal, or NaN (`0x10`, `1,5`, `Infinity` and `''` are NaN). */
export function decimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

/** Parses a finite number in [min, max] from a flag's text. */
export function parseNumber(flag: string, raw: unknown, min: number, max: number): number {
  const text = String(raw);
  const n = decimal(text);
  if (typeof raw !== 'string' || text.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new InputError(flag, raw === true ? '(no value)' : quoteForMessage(text, 40), `a number from ${min} to ${max}`);
  }
  return n;
}

export function optionalInteger(flag: string, raw: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number | undefined {
  return raw === undefined ? undefined : parseInteger(flag, raw, min, max);
}

/** A string flag's value; a flag given without a value is an error rather than `true`. */
export function requireString(flag: string, raw: unknown, allowed: string): string {
  if (typeof raw !== 'string' || raw === '') throw new InputError(flag, raw === undefined ? '(missing)' : '(no value)', allowed);
  return raw;
}

function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Rejects flags the command does not define, so a typo never silently falls back to a default. */
export function rejectUnknownFlags(rawArgs: readonly string[], defs: ArgsDef): void {
  const known = new Set<string>(['help', 'h']);
  for (const [name, def] of Object.entries(defs)) {
    known.add(name);
    known.add(kebab(name));
    const alias = 'alias' in def ? def.alias : undefined;
    for (const a of typeof alias === 'string' ? [alias] : (alias ?? [])) known.add(a);
  }
  for (const raw of rawArgs) {
    const m = /^--?(?:no-)?([^=]+)/.exec(raw);
    if (m === null || /^-\d/.test(raw)) continue;
    const name = m[1] ?? '';
    if (!known.has(name)) {
      const flags = Object.entries(defs).filter(([, d]) => d.type !== 'positional').map(([n]) => `--${kebab(n)}`);
      throw new InputError('flag', raw, `one of ${flags.join(', ')}`, `unknown flag: ${raw}; expected one of ${flags.join(', ')}`);
    }
  }
}
