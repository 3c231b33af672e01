/**
 * An input the tool cannot use: names the field, the value received and what is allowed.
 * The CLI prints `message` on one line and exits non-zero; the web app shows it by the field.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    /** Where the bad value came from, e.g. `--tp`, `num_hidden_layers in config.json`. */
    readonly field: string,
    /** The value received, as text. */
    readonly value: string,
    /** What would have been accepted, e.g. `a whole number >= 1`. */
    readonly allowed: string,
    /** A sentence that replaces the default one when the problem needs more words. */
    detail?: string,
  ) {
    super(detail ?? `invalid ${field}: ${value}; expected ${allowed}`);
  }
}

/** Throws an InputError unless `value` is one of `allowed` (a string-literal union's members). */
export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(field, value, `one of ${allowed.join(', ')}`);
}
