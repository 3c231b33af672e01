import * as v from 'valibot';
import { text } from '../numberSchemas.js';
import { formatIssues } from '../problems.js';

export const SourceRefSchema = v.object({
  url: text('a non-empty URL'),
  date: v.pipe(v.string('a date YYYY-MM or YYYY-MM-DD'), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.optional(v.string('a string')),
}, 'an object {url, date, note?}');

export { nonNegativeInt, positive, positiveInt } from '../numberSchemas.js';

/**
 * Parses `data` with `schema` or throws one Error listing every problem, a line each in the words of
 * every other input (src/core/problems.ts), prefixed with `what`:
 * `price catalog is invalid:\n  snapshots[0].api[0].outputUsdPerMillion: expected a number > 0, received -1`.
 */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new Error(`${what} is invalid:\n  ${formatIssues(result.issues).join('\n  ')}`);
}
