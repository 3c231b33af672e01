import { defineCommand } from 'citty';
import { fromTrace } from '../../core/demand/arrivals.js';
import { dirname, isAbsolute, join } from 'node:path';
import { parseScenario, parseScenarioText, resolveScenario, runEach } from '../../core/scenario/index.js';
import { runSimulation, type SimulationReport } from '../../core/sim/runSimulation.js';
import defaultSimulation from '../../core/sim/defaultSimulation.json' with { type: 'json' };
import { InputError } from '../../core/errors.js';
import { rejectUnknownFlags } from '../args.js';
import { formatInt, table } from '../format.js';
import { readInputFile, type CliIo } from '../io.js';
import { resolveModel } from '../resolve.js';

const args = {
  scenario: { type: 'positional', required: false, description: 'a scenario file with a demand section (default: a built-in day of Kimi K2.5 demand)', valueHint: 'file' },
  json: { type: 'boolean', description: 'print the result as JSON' },
} as const;

const ms = (s: number) => (Number.isFinite(s) ? (s >= 10 ? `${s.toFixed(1)} s` : `${(s * 1000).toFixed(0)} ms`) : '∞');
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => (x >= 1000 ? `$${formatInt(x)}` : `$${x.toFixed(2)}`);

/** The `simulate` command: a discrete-event simulation of a fleet serving a day of demand, and what it costs. */
export function simulateCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'simulate', description: 'Simulate a fleet serving demand over a day: latency percentiles, goodput, utilization and cost per basis' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const file = typeof a.scenario === 'string' && a.scenario !== '' ? a.scenario : null;
      const scenario = file === null ? parseScenario(defaultSimulation, 'built-in simulation') : parseScenarioText(readInputFile(io, 'scenario', file, 'a readable YAML or JSON scenario file'), file);
      const options = resolveScenario(scenario, file ?? 'built-in simulation', { resolveModel: (ref) => resolveModel('model', ref, io) });
      const started = io.now?.() ?? 0;
      const progress = io.progress;
      const reports = runEach(options, file ?? 'built-in simulation', (o, i) => {
        const demand = scenario.options[i]?.demand ?? scenario.defaults?.demand ?? {};
        // A trace path is relative to the scenario file's folder, as a reader of the file expects.
        const tracePath = demand.trace === undefined ? undefined : file === null || isAbsolute(demand.trace) ? demand.trace : join(dirname(file), demand.trace);
        const trace = tracePath === undefined ? null : readTrace(io, tracePath);
        const hours = (demand.durationHours ?? 24) * 3600;
        return runSimulation(o, demand, trace, progress === undefined ? undefined : (s) => {
          if ((io.now?.() ?? 0) - started > 1000) progress(`simulating ${o.label}: ${Math.min(100, (100 * s) / hours).toFixed(0)}%`);
        });
      });
      progress?.(null);
      io.out.write(a.json ? `${JSON.stringify({ scenario: scenario.title ?? file, options: reports.map(toJson) }, null, 2)}\n` : reports.map(render).join('\n'));
    },
  });
}

/** A trace file's requests; any problem with it is a problem of the option's `demand.trace`. */
function readTrace(io: CliIo, path: string) {
  // A trace may be long: up to the 10 million requests one run simulates, about 30 bytes each.
  const text = readInputFile(io, 'demand.trace', path, 'a CSV trace file', 320 * 2 ** 20);
  try {
    return fromTrace(text, path);
  } catch (e) {
    if (e instanceof InputError) throw new InputError('demand.trace', path, 'a CSV trace file', e.message);
    throw e;
  }
}

function toJson(r: SimulationReport) {
  const { option, point, sim, ...rest } = r;
  return {
    label: option.label, model: option.model.id, gpu: option.gpu.id,
    operatingPoint: { tokensPerSecondPerUser: point.tokensPerSecondPerUser, ttftSeconds: point.ttftSeconds, sequencesPerInstance: point.sequencesPerInstance, layout: point.layout },
    simulation: sim,
    ...rest,
  };
}

function render(r: SimulationReport): string {
  const s = r.sim;
  const hours = s.durationSeconds / 3600;
  return [
    `== ${r.option.label}`,
    `${formatInt(s.requests)} requests over ${hours.toFixed(1)} h (mean ${r.meanRequestsPerSecond.toFixed(2)}/s, peak/average ${r.profilePeakToAverage.toFixed(2)}); instance: ${r.gpusPerInstance} × ${r.option.gpu.id}, batch cap ${Math.floor(r.point.sequencesPerInstance)}, ${r.capacityRequestsPerSecondPerInstance.toFixed(2)} requests/s at the latency target`,
    table([
      ['TTFT', ms(s.ttftSeconds.mean), ms(s.ttftSeconds.p50), ms(s.ttftSeconds.p90), ms(s.ttftSeconds.p99)],
      ['TPOT', ms(s.tpotSeconds.mean), ms(s.tpotSeconds.p50), ms(s.tpotSeconds.p90), ms(s.tpotSeconds.p99)],
    ], ['latency', 'mean', 'p50', 'p90', 'p99']),
    `goodput ${pct(s.goodputFraction)} of ${formatInt(s.completed)} completed requests meet the latency target${s.rejected > 0 ? `; ${s.rejected} rejected (larger than an instance's cache)` : ''}`,
    `fleet: up to ${s.maxInstances} instances, ${(s.activeInstanceSeconds / s.durationSeconds).toFixed(1)} on average; ${pct(s.usedInstanceSeconds / Math.max(1, s.activeInstanceSeconds))} of their capacity used (batch occupancy), steps running ${pct(s.busyInstanceSeconds / Math.max(1, s.activeInstanceSeconds))} of the time`,
    `queueing: M/G/c estimate of the wait for a batch slot ${ms(r.analytic.meanWaitSeconds)} at load ${pct(r.analytic.load)}; simulated mean TTFT above the idle point's ${ms(r.analytic.simulatedMeanExtraTtftSeconds)}`,
    table(r.sim.buckets.filter((_, i) => i % 3 === 0).map((b) => [`${(b.startSeconds / 3600).toFixed(0)}h`, b.activeInstances.toFixed(1), pct(b.utilization), b.meanWaiting.toFixed(1), String(b.maxWaiting)]),
      ['hour', 'instances', 'capacity used', 'mean waiting', 'max waiting']),
    table(r.costs.map((c) => [c.basis, usd(c.costUsd), `${formatInt(c.paidGpuHours)} GPU-h`, pct(c.utilization), usd(c.costUsdPerMillionInputTokens), usd(c.costUsdPerMillionOutputTokens)]),
      ['paying by', 'cost', 'paid', 'utilization', '$/M input', '$/M output']),
    'assumptions: ' + r.assumptions.map((x) => `${x.name} ${x.value}`).join('; '),
    '',
  ].join('\n');
}
