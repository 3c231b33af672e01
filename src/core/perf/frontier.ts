import type { Accelerator } from '../accelerator/accelerator.js';
import type { ParallelLayout } from '../memory/layout.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import type { KvPrecision, Precision } from '../precision.js';
import { buildPerfContext, maxSequencesPerInstance } from './buildContext.js';
import type { ServingFramework } from './efficiency.js';
import type { EfficiencyProfile } from './efficiencyProfiles.js';
import { candidateLayouts } from './layouts.js';
import { paretoFront } from './pareto.js';
import type { PerfContext } from './perfContext.js';
import { aggregated, decodeOnly, prefillOnly, type ServingPoint, type Workload } from './serving.js';
import type { Speculation } from './speculation.js';

export interface PoolLayout extends ParallelLayout {
  readonly gpus: number;
  readonly replicas: number;
}

/** How a frontier point serves: all GPUs doing both phases, or separate prefill and decode pools. */
export type ServingLayout =
  | { readonly mode: 'aggregated'; readonly pool: PoolLayout }
  | { readonly mode: 'disaggregated'; readonly prefill: PoolLayout; readonly decode: PoolLayout };

export interface FrontierPoint extends Omit<ServingPoint, 'decodeStep' | 'prefillStep'> {
  readonly layout: ServingLayout;
  /** What bounds the decode step at this point. */
  readonly decodeBound: string;
}

export interface FrontierOptions {
  readonly framework?: ServingFramework;
  readonly weightPrecision?: Precision;
  readonly kvPrecision?: KvPrecision;
  readonly workload: Workload;
  readonly speculation?: Speculation | null;
  /** Also try separate prefill and decode pools (default true where the GPUs allow two pools). */
  readonly disaggregation?: boolean;
  /** Sweep only this layout (aggregated) instead of every candidate. */
  readonly layout?: ParallelLayout;
  /** Ratio between successive batch sizes of the sweep (default 2; 2^(1/4) for a finer choice of operating point). */
  readonly batchGrowth?: number;
  /** Efficiency factors (default: the shipped calibration). */
  readonly profile?: EfficiencyProfile;
}

export interface Frontier {
  /** The Pareto-optimal points, fastest per user first. */
  readonly points: readonly FrontierPoint[];
  /** Every point evaluated (for choosing under constraints the front does not show, such as TTFT). */
  readonly allPoints: readonly FrontierPoint[];
  /** How many (layout, batch) points were evaluated. */
  readonly evaluated: number;
  /** How many layouts fit in memory. */
  readonly layouts: number;
}

/** Batches to try: from one sequence per attention rank up by `growth` to the most the cache (and engine) allow, and that maximum. */
function batchSizes(max: number, step: number, growth = 2): number[] {
  const out: number[] = [];
  for (let b = step; b < max; b = Math.max(b + step, Math.round((b * growth) / step) * step)) out.push(b);
  if (max >= step) out.push(Math.floor(max / step) * step);
  return out;
}

function poolOf(ctx: PerfContext, gpus: number): PoolLayout {
  const l = ctx.layout;
  return { tp: l.tp, pp: l.pp, ep: l.ep, dpAttention: l.dpAttention, gpus, replicas: gpus / l.gpusPerInstance };
}

function strip(p: ServingPoint, layout: ServingLayout): FrontierPoint {
  const { decodeStep, prefillStep: _p, ...rest } = p;
  return { ...rest, layout, decodeBound: decodeStep?.bound ?? 'n/a' };
}

/**
 * The throughput–interactivity frontier of `model` on `gpus` accelerators: every candidate layout
 * that fits, at batch sizes from 1 to the most its KV cache holds, served aggregated (continuous
 * batching with chunked prefill) and, where the GPUs split into two pools, disaggregated (a decode
 * pool with the smallest prefill pool that keeps up). Returns the Pareto front of output tokens/s
 * per GPU against tokens/s per user.
 */
export function throughputFrontier(model: ModelArchitecture, gpu: Accelerator, gpus: number, options: FrontierOptions): Frontier {
  const { workload, speculation = null, disaggregation = true } = options;
  const setup = (n: number, layout: ParallelLayout) => buildPerfContext({
    model, gpu, gpus: n, layout,
    ...(options.framework !== undefined && { framework: options.framework }),
    ...(options.weightPrecision !== undefined && { weightPrecision: options.weightPrecision }),
    ...(options.kvPrecision !== undefined && { kvPrecision: options.kvPrecision }),
    ...(options.profile !== undefined && { profile: options.profile }),
  });
  const context = workload.inputTokens + workload.outputTokens;
  const points: FrontierPoint[] = [];
  let layouts = 0;
  const layoutsToTry = options.layout === undefined ? candidateLayouts(model, gpus, gpu.scaleUpDomainSize) : [options.layout];
  for (const layout of layoutsToTry) {
    const ctx = setup(gpus, layout);
    const max = maxSequencesPerInstance(ctx, context);
    if (max < 1) continue;
    layouts++;
    for (const b of batchSizes(max, ctx.layout.attentionDp, options.batchGrowth)) {
      points.push(strip(aggregated(ctx, b, workload, speculation), { mode: 'aggregated', pool: poolOf(ctx, gpus) }));
    }
  }
  if (disaggregation && options.layout === undefined && gpus >= 2) {
    for (const p of disaggregatedPoints(gpus, gpu.scaleUpDomainSize, workload, speculation, setup, model, options.batchGrowth)) points.push(p);
  }
  const front = paretoFront(points, (p) => p.tokensPerSecondPerUser, (p) => p.outputTokensPerSecondPerGpu);
  return { points: front, allPoints: points, evaluated: points.length, layouts };
}

