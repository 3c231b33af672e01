import { parseScenario, ScenarioError } from '../../../src/core/scenario/parseScenario.js';
import type { AppState } from '../compute/computeView.js';
import { problemsByField, type FieldProblems } from '../compute/fieldProblems.js';

/**
 * The scenario checks of the editor's state, run on the page's thread before the first request
 * reaches a worker: the same `parseScenario` the worker's `computeView` runs first, so a link
 * with an out-of-range field (`gpus: 100000`) is answered by its field at once instead of after
 * the worker has loaded. A pasted config.json stands in as the model, as in `computeView`.
 * Returns the problems by field, or null when the scenario parses (the worker does the rest).
 */
export function earlyProblems(state: AppState): FieldProblems | null {
  const option = state.configJson === null ? state.option : { ...state.option, model: 'pasted/config.json' };
  try {
    parseScenario({ options: [option] }, 'scenario');
    return null;
  } catch (e) {
    if (e instanceof ScenarioError) return problemsByField(e.problems);
    return null;
  }
}
