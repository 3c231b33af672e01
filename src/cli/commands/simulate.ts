import { dirname, isAbsolute, resolve } from 'node:path';
import { defineCommand } from 'citty';
import { parseTrace, type ParsedTrace } from '../../core/demand/trace/parseTrace.js';
import { parseScenario, parseScenarioText, resolveScenario, runEach } from '../../core/scenario/index.js';
import { runSimulation, type SimulationReport } from '../../core/sim/runSimulation.js';
import defaultSimulation from '../../core/sim/defaultSimulation.json' with { type: 'json' };
import { rejectUnknownFlags } from '../args.js';
import { table } from '../format.js';
import { count, fixed, latency, percent, usd as formatUsd, USD_STYLES } from '../../format/numbers.js';
import { readInputFile, type CliIo } from '../io.js';
import { resolveModel } from '../resolve.js';
import { profileArg, readProfile } from '../profileArg.js';
import { HOURS_PER_DAY, SECONDS_PER_HOUR } from '../../core/units.js';

const args = {
  scenario: { type: 'positional', required: false, description: 'a scenario file with a demand section (default: a built-in day of Kimi K2.5 demand)', valueHint: 'file' },
  json: { type: 'boolean', description: 'print the result as JSON' },
  ...profileArg,
} as const;

const pct = (x: number) => percent(x, 1);
const usd = (x: number) => formatUsd(x, USD_STYLES.bill);
/** Bad trace rows listed in the text output; the JSON has them all. */
const LISTED_PROBLEMS = 10;

/** The `simulate` command: a discrete-event simulation of a fleet serving demand (generated or a trace), and what it costs. */
export function simulateCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'simulate', description: 'Simulate a fleet serving demand (a day of generated traffic or a replayed trace): latency percentiles, SLO attainment, utilization and cost per basis' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const file = typeof a.scenario === 'string' && a.scenario !== '' ? a.scenario : null;
      const scenario = file === null ? parseScenario(defaultSimulation, 'built-in simulation') : parseScenarioText(readInputFile(io, 'scenario', file, 'a readable YAML or JSON scenario file'), file);
      const profile = readProfile(io, a.profile);
      const options = resolveScenario(scenario, file ?? 'built-in simulation', { resolveModel: (ref) => resolveModel('model', ref, io) })
        .map((o) => (profile === undefined ? o : { ...o, profile }));
      const started = io.now?.() ?? 0;
      const progress = io.progress;
      const traces = new Map<string, ParsedTrace>();
      const readTrace = (path: string): ParsedTrace => {
        // A trace path in a scenario file is relative to the file's folder.
        const full = isAbsolute(path) || file === null ? path : resolve(dirname(file), path);
        let t = traces.get(full);
        if (t === undefined) {
          // A trace may be long: up to the 10 million requests one run simulates, about 30 bytes each.
          t = parseTrace(readInputFile(io, 'demand.trace', full, 'a trace file (Azure CSV, Mooncake JSONL or arrival_seconds,input_tokens,output_tokens CSV)', 320 * 2 ** 20), path);
          traces.set(full, t);
        }
        return t;
      };
      const reports = runEach(options, file ?? 'built-in simulation', (o, i) => {
        const demand = { ...scenario.defaults?.demand, ...scenario.options[i]?.demand };
        const trace = demand.trace === undefined ? null : readTrace(demand.trace);
        const seconds = trace === null || demand.durationHours !== undefined ? (demand.durationHours ?? HOURS_PER_DAY) * SECONDS_PER_HOUR : Math.max(1, trace.requests.at(-1)?.arrivalSeconds ?? 1);
        return runSimulation(o, demand, trace, progress === undefined ? undefined : (s, note) => {
          if ((io.now?.() ?? 0) - started > 1000) progress(`simulating ${o.label}${note === '' ? '' : ` (${note})`}: ${percent(Math.min(1, s / seconds))}`);
        });
      });
      progress?.(null);
      io.out.write(a.json ? `${JSON.stringify({ scenario: scenario.title ?? file, options: reports.map(toJson) }, null, 2)}\n` : render(reports));
    },
  });
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

/** The cheapest basis of a report, among those that meet the SLO first. */
function cheapest(r: SimulationReport) {
  return [...r.costs].sort((a, b) => Number(b.meetsSlo) - Number(a.meetsSlo) || a.costUsdPerMillionOutputTokens - b.costUsdPerMillionOutputTokens)[0];
}

