import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { SimulationResult } from './simulationResult.js';
import { checkSlo } from './sloCheck.js';

/** One fleet size tried: what its simulation gave against the SLO. */
export interface FleetTrial {
  readonly instances: number;
  readonly p99TtftSeconds: number;
  readonly p99TpotSeconds: number;
  readonly sloAttainment: number;
  readonly utilization: number;
  readonly meetsSlo: boolean;
}

export interface FleetSearch {
  /** The smallest fleet found that meets the SLO (or `maxInstances` when none does). */
  readonly instances: number;
  readonly meetsSlo: boolean;
  /** The same run with one instance fewer (null at 1 instance): it misses when the search succeeds. */
  readonly oneFewer: FleetTrial | null;
  /** Why the search stopped without a fleet that meets the SLO (null when it found one). */
  readonly reason: string | null;
  /** Every size simulated, in the order tried. */
  readonly trials: readonly FleetTrial[];
  readonly sim: SimulationResult;
}

/**
 * The smallest fixed fleet whose simulated p99 TTFT and TPOT meet the latency target (checkSlo):
 * from `firstGuess`, growing by a quarter (at least one) until a size meets it (at most `maxInstances`), or down by 1, 2, 4, … until one misses, then bisecting
 * between the last miss and the first hit; the size one below the answer is always
 * simulated, so the answer is shown to be the least: n meets, n − 1 misses. Meeting the SLO is
 * taken to be monotone in the fleet size between the sizes tried (more instances, shorter queues);
 * when two sizes in a row miss with p99 TTFT and TPOT within 2% of each other, the miss is not
 * queueing and the search stops, saying so.
 * Example: with one instance serving 10 requests/s at the target and 25 requests/s of demand, 3.
 *
 * @param simulateFleet runs the demand on a fixed fleet of n instances (deterministic)
 */
export function smallestFleetMeetingSlo(
  simulateFleet: (instances: number) => SimulationResult,
  target: LatencyTarget,
  options: { readonly firstGuess: number; readonly maxInstances: number },
): FleetSearch {
  const runs = new Map<number, SimulationResult>();
  const trials: FleetTrial[] = [];
  const trial = (n: number): FleetTrial => {
    let sim = runs.get(n);
    if (sim === undefined) {
      sim = simulateFleet(n);
      runs.set(n, sim);
      const slo = checkSlo(sim, target);
      trials.push({ instances: n, p99TtftSeconds: slo.p99TtftSeconds, p99TpotSeconds: slo.p99TpotSeconds, sloAttainment: sim.sloAttainment, utilization: sim.utilization, meetsSlo: slo.met });
    }
    return trials.find((t) => t.instances === n) as FleetTrial;
  };
  const max = Math.max(1, options.maxInstances);
  let hi = Math.min(max, Math.max(1, Math.round(options.firstGuess)));
  let lo = 0; // largest size known to miss (0: none tried)
  const close = (a: number, b: number) => Math.abs(a - b) <= 0.02 * Math.max(Math.abs(a), Math.abs(b));
  while (!trial(hi).meetsSlo) {
    const missed = (reason: string) => ({ instances: hi, meetsSlo: false, reason, oneFewer: hi > 1 ? trial(hi - 1) : null, trials, sim: runs.get(hi) as SimulationResult });
    if (hi >= max) return missed(`no fleet up to ${max} meets it`);
    // Latency that no longer falls as the fleet grows is not queueing: more instances will not help.
    const prev = lo > 0 ? trial(lo) : null;
    const now = trial(hi);
    if (prev !== null && close(prev.p99TtftSeconds, now.p99TtftSeconds) && close(prev.p99TpotSeconds, now.p99TpotSeconds)) {
      return missed(`p99 TTFT and TPOT stay within 2% from ${lo} to ${hi}: the miss is not queueing, and more instances do not mend it`);
    }
    lo = hi;
    hi = Math.min(max, Math.max(hi + 1, Math.ceil(hi * 1.25)));
  }
  if (lo === 0) {
    // The first guess meets it: step down by 1, 2, 4, … until a size misses.
    let step = 1;
    while (hi > 1) {
      const down = Math.max(1, hi - step);
      if (trial(down).meetsSlo) hi = down;
      else {
        lo = down;
        break;
      }
      step *= 2;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (trial(mid).meetsSlo) hi = mid;
    else lo = mid;
  }
  return { instances: hi, meetsSlo: true, reason: null, oneFewer: hi > 1 ? trial(hi - 1) : null, trials, sim: runs.get(hi) as SimulationResult };
}
