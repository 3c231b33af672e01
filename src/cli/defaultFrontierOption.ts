import { DEFAULT_SCENARIO, resolveScenario, type ResolvedOption } from '../core/scenario/index.js';

/** Where the report's default scenario keeps the frontier 2T/100B model on 32 rented B200. */
const FRONTIER_B200_OPTION_INDEX = 3;

/** The default scenario's frontier-on-B200 option: the serving cost `lab` and `subscription` start from. */
export function defaultFrontierOption(): ResolvedOption {
  const option = resolveScenario(DEFAULT_SCENARIO, 'built-in default scenario')[FRONTIER_B200_OPTION_INDEX];
  if (option === undefined) throw new Error(`the built-in scenario has no option ${FRONTIER_B200_OPTION_INDEX + 1} (the frontier model on B200)`);
  return option;
}
