import type * as v from 'valibot';
import { quoteForMessage } from './errors.js';

/**
 * The one formatter of input problems (scenario files, uncertainty files, validation cases, catalogs,
 * profiles, links, CLI flags and the web's panels): a line per problem, `path: expected X, received
 * Y`, the path as written in the input (`options[0].prices.inputUsdPerMillion`), the value as a
 * reader recognises it.
 */

/** A received value for a message: JSON, `Infinity`/`NaN` by name, control characters escaped, cut to 40 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return quoteForMessage(JSON.stringify(value) ?? String(value), 40);
}

/** `options[0].prices` from a valibot issue path; `root` (default `(root)`) at the root. */
export function issuePath(issue: v.BaseIssue<unknown>, root = '(root)'): string {
  return (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || root;
}

/**
 * One problem: `gpus: expected a whole number from 1 to 65,536, received 0`; no path and colon when
 * `path` is empty. The line every problem below is written as, and the one a web panel shows.
 */
export function problemLine(path: string, expected: string, received: unknown): string {
  return `${path === '' ? '' : `${path}: `}expected ${expected}, received ${describeValue(received)}`;
}

/** How a caller's lines differ from the default: the root's path, a missing field's words. */
export interface ProblemFormat {
  /** The path of a problem at the root of the input: `(root)` by default; `''` prints none. */
  readonly root?: string;
  /** What a missing field's line says after its path: `missing (the field is required)` by default. */
  readonly missing?: string;
}

/** Whether a schema message reads as what was expected ("a number >= 0"), not a bare type name. */
const READS_AS_EXPECTED = /^(a|an|one of|the|at least|at most|typed|true|null|24|"|\{)/;

/** What valibot's own message of a check (`Invalid length: Expected >=1 but received 0`) expected, in words. */
const DEFAULT_EXPECTED: Readonly<Record<string, (expected: string) => string>> = {
  min_length: (e) => `a length ${e}`, max_length: (e) => `a length ${e}`, length: (e) => `a length ${e}`, non_empty: () => 'a length >= 1',
  regex: (e) => `text matching ${e}`, integer: () => 'a whole number',
};

/** What a schema with valibot's own message expected: `one of "a", "b"` for a choice, else `a value of type string`. */
function schemaExpected(issue: v.BaseIssue<unknown>): string {
  const expected = issue.expected ?? 'unknown';
  const choice = /^\((.*)\)$/.exec(expected);
  return (issue.type === 'picklist' || issue.type === 'enum') && choice !== null ? `one of ${(choice[1] ?? '').split(' | ').join(', ')}` : `a value of type ${expected}`;
}

/**
 * A problem's line from its message. A message that reads as what was expected (`a number >= 0`)
 * becomes `expected ..., received ...`; valibot's own messages (`Invalid type: ...`) are put in
 * those words; any other message is a sentence of its own (`unknown model id x: not in the model
 * catalog`) and is kept whole, with the value after it unless it already names it.
 */
function lineOf(path: string, issue: v.BaseIssue<unknown>, received: unknown): string {
  const { message } = issue;
  if (READS_AS_EXPECTED.test(message)) return problemLine(path, message, received);
  if (message.startsWith('Invalid ')) {
    const expected = issue.kind === 'schema' ? schemaExpected(issue)
      : (DEFAULT_EXPECTED[issue.type] ?? ((e) => `a value ${e}`))(issue.expected ?? `passing ${issue.type}`);
    return problemLine(path, expected, received);
  }
  const value = describeValue(received);
  const named = message.includes(typeof received === 'string' && received !== '' ? received : value);
  return `${path === '' ? '' : `${path}: `}${message}${named ? '' : `, received ${value}`}`;
}

/**
 * One line per issue: `options[0].prices.inputUsdPerMillion: expected a number >= 0, received -1`.
 * A missing field, an unknown field and an object of the wrong type each get their own words; a
 * union's deepest branch speaks for it; a forwarded check names the field's own value.
 */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[], format: ProblemFormat = {}): string[] {
  const { root = '(root)', missing = 'missing (the field is required)' } = format;
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
        lines.push(...formatIssues(absolute.filter((n) => depth(n) === deepest), format));
        continue;
      }
    }
    const path = issuePath(issue, root);
    const at = path === '' ? '' : `${path}: `;
    // valibot reports a missing key, an unknown key and a value of the wrong type all as object issues.
    if (issue.kind === 'schema' && issue.received === 'undefined' && issue.input === undefined) {
      lines.push(`${at}${missing}`);
      continue;
    }
    const isObject = issue.type === 'strict_object' || issue.type === 'object' || issue.type === 'loose_object';
    if (isObject && issue.expected === 'never') {
      lines.push(`${at}unknown field (misspelled?)`);
      continue;
    }
    if (isObject && !READS_AS_EXPECTED.test(issue.message)) {
      lines.push(problemLine(path, 'an object {field: value, ...}', issue.input));
      continue;
    }
    // A forwarded check carries the whole object as its input; the field's own value says more.
    const received = issue.type === 'partial_check' ? issue.path?.at(-1)?.value : issue.input;
    lines.push(lineOf(path, issue, received));
  }
  return [...new Set(lines)];
}