function render(reports: readonly SimulationReport[]): string {
  const parts = reports.map(renderOne);
  if (reports.length > 1) {
    // Cheapest first, but a fleet that misses its SLO never ranks above one that meets it.
    const ranked = reports.map((r) => ({ r, c: cheapest(r) })).sort((x, y) =>
      Number(y.r.slo.met) - Number(x.r.slo.met) || (x.c?.costUsdPerMillionOutputTokens ?? Infinity) - (y.c?.costUsdPerMillionOutputTokens ?? Infinity));
    parts.push([
      '== ranking: cheapest $/M output among fleets that meet their SLO; a fleet that misses it is ranked after them and marked',
      table(ranked.map(({ r, c }) => [
        r.option.label, c?.basis ?? '', usd(c?.costUsdPerMillionOutputTokens ?? NaN), pct(c?.utilization ?? 0), pct(r.sim.sloAttainment),
        latency(r.slo.p99TtftSeconds), latency(r.slo.p99TpotSeconds), r.slo.met ? 'meets SLO' : `MISSES SLO: ${r.slo.misses.join(', ')}`,
      ]), ['option', 'cheapest basis', '$/M output', 'utilization', 'SLO attainment', 'p99 TTFT', 'p99 TPOT', 'SLO']),
    ].join('\n'));
  }
  return parts.join('\n');
}

/** What the served tokens earn, and what an off-peak discount did. */
function revenueLine(r: SimulationReport): string {
  const p = r.option.prices;
  const o = r.revenue.offPeak;
  return `revenue ${usd(r.revenue.usd)} at $${p.inputUsdPerMillion}/$${p.cachedInputUsdPerMillion}/$${p.outputUsdPerMillion} per million input/cached/output tokens` +
    (o === null ? '' : `; off-peak hours ${o.offPeakHours.join(',')} pay ${pct(o.discountFraction)} less: ${pct(o.shiftedShare)} of the day's demand moved into them, ${pct(o.offPeakShare)} of it now there (list revenue ${usd(r.revenue.listUsd)})`);
}

