import type { TokenEconomics } from '../economics/tokenEconomics.js';
import { gpuHourCost } from '../money/gpuHourCost.js';
import type { CostBasis, RentedCostBasis } from '../money/costBasis.js';
import { SECONDS_PER_HOUR } from '../units.js';
import type { SimulationResult } from './simulate.js';

/** One way of paying for the fleet the simulation ran. */
export interface FleetCost {
  readonly basis: 'rented on demand, as simulated' | 'committed, fixed fleet for the peak' | 'owned, fixed fleet for the peak' | 'committed block + on-demand overflow';
  readonly paidGpuHours: number;
  /** GPU-hours of capacity used (steps weighted by how full their batch is). */
  readonly busyGpuHours: number;
  /** Used share of paid GPU-hours. */
  readonly utilization: number;
  readonly costUsd: number;
  readonly costUsdPerMillionInputTokens: number;
  readonly costUsdPerMillionCachedInputTokens: number;
  readonly costUsdPerMillionOutputTokens: number;
  /** (revenue − cost) / revenue at the scenario's prices (off-peak discount included). */
  readonly marginFraction: number;
  /** Share of requests the simulated fleet served within the latency target. */
  readonly sloAttainment: number;
  /** Whether the simulated fleet met the SLO (p99 TTFT and TPOT within the target, none rejected): a miss is never the answer however cheap. */
  readonly meetsSlo: boolean;
  readonly note: string;
}

export interface FleetCostInputs {
  readonly sim: SimulationResult;
  readonly gpusPerInstance: number;
  /** What an hour used on demand costs (no commitment). */
  readonly onDemand: RentedCostBasis;
  /** The committed contract (price and minimum GPUs over a term), the one commitment model of `CostBasis`; null: none priced for this GPU. */
  readonly committed: RentedCostBasis | null;
  /** Instances in the committed block of the block + overflow option. */
  readonly committedBlockInstances: number;
  readonly owned: CostBasis;
  /** The pipeline's money at a utilization and a cost basis (`runOption(...).economicsAt`): the cost per token of each kind. */
  readonly economicsAt: (utilization: number, basis: CostBasis) => TokenEconomics;
  readonly slo: { readonly attainment: number; readonly met: boolean };
  /** What the served tokens earn, USD. */
  readonly revenueUsd: number;
}

/**
 * What the simulated fleet costs under each way of paying: an autoscaled on-demand rental pays for
 * the instance-hours it keeps up; a commitment (or ownership) pays for the peak fleet all the
 * time; a committed block pays its instances all the time and rents the rest on demand. The cost
 * per million tokens of each kind is the pipeline's (`economicsAt`) at the utilization the fleet
 * reached (busy share of paid GPU-hours) and the bill's cost per paid GPU-hour: the same closed
 * form as `report`, so the two agree wherever the utilization does.
 */
export function fleetCosts(x: FleetCostInputs): FleetCost[] {
  const { sim, gpusPerInstance: g } = x;
  const hours = sim.durationSeconds / SECONDS_PER_HOUR;
  // Capacity used (tokens over the rate at the operating point), not "a step was running": the share the cost is spread over.
  const busy = (sim.usedInstanceSeconds / SECONDS_PER_HOUR) * g;
  const activeGpuHours = (sim.activeInstanceSeconds / SECONDS_PER_HOUR) * g;
  const peakGpuHours = sim.maxInstances * g * hours;
  const onDemand = x.onDemand.priceUsdPerGpuHour;
  const block = x.committedBlockInstances; // paid whether the fleet used them or not
  const blockGpuHours = block * g * hours;
  // Overflow: instance-hours above the block, bucket by bucket.
  const overflowGpuHours = sim.buckets.reduce((sum, b) => {
    const width = Math.min(sim.bucketSeconds, sim.durationSeconds - b.startSeconds) / SECONDS_PER_HOUR;
    return sum + Math.max(0, b.activeInstances - block) * g * width;
  }, 0);
  const ownedUtilization = peakGpuHours > 0 ? Math.min(1, busy / peakGpuHours) : 0;
  const ownedCost = gpuHourCost(x.owned, ownedUtilization).totalUsdPerGpuHour * peakGpuHours;
  const make = (basis: FleetCost['basis'], paid: number, cost: number, note: string): FleetCost => {
    const utilization = paid > 0 ? Math.min(1, busy / paid) : 0;
    // A paid GPU-hour of this bill, as a rented price: the pipeline turns it into a busy GPU-second's cost at the utilization.
    const e = utilization > 0 ? x.economicsAt(utilization, { kind: 'rented', priceUsdPerGpuHour: cost / paid, commitment: null }) : null;
    return {
      basis, paidGpuHours: paid, busyGpuHours: busy, utilization, costUsd: cost,
      costUsdPerMillionInputTokens: e?.costUsdPerMillionInputTokens ?? 0,
      costUsdPerMillionCachedInputTokens: e?.costUsdPerMillionCachedInputTokens ?? 0,
      costUsdPerMillionOutputTokens: e?.costUsdPerMillionOutputTokens ?? 0,
      marginFraction: x.revenueUsd > 0 ? (x.revenueUsd - cost) / x.revenueUsd : -Infinity,
      sloAttainment: x.slo.attainment, meetsSlo: x.slo.met,
      note,
    };
  };
  const c = x.committed;
  // A committed term pays max(used, minimum) GPUs all the time (`commitmentCostUsd` over the run's hours).
  const committedGpuHours = (gpuHours: number) => (c?.commitment === null || c === null ? gpuHours : Math.max(gpuHours, c.commitment.minimumGpus * hours));
  const committedNote = c === null ? '' : ` at $${c.priceUsdPerGpuHour.toFixed(2)} (${c.sources?.priceUsdPerGpuHour ?? 'the scenario\'s committed rate'})`;
  return [
    make('rented on demand, as simulated', activeGpuHours, activeGpuHours * onDemand, `$${onDemand.toFixed(2)} per GPU-hour for the instance-hours kept up`),
    ...(c === null ? [] : [
      make('committed, fixed fleet for the peak', committedGpuHours(peakGpuHours), committedGpuHours(peakGpuHours) * c.priceUsdPerGpuHour, `${sim.maxInstances} instances all the time${committedNote}`),
    ]),
    make('owned, fixed fleet for the peak', peakGpuHours, ownedCost, `${sim.maxInstances} instances owned; power at ${(ownedUtilization * 100).toFixed(0)}% load`),
    ...(c === null ? [] : [
      make('committed block + on-demand overflow', committedGpuHours(blockGpuHours) + overflowGpuHours, committedGpuHours(blockGpuHours) * c.priceUsdPerGpuHour + overflowGpuHours * onDemand,
        `${block} instances committed${committedNote} all the time, the rest on demand`),
    ]),
  ];
}
