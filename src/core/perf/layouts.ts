import { divisors } from '../divisors.js';
import { InputError } from '../errors.js';
import { resolveLayout, type ParallelLayout } from '../memory/layout.js';
import type { ModelArchitecture } from '../model/modelArchitecture.js';

const isPowerOfTwo = (n: number) => (n & (n - 1)) === 0;

/**
 * The parallel layouts worth trying for `model` on `gpus` GPUs, as deployments build them: tp a
 * power of two or whole scale-up domains; pipeline stages (2, 4, 8) only across full domains; the
 * GPUs left over run as replicas. MoE models also try expert parallelism across the tp GPUs (where
 * the experts divide evenly, or over whole domains with redundant experts, as DeepSeek's EP 72),
 * with and without data-parallel attention. Layouts the model cannot use are left out.
 * Example: a dense 64-head model on 8 GPUs of one node gives TP 1, 2, 4 and 8.
 */
export function candidateLayouts(model: ModelArchitecture, gpus: number, scaleUpDomainSize: number): ParallelLayout[] {
  const out: ParallelLayout[] = [];
  for (const pp of [1, 2, 4, 8]) {
    if (gpus % pp !== 0 || pp > model.layerCount) continue;
    for (const tp of divisors(gpus / pp)) {
      if (!isPowerOfTwo(tp) && tp % scaleUpDomainSize !== 0) continue;
      if (pp > 1 && tp !== Math.min(scaleUpDomainSize, gpus / pp)) continue;
      const variants: ParallelLayout[] = [{ tp, pp, ep: 1, dpAttention: false }];
      const moe = model.moe;
      if (moe !== null && tp > 1 && (moe.routedExpertCount % tp === 0 || tp % scaleUpDomainSize === 0)) {
        variants.push({ tp, pp, ep: tp, dpAttention: false }, { tp, pp, ep: tp, dpAttention: true });
      }
      for (const layout of variants) {
        try {
          resolveLayout(model, gpus, layout);
          out.push(layout);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
        }
      }
    }
  }
  return out;
}
