import * as v from 'valibot';
import { formatIssues } from '../problems.js';
import { parseScenario, parseYamlText, ScenarioError } from '../scenario/index.js';
import type { ScenarioOptionInput } from '../scenario/schema.js';
import { describeDistribution, support, type Distribution } from './distribution.js';
import { describeDomain, inDomain, type UncertainInputName } from './inputs.js';
import { UncertaintyFileSchema } from './schema.js';

/** One input that varies, as the file gives it. */
export interface UncertainInput {
  readonly name: UncertainInputName;
  readonly distribution: Distribution;
  /** Where the distribution came from (printed with the assumptions). */
  readonly source?: string;
}

/** A validated uncertainty file. */
export interface UncertaintyScenario {
  readonly title?: string;
  readonly description?: string;
  readonly base: ScenarioOptionInput;
  readonly uncertain: readonly UncertainInput[];
  readonly samples?: number;
  readonly seed?: number;
  readonly surrogate?: { readonly pointsPerDimension?: number };
}

/** The base option's problems, found by validating it as a one-option scenario, with `base` for its path. */
function baseProblems(base: unknown): string[] {
  if (base === undefined) return ['base: expected a scenario option {model, gpu, gpus, ...}, received nothing'];
  try {
    parseScenario({ options: [base] }, 'base');
    return [];
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    return e.problems.map((p) => p.replace(/^options\[0\]\.?/, 'base.').replace(/^base\.:/, 'base:'));
  }
}

/** Each distribution must stay inside its input's values, and each input may be named once. */
function inputProblems(inputs: readonly UncertainInput[]): string[] {
  const problems: string[] = [];
  inputs.forEach((input, i) => {
    const first = inputs.findIndex((x) => x.name === input.name);
    if (first !== i) problems.push(`uncertain[${i}].name: ${input.name} is already uncertain[${first}]`);
    const { low, high } = support(input.distribution);
    for (const x of [low, high]) {
      if (inDomain(input.name, x)) continue;
      problems.push(`uncertain[${i}].distribution: ${input.name} takes values in ${describeDomain(input.name)}, but ${describeDistribution(input.distribution)} reaches ${x}`);
      break;
    }
  });
  return problems;
}

/**
 * Validates a parsed uncertainty file, reporting every problem at once with its path: the base
 * option's (as `parseScenario` finds them), each distribution's, and each input outside the values
 * its name accepts (a normal distribution is checked at its 1e-9 tails). Unknown input names list
 * the known ones.
 * @throws ScenarioError with all the problems
 */
export function parseUncertainty(raw: unknown, fileName: string): UncertaintyScenario {
  const result = v.safeParse(UncertaintyFileSchema, raw, { abortEarly: false });
  const base = typeof raw === 'object' && raw !== null ? (raw as { base?: unknown }).base : undefined;
  const problems = [...(result.success ? [] : formatIssues(result.issues)), ...baseProblems(base)];
  if (result.success) problems.push(...inputProblems(result.output.uncertain));
  if (!result.success || problems.length > 0) throw new ScenarioError(fileName, problems);
  const { base: _raw, $schema: _schema, ...rest } = result.output;
  return { ...rest, base: parseScenario({ options: [base] }, fileName).options[0] as ScenarioOptionInput };
}

/** Parses uncertainty-file text, YAML or JSON (JSON is YAML), then validates it. */
export function parseUncertaintyText(text: string, fileName: string): UncertaintyScenario {
  return parseUncertainty(parseYamlText(text, fileName), fileName);
}
