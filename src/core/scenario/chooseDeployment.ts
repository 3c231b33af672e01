import { InputError } from '../errors.js';
import { smallestFittingGpuCount } from '../memory/smallestFit.js';
import type { EfficiencyProfile } from '../perf/efficiencyProfiles.js';
import type { ResolvedOption } from './resolveScenario.js';
import { runOption, type OptionResult } from './runScenario.js';

/**
 * Largest deployment the search tries by default: 128 GPUs, 16 nodes of 8. Wide expert-parallel
 * deployments run at this scale: DeepSeek's decode unit is 144 H800 (18 nodes; "Inference System
 * Overview", 2025-03-01), LMSYS's large-scale EP deployment of DeepSeek-V3 96 H100 (12 nodes;
 * LMSYS blog, 2025-05-05). A larger pool needs the demand to fill it, which `utilization` does not
 * check.
 */
export const DEFAULT_MAX_DEPLOYMENT_GPUS = 128;

/**
 * A larger deployment is chosen only when it saves more than this share of the cost per request:
 * the smallest count within 5% of the least cost wins. Assumption: a bigger serving unit needs more
 * demand to keep busy and a wider failure domain, and a few per cent is inside the performance
 * model's own error, so providers do not grow a unit for it (without it a 20B model "chooses"
 * 256 GPUs of wide expert parallelism to save 2%).
 */
export const DEPLOYMENT_COST_TOLERANCE = 0.05;

/**
 * The search stops at this many times the smallest count that fits (default 16): beyond it a unit
 * holds many copies of the model's weights and grows by replicas, not by a wider layout (DeepSeek's
 * 671B decode unit is 144 H800, 9-18 times the 8-16 GPUs that hold it at fp8). Keeps the search of a
 * small model from sweeping 128-GPU layouts.
 */
export const MAX_TIMES_SMALLEST_FIT = 16;

export interface ChooseDeploymentSettings {
  /** Largest GPU count tried (default DEFAULT_MAX_DEPLOYMENT_GPUS, and at most MAX_TIMES_SMALLEST_FIT × the smallest that fits); the smallest count that fits is always tried. */
  readonly maxGpus?: number;
  /** Efficiency factors (default: the option's, else the shipped calibration). */
  readonly profile?: EfficiencyProfile;
  /** Share of the least cost a smaller count may cost more and still be chosen (default DEPLOYMENT_COST_TOLERANCE). */
  readonly costTolerance?: number;
}

/** One GPU count the search tried: its run, or null when the model does not fit (or the pinned layout does not divide it). */
export interface DeploymentCandidate {
  readonly gpus: number;
  readonly result: OptionResult | null;
}

export interface DeploymentChoice {
  /** The run at the chosen count (with its layout and operating point); `fits` false when no count fits. */
  readonly chosen: OptionResult;
  /** Every count tried, ascending. */
  readonly candidates: readonly DeploymentCandidate[];
}

/**
 * GPU counts worth trying for `o`: the smallest count that holds the model with one request's
 * KV cache, then every power of two above it and every power-of-two number of whole scale-up
 * domains (nodes), up to `maxGpus` and MAX_TIMES_SMALLEST_FIT times the smallest (the smallest
 * count is kept even above `maxGpus`). Empty when nothing up to 4,096 GPUs fits.
 * Example: llama-3.1-8b on h200 (fits 1) gives [1, 2, 4, 8, 16]; on gb200 (72 a domain) 72 is added where in range.
 */
export function deploymentCandidates(o: ResolvedOption, maxGpus = DEFAULT_MAX_DEPLOYMENT_GPUS): number[] {
  const smallest = smallestFittingGpuCount(o.model, o.gpu, o.layout === 'best' ? {} : o.layout, {
    ...(o.weightPrecision !== undefined && { weightPrecision: o.weightPrecision }),
    ...(o.kvPrecision !== undefined && { kvPrecision: o.kvPrecision }),
    contextTokens: o.workload.inputTokens + o.workload.outputTokens,
  });
  if (smallest === null) return [];
  const counts = new Set([smallest.gpus]);
  const bound = Math.min(maxGpus, MAX_TIMES_SMALLEST_FIT * smallest.gpus);
  for (const unit of [1, o.gpu.scaleUpDomainSize]) {
    for (let n = unit; n <= bound; n *= 2) if (n > smallest.gpus) counts.add(n);
  }
  return [...counts].sort((a, b) => a - b);
}

const meets = (r: OptionResult) => r.operatingPoint?.meetsTarget ?? false;
const costOf = (r: OptionResult) => r.economics?.costUsdPerRequest ?? Number.POSITIVE_INFINITY;

/**
 * The chosen run among fitting ones (ascending counts): those meeting the latency target if any
 * do, else all; of those, the smallest count costing at most (1 + tolerance) × the least.
 */
function pick(runs: readonly OptionResult[], tolerance: number): OptionResult | null {
  const pool = runs.some(meets) ? runs.filter(meets) : runs;
  const least = Math.min(...pool.map(costOf));
  return pool.find((r) => costOf(r) <= least * (1 + tolerance)) ?? null;
}

/**
 * The deployment of `o` with the least cost per request (so per token of its workload) that meets
 * its latency target: for every GPU count of `deploymentCandidates`, `runOption` searches the
 * layouts (or sweeps the pinned one) and batches for the cheapest operating point meeting the
 * target; the smallest count within `costTolerance` (5%) of the least cost wins. Where no count
 * meets the target, the same rule runs over all of them and the operating point says why. The
 * option's own `gpus` is ignored. When no count fits, `chosen` is the unfitting run at the largest
 * count tried (or `maxGpus`), which names the smallest count that would fit. Prices move the
 * choice only through a committed minimum (`effectiveCostBasis`); the cost basis, utilization and
 * prices carry over to the result.
 * Example: Kimi K2.5 on h200 at 30 tokens/s per user (5,500-token requests) tries 5, 8, 16, 32
 * and 64 GPUs (5 does not fit the frontier's one request) and chooses 64.
 */
export function chooseDeployment(o: ResolvedOption, settings: ChooseDeploymentSettings = {}): DeploymentChoice {
  const { maxGpus = DEFAULT_MAX_DEPLOYMENT_GPUS, profile = o.profile, costTolerance = DEPLOYMENT_COST_TOLERANCE } = settings;
  const candidates: DeploymentCandidate[] = [];
  for (const gpus of deploymentCandidates(o, maxGpus)) {
    let result: OptionResult | null;
    try {
      result = runOption({ ...o, gpus }, profile);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      result = null; // a pinned layout this count does not divide into
    }
    candidates.push({ gpus, result: result !== null && result.fits ? result : null });
  }
  const chosen = pick(candidates.flatMap((c) => (c.result === null ? [] : [c.result])), costTolerance);
  return { chosen: chosen ?? runOption({ ...o, gpus: candidates.at(-1)?.gpus ?? maxGpus }, profile), candidates };
}
