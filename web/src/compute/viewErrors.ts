import { ScenarioError } from '../../../src/core/scenario/index.js';

/** A failed computation in one line for its view: a scenario's problems joined, else the error's message. */
export function computeErrorMessage(e: unknown): string {
  if (e instanceof ScenarioError) return e.problems.join('; ');
  return e instanceof Error ? e.message : String(e);
}
