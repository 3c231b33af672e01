import type * as v from 'valibot';
import { quoteForMessage } from './errors.js';

/**
 * The one formatter of input problems (scenario files, uncertainty files, validation cases, catalogs,
 * profiles, links): a line per problem, `path: expected X, received Y`, the path as written in the
 * input (`options[0].prices.inputUsdPerMillion`), the value as a reader recognises it.
 */

/** A received value for a message: JSON, `Infinity`/`NaN` by name, control characters escaped, cut to 40 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return quoteForMessage(JSON.stringify(value) ?? String(value), 40);
}

/** `options[0].prices` from a valibot issue path; `(root)` at the root. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || '(root)';
}

/** Whether a schema message reads as what was expected ("a number >= 0"), not a bare type name. */
const READS_AS_EXPECTED = /^(a|an|one of|the|at least|at most|typed|true|24|"|\{)/;

/**
 * One line per issue: `options[0].prices.inputUsdPerMillion: expected a number >= 0, received -1`.
 * A missing field, an unknown field and an object of the wrong type each get their own words; a
 * union's deepest branch speaks for it; a forwarded check names the field's own value.
 */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    // A union reports why each branch failed, with paths relative to the union; a branch that got
    // past its first level (its `kind` matched) says more than "invalid type".
    const nested = issue.issues;
    if (issue.type === 'union' && nested !== undefined && nested.length > 0) {
      const own = issue.path ?? [];
      const absolute = nested.map((n) => {
        const p = n.path ?? [];
        const isAbsolute = p.length >= own.length && own.every((o, k) => p[k]?.key === o.key);
        return { ...n, path: isAbsolute ? p : [...own, ...p] } as v.BaseIssue<unknown>;
      });
      const depth = (n: v.BaseIssue<unknown>) => (n.path?.length ?? 0);
      const deepest = absolute.reduce((m, n) => Math.max(m, depth(n)), 0);
      if (deepest >= own.length + 2) {
        lines.push(...formatIssues(absolute.filter((n) => depth(n) === deepest)));
        continue;
      }
    }
    const path = issuePath(issue);
    // valibot reports a missing key, an unknown key and a value of the wrong type all as object issues.
    if (issue.kind === 'schema' && issue.received === 'undefined' && issue.input === undefined) {
      lines.push(`${path}: missing (the field is required)`);
      continue;
    }
    if ((issue.type === 'strict_object' || issue.type === 'object') && issue.expected === 'never') {
      lines.push(`${path}: unknown field (misspelled?)`);
      continue;
    }
    if (issue.type === 'strict_object' || issue.type === 'object') {
      lines.push(`${path}: expected an object {field: value, ...}, received ${describeValue(issue.input)}`);
      continue;
    }
    // A forwarded check carries the whole object as its input; the field's own value says more.
    const received = issue.type === 'partial_check' ? issue.path?.at(-1)?.value : issue.input;
    const expected = READS_AS_EXPECTED.test(issue.message) ? issue.message : `a value of type ${issue.expected ?? 'unknown'}`;
    lines.push(`${path}: expected ${expected}, received ${describeValue(received)}`);
  }
  return [...new Set(lines)];
}
