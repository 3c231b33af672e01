import { parseScenario, resolveScenario } from '../../../src/core/scenario/index.js';
import { runSimulation } from '../../../src/core/sim/runSimulation.js';
import type { FleetHourRow, LatencyBucketRow } from '../charts/types.js';
import type { AppState } from './computeView.js';

/** The demand the page simulates: a rate, a peak-to-average, a length and how the fleet is sized. */
export interface DemandState {
  readonly requestsPerSecond: number;
  readonly peakToAverage: number;
  readonly durationHours: number;
  readonly fleet: 'autoscale' | 'fixed';
}

export const DEFAULT_DEMAND: DemandState = { requestsPerSecond: 10, peakToAverage: 1.5, durationHours: 24, fleet: 'autoscale' };

/** Runs the discrete-event simulation of the editor's scenario under `demand` (in the worker). */
export function computeSimulation(state: AppState, demand: DemandState) {
  const scenario = parseScenario({ options: [{ ...state.option, demand: {
    requestsPerSecond: demand.requestsPerSecond, durationHours: demand.durationHours,
    profile: demand.peakToAverage <= 1 ? 'flat' : { peakToAverage: demand.peakToAverage, peakHour: 15 },
    fleet: { kind: demand.fleet }, seed: 1,
  } }] }, 'scenario');
  const [option] = resolveScenario(scenario, 'scenario');
  if (option === undefined) throw new Error('no option');
  const r = runSimulation(option, scenario.options[0]?.demand ?? {});
  const hours: FleetHourRow[] = r.sim.buckets.map((b) => ({ hour: b.startSeconds / 3600, instances: b.activeInstances, utilization: b.utilization, meanWaiting: b.meanWaiting }));
  const latency: LatencyBucketRow[] = r.sim.buckets.map((b) => ({ hour: b.startSeconds / 3600, ttftP50Seconds: b.ttftP50Seconds, ttftP99Seconds: b.ttftP99Seconds, tpotP99Seconds: b.tpotP99Seconds }));
  return {
    requests: r.sim.requests,
    sloAttainment: r.sim.sloAttainment,
    slo: r.slo,
    utilization: r.sim.utilization,
    ttftSeconds: r.sim.ttftSeconds,
    tpotSeconds: r.sim.tpotSeconds,
    maxInstances: r.sim.maxInstances,
    gpusPerInstance: r.gpusPerInstance,
    capacityRequestsPerSecondPerInstance: r.capacityRequestsPerSecondPerInstance,
    hours,
    latency,
    maxTtftSeconds: r.slo.maxTtftSeconds,
    costs: r.costs,
    analytic: r.analytic,
  };
}

export type SimulationViewModel = ReturnType<typeof computeSimulation>;