function renderOne(r: SimulationReport): string {
  const s = r.sim;
  const minutes = s.durationSeconds / 60;
  const span = minutes >= 180 ? `${fixed(minutes / 60, 1)} h` : `${fixed(minutes, 1)} min`;
  const t = r.trace;
  const lines = [
    `== ${r.option.label}`,
    `${count(s.requests)} requests over ${span} (mean ${fixed(r.meanRequestsPerSecond, 2)}/s, peak/average ${fixed(r.profilePeakToAverage, 2)}); instance: ${r.gpusPerInstance} × ${r.option.gpu.id}, batch cap ${Math.floor(r.point.sequencesPerInstance)}, ${fixed(r.capacityRequestsPerSecondPerInstance, 2)} requests/s at the latency target`,
  ];
  if (r.pools !== null) {
    lines.push(`disaggregated: a unit of ${r.option.gpus} ${r.option.gpu.id} is ${r.pools.prefillInstancesPerUnit} prefill instance${r.pools.prefillInstancesPerUnit === 1 ? '' : 's'} of ${r.pools.prefillGpusPerInstance} GPUs and ${r.pools.decodeInstancesPerUnit} decode instance${r.pools.decodeInstancesPerUnit === 1 ? '' : 's'} of ${r.pools.decodeGpusPerInstance}; fleet sizes below are units, instance counts decode-instance equivalents (GPUs / ${r.pools.decodeGpusPerInstance})`);
  }
  if (t !== null) {
    lines.push(`trace ${t.fileName} (${t.format})${t.scale !== 1 ? ` at ${t.scale}× its rate` : ''}: ${t.skippedRows === 0 ? 'every row read' : `${count(t.skippedRows)} bad row${t.skippedRows === 1 ? '' : 's'} skipped`}` +
      `${t.prefixCache !== null ? `; prefix cache hit rate ${pct(t.prefixCache.hitRate)} from hash_ids (${pct(t.prefixCache.hbmHitTokens / Math.max(1, t.prefixCache.inputTokens))} from HBM, ${pct(t.prefixCache.hostDramHitTokens / Math.max(1, t.prefixCache.inputTokens))} from host DRAM)` : ''}`);
    for (const p of t.problems.slice(0, LISTED_PROBLEMS)) lines.push(`  ${t.fileName}: ${p}`);
    if (t.problems.length > LISTED_PROBLEMS) lines.push(`  and ${t.problems.length - LISTED_PROBLEMS} more (--json lists them all)`);
  }
  lines.push(
    table([
      ['TTFT', latency(s.ttftSeconds.mean), latency(s.ttftSeconds.p50), latency(s.ttftSeconds.p90), latency(s.ttftSeconds.p99)],
      ['TPOT', latency(s.tpotSeconds.mean), latency(s.tpotSeconds.p50), latency(s.tpotSeconds.p90), latency(s.tpotSeconds.p99)],
    ], ['latency', 'mean', 'p50', 'p90', 'p99']),
    `SLO (p99 TTFT ${r.slo.maxTtftSeconds === null ? 'any' : latency(r.slo.maxTtftSeconds)}, p99 TPOT ${r.slo.maxTpotSeconds === null ? 'any' : latency(r.slo.maxTpotSeconds)}): ${r.slo.met ? 'met' : `MISSED: ${r.slo.misses.join(', ')}`}; ` +
      `${pct(s.sloAttainment)} of ${count(s.requests)} requests within the target${s.rejected > 0 ? `; ${s.rejected} rejected (larger than an instance's cache)` : ''}`,
  );
  const pc = s.priorityClasses;
  if (pc !== null) {
    lines.push(`priority: paid ${count(pc.paid.requests)} requests, SLO attainment ${pct(pc.paid.sloAttainment)}, p99 TTFT ${latency(pc.paid.ttftSeconds.p99)}; ` +
      `free ${count(pc.free.requests)}, SLO attainment ${pct(pc.free.sloAttainment)}, p99 TTFT ${latency(pc.free.ttftSeconds.p99)}, ${count(s.shed)} shed`);
  }
  if (r.search !== null) {
    const f = r.search.oneFewer;
    const unit = r.pools === null ? 'instance' : 'unit';
    lines.push(`smallest fleet meeting the SLO: ${r.search.meetsSlo ? `${r.search.instances} ${unit}s` : `none (${r.search.reason ?? ''})`}` +
      `${f !== null ? `; ${f.instances} ${unit}${f.instances === 1 ? '' : 's'} ${f.meetsSlo ? (f.instances === 1 ? 'also meets it' : 'also meet it') : `${f.instances === 1 ? 'misses' : 'miss'} it (p99 TTFT ${latency(f.p99TtftSeconds)}, p99 TPOT ${latency(f.p99TpotSeconds)})`}` : ''}; tried ${r.search.trials.map((x) => `${x.instances}${x.meetsSlo ? '✓' : '✗'}`).join(' ')}`);
  }
  lines.push(
    `fleet: up to ${s.maxInstances} instances${r.autoscaler !== null && s.maxInstances >= r.autoscaler.maxInstances ? ` (the autoscaler's maximum: raise fleet.maxInstances to let it grow)` : ''}, ${fixed(s.activeInstanceSeconds / Math.max(1e-9, s.durationSeconds), 1)} on average${s.scaleEvents > 0 ? `, ${s.scaleEvents} changes of size` : ''}; utilization ${pct(s.utilization)} of their capacity at the latency target (output tokens served / what they could serve), steps running ${pct(s.busyInstanceSeconds / Math.max(1e-9, s.activeInstanceSeconds))} of the time, batches ${pct(s.batchOccupancy)} full on average (batch occupancy)`,
    `queueing: M/G/c estimate of the wait for a batch slot ${r.analytic.meanWaitSeconds === null ? '∞ (above capacity)' : latency(r.analytic.meanWaitSeconds)} at load ${pct(r.analytic.load)}; simulated mean TTFT above the idle point's ${latency(r.analytic.simulatedMeanExtraTtftSeconds)}; ${r.analytic.verdict}`,
  );
  const every = Math.max(1, Math.ceil(s.buckets.length / 12));
  const at = (seconds: number) => (s.bucketSeconds >= SECONDS_PER_HOUR ? `${fixed(seconds / SECONDS_PER_HOUR, 0)}h` : `${fixed(seconds / 60, 0)} min`);
  lines.push(
    table(s.buckets.filter((_, i) => i % every === 0).map((b) => [at(b.startSeconds), fixed(b.activeInstances, 1), pct(b.utilization), fixed(b.meanWaiting, 1), String(b.maxWaiting), latency(b.ttftP99Seconds), latency(b.tpotP99Seconds)]),
      [s.bucketSeconds >= SECONDS_PER_HOUR ? 'hour' : 'from', 'instances', 'capacity used', 'mean waiting', 'max waiting', 'p99 TTFT', 'p99 TPOT']),
    revenueLine(r),
    table(r.costs.map((c) => [c.basis, usd(c.costUsd), `${count(c.paidGpuHours)} GPU-h`, pct(c.utilization), usd(c.costUsdPerMillionInputTokens), usd(c.costUsdPerMillionOutputTokens), pct(c.marginFraction), pct(c.sloAttainment), c.meetsSlo ? 'meets SLO' : 'MISSES SLO']),
      ['paying by', 'cost', 'paid', 'utilization', '$/M input', '$/M output', 'margin', 'SLO attainment', 'SLO']),
    'assumptions: ' + r.assumptions.map((x) => `${x.name} ${x.value}`).join('; '),
    '',
  );
  return lines.join('\n');
}
