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

/**
 * Text from the user's input made safe for a one-line message: control characters (C0, DEL, C1,
 * line and paragraph separators) shown as `\xNN`/`\uNNNN` escapes so they cannot move the cursor or
 * retitle a terminal, and the text cut to `maxChars` with an ellipsis.
 * Example: quoteForMessage('a\x1b]0;pwned\x07b', 40) is `a\x1b]0;pwned\x07b` with the escapes shown.
 */
export function quoteForMessage(text: string, maxChars = 200): string {
  const cut = text.length > maxChars ? `${text.slice(0, maxChars - 3)}...` : text;
  return escapeControl(cut);
}

/** Escapes every control character but the newline (see quoteForMessage). */
export function escapeControl(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
