/**
 * A quantity per token kind: the one shape for anything counted, priced or timed per kind of token
 * (tokens per request, GPU-seconds per token, USD per million, shares of a seat's tokens).
 *
 * The kinds: prompt tokens that are prefilled (`freshInput`), prompt tokens served from the prefix
 * cache (`cachedInput`), and generated tokens (`output`). Price lists keep their own field names
 * (`inputUsdPerMillion`, ... in scenario files, catalogs and `--json`); `usdPerMillionOf` in
 * economics/prices.ts reads one as a `PerTokenKind`.
 */

/** The token kinds, in the order every sum over them runs. */
export const TOKEN_KINDS = ['freshInput', 'cachedInput', 'output'] as const;

export type TokenKind = (typeof TOKEN_KINDS)[number];

/** One value of type `T` for each token kind. Example: `{ freshInput: 2500, cachedInput: 2500, output: 500 }` tokens per request. */
export type PerTokenKind<T = number> = { readonly [K in TokenKind]: T };

/** `f` applied to each kind's value. Example: `mapKinds({ freshInput: 1, cachedInput: 2, output: 3 }, (x) => 2 * x)` is 2 / 4 / 6. */
export function mapKinds<T, U>(a: PerTokenKind<T>, f: (value: T, kind: TokenKind) => U): PerTokenKind<U> {
  return { freshInput: f(a.freshInput, 'freshInput'), cachedInput: f(a.cachedInput, 'cachedInput'), output: f(a.output, 'output') };
}

/** Each kind times `k`. Example: GPU-seconds per token times USD per busy GPU-second is USD per token. */
export function scaleKinds(a: PerTokenKind, k: number): PerTokenKind {
  return { freshInput: a.freshInput * k, cachedInput: a.cachedInput * k, output: a.output * k };
}

/** The sum kind by kind. Example: serving cost per token plus amortized fixed cost per token. */
export function addKinds(a: PerTokenKind, b: PerTokenKind): PerTokenKind {
  return { freshInput: a.freshInput + b.freshInput, cachedInput: a.cachedInput + b.cachedInput, output: a.output + b.output };
}

/**
 * The sum over kinds of `a` times `b`, fresh input first, then cached, then output.
 * Example: tokens per request · GPU-seconds per token = GPU-seconds per request;
 * `dotKinds({ freshInput: 1000, cachedInput: 0, output: 500 }, { freshInput: 0.5, cachedInput: 0.05, output: 2.5 })` is 1750.
 */
export function dotKinds(a: PerTokenKind, b: PerTokenKind): number {
  return a.freshInput * b.freshInput + a.cachedInput * b.cachedInput + a.output * b.output;
}
