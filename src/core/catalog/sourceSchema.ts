import * as v from 'valibot';

export const SourceRefSchema = v.object({
  url: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.optional(v.string()),
});

export { nonNegativeInt, positive, positiveInt } from '../numberSchemas.js';

/** Formats valibot issues as one line each: `path: expected X, received Y`. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = v.getDotPath(issue) ?? '(root)';
    return `${path}: ${issue.message}`;
  });
}

/** Parses `data` with `schema` or throws one Error listing every problem, prefixed with `what`. */
export function parseOrThrow<S extends v.GenericSchema>(schema: S, data: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (result.success) return result.output;
  throw new Error(`${what} is invalid:\n  ${formatIssues(result.issues).join('\n  ')}`);
}
