import type { ArgsDef } from 'citty';
import { InputError, quoteForMessage } from '../core/errors.js';
import { LIMITS, type LimitName } from '../core/limits.js';
import { decimal, numberFromText, numberIn, wholeNumberIn, type NumberSchema } from '../core/numberSchemas.js';

export { decimal };

/**
 * The number a flag's text spells in decimal (see {@link decimal}), checked by one of the shared
 * number schemas, so a flag and the same field of a scenario file say the same "expected ...":
 * `invalid --gpus: 1.5; expected a whole number from 1 to 65,536`. `note` follows the expected text
 * in brackets (`FLOP, e.g. 2e25`). The value, or the InputError naming the flag, the text (`(no
 * value)` for a flag given bare) and what the schema allows.
 */
export function flagNumber(flag: string, raw: unknown, schema: NumberSchema, note?: string): { ok: true; value: number } | { ok: false; error: InputError } {
  const r = numberFromText(schema, typeof raw === 'string' ? raw : '');
  if (r.ok) return r; // a bare flag reads as '', which no number schema accepts
  const value = typeof raw !== 'string' || raw.trim() === '' ? '(no value)' : quoteForMessage(raw, 40);
  return { ok: false, error: new InputError(flag, value, note === undefined ? r.expected : `${r.expected} (${note})`) };
}

/** flagNumber's value, or its InputError thrown. */
export function parseFlagNumber(flag: string, raw: unknown, schema: NumberSchema, note?: string): number {
  const r = flagNumber(flag, raw, schema, note);
  if (r.ok) return r.value;
  throw r.error;
}

/** Parses a whole number in [min, max] from a flag's text, or throws an InputError naming the flag and the range. */
export function parseInteger(flag: string, raw: unknown, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  return parseFlagNumber(flag, raw, wholeNumberIn(min, max));
}

/** parseInteger with the range of one of LIMITS. */
export function parseLimited(flag: string, raw: unknown, limit: LimitName): number {
  return parseInteger(flag, raw, LIMITS[limit].min, LIMITS[limit].max);
}

/** Parses a finite number in [min, max] from a flag's text. */
export function parseNumber(flag: string, raw: unknown, min: number, max: number): number {
  return parseFlagNumber(flag, raw, numberIn(min, max));
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
