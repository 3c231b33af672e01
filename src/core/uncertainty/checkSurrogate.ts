import { requestMix } from '../economics/prices.js';
import type { ResolvedOption } from '../scenario/index.js';
import { dotKinds, type PerTokenKind } from '../tokenKinds.js';
import type { InputValues } from './inputs.js';
import { physicsAt } from './physicsAt.js';
import type { Surrogate } from './surrogate.js';

/** The surrogate against a direct run at one point between grid nodes. */
export interface SurrogateCheckPoint {
  readonly values: Readonly<Record<string, number>>;
  /** GPU-seconds per request of the point's workload, by the surrogate and by the physics. */
  readonly surrogateGpuSecondsPerRequest: number;
  readonly directGpuSecondsPerRequest: number;
  /** surrogate / direct − 1. */
  readonly relativeError: number;
}

export interface SurrogateCheck {
  readonly points: readonly SurrogateCheckPoint[];
  /** Median and largest |relativeError|; 0 when nothing varies (the surrogate is the one run). */
  readonly medianAbsoluteRelativeError: number;
  readonly maxAbsoluteRelativeError: number;
}

const perRequest = (s: PerTokenKind, v: Readonly<InputValues>) =>
  dotKinds(requestMix(Math.round(v.inputTokens), Math.round(v.outputTokens), v.prefixCacheHitRate), s);

/**
 * How far the surrogate is from the physics where it is least sure: at the centres of up to
 * `maxPoints` grid cells (all of them when there are no more, else an even spread), one direct run
 * (`physicsAt`) each, compared by the GPU-seconds a request of the point's workload costs (what the
 * cost per token follows). `values` gives the inputs that do not vary.
 * Example: the default scenario's 5 × 5 grid, checked at its 16 cell centres.
 */
export function checkSurrogate(surrogate: Surrogate, base: ResolvedOption, values: Readonly<InputValues>, maxPoints = 16): SurrogateCheck {
  const dims = surrogate.dimensions.filter((d) => d.nodes.length > 1);
  const cellCounts = dims.map((d) => d.nodes.length - 1);
  const cells = dims.length === 0 ? 0 : cellCounts.reduce((a, b) => a * b, 1);
  const chosen = cells <= maxPoints ? Array.from({ length: cells }, (_, i) => i) : Array.from({ length: maxPoints }, (_, i) => Math.floor(((i + 0.5) * cells) / maxPoints));
  const points = chosen.map((cellIndex): SurrogateCheckPoint => {
    const at: InputValues = { ...values };
    let rest = cellIndex;
    for (let k = dims.length - 1; k >= 0; k--) {
      const d = dims[k];
      const n = cellCounts[k];
      if (d === undefined || n === undefined) continue;
      const i = rest % n;
      rest = Math.floor(rest / n);
      const lo = d.nodes[i] as number;
      const hi = d.nodes[i + 1] as number;
      const mid = d.scale === 'log' ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      at[d.name] = d.name === 'inputTokens' || d.name === 'outputTokens' ? Math.round(mid) : mid;
    }
    const surrogateSeconds = perRequest(surrogate.secondsAt(at), at);
    const direct = perRequest(physicsAt(base, at, surrogate.synthetic).seconds, at);
    return {
      values: Object.fromEntries(dims.map((d) => [d.name, at[d.name]])),
      surrogateGpuSecondsPerRequest: surrogateSeconds,
      directGpuSecondsPerRequest: direct,
      relativeError: surrogateSeconds / direct - 1,
    };
  });
  const errors = points.map((p) => Math.abs(p.relativeError)).sort((a, b) => a - b);
  const mid = Math.floor(errors.length / 2);
  const median = errors.length === 0 ? 0 : errors.length % 2 === 1 ? (errors[mid] as number) : ((errors[mid - 1] as number) + (errors[mid] as number)) / 2;
  return { points, medianAbsoluteRelativeError: median, maxAbsoluteRelativeError: errors.at(-1) ?? 0 };
}
