import { InputError } from '../errors.js';
import { decimal } from '../numberSchemas.js';
import { problemLine } from '../problems.js';
import { ScenarioError } from './parseScenario.js';

/** The scenario field behind each flag the physics names in its errors (`--tp` is `layout.tp`). */
const FIELD_OF_FLAG: Readonly<Record<string, string>> = {
  '--tp': 'layout.tp', '--pp': 'layout.pp', '--ep': 'layout.ep', '--dp-attention': 'layout.dpAttention: true', '--gpus': 'gpus',
};

/** A physics message in scenario terms: every CLI flag replaced by its field. */
function inScenarioTerms(text: string): string {
  return text.replace(/--(tp|pp|ep|dp-attention|gpus)\b/g, (flag) => FIELD_OF_FLAG[flag] ?? flag);
}

/**
 * One problem line of option `i` from an InputError the physics raised, named by the option's
 * file path and written as any input's problem (problems.problemLine): `invalid --ep: 2; expected
 * 1 (llama-3.1-8b has no experts)` becomes `options[0].layout.ep: expected 1 (llama-3.1-8b has no
 * experts), received 2`. An error in its own words keeps them, after the path.
 */
export function optionProblem(i: number, e: InputError): string {
  const at = `options[${i}]`;
  const field = FIELD_OF_FLAG[e.field]?.replace(/:.*/, '') ?? (e.field.startsWith('--') ? null : e.field);
  const ownWords = e.message !== `invalid ${e.field}: ${e.value}; expected ${e.allowed}`;
  if (!ownWords && field !== null) {
    // The value came from the file: a number there is shown as one (`2`, not `"2"`).
    const number = decimal(e.value);
    return problemLine(`${at}.${field}`, inScenarioTerms(e.allowed), Number.isNaN(number) ? e.value : number);
  }
  return `${at}${field === null ? '' : `.${field}`}: ${inScenarioTerms(e.message)}`;
}

/**
 * Runs `f` on every option of a scenario file, collecting the input problems of all of them
 * (a layout that does not divide, a model that does not fit) into one ScenarioError naming
 * each by its path in the file, never by a CLI flag.
 */
export function runEach<O, R>(options: readonly O[], fileName: string, f: (option: O, i: number) => R): R[] {
  const problems: string[] = [];
  const out: R[] = [];
  options.forEach((o, i) => {
    try {
      out.push(f(o, i));
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      problems.push(e instanceof ScenarioError ? `${e.problems.join('; ')}` : optionProblem(i, e));
    }
  });
  if (problems.length > 0) throw new ScenarioError(fileName, problems);
  return out;
}
