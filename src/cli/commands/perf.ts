import { defineCommand } from 'citty';
import { InputError } from '../../core/errors.js';
import { parseEngineVersion } from '../../core/perf/engineVersion.js';
import { servingPerformance, type ServingPerformance, type ServingPhase } from '../../core/perf/servingPerformance.js';
import type { StepTime } from '../../core/perf/stepTime.js';
import { oneOf } from '../../core/errors.js';
import { MICROSECONDS_PER_SECOND, TFLOP } from '../../core/units.js';
import { parseFlagNumber, parseInteger, rejectUnknownFlags } from '../args.js';
import { inRange } from '../../core/numberSchemas.js';
import { MAX_SIMULATED_REQUESTS, type Traffic } from '../../core/perf/trafficServing.js';
import { profileArg, readProfile } from '../profileArg.js';
import { table } from '../format.js';
import { count, fixed, gigabytes, milliseconds, percent, plain } from '../../format/numbers.js';
import type { CliIo } from '../io.js';
import { parseServing, servingArgs } from './servingArgs.js';
import { LIMITS } from '../../core/limits.js';

const args = {
  ...servingArgs,
  concurrency: { type: 'string', description: 'requests in flight across all GPUs (default: --max-throughput)', valueHint: 'n' },
  'max-throughput': { type: 'boolean', description: 'offline: as many requests as the KV cache and engine hold (the default)' },
  phase: { type: 'string', description: 'both (default), or a pool that only does prefill or decode', valueHint: 'both|prefill|decode' },
  'prefill-gpus': { type: 'string', description: 'disaggregated: GPUs of a separate prefill pool (the layout flags describe the decode pool)', valueHint: 'n' },
  'request-rate': { type: 'string', description: 'Poisson arrivals at this many requests per second over all GPUs, served by the engine simulator (TTFT includes queueing)', valueHint: 'r' },
  burst: { type: 'string', description: 'N requests arriving at once (vllm bench serve --request-rate inf --num-prompts N): throughput over the run, mean TTFT and TPOT', valueHint: 'N' },
  lengths: { type: 'string', description: 'with --request-rate or --burst: fixed (default) or varied (a dataset-like spread around the stated lengths)', valueHint: 'fixed|varied' },
  'engine-version': { type: 'string', description: 'the framework\'s release, e.g. 0.5.0 (default: its current release; TensorRT-LLM before 0.8 decodes GQA without XQA)', valueHint: 'x.y.z' },
  ...profileArg,
} as const;

const ms = (s: number) => milliseconds(s, s < 0.01 ? 2 : 1);
const rate = (x: number) => (x >= 100 ? count(x) : fixed(x, 1));

/** The `perf` command: tokens/s per GPU and per user, TPOT, TTFT and what bounds a step, for one setup. */
export function perfCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'perf', description: 'Serving performance of one setup: tokens/s per GPU and per user, TPOT, TTFT, step breakdown' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      if (a.concurrency !== undefined && a['max-throughput'] === true) {
        throw new InputError('--concurrency', String(a.concurrency), 'either --concurrency or --max-throughput, not both');
      }
      const input = parseServing(a, io);
      const phase = oneOf<ServingPhase>('--phase', String(a.phase ?? 'both'), ['both', 'prefill', 'decode']);
      const prefillGpus = a['prefill-gpus'] === undefined ? null : parseInteger('--prefill-gpus', a['prefill-gpus'], LIMITS.accelerators.min, LIMITS.accelerators.max);
      if (prefillGpus !== null && (prefillGpus >= input.setup.gpus || phase !== 'both')) {
        throw new InputError('--prefill-gpus', String(prefillGpus), `fewer than --gpus ${input.setup.gpus}, with --phase both`);
      }
      const concurrency = a.concurrency === undefined ? null : parseInteger('--concurrency', a.concurrency, 1, 10_000_000);
      const traffic = parseTraffic(a, concurrency, phase, prefillGpus);
      const lengths = oneOf<'fixed' | 'varied'>('--lengths', String(a.lengths ?? 'fixed'), ['fixed', 'varied']);
      const profile = readProfile(io, a.profile);
      const engineVersion = a['engine-version'] === undefined ? undefined : parseEngineVersion('--engine-version', String(a['engine-version']));
      const setup = { ...input.setup, ...(profile !== undefined && { profile }), ...(engineVersion !== undefined && { engineVersion }) };
      const result = servingPerformance(setup, { workload: input.workload, concurrency, phase, speculation: input.speculation, prefillGpus, traffic, lengths });
      const json = { model: input.setup.model.id, gpu: input.setup.gpu.id, gpus: input.setup.gpus, framework: input.setup.framework ?? 'vllm', phase, workload: input.workload, speculation: input.speculation, traffic, ...flatten(result) };
      io.out.write(a.json ? `${JSON.stringify(json, null, 2)}\n` : render(json.model, json.gpu, json.gpus, json.framework, result, input.workload));
    },
  });
}

