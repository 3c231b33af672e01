import * as v from 'valibot';
import { ACCELERATORS } from '../catalog/accelerators.js';
import { findById } from '../catalog/lookup.js';
import { parseOrThrow } from '../catalog/sourceSchema.js';
import { InputError } from '../errors.js';
import { marginalOf, type MarginalCostBasis, type OwnedCostBasis, type OwnedField } from './costBasis.js';
import data from './ownershipDefaults.json' with { type: 'json' };

/** How a default number is known: published, arithmetic on published numbers, or chosen without a source. */
export const VALUE_BASES = ['sourced', 'derived', 'assumption'] as const;
export type ValueBasis = (typeof VALUE_BASES)[number];

/** One default number with where it comes from. */
export interface DocumentedValue {
  readonly value: number;
  readonly basis: ValueBasis;
  /** URLs or `owner/repo@commit path`, separated by ` ; `; `assumption` when there is none. */
  readonly source: string;
  /** Publication date, or the month the source was read (YYYY-MM or YYYY-MM-DD). */
  readonly date: string;
  /** What the figure is; for a derived one the arithmetic; for an assumption why this value. */
  readonly note: string;
}

/** Schema of a `DocumentedValue` (value >= 0), shared by the money catalogs. */
export const Documented = v.strictObject({
  value: v.pipe(v.number(), v.finite(), v.minValue(0)),
  basis: v.picklist(VALUE_BASES),
  source: v.pipe(v.string(), v.minLength(1)),
  date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}(-\d{2})?$/, 'a date YYYY-MM or YYYY-MM-DD')),
  note: v.pipe(v.string(), v.minLength(1)),
});

const DefaultsSchema = v.strictObject({
  $comment: v.optional(v.string()),
  shared: v.strictObject({
    depreciationYears: Documented,
    residualValueFraction: Documented,
    costOfCapitalPerYear: Documented,
    idlePowerFraction: Documented,
    pue: Documented,
    electricityUsdPerKwh: Documented,
    datacenterUsdPerKwMonth: Documented,
    operationsFractionOfCapexPerYear: Documented,
  }),
  facts: v.record(v.string(), Documented),
  accelerators: v.array(v.strictObject({
    gpuId: v.string(),
    capexUsdPerGpu: Documented,
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

/**
 * The full cost basis of owning accelerator `gpuId` (an id or alias of the catalog), every field
 * with its source in `sources`: all-in capex and wall power per GPU from that GPU's record, the
 * rest shared (4-year life, 10% residual, 10% cost of capital, PUE 1.3, $0.0806/kWh,
 * $184.06/kW-month, operations 5% of capex a year). Fields in `overrides` replace the defaults
 * and are sourced "given"; a life (`depreciationYears`) must lie in DEPRECIATION_YEARS_RANGE (3-6).
 * Example: defaultOwnedCostBasis('h100-sxm') has capex $38,275.28 and 1,275 W, and costs about
 * $1.92 per GPU-hour at utilization 0.6 ($1.96 at utilization 1).
 * @throws InputError for an id not in the catalog, one without ownership defaults, or a life outside 3-6 years
 */
export function defaultOwnedCostBasis(gpuId: string, overrides: Partial<Omit<OwnedCostBasis, 'kind' | 'sources'>> = {}): OwnedCostBasis {
  const id = findById('gpu', gpuId, ACCELERATORS).id;
  const record = OWNERSHIP_DEFAULTS.accelerators.find((a) => a.gpuId === id);
  if (record === undefined) {
    const known = OWNERSHIP_DEFAULT_GPU_IDS.join(', ');
    throw new InputError('gpu', gpuId, `one of ${known}`, `no ownership defaults for gpu ${gpuId}; defaults exist for ${known}; give a cost basis instead`);
  }
  const given = Object.fromEntries(Object.entries(overrides).filter(([, x]) => x !== undefined)) as typeof overrides;
  const life = given.depreciationYears;
  if (life !== undefined && !(life >= DEPRECIATION_YEARS_RANGE.min && life <= DEPRECIATION_YEARS_RANGE.max)) {
    throw new InputError('depreciationYears', String(life), `a number of years from ${DEPRECIATION_YEARS_RANGE.min} to ${DEPRECIATION_YEARS_RANGE.max} (default ${OWNERSHIP_DEFAULTS.shared.depreciationYears.value})`);
  }
  const s = OWNERSHIP_DEFAULTS.shared;
  const capexUsdPerGpu = given.capexUsdPerGpu ?? record.capexUsdPerGpu.value;
  const operations = s.operationsFractionOfCapexPerYear;
  const operationsUsdPerGpuYear = operations.value * capexUsdPerGpu;
  const basis: Omit<OwnedCostBasis, 'sources'> = {
    kind: 'owned',
    capexUsdPerGpu,
    depreciationYears: s.depreciationYears.value,
    residualValueFraction: s.residualValueFraction.value,
    costOfCapitalPerYear: s.costOfCapitalPerYear.value,
    powerWattsPerGpu: record.powerWattsPerGpu.value,
    idlePowerFraction: s.idlePowerFraction.value,
    pue: s.pue.value,
    electricityUsdPerKwh: s.electricityUsdPerKwh.value,
    datacenterUsdPerKwMonth: s.datacenterUsdPerKwMonth.value,
    operationsUsdPerGpuYear,
    ...given,
  };
  const sources: Record<OwnedField, string> = {
    capexUsdPerGpu: sourceText(record.capexUsdPerGpu),
    depreciationYears: sourceText(s.depreciationYears),
    residualValueFraction: sourceText(s.residualValueFraction),
    costOfCapitalPerYear: sourceText(s.costOfCapitalPerYear),
    powerWattsPerGpu: sourceText(record.powerWattsPerGpu),
    idlePowerFraction: sourceText(s.idlePowerFraction),
    pue: sourceText(s.pue),
    electricityUsdPerKwh: sourceText(s.electricityUsdPerKwh),
    datacenterUsdPerKwMonth: sourceText(s.datacenterUsdPerKwMonth),
    operationsUsdPerGpuYear: `${operations.basis}: ${operations.value} x capex $${cents(capexUsdPerGpu)} = $${cents(operationsUsdPerGpuYear)} a year; ${operations.note}`,
  };
  for (const field of Object.keys(given) as OwnedField[]) sources[field] = 'given';
  return { ...basis, sources };
}

/**
 * The marginal cost basis of accelerator `gpuId` (power only: what an owner whose capex is sunk
 * must beat), with the same power defaults and sources as `defaultOwnedCostBasis`.
 * Example: defaultMarginalCostBasis('h100-sxm') costs about $0.10 per GPU-hour at utilization 0.6.
 */
export function defaultMarginalCostBasis(gpuId: string, overrides: Partial<Omit<MarginalCostBasis, 'kind' | 'sources'>> = {}): MarginalCostBasis {
  return marginalOf(defaultOwnedCostBasis(gpuId, overrides));
}
