import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../errors.js';
import { ScenarioSchema, type ScenarioInput } from './schema.js';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { ALL_MODELS } from '../catalog/models.js';

/** A scenario with problems: every one of them, each with its path, what was expected and what was received. */
export class ScenarioError extends InputError {
  constructor(readonly fileName: string, readonly problems: readonly string[]) {
    super('scenario', fileName, 'a valid scenario', `${fileName}: ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.join('\n  ')}`);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** One line per issue: `options[0].prices.inputUsdPerMillion: expected a number >= 0, received -1`. */
export function formatScenarioIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    // A union reports why each branch failed; the deepest branch issues say more than "invalid type".
    const nested = issue.issues;
    if (issue.type === 'union' && nested !== undefined && nested.length > 0) {
      const deepest = nested.filter((n) => (n.path?.length ?? 0) === Math.max(...nested.map((m) => m.path?.length ?? 0)));
      const own = (issue.path?.length ?? 0);
      if (deepest.some((n) => (n.path?.length ?? 0) > own)) {
        lines.push(...formatScenarioIssues(deepest));
        continue;
      }
    }
    const path = (issue.path ?? []).map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`)).join('').replace(/^\./, '') || '(root)';
    if (issue.type === 'strict_object' && issue.received !== undefined && issue.path !== undefined) {
      lines.push(`${path}: unknown field (misspelled?)`);
      continue;
    }
    const expected = /^(a|an|one of|the|at least|typed|\{)/.test(issue.message) ? issue.message : issue.expected ?? issue.message;
    lines.push(`${path}: expected ${expected}, received ${describe(issue.input)}`);
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
      if (typeof value !== 'string' || /[\\/]|\.json$/i.test(value)) return;
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
  const result = v.safeParse(ScenarioSchema, raw, { abortEarly: false });
  const ids = unknownIds(raw);
  if (result.success && ids.length === 0) return result.output;
  throw new ScenarioError(fileName, [...(result.success ? [] : formatScenarioIssues(result.issues)), ...ids]);
}

/** Parses scenario text, YAML or JSON (JSON is YAML), then validates it. */
export function parseScenarioText(text: string, fileName: string): ScenarioInput {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ScenarioError(fileName, [`not valid YAML or JSON: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`]);
  }
  return parseScenario(raw, fileName);
}
