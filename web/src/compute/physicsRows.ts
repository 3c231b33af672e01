import { memoryFit } from '../../../src/core/memory/memoryFit.js';
import { buildPerfContext } from '../../../src/core/perf/buildContext.js';
import { BILLION, GB, GiB, KB, MICROSECONDS_PER_SECOND, MILLISECONDS_PER_SECOND, TB, TFLOP } from '../../../src/core/units.js';
import type { Sourced } from '../../../src/core/sourced.js';
import { resolveEditorOption, type AppState, type ViewModel } from './computeView.js';
import { percent, upTo } from '../../../src/format/numbers.js';

/** One physical assumption of the performance model, in words: what it is, its value with unit, and where it comes from. */
export interface PhysicsRow extends Sourced<string> {
  readonly group: 'accelerator' | 'efficiency' | 'model' | 'operating point';
  readonly name: string;
}

/** What limits a decode step, in words. */
const BOUNDS: Readonly<Record<string, string>> = { compute: 'compute (matrix math)', memory: 'memory bandwidth', communication: 'communication between accelerators', overhead: 'fixed overheads (scheduling, launches)' };


/**
 * The physics behind the page's numbers, in words: the accelerator's datasheet peaks and
 * bandwidths, the efficiency factors (achieved shares of those peaks and fixed overheads) of its
 * family and the framework, the model's size, weight bytes and KV-cache bytes per token, and the
 * chosen batch. Computed beside the view (the same resolved option), never inside it. Empty when the
 * option cannot be resolved (its problems are shown by the fields).
 *
 * @example physicsRows(DEFAULT_STATE, view, '2026-12-07')[0] // { group: 'accelerator', name: 'Accelerator', value: 'NVIDIA H200 SXM 141GB', … }
 */