/**
 * Disaggregated points: for each decode layout on `d` GPUs and each batch, the request rate the
 * decode pool sustains; the remaining `gpus − d` GPUs prefill with the best prefill layout, and a
 * point stands only where they keep up. Throughput per GPU counts both pools.
 */
function disaggregatedPoints(
  gpus: number,
  domain: number,
  workload: Workload,
  speculation: Speculation | null,
  setup: (n: number, l: ParallelLayout) => PerfContext,
  model: ModelArchitecture,
  batchGrowth?: number,
): FrontierPoint[] {
  const out: FrontierPoint[] = [];
  const O = Math.max(1, workload.outputTokens);
  const context = workload.inputTokens + workload.outputTokens;
  // Pools are whole scale-up domains once there are two of them, else any split of the one domain.
  const granularity = gpus >= 2 * domain ? domain : 1;
  for (const prefillGpus of prefillPoolSizes(gpus, granularity)) {
    const decodeGpus = gpus - prefillGpus;
    const prefill = bestPrefill(model, prefillGpus, domain, workload, setup);
    if (prefill === null) continue;
    const prefillRate = (prefill.inputTokensPerSecondPerGpu * prefillGpus) / workload.inputTokens; // requests/s
    for (const layout of candidateLayouts(model, decodeGpus, domain)) {
      const ctx = setup(decodeGpus, layout);
      const max = maxSequencesPerInstance(ctx, context);
      if (max < 1) continue;
      for (const b of batchSizes(max, ctx.layout.attentionDp, batchGrowth)) {
        const d = decodeOnly(ctx, b, workload.inputTokens + workload.outputTokens / 2, speculation);
        const rate = (d.outputTokensPerSecondPerGpu * decodeGpus) / O;
        if (rate > prefillRate) break; // larger batches would outrun the prefill pool
        const input = (rate * workload.inputTokens) / gpus;
        const output = (rate * O) / gpus;
        const fresh = workload.inputTokens * (1 - workload.prefixCacheHitRate);
        out.push(strip(
          {
            ...d, inputTokensPerSecondPerGpu: input, outputTokensPerSecondPerGpu: output, totalTokensPerSecondPerGpu: input + output,
            ttftSeconds: prefill.ttftSeconds + prefill.ctx.framework.requestOverheadSeconds,
            // Both pools' GPU-time, idle or not, over the requests they serve.
            prefillGpuSecondsPerInputToken: fresh > 0 ? prefillGpus / (rate * fresh) : 0,
            decodeGpuSecondsPerOutputToken: decodeGpus / (rate * O),
          },
          { mode: 'disaggregated', prefill: poolOf(prefill.ctx, prefillGpus), decode: poolOf(ctx, decodeGpus) },
        ));
      }
    }
  }
  return out;
}

/** Most prefill-pool sizes a frontier tries: every split of a small system, a geometric grid of a large one. */
export const MAX_PREFILL_SPLITS = 32;

/**
 * Prefill-pool sizes to try on `gpus` GPUs in steps of `granularity`: all of them when there are
 * at most MAX_PREFILL_SPLITS, else about that many spaced geometrically (a pool of 1,000 GPUs and
 * one of 1,024 serve alike), so a sweep of 100,000 GPUs costs what one of 256 does.
 */
export function prefillPoolSizes(gpus: number, granularity: number): number[] {
  const steps = Math.floor((gpus - 1) / granularity);
  if (steps <= MAX_PREFILL_SPLITS) return Array.from({ length: steps }, (_, i) => (i + 1) * granularity);
  const ratio = Math.pow(steps, 1 / (MAX_PREFILL_SPLITS - 1));
  const out = new Set<number>();
  for (let i = 0; i < MAX_PREFILL_SPLITS; i++) out.add(Math.min(steps, Math.round(Math.pow(ratio, i))) * granularity);
  return [...out].sort((a, b) => a - b);
}

/** The prefill layout with the highest input tokens/s per GPU on `gpus` GPUs (one budget-full step per instance); null when none fits. */
export function bestPrefill(
  model: ModelArchitecture,
  gpus: number,
  domain: number,
  workload: Workload,
  setup: (n: number, l: ParallelLayout) => PerfContext,
): (ServingPoint & { ctx: PerfContext }) | null {
  let best: (ServingPoint & { ctx: PerfContext }) | null = null;
  for (const layout of candidateLayouts(model, gpus, domain)) {
    const ctx = setup(gpus, layout);
    if (maxSequencesPerInstance(ctx, workload.inputTokens) < 1) continue;
    const perRank = Math.max(1, Math.floor(ctx.framework.maxBatchedTokens / workload.inputTokens));
    const p = prefillOnly(ctx, perRank * ctx.layout.attentionDp, workload);
    if (best === null || p.inputTokensPerSecondPerGpu > best.inputTokensPerSecondPerGpu) best = { ...p, ctx };
  }
  return best;
}
