import { defineCommand } from 'citty';
import type { Accelerator } from '../../core/accelerator/accelerator.js';
import { memoryFit, DEFAULT_CONTEXT_TOKENS, type MemoryFit } from '../../core/memory/memoryFit.js';
import { smallestFittingGpuCount, MAX_SEARCHED_GPUS, type SmallestFit } from '../../core/memory/smallestFit.js';
import { bytesPerWeight, describePrecision, parseKvPrecision, parsePrecision } from '../../core/precision.js';
import { optionalInteger, parseNumber, rejectUnknownFlags } from '../args.js';
import { LIMITS } from '../../core/limits.js';
import { table } from '../format.js';
import { count, gibibytes, gigabytes, paramsPrecise, percent, upTo } from '../../format/numbers.js';
import type { CliIo } from '../io.js';
import { resolveGpu, resolveModel } from '../resolve.js';
import { parsePlacement, placementArgs } from './layoutArgs.js';

const args = {
  ...placementArgs,
  'weight-precision': { type: 'string', description: 'precision of all linear weights (default: the checkpoint\'s own): bf16, fp16, fp8, int8, fp4, nvfp4, mxfp4, int4', valueHint: 'p' },
  'kv-precision': { type: 'string', description: 'KV-cache precision (default bf16): bf16, fp16, fp8, int8, fp4', valueHint: 'p' },
  'context-tokens': { type: 'string', description: `tokens per sequence, prompt plus output (default ${DEFAULT_CONTEXT_TOKENS})`, valueHint: 'n' },
  'memory-utilization': { type: 'string', description: 'share of HBM the engine may use (default 0.9)', valueHint: 'x' },
  json: { type: 'boolean', description: 'print the result as JSON (SI units)' },
} as const;

export interface FitResult extends MemoryFit {
  /** The smallest count of this GPU that fits, when this setup does not. */
  readonly smallestFit: SmallestFit | null;
}

/** The `fit` command: how a model's weights and KV cache fit on N accelerators. */
export function fitCommand(io: CliIo) {
  return defineCommand({
    meta: { name: 'fit', description: 'Memory fit: weights, KV cache and concurrent sequences of a model on N accelerators' },
    args,
    run({ args: a, rawArgs }) {
      rejectUnknownFlags(rawArgs, args);
      const placement = parsePlacement(a);
      const weightPrecision = a['weight-precision'] === undefined ? undefined : parsePrecision('--weight-precision', a['weight-precision']);
      const options = {
        ...(weightPrecision !== undefined && { weightPrecision }),
        ...(a['kv-precision'] !== undefined && { kvPrecision: parseKvPrecision('--kv-precision', a['kv-precision']) }),
        ...(a['context-tokens'] !== undefined && { contextTokens: optionalInteger('--context-tokens', a['context-tokens'], 1, LIMITS.inputTokens.max + LIMITS.outputTokens.max) }),
        ...(a['memory-utilization'] !== undefined && { memoryUtilization: parseNumber('--memory-utilization', a['memory-utilization'], 0.05, 1) }),
      };
      const model = resolveModel('--model', placement.modelArg, io);
      const gpu = resolveGpu('--gpu', placement.gpuArg);
      const fit = memoryFit(model, gpu, placement.gpus, placement.layout, options);
      const smallestFit = fit.fits ? null : smallestFittingGpuCount(model, gpu, placement.layout, options);
      const result: FitResult = { ...fit, smallestFit };
      io.out.write(a.json ? `${JSON.stringify(result, null, 2)}\n` : renderFit(result, gpu));
    },
  });
}

function renderFit(r: FitResult, gpu: Accelerator): string {
  const l = r.layout;
  const w = r.weightPrecisions;
  const precisionText = (p: typeof w.otherLinear) => `${p} (${upTo(bytesPerWeight(p), 4)} B/weight)`;
  const lines = [
    `Memory fit: ${r.model} on ${r.gpus} × ${r.gpu} (${gpu.name}, ${gigabytes(gpu.hbmBytes)} = ${gibibytes(gpu.hbmBytes)} HBM each)`,
    '',
    table([
      ['layout', `${l.replicas} ${l.replicas === 1 ? 'instance' : 'replicas'} of TP ${l.tp} × PP ${l.pp}; EP ${l.ep} (each expert split ${l.moeTp} ways); attention ${l.dpAttention ? `data-parallel over ${l.attentionDp} GPUs` : `TP ${l.attentionTp}`}`],
      ['parameters', `${paramsPrecise(r.totalParams)} total, ${paramsPrecise(r.activeParams)} active per token (input embedding excluded)`],
      ['weight precision', `routed experts ${precisionText(w.routedExperts)}, other linear ${precisionText(w.otherLinear)}, embeddings ${w.embeddings}`],
      ['KV precision', `${r.kvPrecision} (${describePrecision(r.kvPrecision)})`],
      ['context', `${count(r.contextTokens)} tokens per sequence`],
    ]),
    table(
      [
        ['HBM', gigabytes(r.hbmBytesPerGpu)],
        [`usable (${percent(r.usableBytesPerGpu / r.hbmBytesPerGpu, 0)})`, gigabytes(r.usableBytesPerGpu)],
        ['weights', gigabytes(r.weightBytesPerGpu)],
        ['activation workspace', gigabytes(r.activationBytesPerGpu)],
        ['runtime reserve', gigabytes(r.runtimeReserveBytesPerGpu)],
        ['free for KV cache', gigabytes(r.freeBytesPerGpu)],
        ['KV cache per token', `${count(r.kvCacheBytesPerTokenPerGpu)} B`],
        ['KV tokens held', count(r.maxKvTokensPerGpu)],
      ],
      ['per GPU', 'value'],
    ),
    table([
      ['weights, whole model', gigabytes(r.weightBytesTotal)],
      ['KV cache per token, whole model', `${count(r.kvCacheBytesPerToken)} B`],
      [`concurrent sequences of ${count(r.contextTokens)} tokens`, count(r.maxConcurrentSequences)],
    ]),
    verdict(r),
    ...r.warnings.map((text) => `note: ${text}`),
  ];
  return lines.join('\n') + '\n';
}

function verdict(r: FitResult): string {
  if (r.fits) return `FITS: ${count(r.maxConcurrentSequences)} sequences of ${count(r.contextTokens)} tokens at once.`;
  const missing = `short by ${gigabytes(r.shortfallBytesPerGpu)} per GPU for one sequence of ${count(r.contextTokens)} tokens`;
  const s = r.smallestFit;
  const fix = s === null
    ? `no count of ${r.gpu} up to ${MAX_SEARCHED_GPUS} fits`
    : `the smallest count of ${r.gpu} that fits is ${s.gpus} (TP ${s.layout.tp} × PP ${s.layout.pp}${s.layout.ep > 1 ? `, EP ${s.layout.ep}` : ''})`;
  return `DOES NOT FIT: ${missing}; ${fix}.`;
}
