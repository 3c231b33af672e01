import { runOption } from '../../../src/core/scenario/index.js';
import { sensitivity, type SensitivityRow } from '../../../src/core/scenario/sensitivity.js';
import { computeErrorMessage } from './viewErrors.js';
import { resolveEditorOption, type AppState } from './computeView.js';

/** The deployment sensitivity of the editor's option: the rows the CLI `report` prints under it. */
export interface SensitivityViewModel {
  /** What the rows move around: "Kimi K2.5 on 16 × h200". */
  readonly subject: string;
  readonly utilization: number;
  readonly rows: readonly SensitivityRow[];
}

/**
 * The editor's option run as the page runs it (`runOption` of the resolved option), then
 * `sensitivity` of that run: the same core call, on the same option, as `inferonomics report`
 * makes for each option of a scenario, so the margins here are the CLI's to the last digit.
 * Never throws for bad input: `{ error }` with the core's message instead.
 */
export function computeSensitivity(state: AppState, today: string): SensitivityViewModel | { readonly error: string } {
  try {
    const resolved = resolveEditorOption(state, today);
    const base = runOption(resolved);
    return { subject: `${resolved.model.name} on ${resolved.gpus} × ${resolved.gpu.id}`, utilization: resolved.utilization, rows: sensitivity(base) };
  } catch (e) {
    return { error: computeErrorMessage(e) };
  }
}
