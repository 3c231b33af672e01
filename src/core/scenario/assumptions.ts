import { plain } from '../../format/numbers.js';
import { describeCostBasis } from '../money/describeCostBasis.js';
import type { Sourced } from '../sourced.js';
import { readableName } from './assumptionNames.js';
import type { ResolvedOption } from './resolveScenario.js';

/** The part of a scenario an assumption belongs to: the option's own fields, or its cost basis. */
export type AssumptionGroup = 'scenario' | 'cost basis';

/**
 * One assumption of an option as every surface prints it: the field as a scenario file names it,
 * its label in words, its value as text (numbers to six significant figures) and its unit, who set
 * it and where it comes from.
 */
export interface AssumptionRow extends Sourced<string> {
  readonly group: AssumptionGroup;
  /** The field, as a scenario file names it: `workload.inputTokens`, `costBasis.pue`. */
  readonly name: string;
  /** The field in words: "Input tokens a request", "Data-centre overhead on power (PUE)". */
  readonly label: string;
  /** The unit of `value`; '' when the value says it in words. */
  readonly unit: string;
  /** `scenario` when the file set it, `default` when the tool did; null for the cost basis's fields (the basis is set as a whole: see the `costBasis` row). */
  readonly origin: 'scenario' | 'default' | null;
}

/**
 * The assumptions table of a resolved option, the one the CLI's `report` and the web's
 * assumptions section both print: the option's fields (framework, layout, precisions, workload,
 * latency target, utilization, cost basis, prices, GPUs) with who set each, then every field of
 * the cost basis with its unit and source.
 *
 * @example assumptionRows(option).find((r) => r.name === 'costBasis.pue')
 *   // { group: 'cost basis', name: 'costBasis.pue', label: 'Data-centre overhead on power (PUE)', value: '1.3', unit: 'ratio', origin: null, source: 'sourced, ...' }
 */
export function assumptionRows(option: ResolvedOption): AssumptionRow[] {
  const scenario: AssumptionRow[] = option.assumptions.map((a) => ({
    group: 'scenario', name: a.name, label: readableName(a.name), value: a.value, unit: '', origin: a.origin, source: a.source,
  }));
  const costBasis: AssumptionRow[] = describeCostBasis(option.costBasis).map((r) => ({
    group: 'cost basis', name: `costBasis.${r.name}`, label: readableName(r.name), value: typeof r.value === 'number' ? plain(r.value) : r.value, unit: r.unit, origin: null, source: r.source,
  }));
  return [...scenario, ...costBasis];
}

/** The value of a row with its unit: "1.6 USD per GPU-hour", "rented". */
export function valueWithUnit(row: AssumptionRow): string {
  return `${row.value} ${row.unit}`.trim();
}
