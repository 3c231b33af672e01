import defaultScenarioData from './defaultScenario.json' with { type: 'json' };
import { parseScenario } from './parseScenario.js';
import { merge, resolveScenario, type ResolvedOption } from './resolveScenario.js';
import type { ScenarioInput, ScenarioOptionInput } from './schema.js';

/** The built-in default scenario (`inferonomics report` with no argument), validated like any file. */
export const DEFAULT_SCENARIO: ScenarioInput = parseScenario(defaultScenarioData, 'built-in default scenario');

/**
 * Where the default scenario keeps the options other surfaces start from: the headline question
 * (Kimi K2.5 on 16 rented H200, the web editor's first state) and the frontier 2T/100B model on 32
 * rented B200 (what `lab`, `subscription` and `uncertainty` cost tokens with, in the CLI and the web).
 */
export const DEFAULT_OPTION_INDEX = { headline: 0, frontierOnB200: 3 } as const;

/** Option `i` of a scenario with the scenario's defaults merged under it, as the resolver sees it. */
export function scenarioOption(scenario: ScenarioInput, i: number): ScenarioOptionInput {
  const option = scenario.options[i];
  if (option === undefined) throw new Error(`the scenario has no option ${i + 1} (it has ${scenario.options.length})`);
  return merge(scenario.defaults, option);
}

/** The default scenario's frontier-on-B200 option, resolved: the serving cost `lab`, `subscription` and the web's business view start from. */
export function defaultFrontierOption(): ResolvedOption {
  const option = resolveScenario(DEFAULT_SCENARIO, 'built-in default scenario')[DEFAULT_OPTION_INDEX.frontierOnB200];
  if (option === undefined) throw new Error(`the built-in scenario has no option ${DEFAULT_OPTION_INDEX.frontierOnB200 + 1} (the frontier model on B200)`);
  return option;
}
