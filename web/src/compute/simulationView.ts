import * as v from 'valibot';
import { parseTrace } from '../../../src/core/demand/trace/parseTrace.js';
import { DEMAND_SCHEMAS } from '../state/panelNumbers.js';
import { parseScenario, resolveScenario } from '../../../src/core/scenario/index.js';
import { TRACE_SOURCES, type TraceSource } from '../data/traces/traces.js';
import { runSimulation } from '../../../src/core/sim/runSimulation.js';
import { SECONDS_PER_HOUR } from '../../../src/core/units.js';
import type { FleetHourRow, LatencyBucketRow } from '../charts/types.js';
import type { AppState } from './computeView.js';

/** The demand the page simulates: a synthetic day (rate, peak-to-average, length) or a trace slice, and how the fleet is sized. */
export interface DemandState {
  readonly source: 'synthetic' | TraceSource;
  readonly requestsPerSecond: number;
  readonly peakToAverage: number;
  readonly durationHours: number;
  readonly fleet: 'autoscale' | 'fixed' | 'smallest-meeting-slo';
}

export const DEFAULT_DEMAND: DemandState = { source: 'synthetic', requestsPerSecond: 10, peakToAverage: 1.5, durationHours: 24, fleet: 'autoscale' };

const SOURCES = ['synthetic', ...Object.keys(TRACE_SOURCES)] as const;
const FLEETS = ['autoscale', 'fixed', 'smallest-meeting-slo'] as const;

/** Whether `x` is a DemandState (from a link): every field present and in the simulation panel's range. */
export function isDemandState(x: unknown): x is DemandState {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Record<string, unknown>;
  return (SOURCES as readonly unknown[]).includes(d.source) && (FLEETS as readonly unknown[]).includes(d.fleet) &&
    v.is(DEMAND_SCHEMAS.requestsPerSecond, d.requestsPerSecond) && v.is(DEMAND_SCHEMAS.peakToAverage, d.peakToAverage) && v.is(DEMAND_SCHEMAS.durationHours, d.durationHours);
}

/**
 * Runs the discrete-event simulation of the editor's scenario under `demand` (in the worker); for a
 * trace source, `traceText` is the slice's text (a trace replaces the rate, profile and length).
 */
export function computeSimulation(state: AppState, demand: DemandState, traceText: string | null = null) {
  const trace = demand.source === 'synthetic' || traceText === null ? null : parseTrace(traceText, TRACE_SOURCES[demand.source].file);
  const scenario = parseScenario({ options: [{ ...state.option, demand: trace !== null ? { trace: trace.fileName, fleet: { kind: demand.fleet } } : {
    requestsPerSecond: demand.requestsPerSecond, durationHours: demand.durationHours,
    profile: demand.peakToAverage <= 1 ? 'flat' : { peakToAverage: demand.peakToAverage, peakHour: 15 },
    fleet: { kind: demand.fleet }, seed: 1,
  } }] }, 'scenario');
  const [option] = resolveScenario(scenario, 'scenario');
  if (option === undefined) throw new Error('no option');
  const r = runSimulation(option, scenario.options[0]?.demand ?? {}, trace);
  // A synthetic day shows its own hours: the bucket after the end holds only requests draining (24 bars for 24 hours, not 25).
  const endSeconds = trace === null ? demand.durationHours * SECONDS_PER_HOUR : Infinity;
  const buckets = r.sim.buckets.filter((b) => b.startSeconds < endSeconds - 1e-9);
  const hours: FleetHourRow[] = buckets.map((b) => ({ hour: b.startSeconds / SECONDS_PER_HOUR, instances: b.activeInstances, utilization: b.utilization, meanWaiting: b.meanWaiting }));
  const latency: LatencyBucketRow[] = buckets.map((b) => ({ hour: b.startSeconds / SECONDS_PER_HOUR, ttftP50Seconds: b.ttftP50Seconds, ttftP99Seconds: b.ttftP99Seconds, tpotP99Seconds: b.tpotP99Seconds }));
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
    search: r.search,
    trace: r.trace,
  };
}

export type SimulationViewModel = ReturnType<typeof computeSimulation>;
