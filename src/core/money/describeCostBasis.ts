import type { CostBasis } from './costBasis.js';
import { OWNERSHIP_DEFAULTS } from './ownershipDefaults.js';
import type { Sourced } from '../sourced.js';

/** One assumption of a cost basis, ready to print: `pue  1.3  ratio  sourced, 2026-11: ...`. */
export interface CostBasisRow extends Sourced<number | string> {
  readonly name: string;
  readonly unit: string;
  /** The field's entry in `basis.sources`, or `given` when the basis carries none. */
  readonly source: string;
}

const UNITS: Readonly<Record<string, string>> = {
  priceUsdPerGpuHour: 'USD per GPU-hour',
  onDemandUsdPerGpuHour: 'USD per GPU-hour (for comparison; not in the cost)',
  termHours: 'hours',
  minimumGpus: 'GPUs',
  capexUsdPerGpu: 'USD per GPU',
  depreciationYears: 'years',
  residualValueFraction: 'fraction of capex',
  costOfCapitalPerYear: 'per year',
  powerWattsPerGpu: 'W per GPU at full load',
  idlePowerFraction: 'fraction of full-load power',
  pue: 'ratio',
  electricityUsdPerKwh: 'USD per kWh',
  datacenterUsdPerKwMonth: 'USD per kW-month',
  operationsUsdPerGpuYear: 'USD per GPU-year',
};

/**
 * Every assumption of a cost basis as rows {name, value, unit, source}, in field order, so that a
 * report can print each number with where it came from. The first row is the kind; a rented
 * basis lists its commitment's term and minimum (or `none (on demand)`).
 * Example: describeCostBasis({kind: 'rented', priceUsdPerGpuHour: 2.69, commitment: null}) →
 * kind rented; priceUsdPerGpuHour 2.69 USD per GPU-hour (given); commitment none (on demand).
 */
export function describeCostBasis(basis: CostBasis): CostBasisRow[] {
  const sources: Readonly<Partial<Record<string, string>>> = basis.sources ?? {};
  const sourceOf = (field: string) => sources[field] ?? 'given';
  const row = (name: string, value: number | string, source = sourceOf(name)): CostBasisRow => ({ name, value, unit: UNITS[name] ?? '', source });
  const rows: CostBasisRow[] = [{ name: 'kind', value: basis.kind, unit: '', source: describeKind(basis) }];
  if (basis.kind === 'rented') {
    rows.push(row('priceUsdPerGpuHour', basis.priceUsdPerGpuHour));
    if (basis.commitment === null) rows.push({ name: 'commitment', value: 'none (on demand)', unit: '', source: sourceOf('commitment') });
    else {
      rows.push(row('termHours', basis.commitment.termHours, sourceOf('commitment')));
      rows.push(row('minimumGpus', basis.commitment.minimumGpus, sourceOf('commitment')));
    }
    if (basis.onDemandUsdPerGpuHour !== undefined) rows.push(row('onDemandUsdPerGpuHour', basis.onDemandUsdPerGpuHour));
    return rows;
  }
  if (basis.kind === 'owned') {
    rows.push(
      row('capexUsdPerGpu', basis.capexUsdPerGpu),
      row('depreciationYears', basis.depreciationYears),
      row('residualValueFraction', basis.residualValueFraction),
      row('costOfCapitalPerYear', basis.costOfCapitalPerYear),
    );
  }
  rows.push(
    row('powerWattsPerGpu', basis.powerWattsPerGpu),
    row('idlePowerFraction', basis.idlePowerFraction),
    row('pue', basis.pue),
    row('electricityUsdPerKwh', basis.electricityUsdPerKwh),
  );
  if (basis.kind === 'owned') {
    rows.push(row('datacenterUsdPerKwMonth', basis.datacenterUsdPerKwMonth), row('operationsUsdPerGpuYear', basis.operationsUsdPerGpuYear));
  }
  return rows;
}

function describeKind(basis: CostBasis): string {
  if (basis.kind === 'rented') return 'rented GPU-hours: the price per hour, busy or idle';
  if (basis.kind === 'owned') {
    const who = basis.owner === undefined ? '' : ` by a ${basis.owner} (${OWNERSHIP_DEFAULTS.owners[basis.owner].description})`;
    return `owned${who}: capital (annuity) + power + space + operations`;
  }
  return 'marginal: power only, capex sunk';
}
