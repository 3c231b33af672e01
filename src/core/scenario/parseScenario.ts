import * as v from 'valibot';
import { parseDocument } from 'yaml';
import { InputError, quoteForMessage } from '../errors.js';
import { formatIssues } from '../problems.js';
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

export { describeValue } from '../problems.js';

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
  throw new ScenarioError(fileName, [...(result.success ? [] : formatIssues(result.issues)), ...ids]);
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
