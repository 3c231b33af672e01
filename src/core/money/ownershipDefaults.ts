import * as v from 'valibot';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import { capitalRecoveryUsdPerYear } from './annuity.js';
import { marginalOf, OWNERS, type MarginalCostBasis, type OwnedCostBasis, type OwnedField, type Owner } from './costBasis.js';
import data from './ownershipDefaults.json' with { type: 'json' };
import { DocumentedValueSchema, type DocumentedValue } from '../sourced.js';

export { VALUE_BASES, type DocumentedValue, type ValueBasis } from '../sourced.js';

/** Schema of a `DocumentedValue` (value >= 0), shared by the money catalogs. */
export const Documented = DocumentedValueSchema;

const OwnerCommon = {
  /** Who this owner is, in words a report can print. */
  description: v.pipe(v.string(), v.minLength(1)),
  costOfCapitalPerYear: Documented,
  pue: Documented,
  operationsFractionOfCapexPerYear: Documented,
};

/** An owner's defaults: it either builds its data halls (capex per MW of critical IT over a life) or rents colocation. */
const OwnerSchema = v.variant('space', [
  v.strictObject({ space: v.literal('built'), ...OwnerCommon, dataHallUsdPerMwCritical: Documented, dataHallLifeYears: Documented }),
  v.strictObject({ space: v.literal('colocation'), ...OwnerCommon, colocationUsdPerKwMonth: Documented }),
]);

const DefaultsSchema = v.strictObject({
  $comment: v.optional(v.string()),
  shared: v.strictObject({
    depreciationYears: Documented,
    residualValueFraction: Documented,
    idlePowerFraction: Documented,
    electricityUsdPerKwh: Documented,
  }),
  owners: v.strictObject({ hyperscaler: OwnerSchema, neocloud: OwnerSchema }),
  facts: v.record(v.string(), Documented),
  accelerators: v.array(v.strictObject({
    gpuId: v.string(),
    /** All-in capex of a buyer near list price (the neocloud), and of any owner without a figure of its own. */
    capexUsdPerGpu: Documented,
    /** All-in capex of a hyperscaler buying at volume, where a volume price is published. */
    hyperscalerCapexUsdPerGpu: v.optional(Documented),
    powerWattsPerGpu: Documented,
  })),
});
export type OwnershipDefaults = v.InferOutput<typeof DefaultsSchema>;

/** The shipped defaults, validated once at module load. */
export const OWNERSHIP_DEFAULTS: OwnershipDefaults = parseOrThrow(DefaultsSchema, data, 'ownership defaults');

/** Accelerator ids (catalog ids) that have ownership defaults. */
export const OWNERSHIP_DEFAULT_GPU_IDS: readonly string[] = OWNERSHIP_DEFAULTS.accelerators.map((a) => a.gpuId);

const cents = (usd: number) => String(Math.round(usd * 100) / 100);

/** The economic lives, in years, a default owned basis may be given: 4 by default (SemiAnalysis's), 3 to 6 as a sensitivity. */
export const DEPRECIATION_YEARS_RANGE = { min: 3, max: 6 } as const;

/** One line of provenance: `sourced, 2024-08: https://...; note` or `assumption: why`. */
export function sourceText(d: DocumentedValue): string {
  return d.basis === 'assumption' && d.source === 'assumption'
    ? `assumption (${d.date}): ${d.note}`
    : `${d.basis}, ${d.date}: ${d.source}; ${d.note}`;
}

/** The owner whose defaults apply when none is named: the hyperscaler of SemiAnalysis's TCO (anchors #1). */
export const DEFAULT_OWNER: Owner = 'hyperscaler';

const KW_PER_MW = 1000;
const MONTHS_PER_YEAR = 12;

/**
 * The full cost basis of owning accelerator `gpuId` (an id or alias of the catalog) as `owner`
 * (default the hyperscaler), every field with its source in `sources`:
 * - capex: that GPU's all-in figure for the owner (the hyperscaler's volume price where one is
 *   published, otherwise the list-price figure both share); wall power from the GPU's record;
 * - 4-year life, 10% residual, idle draw and the EIA power price, shared;
 * - cost of capital, PUE, space and operations (a share of capex a year) from the owner: the
 *   hyperscaler's space is its data hall's construction cost per MW of critical IT recovered as
 *   an annuity over the hall's life at the basis's cost of capital; the neocloud's is colocation.
 * Fields in `overrides` replace the defaults and are sourced "given"; a life (`depreciationYears`)
 * must lie in DEPRECIATION_YEARS_RANGE (3-6).
 * Example: defaultOwnedCostBasis('h100-sxm') (hyperscaler) has capex $33,526.53, 1,275 W, 8.34%,
 * PUE 1.1 and $116.28 per kW-month of data hall, and costs about $1.59 per GPU-hour at
 * utilization 1; as 'neocloud' about $1.97.
 * @throws InputError for an id not in the catalog, one without ownership defaults, an unknown owner, or a life outside 3-6 years
 */
