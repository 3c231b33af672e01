import { parseScenario } from '../../../src/core/scenario/parseScenario.js';
import type { CostBasis } from '../../../src/core/money/costBasis.js';

/**
 * Whether a resolved cost basis, given back as a scenario's `costBasis`, passes the scenario
 * schema (the one validator of cost-basis input): the fields a resolution adds for the reader
 * (`sources`, the on-demand price beside a contract rate) are not input and are left out.
 * Throws the scenario's InputError when a value is out of its allowed range.
 */
export function acceptedAsScenarioInput(basis: CostBasis): true {
  const { sources: _sources, onDemandUsdPerGpuHour: _onDemand, ...input } = basis as CostBasis & { sources?: unknown; onDemandUsdPerGpuHour?: unknown };
  parseScenario({ options: [{ model: 'kimi-k2.5', gpu: 'h200', gpus: 8, costBasis: input }] }, 'resolved cost basis');
  return true;
}
