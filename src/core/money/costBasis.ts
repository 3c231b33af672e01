/**
 * What one accelerator-hour costs, three ways (see `../shared/MODELING.md` §6): rented from a
 * cloud, owned outright (full cost), or owned with the capex already sunk (marginal cost: power
 * only, what an owner must beat to keep a GPU switched on). Every number is SI with its unit in
 * its name: USD, watts, hours, fractions in [0, 1], rates per year.
 *
 * `gpuHourCost(basis, utilization)` turns a basis into USD per paid GPU-hour;
 * The scenario schema (scenario/schema.ts) validates one from a scenario file; `defaultOwnedCostBasis(gpuId)`
 * gives documented defaults.
 */

export const COST_BASIS_KINDS = ['rented', 'owned', 'marginal'] as const;

/**
 * Who owns the GPU, which sets the defaults of an owned basis (`defaultOwnedCostBasis`): a
 * hyperscaler buys servers at volume and builds its own data halls at its cost of capital; a
 * neocloud buys near list price, rents colocation and borrows. The default is the hyperscaler.
 */
export const OWNERS = ['hyperscaler', 'neocloud'] as const;
export type Owner = (typeof OWNERS)[number];

/** A reserved-capacity contract: every committed GPU-hour is paid, busy or idle. */
export interface Commitment {
  /** Length of the contract in hours (one year = 8,760). */
  readonly termHours: number;
  /** GPUs paid for over the whole term, however few are used. */
  readonly minimumGpus: number;
}

/**
 * Where each number of a basis came from, one line of text per field name (e.g.
 * `pue: "sourced (2026-11): https://...; InferenceX's air-cooled model"`). Optional: a basis
 * typed in by a user has none, and `describeCostBasis` then says "given".
 */
export type FieldSources<Field extends string> = Readonly<Partial<Record<Field, string>>>;

/** GPU-hours bought from a cloud at a price per GPU-hour. */
export interface RentedCostBasis {
  readonly kind: 'rented';
  /** Price of one GPU-hour (on-demand list price, or the committed rate under `commitment`). */
  readonly priceUsdPerGpuHour: number;
  /** null: on demand, paid per hour used; otherwise a term of committed GPUs paid busy or idle. */
  readonly commitment: Commitment | null;
  /**
   * The on-demand price of the same GPU, shown beside a contract rate so a reader sees both; never
   * part of the cost. Absent when the price is itself on demand or none is known.
   */
  readonly onDemandUsdPerGpuHour?: number;
  readonly sources?: FieldSources<RentedField>;
}

/** Power drawn by an owned GPU and what that power costs. */
export interface PowerParameters {
  /** Wall power of one GPU at full load, its share of the host (CPU, NICs, fans, PSU loss) included. */
  readonly powerWattsPerGpu: number;
  /** Draw at zero load as a share of `powerWattsPerGpu`, in [0, 1]. */
  readonly idlePowerFraction: number;
  /** Power usage effectiveness: facility power / IT power, >= 1. */
  readonly pue: number;
  readonly electricityUsdPerKwh: number;
}

/** A GPU bought outright: capital, power, space and operations (full cost). */
export interface OwnedCostBasis extends PowerParameters {
  readonly kind: 'owned';
  /** The GPU plus its share of server, scale-out network and storage. */
  readonly capexUsdPerGpu: number;
  /** Years over which capex is recovered (book or economic life). */
  readonly depreciationYears: number;
  /** Resale value at the end of `depreciationYears`, as a share of capex, in [0, 1]. */
  readonly residualValueFraction: number;
  /** Annual cost of capital (0.10 = 10% a year); capex is recovered as an annuity at this rate. */
  readonly costOfCapitalPerYear: number;
  /**
   * Space, cooling and power delivery per kW of provisioned peak IT power per month: colocation
   * rent, or a data hall's construction recovered as an annuity.
   */
  readonly datacenterUsdPerKwMonth: number;
  /** Staff, maintenance, support contracts and software per GPU per year. */
  readonly operationsUsdPerGpuYear: number;
  /** Whose defaults these are, when they came from `defaultOwnedCostBasis`; absent for a basis typed in. */
  readonly owner?: Owner;
  readonly sources?: FieldSources<OwnedField>;
}

/** An owned GPU whose capex is sunk: only its electricity counts. */
export interface MarginalCostBasis extends PowerParameters {
  readonly kind: 'marginal';
  readonly sources?: FieldSources<MarginalField>;
}

export type CostBasis = RentedCostBasis | OwnedCostBasis | MarginalCostBasis;

export const RENTED_FIELDS = ['priceUsdPerGpuHour', 'commitment', 'onDemandUsdPerGpuHour'] as const;
export const POWER_FIELDS = ['powerWattsPerGpu', 'idlePowerFraction', 'pue', 'electricityUsdPerKwh'] as const;
export const OWNED_FIELDS = [
  'capexUsdPerGpu', 'depreciationYears', 'residualValueFraction', 'costOfCapitalPerYear',
  ...POWER_FIELDS, 'datacenterUsdPerKwMonth', 'operationsUsdPerGpuYear',
] as const;
export type RentedField = (typeof RENTED_FIELDS)[number];
export type MarginalField = (typeof POWER_FIELDS)[number];
export type OwnedField = (typeof OWNED_FIELDS)[number];

/** The marginal basis of an owned one: the same power figures, capex treated as sunk. */
export function marginalOf(owned: OwnedCostBasis): MarginalCostBasis {
  const { powerWattsPerGpu, idlePowerFraction, pue, electricityUsdPerKwh, sources } = owned;
  const marginalSources: FieldSources<MarginalField> | undefined = sources && {
    powerWattsPerGpu: sources.powerWattsPerGpu,
    idlePowerFraction: sources.idlePowerFraction,
    pue: sources.pue,
    electricityUsdPerKwh: sources.electricityUsdPerKwh,
  };
  return {
    kind: 'marginal', powerWattsPerGpu, idlePowerFraction, pue, electricityUsdPerKwh,
    ...(marginalSources ? { sources: marginalSources } : {}),
  };
}