export function physicsRows(state: AppState, view: ViewModel | null, today: string): PhysicsRow[] {
  let resolved;
  try {
    resolved = resolveEditorOption(state, today);
  } catch {
    return [];
  }
  const { gpu, model } = resolved;
  const datasheet = gpu.sources.map((s) => `${s.url} (${s.date})`).join('; ') || 'accelerator catalog';
  const rows: PhysicsRow[] = [
    { group: 'accelerator', name: 'Accelerator', value: gpu.name, source: datasheet },
    { group: 'accelerator', name: 'High-bandwidth memory per accelerator', value: `${upTo(gpu.hbmBytes / GB, 0)} GB (${upTo(gpu.hbmBytes / GiB, 0)} GiB)`, source: datasheet },
    { group: 'accelerator', name: 'Memory bandwidth (datasheet)', value: `${upTo(gpu.hbmBandwidthBytesPerSecond / TB, 2)} TB/s`, source: datasheet },
    {
      group: 'accelerator', name: 'Peak dense matrix math (datasheet)',
      value: [['BF16', gpu.peakFlopPerSecond.bf16], ['FP8', gpu.peakFlopPerSecond.fp8], ['FP4', gpu.peakFlopPerSecond.fp4]]
        .filter((p): p is [string, number] => p[1] !== null).map(([k, f]) => `${k} ${upTo(f / TFLOP, 0)} TFLOP/s`).join(', '),
      source: datasheet,
    },
    { group: 'accelerator', name: 'Scale-up link per direction (NVLink, xGMI or ICI)', value: `${upTo(gpu.scaleUpBandwidthBytesPerSecondPerDirection / GB, 0)} GB/s among ${gpu.scaleUpDomainSize} accelerators`, source: datasheet },
    ...(gpu.scaleOutBandwidthBytesPerSecond === null ? [] : [{ group: 'accelerator' as const, name: 'Scale-out network per accelerator', value: `${upTo(gpu.scaleOutBandwidthBytesPerSecond / GB, 0)} GB/s`, source: datasheet }]),
  ];
  let ctx;
  try {
    ctx = buildPerfContext({ model, gpu, gpus: resolved.gpus, framework: resolved.framework, ...(resolved.weightPrecision !== undefined && { weightPrecision: resolved.weightPrecision }), ...(resolved.kvPrecision !== undefined && { kvPrecision: resolved.kvPrecision }), ...(resolved.profile !== undefined && { profile: resolved.profile }) });
  } catch {
    ctx = null;
  }
  if (ctx !== null) {
    const hw = ctx.hardware;
    const fw = ctx.framework;
    const family = `${gpu.family} family: ${hw.basis}`;
    const software = `${resolved.framework}: ${fw.basis}`;
    rows.push(
      { group: 'efficiency', name: 'Achieved share of memory bandwidth (weights)', value: percent(hw.hbm), source: family },
      { group: 'efficiency', name: 'Achieved share of memory bandwidth (reading the KV cache)', value: percent(hw.hbm * hw.kvHbmShare), source: family },
      { group: 'efficiency', name: 'Achieved share of peak matrix math', value: `BF16 ${percent(hw.matmulBf16)}, FP8 ${percent(hw.matmulFp8)}, FP4 ${percent(hw.matmulFp4)}`, source: family },
      { group: 'efficiency', name: 'Achieved share of peak in attention', value: percent(hw.attention), source: family },
      { group: 'efficiency', name: 'Achieved share of link rate (scale-up, scale-out)', value: `${percent(hw.scaleUpLink)}, ${percent(hw.scaleOutLink)}`, source: family },
      { group: 'efficiency', name: 'Kernel quality of the framework (multiplies every share above)', value: percent(fw.kernelQuality), source: software },
      { group: 'efficiency', name: 'Fixed time of each forward step (scheduling, launches)', value: `${upTo(fw.stepOverheadSeconds * MILLISECONDS_PER_SECOND, 2)} ms`, source: software },
      { group: 'efficiency', name: 'Added time per running sequence per step', value: `${upTo(fw.sequenceOverheadSeconds * MICROSECONDS_PER_SECOND, 1)} µs`, source: software },
      { group: 'efficiency', name: 'Time of a request outside the model (HTTP, tokenizing)', value: `${upTo(fw.requestOverheadSeconds * MILLISECONDS_PER_SECOND, 0)} ms`, source: software },
    );
    try {
      const w = resolved.workload;
      const fit = memoryFit(model, gpu, resolved.gpus, {}, { weightPrecisions: ctx.weightPrecisions, kvPrecision: ctx.kvPrecision, contextTokens: w.inputTokens + w.outputTokens });
      const precisions = `${ctx.weightPrecisions.routedExperts} routed experts, ${ctx.weightPrecisions.otherLinear} other layers`;
      rows.push(
        { group: 'model', name: 'Parameters, total and active per token', value: `${upTo(fit.totalParams / BILLION, 1)} B total, ${upTo(fit.activeParams / BILLION, 1)} B active`, source: `${model.name}: model catalog` },
        { group: 'model', name: 'Weights in memory', value: `${upTo(fit.weightBytesTotal / GB, 0)} GB (${precisions})`, source: 'weight precision: the model\'s native one unless set' },
        { group: 'model', name: 'KV cache per token', value: `${upTo(fit.kvCacheBytesPerToken / KB, 1)} KB in ${ctx.kvPrecision}, averaged over a ${upTo(fit.contextTokens, 0)}-token request`, source: 'the model\'s attention shape' },
      );
    } catch {
      // A layout this count of accelerators cannot hold: the model rows are left out, the fields say why.
    }
  }
  const p = view?.point ?? null;
  if (p !== null) {
    rows.push(
      { group: 'operating point', name: 'Chosen layout', value: p.layout, source: 'the cheapest point meeting the latency target' },
      { group: 'operating point', name: 'Chosen batch: sequences running at once per instance', value: upTo(p.sequences, 0), source: 'the cheapest point meeting the latency target' },
      { group: 'operating point', name: 'What limits a decode step', value: BOUNDS[p.bound] ?? p.bound, source: 'the step-time model at the chosen batch' },
    );
  }
  return rows;
}
