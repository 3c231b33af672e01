import { kvCacheBytesPerToken, kvCacheShape } from '../model/kvCache.js';
import { scaleOutBandwidth } from './communication.js';
import { prefillStep, stepTime } from './stepTime.js';
import { decodeOnly, type ServingPoint, type Workload } from './serving.js';
import type { Speculation } from './speculation.js';
import type { PerfContext } from './perfContext.js';

export interface DisaggregatedPools {
  readonly prefill: PerfContext;
  readonly decode: PerfContext;
  readonly prefillGpus: number;
  readonly decodeGpus: number;
}

/** Finds x in [lo, hi] where the increasing function f crosses zero (bisection, 60 halvings). */
function solveIncreasing(f: (x: number) => number, lo: number, hi: number): number {
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Separate prefill and decode pools serving `concurrency` requests in flight system-wide. A
 * request spends its TTFT in the prefill pool and `O` tokens in the decode pool, so with `C_d` of
 * them decoding the request rate is `R = C_d / (O · TPOT(C_d))` and the rest wait or prefill:
 * `C − C_d = R · TTFT`. When the prefill pool cannot keep up, R is its capacity and requests queue
 * for prefill, which shows as TTFT. TTFT also pays the request overhead, the prompt's own prefill
 * and the transfer of its KV cache to the decode pool. The decode pool batches at most its engine's
 * cap; requests beyond it wait, and by Little's law the wait is part of TTFT. Per-GPU figures
 * divide by both pools.
 */
export function disaggregated(pools: DisaggregatedPools, concurrency: number, workload: Workload, spec: Speculation | null = null): ServingPoint {
  const { prefill, decode } = pools;
  const I = workload.inputTokens;
  const O = Math.max(1, workload.outputTokens);
  const cached = I * workload.prefixCacheHitRate;
  const budget = prefill.framework.maxBatchedTokens * prefill.layout.attentionDp;
  const sequencesPerStep = Math.max(1, Math.floor(budget / Math.max(1, I - cached)));
  const p = stepTime(prefill, prefillStep(sequencesPerStep, I - cached, cached));
  const alone = stepTime(prefill, prefillStep(1, I - cached, cached)).stepSeconds;
  const prefillInstances = pools.prefillGpus / prefill.layout.gpusPerInstance;
  const prefillCapacity = (prefillInstances * sequencesPerStep) / p.stepSeconds; // requests per second
  // The prompt's KV moves from the prefill to the decode pool over the prefill instance's NICs.
  const nic = scaleOutBandwidth(prefill.gpu, prefill.hardware);
  const transferSeconds = (I * kvCacheBytesPerToken(kvCacheShape(prefill.model, prefill.kvPrecision), I)) / (nic * prefill.layout.gpusPerInstance);
  const fixedSeconds = prefill.framework.requestOverheadSeconds + transferSeconds;
  const decodeInstances = pools.decodeGpus / decode.layout.gpusPerInstance;
  const at = (decoding: number) => decodeOnly(decode, Math.max(decoding / decodeInstances, 1e-9), I + O / 2, spec);
  const rate = (decoding: number) => decoding / (O * at(decoding).tpotSeconds);

  // Below capacity a prompt waits as in an M/D/1 queue for the full-batch service time; at capacity
  // the queue grows until the rate matches it and the wait follows from Little's law.
  const ttftAt = (r: number) => {
    const load = Math.min(0.99, r / prefillCapacity);
    return fixedSeconds + alone + (load * (p.stepSeconds / sequencesPerStep)) / (2 * (1 - load));
  };
  // The decode pool runs at most its engine's batch cap; requests beyond it wait for a slot.
  const decodeCap = decode.framework.maxBatchSequences * decode.layout.attentionDp * decodeInstances;
  const inSystem = (x: number) => x + rate(x) * ttftAt(rate(x));
  const upper = Math.min(concurrency, decodeCap);
  let decoding = inSystem(upper) <= concurrency ? upper : solveIncreasing((x) => inSystem(x) - concurrency, 0, upper);
  let requestRate = rate(decoding);
  let ttftSeconds = Math.max(ttftAt(requestRate), (concurrency - decoding) / requestRate);
  if (requestRate > prefillCapacity) {
    decoding = solveIncreasing((x) => rate(x) - prefillCapacity, 0, decoding);
    requestRate = prefillCapacity;
    ttftSeconds = (concurrency - decoding) / prefillCapacity;
  }
  const point = at(decoding);
  const gpus = pools.prefillGpus + pools.decodeGpus;
  const input = (requestRate * I) / gpus;
  const output = (requestRate * O) / gpus;
  const fresh = I - cached;
  return {
    ...point, inputTokensPerSecondPerGpu: input, outputTokensPerSecondPerGpu: output, totalTokensPerSecondPerGpu: input + output,
    ttftSeconds, prefillStep: p,
    // Each pool's GPU-time over the requests it serves (a pool that waits idle still counts).
    prefillGpuSecondsPerInputToken: fresh > 0 ? pools.prefillGpus / (requestRate * fresh) : 0,
    decodeGpuSecondsPerOutputToken: pools.decodeGpus / (requestRate * O),
  };
}