export function defaultOwnedCostBasis(gpuId: string, overrides: Partial<Omit<OwnedCostBasis, 'kind' | 'sources' | 'owner'>> = {}, owner: Owner = DEFAULT_OWNER): OwnedCostBasis {
  const id = findById('gpu', gpuId, ACCELERATORS).id;
  const record = OWNERSHIP_DEFAULTS.accelerators.find((a) => a.gpuId === id);
  if (record === undefined) {
    const known = OWNERSHIP_DEFAULT_GPU_IDS.join(', ');
    throw new InputError('gpu', gpuId, `one of ${known}`, `no ownership defaults for gpu ${gpuId}; defaults exist for ${known}; give a cost basis instead`);
  }
  if (!(OWNERS as readonly string[]).includes(owner)) throw new InputError('owner', String(owner), OWNERS.join(' or '));
  const given = Object.fromEntries(Object.entries(overrides).filter(([, x]) => x !== undefined)) as typeof overrides;
  const life = given.depreciationYears;
  if (life !== undefined && !(life >= DEPRECIATION_YEARS_RANGE.min && life <= DEPRECIATION_YEARS_RANGE.max)) {
    throw new InputError('depreciationYears', String(life), `a number of years from ${DEPRECIATION_YEARS_RANGE.min} to ${DEPRECIATION_YEARS_RANGE.max} (default ${OWNERSHIP_DEFAULTS.shared.depreciationYears.value})`);
  }
  const s = OWNERSHIP_DEFAULTS.shared;
  const o = OWNERSHIP_DEFAULTS.owners[owner];
  const capex = (owner === 'hyperscaler' ? record.hyperscalerCapexUsdPerGpu : undefined) ?? record.capexUsdPerGpu;
  const capexUsdPerGpu = given.capexUsdPerGpu ?? capex.value;
  const costOfCapitalPerYear = given.costOfCapitalPerYear ?? o.costOfCapitalPerYear.value;
  const space = spaceDefault(o, costOfCapitalPerYear);
  const operations = o.operationsFractionOfCapexPerYear;
  const operationsUsdPerGpuYear = operations.value * capexUsdPerGpu;
  const basis: Omit<OwnedCostBasis, 'sources'> = {
    kind: 'owned',
    capexUsdPerGpu,
    depreciationYears: s.depreciationYears.value,
    residualValueFraction: s.residualValueFraction.value,
    costOfCapitalPerYear,
    powerWattsPerGpu: record.powerWattsPerGpu.value,
    idlePowerFraction: s.idlePowerFraction.value,
    pue: o.pue.value,
    electricityUsdPerKwh: s.electricityUsdPerKwh.value,
    datacenterUsdPerKwMonth: space.usdPerKwMonth,
    operationsUsdPerGpuYear,
    ...given,
    owner,
  };
  const capexSource = capex === record.capexUsdPerGpu && owner === 'hyperscaler'
    ? `${sourceText(capex)} (no published volume price for ${id}: the list-price figure)`
    : sourceText(capex);
  const sources: Record<OwnedField, string> = {
    capexUsdPerGpu: `${owner}: ${capexSource}`,
    depreciationYears: sourceText(s.depreciationYears),
    residualValueFraction: sourceText(s.residualValueFraction),
    costOfCapitalPerYear: `${owner}: ${sourceText(o.costOfCapitalPerYear)}`,
    powerWattsPerGpu: sourceText(record.powerWattsPerGpu),
    idlePowerFraction: sourceText(s.idlePowerFraction),
    pue: `${owner}: ${sourceText(o.pue)}`,
    electricityUsdPerKwh: sourceText(s.electricityUsdPerKwh),
    datacenterUsdPerKwMonth: `${owner}: ${space.source}`,
    operationsUsdPerGpuYear: `${operations.basis}: ${operations.value} x capex $${cents(capexUsdPerGpu)} = $${cents(operationsUsdPerGpuYear)} a year; ${operations.note}`,
  };
  for (const field of Object.keys(given) as OwnedField[]) sources[field] = 'given';
  return { ...basis, sources };
}

type OwnerDefaults = OwnershipDefaults['owners'][Owner];

/**
 * USD per kW of provisioned IT per month for the owner's space, with its provenance: colocation
 * rent as published, or a built hall's cost per kW of critical IT recovered as an annuity (no
 * residual) over its life at `costOfCapitalPerYear`, per month.
 */
function spaceDefault(o: OwnerDefaults, costOfCapitalPerYear: number): { usdPerKwMonth: number; source: string } {
  if (o.space === 'colocation') return { usdPerKwMonth: o.colocationUsdPerKwMonth.value, source: sourceText(o.colocationUsdPerKwMonth) };
  const hall = o.dataHallUsdPerMwCritical;
  const years = o.dataHallLifeYears;
  const usdPerKwMonth = capitalRecoveryUsdPerYear(hall.value / KW_PER_MW, years.value, costOfCapitalPerYear, 0) / MONTHS_PER_YEAR;
  return {
    usdPerKwMonth,
    source: `derived: data hall $${hall.value.toLocaleString('en-US')} per MW of critical IT recovered over ${years.value} years at ${costOfCapitalPerYear} a year = $${cents(usdPerKwMonth)} per kW-month. Cost per MW: ${sourceText(hall)} Life: ${sourceText(years)}`,
  };
}

/**
 * The marginal cost basis of accelerator `gpuId` (power only: what an owner whose capex is sunk
 * must beat), with the same power defaults and sources as `defaultOwnedCostBasis` for `owner`.
 * Example: defaultMarginalCostBasis('h100-sxm') (hyperscaler, PUE 1.1) costs about $0.08 per GPU-hour at utilization 0.6.
 */
export function defaultMarginalCostBasis(gpuId: string, overrides: Partial<Omit<MarginalCostBasis, 'kind' | 'sources'>> = {}, owner: Owner = DEFAULT_OWNER): MarginalCostBasis {
  return marginalOf(defaultOwnedCostBasis(gpuId, overrides, owner));
}
