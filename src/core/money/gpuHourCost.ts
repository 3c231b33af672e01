import { InputError } from '../errors.js';
import { capitalRecoveryUsdPerYear } from './annuity.js';
import type { CostBasis, PowerParameters, RentedCostBasis } from './costBasis.js';
import { HOURS_PER_MONTH, HOURS_PER_YEAR, WATTS_PER_KILOWATT } from '../units.js';

/** The hours of a year and of a month, from units.ts (re-exported here, where the rental tiers and tests read them). */
export { HOURS_PER_MONTH, HOURS_PER_YEAR };

/**
 * The cost of one paid GPU-hour, split by cause. The components capital, power, space, operations
 * and rent sum to the total (up to rounding). The total is also linear in utilization:
 * `totalUsdPerGpuHour = fixedUsdPerGpuHour + perUtilizationUsdPerGpuHour × utilization` exactly.
 */
export interface GpuHourCost {
  readonly totalUsdPerGpuHour: number;
  /** Paid whether the GPU is busy or idle: capital, space, operations, rent and idle power. */
  readonly fixedUsdPerGpuHour: number;
  /** Added per unit of utilization: the power a busy GPU draws above idle. */
  readonly perUtilizationUsdPerGpuHour: number;
  readonly capitalUsdPerGpuHour: number;
  readonly powerUsdPerGpuHour: number;
  readonly spaceUsdPerGpuHour: number;
  readonly operationsUsdPerGpuHour: number;
  readonly rentUsdPerGpuHour: number;
}

/**
 * The cost of one paid GPU-hour at an average utilization (mean load / full load, in [0, 1]).
 *
 * - rented: the price, whatever the load (a committed hour is paid busy or idle; an on-demand
 *   hour is paid once started). How many hours are paid is the caller's business.
 * - owned: capital recovered as an annuity (`capitalRecoveryUsdPerYear`) over the 8,760 hours of
 *   a year; power drawn = full × (idle + (1 − idle) × utilization) × PUE, priced per kWh; space
 *   paid on provisioned peak IT kW (full power, before PUE) per month; operations per year.
 * - marginal: the power term alone.
 *
 * The result is linear in utilization, `total = fixed + perUtilization × utilization`, so the
 * token-economics code solves the break-even utilization in closed form from those two numbers
 * (`breakEvenUtilization`).
 *
 * Example: an owned H100 with the (hyperscaler) defaults of `defaultOwnedCostBasis('h100-sxm')` costs about
 * $1.56 per GPU-hour at utilization 0.6, of which $1.08 is capital ($1.93 and $1.28 for a neocloud).
 * @throws InputError when utilization is not a number in [0, 1]
 */
export function gpuHourCost(basis: CostBasis, utilization: number): GpuHourCost {
  if (!(utilization >= 0 && utilization <= 1)) {
    throw new InputError('utilization', String(utilization), 'a number from 0 to 1');
  }
  if (basis.kind === 'rented') {
    return linearCost({ capital: 0, space: 0, operations: 0, rent: basis.priceUsdPerGpuHour, idlePower: 0, busyPower: 0 }, utilization);
  }
  const { idlePower, busyPower } = powerUsdPerGpuHour(basis);
  if (basis.kind === 'marginal') {
    return linearCost({ capital: 0, space: 0, operations: 0, rent: 0, idlePower, busyPower }, utilization);
  }
  const capitalUsdPerYear = capitalRecoveryUsdPerYear(
    basis.capexUsdPerGpu, basis.depreciationYears, basis.costOfCapitalPerYear, basis.residualValueFraction);
  return linearCost({
    capital: capitalUsdPerYear / HOURS_PER_YEAR,
    space: (basis.powerWattsPerGpu / WATTS_PER_KILOWATT) * basis.datacenterUsdPerKwMonth / HOURS_PER_MONTH,
    operations: basis.operationsUsdPerGpuYear / HOURS_PER_YEAR,
    rent: 0,
    idlePower,
    busyPower,
  }, utilization);
}

/** USD per hour of the electricity drawn at zero load, and of what full load adds above it. */
function powerUsdPerGpuHour(p: PowerParameters): { idlePower: number; busyPower: number } {
  const fullLoadUsdPerHour = (p.powerWattsPerGpu / WATTS_PER_KILOWATT) * p.pue * p.electricityUsdPerKwh;
  return { idlePower: fullLoadUsdPerHour * p.idlePowerFraction, busyPower: fullLoadUsdPerHour * (1 - p.idlePowerFraction) };
}

interface Terms {
  readonly capital: number;
  readonly space: number;
  readonly operations: number;
  readonly rent: number;
  readonly idlePower: number;
  readonly busyPower: number;
}

function linearCost(t: Terms, utilization: number): GpuHourCost {
  const fixed = t.capital + t.space + t.operations + t.rent + t.idlePower;
  return {
    // Computed from the linear form itself, so that the identity the break-even solver relies on is exact.
    totalUsdPerGpuHour: fixed + t.busyPower * utilization,
    fixedUsdPerGpuHour: fixed,
    perUtilizationUsdPerGpuHour: t.busyPower,
    capitalUsdPerGpuHour: t.capital,
    powerUsdPerGpuHour: t.idlePower + t.busyPower * utilization,
    spaceUsdPerGpuHour: t.space,
    operationsUsdPerGpuHour: t.operations,
    rentUsdPerGpuHour: t.rent,
  };
}

/**
 * What a rented commitment obliges its holder to pay, busy or idle:
 * price × max(gpus, minimumGpus) × termHours, in USD. On demand (no commitment) nothing is owed
 * ahead of use, so 0. Example: 64 GPUs on a one-year term (8,760 h) with a 64-GPU minimum at
 * $2.35 cost 2.35 × 64 × 8,760 = $1,317,504; 32 GPUs on the same contract cost the same.
 * @param gpus GPUs the holder wants (>= 0)
 * @throws InputError when gpus is negative or not a number
 */
export function commitmentCostUsd(basis: RentedCostBasis, gpus: number): number {
  if (!(gpus >= 0) || !Number.isFinite(gpus)) throw new InputError('gpus', String(gpus), 'a number >= 0');
  if (basis.commitment === null) return 0;
  return basis.priceUsdPerGpuHour * Math.max(gpus, basis.commitment.minimumGpus) * basis.commitment.termHours;
}

/**
 * The average utilization at which revenue covers cost, for a cost linear in utilization
 * (`gpuHourCost`: fixed + perUtilization × u) and revenue proportional to it (revenueFull × u):
 * u* = fixed / (revenueFull − perUtilization). All three in USD per GPU-hour.
 *
 * Returns null when revenue never covers cost: revenueFull <= perUtilization, so each extra unit
 * of load earns no more than its power costs and no positive utilization breaks even (also when
 * the margin is so thin that the quotient overflows). A result
 * above 1 means even a fully busy GPU loses money (the caller compares with 1); 0 means there is
 * no fixed cost. Example: fixed $2.00, perUtilization $0.10, revenue $4.10 at full load → 0.5.
 */
export function breakEvenUtilization(costFixedUsdPerGpuHour: number, costPerUtilizationUsdPerGpuHour: number, revenueAtFullLoadUsdPerGpuHour: number): number | null {
  const marginUsdPerGpuHour = revenueAtFullLoadUsdPerGpuHour - costPerUtilizationUsdPerGpuHour;
  const utilization = costFixedUsdPerGpuHour / marginUsdPerGpuHour;
  // A margin so thin that the quotient overflows is the same answer as no margin.
  return marginUsdPerGpuHour > 0 && Number.isFinite(utilization) ? utilization : null;
}
