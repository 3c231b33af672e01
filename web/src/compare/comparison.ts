import { DEFAULT_SCENARIO } from '../../../src/core/scenario/index.js';
import type { ScenarioOptionInput } from '../../../src/core/scenario/schema.js';
import type { ComparisonCostRow, ComparisonFrontierRow } from '../charts/types.js';
import type { AppState, ComputeResult, ViewModel } from '../compute/computeView.js';

/** One compared option: a scenario option and, when its model is a pasted config.json, that text. */
export type CompareEntry = Pick<AppState, 'option' | 'configJson'>;

/** The most options one comparison holds: ten colours, and ten runs of the model per edit. */
export const MAX_COMPARED = 10;

/**
 * The accelerators of the "same model on other hardware" preset: H200, B200 and MI300X, the
 * three with a rental price in the catalog (MI355X has none yet, so its GPU-hour would need typing).
 */
export const PRESET_GPUS: readonly string[] = ['h200', 'b200', 'mi300x'];

/** The option on each accelerator of `gpus`, everything else unchanged. */
export function sameModelOn(entry: CompareEntry, gpus: readonly string[] = PRESET_GPUS): CompareEntry[] {
  return gpus.map((gpu) => ({ option: { ...entry.option, gpu }, configJson: entry.configJson }));
}

/** The options of the built-in scenario (those of `inferonomics report`), each with the scenario's defaults under it. */
export function reportOptions(): CompareEntry[] {
  const d = DEFAULT_SCENARIO.defaults ?? {};
  return DEFAULT_SCENARIO.options.map((o): CompareEntry => ({
    option: { ...d, ...o, workload: { ...d.workload, ...o.workload }, latencyTarget: { ...d.latencyTarget, ...o.latencyTarget } } as ScenarioOptionInput,
    configJson: null,
  }));
}

/** A compared option's label in the charts' legends: its place, model and accelerators ("2. Kimi K2.5, 16 × b200"). */
export function optionLabel(index: number, entry: CompareEntry, view: ViewModel | null): string {
  const model = view?.subject.modelName ?? entry.option.model ?? 'pasted model';
  return `${index + 1}. ${model}, ${entry.option.gpus ?? '?'} × ${entry.option.gpu ?? '?'}`;
}

/** The rows of the comparison charts: each option's Pareto front and its costs and prices, under its label. */
export function comparisonRows(labels: readonly string[], results: readonly ComputeResult[]): { frontier: ComparisonFrontierRow[]; cost: ComparisonCostRow[] } {
  const frontier: ComparisonFrontierRow[] = [];
  const cost: ComparisonCostRow[] = [];
  results.forEach((result, i) => {
    const option = labels[i] ?? `${i + 1}`;
    if (!result.ok) return;
    for (const row of result.view.frontierRows) {
      if (!row.pareto && !row.chosen) continue;
      frontier.push({ option, tokensPerSecondPerUser: row.tokensPerSecondPerUser, outputTokensPerSecondPerGpu: row.outputTokensPerSecondPerGpu, costUsdPerMillionOutputTokens: row.costUsdPerMillionOutputTokens, chosen: row.chosen });
    }
    for (const row of result.view.costRows) cost.push({ option, kind: row.kind, costUsdPerMillion: row.costUsdPerMillion, priceUsdPerMillion: row.priceUsdPerMillion });
  });
  return { frontier, cost };
}
