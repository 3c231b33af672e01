import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { InputError, quoteForMessage } from '../errors.js';
import { LIMITS } from '../limits.js';
import { ScenarioSchema, type ScenarioInput } from './schema.js';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { ALL_MODELS } from '../catalog/models.js';

/** A scenario with problems: every one of them, each with its path, what was expected and what was received. */
export class ScenarioError extends InputError {
  constructor(readonly fileName: string, readonly problems: readonly string[]) {
    // One problem is one line; several are a count, then one line each.
    super('scenario', fileName, 'a valid scenario', problems.length === 1 ? `${fileName}: ${problems[0]}` : `${fileName}: ${problems.length} problems:\n  ${problems.join('\n  ')}`);
  }
}

/** A received value for a message: JSON, `Infinity`/`NaN` by name, control characters escaped, cut to 40 characters. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return quoteForMessage(JSON.stringify(value) ?? String(value), 40);
}

/** One line per issue: `options[0].prices.inputUsdPerMillion: expected a number >= 0, received -1`. */
export function formatScenarioIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
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
        lines.push(...formatScenarioIssues(absolute.filter((n) => depth(n) === deepest)));
        continue;
      }
    }
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || '(root)';
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
    const expected = /^(a|an|one of|the|at least|at most|typed|true|24|"|\{)/.test(issue.message) ? issue.message : `a value of type ${issue.expected ?? 'unknown'}`;
    lines.push(`${path}: expected ${expected}, received ${describeValue(issue.input)}`);
  }
  return [...new Set(lines)];
}

/**
 * Catalog ids a raw scenario names that no catalog knows, found even when the rest of the file
 * has problems, so one run reports them all (config.json paths are checked when read).
 */
function unknownIds(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null) return [];
  const r = raw as { defaults?: unknown; options?: unknown };
  const entries: [string, unknown][] = [['defaults', r.defaults], ...(Array.isArray(r.options) ? r.options.map((o, i): [string, unknown] => [`options[${i}]`, o]) : [])];
  const problems: string[] = [];
  for (const [path, entry] of entries) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { model, gpu } = entry as { model?: unknown; gpu?: unknown };
    const check = (field: string, value: unknown, items: readonly { id: string; aliases?: readonly string[] }[]) => {
      if (typeof value !== 'string' || value.trim() === '' || /[\\/]|\.json$/i.test(value)) return;
      try {
        findById(field, value, items);
      } catch (e) {
        if (e instanceof InputError) problems.push(`${path}.${field}: ${e.message}`);
        else throw e;
      }
    };
    check('model', model, ALL_MODELS);
    check('gpu', gpu, ACCELERATORS);
  }
  return problems;
}

/** Validates a parsed scenario object, reporting every problem at once (schema and unknown ids). */
export function parseScenario(raw: unknown, fileName: string): ScenarioInput {
  // A huge list is refused before every option of it is checked (a 6 MB file of 100,000 options).
  const options = typeof raw === 'object' && raw !== null ? (raw as { options?: unknown }).options : undefined;
  if (Array.isArray(options) && options.length > LIMITS.scenarioOptions.max) {
    throw new ScenarioError(fileName, [`options: expected at most ${LIMITS.scenarioOptions.max.toLocaleString('en-US')} options, received a list of ${options.length.toLocaleString('en-US')}`]);
  }
  const result = v.safeParse(ScenarioSchema, raw, { abortEarly: false });
  const ids = unknownIds(raw);
  if (result.success && ids.length === 0) return result.output;
  throw new ScenarioError(fileName, [...(result.success ? [] : formatScenarioIssues(result.issues)), ...ids]);
}

/**
 * Parses YAML or JSON text (JSON is YAML) strictly: a syntax error, a duplicate key or a tag the
 * YAML core schema does not know (`!!python/object`) is a problem, never a warning printed by the
 * library. Throws a ScenarioError naming the file and the first problem's line.
 */
export function parseYamlText(text: string, fileName: string): unknown {
  // JSON (a subset of YAML) is read by the much faster JSON parser; anything it rejects goes to YAML.
  if (/^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // not strict JSON: YAML's parser reports the problem, or reads the flow-style YAML
    }
  }
  const doc = parseDocument(text, { logLevel: 'silent', prettyErrors: true, uniqueKeys: true });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) {
    const line = problem.linePos?.[0]?.line;
    const first = problem.message.split('\n')[0] ?? '';
    throw new ScenarioError(fileName, [`not valid YAML or JSON${line === undefined ? '' : ` (line ${line})`}: ${quoteForMessage(first.replace(/ at line \d+, column \d+:?$/, ''), 160)}`]);
  }
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new ScenarioError(fileName, [`not valid YAML or JSON: ${quoteForMessage(e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e), 160)}`]);
  }
}

/** Parses scenario text, YAML or JSON (JSON is YAML), then validates it. */
export function parseScenarioText(text: string, fileName: string): ScenarioInput {
  return parseScenario(parseYamlText(text, fileName), fileName);
}
