import type { FrontierPoint } from '../perf/frontier.js';
import { mgcWaitSeconds } from '../queueing/erlang.js';
import type { SimulationResult } from './simulationResult.js';

/** The M/G/c estimate of queueing beside the simulation, and whether its assumptions hold. */
export interface AnalyticCheck {
  /** Mean wait for a batch slot by M/G/c (Allen–Cunneen), seconds; null at load >= 1 (the queue grows without bound). */
  readonly meanWaitSeconds: number | null;
  /** The simulated mean TTFT above the operating point's idle TTFT, seconds. */
  readonly simulatedMeanExtraTtftSeconds: number;
  /** Offered load per batch slot: arrival rate × a request's lifetime / slots. */
  readonly load: number;
  /** Whether Poisson arrivals, a steady rate and a fixed fleet below capacity all hold. */
  readonly assumptionsHold: boolean;
  /** What the estimate assumes that this run does not, or that they hold. */
  readonly verdict: string;
}

export interface AnalyticInputs {
  readonly sim: SimulationResult;
  readonly point: FrontierPoint;
  readonly maxSequences: number;
  readonly outputTokens: number;
  /** Cs² of a request's lifetime (≈ of its output tokens). */
  readonly serviceCv2: number;
  readonly poisson: boolean;
  readonly steady: boolean;
  readonly fixedFleet: boolean;
  /** Prefill and decode on separate pools (the slots are the decode pool's; prefill queues apart). */
  readonly disaggregated?: boolean;
}

/**
 * Each instance as `maxSequences` batch slots and a request holding one for its lifetime at the
 * operating point (TTFT + (output − 1) × TPOT): M/G/c at the run's mean arrival rate and mean fleet.
 * The estimate is honest only where its assumptions hold: Poisson arrivals at a steady rate on a
 * fixed fleet below capacity; otherwise the verdict says which fails, and above capacity that the
 * queue grows without bound (the estimate is then infinite, whatever the simulation's finite run
 * shows). Example: 4 instances of 16 slots, 1 request/s of 40 s lifetimes: load 0.63, a short wait.
 */
export function analyticCheck(x: AnalyticInputs): AnalyticCheck {
  const { sim, point: p } = x;
  const lifetime = p.ttftSeconds + Math.max(0, x.outputTokens - 1) * p.tpotSeconds; // the first token comes with the prompt
  const duration = Math.max(1e-9, sim.durationSeconds);
  const meanInstances = sim.activeInstanceSeconds / duration;
  const slots = Math.max(1, Math.round(meanInstances * x.maxSequences));
  const arrivalRate = sim.requests / Math.max(1e-9, sim.lastArrivalSeconds);
  const load = (arrivalRate * lifetime) / slots;
  const meanWaitSeconds = load >= 1 ? null : mgcWaitSeconds(arrivalRate, lifetime, x.serviceCv2, slots);
  const fails: string[] = [];
  if (load >= 1) fails.push(`arrival rate above capacity (load ${(load * 100).toFixed(0)}%): the queue grows without bound`);
  if (!x.poisson) fails.push('arrivals are not Poisson (a trace or bursts)');
  if (!x.steady) fails.push('the rate moves over time (the estimate is at the mean load)');
  if (!x.fixedFleet) fails.push('the fleet changes size (the estimate uses its mean)');
  if (x.disaggregated === true) fails.push('prefill runs on a pool of its own (the estimate counts every paid GPU as decode slots)');
  const assumptionsHold = fails.length === 0;
  return {
    meanWaitSeconds, simulatedMeanExtraTtftSeconds: Math.max(0, sim.ttftSeconds.mean - p.ttftSeconds), load, assumptionsHold,
    verdict: assumptionsHold ? 'assumptions hold (Poisson arrivals, steady rate, fixed fleet below capacity): compare it with the simulation' : `assumptions do not hold: ${fails.join('; ')}`,
  };
}
