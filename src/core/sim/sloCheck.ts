import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { SimulationResult } from './simulationResult.js';

/** Whether a simulated fleet met its service-level objective, and by what margin. */
export interface SloCheck {
  /** TTFT bound at the 99th percentile, seconds (null: none). */
  readonly maxTtftSeconds: number | null;
  /** TPOT bound at the 99th percentile, seconds (1 / tokens/s per user; null: none). */
  readonly maxTpotSeconds: number | null;
  readonly p99TtftSeconds: number;
  readonly p99TpotSeconds: number;
  /** Share of requests meeting both bounds (the simulation's). */
  readonly attainment: number;
  readonly met: boolean;
  /** Why not, one phrase per miss: `p99 TTFT 12.3 s > 5 s`. */
  readonly misses: readonly string[];
}

const seconds = (s: number) => (s >= 10 ? `${s.toFixed(1)} s` : s >= 1 ? `${s.toFixed(2)} s` : `${(s * 1000).toFixed(0)} ms`);

/**
 * The SLO of a latency target over a simulation: p99 TTFT at most `maxTtftSeconds` and p99 TPOT
 * at most 1 / `minTokensPerSecondPerUser`, with no request rejected (too large for an instance)
 * and at least one completed; over paid traffic alone when the run has free traffic. Example: p99 TTFT 7 s against 5 s misses with `p99 TTFT 7.00 s > 5.00 s`.
 */
export function checkSlo(sim: SimulationResult, target: LatencyTarget): SloCheck {
  const maxTtftSeconds = target.maxTtftSeconds;
  const maxTpotSeconds = target.minTokensPerSecondPerUser === null ? null : 1 / target.minTokensPerSecondPerUser;
  // With free traffic the SLO is the paid traffic's: free requests are best effort.
  const c = sim.priorityClasses?.paid ?? sim;
  const p99TtftSeconds = c.ttftSeconds.p99;
  const p99TpotSeconds = Number.isNaN(c.tpotSeconds.p99) ? 0 : c.tpotSeconds.p99;
  const misses: string[] = [];
  if (c.completed === 0) misses.push('no request completed');
  if (maxTtftSeconds !== null && !(p99TtftSeconds <= maxTtftSeconds)) misses.push(`p99 TTFT ${seconds(p99TtftSeconds)} > ${seconds(maxTtftSeconds)}`);
  if (maxTpotSeconds !== null && !(p99TpotSeconds <= maxTpotSeconds)) misses.push(`p99 TPOT ${seconds(p99TpotSeconds)} > ${seconds(maxTpotSeconds)}`);
  if (sim.rejected > 0) misses.push(`${sim.rejected} requests rejected (larger than an instance's KV cache)`);
  return { maxTtftSeconds, maxTpotSeconds, p99TtftSeconds, p99TpotSeconds, attainment: c.sloAttainment, met: misses.length === 0, misses };
}
