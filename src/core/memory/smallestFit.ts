import type { Accelerator } from '../accelerator/accelerator.js';
import { InputError } from '../errors.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';
import type { LayoutRequest, ParallelLayout } from './layout.js';
import { memoryFit, type MemoryFitOptions } from './memoryFit.js';

export interface SmallestFit {
  readonly gpus: number;
  readonly layout: ParallelLayout;
}

/** Upper bound of the search: larger setups are reported as not fitting at all. */
export const MAX_SEARCHED_GPUS = 4096;

/**
 * The smallest count of `gpu` on which the model fits with the same precisions, context and
 * attention mode as `like`: for each count, pipeline depths from 1 upward with tp = count / pp,
 * preferring tp inside one scale-up domain; ep follows tp when `like` used expert parallelism.
 * Returns null when nothing up to MAX_SEARCHED_GPUS fits.
 * Example: deepseek-v3 at fp8 on h100-sxm needs 16 (tp 16, or tp 8 × pp 2).
 */
export function smallestFittingGpuCount(
  model: ModelArchitecture,
  gpu: Accelerator,
  like: LayoutRequest,
  options: MemoryFitOptions = {},
): SmallestFit | null {
  const useEp = (like.ep ?? 1) > 1;
  const dpAttention = like.dpAttention ?? false;
  for (let gpus = 1; gpus <= MAX_SEARCHED_GPUS; gpus++) {
    let outsideDomain: SmallestFit | null = null;
    for (let pp = 1; pp <= Math.min(gpus, model.layerCount); pp++) {
      if (gpus % pp !== 0) continue;
      const tp = gpus / pp;
      const ep = useEp && model.moe !== null ? Math.min(tp, model.moe.routedExpertCount) : 1;
      const layout = { tp, pp, ep: tp % ep === 0 ? ep : 1, dpAttention };
      try {
        if (!memoryFit(model, gpu, gpus, layout, options).fits) continue;
      } catch (e) {
        if (e instanceof InputError) continue; // not a valid layout for this count
        throw e;
      }
      if (tp <= gpu.scaleUpDomainSize) return { gpus, layout };
      outsideDomain ??= { gpus, layout };
    }
    if (outsideDomain !== null) return outsideDomain;
  }
  return null;
}
