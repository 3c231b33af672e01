import { DEFAULT_OPTION_INDEX, DEFAULT_SCENARIO, scenarioOption } from '../../../src/core/scenario/index.js';
import type { AppState } from '../compute/computeView.js';

/**
 * The page's first scenario: the default scenario's headline option (Kimi K2.5 on rented H200s at
 * its providers' prices) with the scenario's defaults merged in, derived from
 * src/core/scenario/defaultScenario.json, never a hand copy. The label is left out: the editor
 * changes the setup, and the resolver names it from what is edited.
 */
export const DEFAULT_STATE: AppState = {
  option: withoutLabel(scenarioOption(DEFAULT_SCENARIO, DEFAULT_OPTION_INDEX.headline)),
  configJson: null,
};

function withoutLabel<T extends { readonly label?: string }>(option: T): Omit<T, 'label'> {
  const { label: _label, ...rest } = option;
  return rest;
}
