/** Problems of a state, by field path (`prices.inputUsdPerMillion`), for messages next to the fields. */
export type FieldProblems = Readonly<Record<string, string>>;

/** Splits `options[0].prices.x: message` into `prices.x` → `message`; other problems go under `(general)`. */
export function problemsByField(problems: readonly string[]): FieldProblems {
  const out: Record<string, string> = {};
  for (const p of problems) {
    const m = /^options\[0\]\.?([^:]*): (.*)$/.exec(p);
    const key = m?.[1] || '(general)';
    const text = m?.[2] ?? p;
    out[key] = out[key] === undefined ? text : `${out[key]}; ${text}`;
  }
  return out;
}