/** `--request-rate` or `--burst` (not both, not with --concurrency, a phase or a prefill pool); null: a steady batch. */
function parseTraffic(a: Record<string, unknown>, concurrency: number | null, phase: ServingPhase, prefillGpus: number | null): Traffic | null {
  if (a['request-rate'] === undefined && a.burst === undefined) {
    if (a.lengths !== undefined) throw new InputError('--lengths', String(a.lengths), 'only with --request-rate or --burst');
    return null;
  }
  const flag = a['request-rate'] !== undefined ? '--request-rate' : '--burst';
  if (a['request-rate'] !== undefined && a.burst !== undefined) throw new InputError('--burst', String(a.burst), 'either --burst or --request-rate, not both');
  if (concurrency !== null || a['max-throughput'] === true) throw new InputError(flag, String(a[flag.slice(2)]), 'no --concurrency or --max-throughput beside it (arrivals set the load)');
  if (phase !== 'both' || prefillGpus !== null) throw new InputError(flag, String(a[flag.slice(2)]), 'prefill and decode on the same GPUs (--phase both, no --prefill-gpus)');
  if (a.burst !== undefined) {
    return { kind: 'burst', requests: parseInteger('--burst', a.burst, 1, MAX_SIMULATED_REQUESTS) };
  }
  return { kind: 'poisson', requestsPerSecond: parseFlagNumber('--request-rate', a['request-rate'], inRange('requestsPerSecond', '>')) };
}

function flatten(r: ReturnType<typeof servingPerformance>) {
  if (!r.fits) return { fits: false, memory: r.memory, smallestFit: r.smallestFit };
  const { decodeStep, prefillStep, ...point } = r.point;
  return { fits: true, ...point, concurrency: r.concurrency, layout: r.layout, prefillPool: r.prefillPool, decodeStep, prefillStep, memory: r.memory, hardwareEfficiency: r.hardwareEfficiency, frameworkEfficiency: r.frameworkEfficiency, warnings: r.warnings };
}

function stepLine(name: string, t: StepTime | null): string {
  if (t === null) return '';
  return `${name}: ${ms(t.stepSeconds)} = kernels ${ms(t.kernelSeconds)} (compute ${ms(t.computeSeconds)}, memory ${ms(t.memorySeconds)}, each kernel on the smooth roofline) + communication ${ms(t.communicationSeconds)}` +
    (t.communicationTotalSeconds > t.communicationSeconds * 1.001 ? ` (of ${ms(t.communicationTotalSeconds)}, the rest overlapped)` : '') +
    ` + overhead ${ms(t.overheadSeconds)}; bound by ${t.bound}; ${gigabytes(t.hbmBytesPerGpu)} read and ${fixed(t.flopPerGpu / TFLOP, 2)} TFLOP per GPU\n`;
}

