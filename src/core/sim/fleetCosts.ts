import { gpuHourCost } from '../money/gpuHourCost.js';
import type { CostBasis } from '../money/costBasis.js';
import type { SimulationResult } from './simulate.js';

/** How GPU-time splits between kinds of token at the operating point (shares sum to 1). */
export interface TokenShares {
  readonly freshInput: number;
  readonly cachedInput: number;
  readonly output: number;
}

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
  readonly onDemandUsdPerGpuHour: number;
  /** Committed price as a discount off on-demand (0.3: 30% below). */
  readonly commitmentDiscountFraction: number;
  /** Committed price per GPU-hour, when given: replaces the discount. */
  readonly committedUsdPerGpuHour?: number;
  /** Instances in the committed block of the block + overflow option. */
  readonly committedBlockInstances: number;
  readonly owned: CostBasis;
  readonly shares: TokenShares;
  readonly freshInputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
  readonly slo: { readonly attainment: number; readonly met: boolean };
  /** What the served tokens earn, USD. */
  readonly revenueUsd: number;
}

/**
 * What the simulated fleet costs under each way of paying: an autoscaled on-demand rental pays for
 * the instance-hours it keeps up; a commitment (or ownership) pays for the peak fleet all the
 * time; a committed block pays its instances all the time and rents the rest on demand. The cost
 * per million tokens splits the bill by the operating point's GPU-time shares.
 */
export function fleetCosts(x: FleetCostInputs): FleetCost[] {
  const { sim, gpusPerInstance: g } = x;
  const hours = sim.durationSeconds / 3600;
  // Capacity used (tokens over the rate at the operating point), not "a step was running": the share the cost is spread over.
  const busy = (sim.usedInstanceSeconds / 3600) * g;
  const activeGpuHours = (sim.activeInstanceSeconds / 3600) * g;
  const peakGpuHours = sim.maxInstances * g * hours;
  const committed = x.committedUsdPerGpuHour ?? x.onDemandUsdPerGpuHour * (1 - x.commitmentDiscountFraction);
  const committedNote = x.committedUsdPerGpuHour === undefined ? ` (${(x.commitmentDiscountFraction * 100).toFixed(0)}% below on demand)` : '';
  const block = x.committedBlockInstances; // paid whether the fleet used them or not
  const blockGpuHours = block * g * hours;
  // Overflow: instance-hours above the block, bucket by bucket.
  const overflowGpuHours = sim.buckets.reduce((sum, b) => {
    const width = Math.min(sim.bucketSeconds, sim.durationSeconds - b.startSeconds) / 3600;
    return sum + Math.max(0, b.activeInstances - block) * g * width;
  }, 0);
  const ownedUtilization = peakGpuHours > 0 ? Math.min(1, busy / peakGpuHours) : 0;
  const ownedCost = gpuHourCost(x.owned, ownedUtilization).totalUsdPerGpuHour * peakGpuHours;
  const make = (basis: FleetCost['basis'], paid: number, cost: number, note: string): FleetCost => ({
    basis, paidGpuHours: paid, busyGpuHours: busy, utilization: paid > 0 ? Math.min(1, busy / paid) : 0, costUsd: cost,
    costUsdPerMillionInputTokens: x.freshInputTokens > 0 ? ((cost * x.shares.freshInput) / x.freshInputTokens) * 1e6 : 0,
    costUsdPerMillionCachedInputTokens: x.cachedInputTokens > 0 ? ((cost * x.shares.cachedInput) / x.cachedInputTokens) * 1e6 : 0,
    costUsdPerMillionOutputTokens: x.outputTokens > 0 ? ((cost * x.shares.output) / x.outputTokens) * 1e6 : 0,
    marginFraction: x.revenueUsd > 0 ? (x.revenueUsd - cost) / x.revenueUsd : -Infinity,
    sloAttainment: x.slo.attainment, meetsSlo: x.slo.met,
    note,
  });
  return [
    make('rented on demand, as simulated', activeGpuHours, activeGpuHours * x.onDemandUsdPerGpuHour, `$${x.onDemandUsdPerGpuHour.toFixed(2)} per GPU-hour for the instance-hours kept up`),
    make('committed, fixed fleet for the peak', peakGpuHours, peakGpuHours * committed, `${sim.maxInstances} instances all the time at $${committed.toFixed(2)}${committedNote}`),
    make('owned, fixed fleet for the peak', peakGpuHours, ownedCost, `${sim.maxInstances} instances owned; power at ${(ownedUtilization * 100).toFixed(0)}% load`),
    make('committed block + on-demand overflow', blockGpuHours + overflowGpuHours, blockGpuHours * committed + overflowGpuHours * x.onDemandUsdPerGpuHour,
      `${block} instances committed at $${committed.toFixed(2)} all the time, the rest on demand`),
  ];
}