/** The factors behind the step, three significant figures each. */
function efficiencyLine(gpus: number, framework: string, p: ServingPerformance): string {
  const h = p.hardwareEfficiency;
  const f = p.frameworkEfficiency;
  const x = (v: number) => plain(v, 3);
  const us = (s: number) => `${x(s * MICROSECONDS_PER_SECOND)} µs`;
  return `efficiency  ${gpus} GPUs of family factors: hbm ${x(h.hbm)} (experts ×${x(h.expertHbmShare)}, KV ×${x(h.kvHbmShare)}), matmul bf16/fp8/fp4 ${x(h.matmulBf16)}/${x(h.matmulFp8)}/${x(h.matmulFp4)}, links ${x(h.scaleUpLink)}; ` +
    `${framework}: kernels ×${x(f.kernelQuality)}, overhead ${ms(f.stepOverheadSeconds)} a step + ${us(f.sequenceOverheadSeconds)} a sequence + ${us(f.moeLayerOverheadSeconds)} a MoE layer, batch cap ${count(f.maxBatchSequences)} a rank`;
}

function render(model: string, gpu: string, gpus: number, framework: string, r: ReturnType<typeof servingPerformance>, w: { inputTokens: number; outputTokens: number; prefixCacheHitRate: number }): string {
  const head = `Serving performance: ${model} on ${gpus} × ${gpu} with ${framework}\n`;
  if (!r.fits) {
    const s = r.smallestFit;
    return `${head}DOES NOT FIT: short by ${gigabytes(r.memory.shortfallBytesPerGpu)} per GPU; nothing computed.` +
      (s === null ? '\n' : ` The smallest count of ${gpu} that fits is ${s.gpus} (TP ${s.layout.tp} × PP ${s.layout.pp}).\n`);
  }
  const p: ServingPerformance = r;
  const l = p.layout;
  const pt = p.point;
  const lines = [
    head,
    `layout      ${l.replicas} × (TP ${l.tp} × PP ${l.pp}, EP ${l.ep}${l.dpAttention ? ', data-parallel attention' : ''})` +
      (p.prefillPool === null ? '' : ` decoding; prefill pool of ${p.prefillPool.gpus} GPUs: TP ${p.prefillPool.layout.tp}, EP ${p.prefillPool.layout.ep}${p.prefillPool.layout.dpAttention ? ', DP attention' : ''}`),
    `precision   weights ${p.memory.weightPrecisions.otherLinear} (experts ${p.memory.weightPrecisions.routedExperts}), KV ${p.memory.kvPrecision}`,
    `workload    ${count(w.inputTokens)} input + ${count(w.outputTokens)} output tokens a request, ${percent(w.prefixCacheHitRate, 0)} prefix-cache hits; ${count(p.concurrency)} requests in flight`,
    '',
    table([
      ['input tokens/s', rate(pt.inputTokensPerSecondPerGpu), rate(pt.inputTokensPerSecondPerGpu * gpus)],
      ['output tokens/s', rate(pt.outputTokensPerSecondPerGpu), rate(pt.outputTokensPerSecondPerGpu * gpus)],
      ['total tokens/s', rate(pt.totalTokensPerSecondPerGpu), rate(pt.totalTokensPerSecondPerGpu * gpus)],
    ], ['', 'per GPU', 'whole system']),
    table([
      ['tokens/s per user', rate(pt.tokensPerSecondPerUser)],
      ['TPOT', pt.tpotSeconds > 0 ? ms(pt.tpotSeconds) : 'n/a'],
      ['TTFT', pt.ttftSeconds > 0 ? ms(pt.ttftSeconds) : 'n/a'],
    ]),
    stepLine(`decode step (${count(pt.sequencesPerInstance)} sequences an instance)`, pt.decodeStep) + stepLine('prefill step', pt.prefillStep),
    efficiencyLine(l.gpus, framework, p),
    ...p.warnings.map((x) => `note: ${x}`),
  ];
  return lines.join('\n') + '\n';
}
