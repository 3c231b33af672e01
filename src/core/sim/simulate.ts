import type { RequestSource } from '../demand/types.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { InstanceModel } from './instanceModel.js';
import { instancesAt, maxInstances, type FleetSchedule } from './fleetSchedule.js';
import { MinHeap } from './minHeap.js';

export interface SimulationOptions {
  readonly instance: InstanceModel;
  readonly fleet: FleetSchedule;
  readonly latencyTarget: LatencyTarget;
  /** Width of the time buckets of the time series, seconds (default one hour). */
  readonly bucketSeconds?: number;
  /** Called now and then with the simulated time, so a caller can draw progress. */
  readonly onProgress?: (simulatedSeconds: number) => void;
}

export interface Percentiles { readonly mean: number; readonly p50: number; readonly p90: number; readonly p99: number }

export interface SimulationResult {
  readonly requests: number;
  readonly completed: number;
  /** Requests that could never fit one instance's KV cache. */
  readonly rejected: number;
  readonly ttftSeconds: Percentiles;
  readonly tpotSeconds: Percentiles;
  /** Share of completed requests meeting the latency target (TTFT and tokens/s per user). */
  readonly goodputFraction: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly durationSeconds: number;
  /** Instance-seconds of instances accepting requests or draining (what an autoscaled rental pays for). */
  readonly activeInstanceSeconds: number;
  /** Instance-seconds spent running steps (any step, however small its batch). */
  readonly busyInstanceSeconds: number;
  /**
   * Instance-seconds of capacity used: each step weighted by how full its batch is (sequences in
   * flight / batch cap). A continuously batching engine is "busy" with one request; this is the
   * share of what it could serve, the utilization that cost per token depends on.
   */
  readonly usedInstanceSeconds: number;
  readonly maxInstances: number;
  /** Per bucket: active instances, busy fraction of them, mean and max requests waiting for prefill. */
  /** Per bucket: active instances, the share of their capacity used, mean and max requests waiting for admission or prefill. */
  readonly buckets: readonly { readonly startSeconds: number; readonly activeInstances: number; readonly utilization: number; readonly meanWaiting: number; readonly maxWaiting: number }[];
  /** Share of each instance's capacity used over its active time. */
  readonly utilizationByInstance: readonly number[];
}

interface Instance {
  pending: number[];
  pendingHead: number;
  prefill: number[];
  prefillHead: number;
  /** Prompt tokens still to compute for the request at the head of `prefill`. */
  headRemaining: number;
  kvUsed: number;
  decoding: number;
  heap: MinHeap;
  step: number;
  nextEnd: number;
  /** Requests whose prompt completes with the step in flight. */
  completing: number[];
  busySeconds: number;
  usedSeconds: number;
  activeSeconds: number;
}

function percentiles(values: Float64Array): Percentiles {
  if (values.length === 0) return { mean: NaN, p50: NaN, p90: NaN, p99: NaN };
  const sorted = Float64Array.from(values).sort();
  // Nearest rank: the smallest value with at least q of the values at or below it.
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number;
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: sum / sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/**
 * A discrete-event simulation of a fleet serving requests with continuous batching. A router sends
 * each arrival to the accepting instance with the fewest requests outstanding. Each instance runs
 * steps back to back while it has work: at a step's start it admits waiting requests first come,
 * first served while their prompt + output fit its KV cache and its batch limit (a request that
 * does not fit waits: no preemption), then computes up to its prompt-token budget of the oldest
 * prompts (chunked prefill) alongside one token of every decoding sequence; step times come from
 * the performance model's table. A prompt's last chunk gives the first token (TTFT); the rest come
 * one a step. Deterministic for a given request source.
 */
export function simulate(source: RequestSource, options: SimulationOptions): SimulationResult {
  const { instance: model, fleet, latencyTarget, bucketSeconds = 3600, onProgress } = options;
  const count = maxInstances(fleet);
  const instances: Instance[] = Array.from({ length: count }, () => ({
    pending: [], pendingHead: 0, prefill: [], prefillHead: 0, headRemaining: 0, kvUsed: 0, decoding: 0,
    heap: new MinHeap(), step: 0, nextEnd: Infinity, completing: [], busySeconds: 0, usedSeconds: 0, activeSeconds: 0,
  }));
  let capacity = 1024;
  let arrival = new Float64Array(capacity);
  let input = new Float64Array(capacity);
  let fresh = new Float64Array(capacity);
  let output = new Float64Array(capacity);
  let first = new Float64Array(capacity);
  let finish = new Float64Array(capacity);
  let n = 0;
  let rejected = 0;
  const busyByBucket: number[] = [];
  const waitSum: number[] = [];
  const waitCount: number[] = [];
  const waitMax: number[] = [];
  const grow = () => {
    capacity *= 2;
    const g = (a: Float64Array) => { const b = new Float64Array(capacity); b.set(a); return b; };
    arrival = g(arrival); input = g(input); fresh = g(fresh); output = g(output); first = g(first); finish = g(finish);
  };
  const need = (id: number) => (input[id] as number) + (output[id] as number);
  const outstanding = (s: Instance) => s.pending.length - s.pendingHead + s.prefill.length - s.prefillHead + s.decoding;

  const startStep = (s: Instance, now: number) => {
    // Admit first come, first served while the cache and the batch limit allow.
    while (s.pendingHead < s.pending.length) {
      const id = s.pending[s.pendingHead] as number;
      if (need(id) > model.kvCapacityTokens) {
        rejected++;
        finish[id] = -1;
        s.pendingHead++;
        continue;
      }
      if (s.kvUsed + need(id) > model.kvCapacityTokens || s.prefill.length - s.prefillHead + s.decoding >= model.maxSequences) break;
      s.kvUsed += need(id);
      if (s.prefillHead === s.prefill.length) s.headRemaining = Math.max(1, fresh[id] as number);
      s.prefill.push(id);
      s.pendingHead++;
    }
    if (s.pendingHead > 4096 && s.pendingHead * 2 > s.pending.length) {
      s.pending = s.pending.slice(s.pendingHead);
      s.pendingHead = 0;
    }
    // Compose: one token for each decoding sequence, and prompt chunks up to the budget.
    let budget = model.maxBatchedTokens;
    let prompt = 0;
    s.completing.length = 0;
    let i = s.prefillHead;
    let remaining = s.headRemaining;
    while (i < s.prefill.length && budget > 0) {
      const take = Math.min(remaining, budget);
      prompt += take;
      budget -= take;
      remaining -= take;
      if (remaining > 0) break;
      s.completing.push(s.prefill[i] as number);
      i++;
      remaining = i < s.prefill.length ? Math.max(1, fresh[s.prefill[i] as number] as number) : 0;
    }
    s.headRemaining = remaining;
    if (s.decoding === 0 && prompt === 0) {
      s.nextEnd = Infinity;
      return;
    }
    const duration = model.stepSeconds(s.decoding, prompt);
    s.nextEnd = now + duration;
    s.busySeconds += duration;
    const used = duration * Math.min(1, (s.decoding + s.prefill.length - s.prefillHead) / model.maxSequences);
    s.usedSeconds += used;
    const b = Math.floor(now / bucketSeconds);
    busyByBucket[b] = (busyByBucket[b] ?? 0) + used;
  };

  const endStep = (s: Instance, now: number) => {
    s.step++;
    while (s.heap.peekKey() <= s.step) {
      const id = s.heap.pop() as number;
      finish[id] = now;
      s.decoding--;
      s.kvUsed -= need(id);
    }
    for (const id of s.completing) {
      s.prefillHead++;
      first[id] = now;
      if ((output[id] as number) <= 1) {
        finish[id] = now;
        s.kvUsed -= need(id);
      } else {
        s.decoding++;
        s.heap.push(s.step + (output[id] as number) - 1, id);
      }
    }
    if (s.prefillHead > 4096 && s.prefillHead * 2 > s.prefill.length) {
      s.prefill = s.prefill.slice(s.prefillHead);
      s.prefillHead = 0;
    }
    startStep(s, now);
  };

  let next = source.next();
  let lastProgress = 0;
  let now = 0;
  for (;;) {
    let which = -1;
    let t = next === null ? Infinity : next.arrivalSeconds;
    for (let i = 0; i < count; i++) {
      const e = (instances[i] as Instance).nextEnd;
      if (e < t) {
        t = e;
        which = i;
      }
    }
    if (t === Infinity) break;
    now = t;
    if (which >= 0) {
      endStep(instances[which] as Instance, now);
    } else if (next !== null) {
      if (n === capacity) grow();
      const id = n++;
      arrival[id] = next.arrivalSeconds;
      input[id] = next.inputTokens;
      fresh[id] = next.inputTokens - next.cachedInputTokens;
      output[id] = next.outputTokens;
      first[id] = NaN;
      finish[id] = NaN;
      const active = Math.max(1, Math.min(count, instancesAt(fleet, now)));
      let best = 0;
      let least = Infinity;
      for (let i = 0; i < active; i++) {
        const o = outstanding(instances[i] as Instance);
        if (o < least) {
          least = o;
          best = i;
        }
      }
      const s = instances[best] as Instance;
      s.pending.push(id);
      const b = Math.floor(now / bucketSeconds);
      let waiting = 0;
      for (let i = 0; i < count; i++) {
        const x = instances[i] as Instance;
        waiting += x.pending.length - x.pendingHead + x.prefill.length - x.prefillHead;
      }
      waitSum[b] = (waitSum[b] ?? 0) + waiting;
      waitCount[b] = (waitCount[b] ?? 0) + 1;
      waitMax[b] = Math.max(waitMax[b] ?? 0, waiting);
      if (s.nextEnd === Infinity) startStep(s, now);
      next = source.next();
    }
    if (onProgress !== undefined && now - lastProgress > 600) {
      lastProgress = now;
      onProgress(now);
    }
  }

  // Results: latencies of completed requests, tokens, time series, busy fractions.
  const ttft: number[] = [];
  const tpot: number[] = [];
  let completed = 0;
  let good = 0;
  let inTokens = 0;
  let outTokens = 0;
  for (let id = 0; id < n; id++) {
    const f = finish[id] as number;
    if (!(f >= 0)) continue;
    completed++;
    const o = output[id] as number;
    const tt = (first[id] as number) - (arrival[id] as number);
    const tp = o > 1 ? (f - (first[id] as number)) / (o - 1) : 0;
    ttft.push(tt);
    if (o > 1) tpot.push(tp);
    inTokens += input[id] as number;
    outTokens += o;
    const fastEnough = latencyTarget.minTokensPerSecondPerUser === null || o <= 1 || tp <= 1 / latencyTarget.minTokensPerSecondPerUser;
    const soonEnough = latencyTarget.maxTtftSeconds === null || tt <= latencyTarget.maxTtftSeconds;
    if (fastEnough && soonEnough) good++;
  }
  const duration = Math.max(now, n > 0 ? (arrival[n - 1] as number) : 0);
  const bucketCount = Math.max(1, Math.ceil(duration / bucketSeconds));
  let activeInstanceSeconds = 0;
  const buckets = Array.from({ length: bucketCount }, (_, b) => {
    const start = b * bucketSeconds;
    const end = Math.min(duration, start + bucketSeconds);
    // Active instance-seconds of the bucket, segment by segment.
    let active = 0;
    for (let k = 0; k < fleet.length; k++) {
      const seg = fleet[k] as { atSeconds: number; instances: number };
      const segEnd = k + 1 < fleet.length ? (fleet[k + 1] as { atSeconds: number }).atSeconds : Infinity;
      const overlap = Math.max(0, Math.min(end, segEnd) - Math.max(start, seg.atSeconds));
      active += overlap * seg.instances;
    }
    activeInstanceSeconds += active;
    const width = Math.max(1e-9, end - start);
    return {
      startSeconds: start,
      activeInstances: active / width,
      utilization: active > 0 ? Math.min(1, (busyByBucket[b] ?? 0) / active) : 0,
      meanWaiting: (waitSum[b] ?? 0) / Math.max(1, waitCount[b] ?? 0),
      maxWaiting: waitMax[b] ?? 0,
    };
  });
  for (let i = 0; i < count; i++) {
    let active = 0;
    for (let k = 0; k < fleet.length; k++) {
      const seg = fleet[k] as { atSeconds: number; instances: number };
      const segEnd = k + 1 < fleet.length ? (fleet[k + 1] as { atSeconds: number }).atSeconds : Infinity;
      if (i < seg.instances) active += Math.max(0, Math.min(duration, segEnd) - seg.atSeconds);
    }
    (instances[i] as Instance).activeSeconds = active;
  }
  const busy = instances.reduce((a, s) => a + s.busySeconds, 0);
  // An instance scaled down keeps running until its requests finish: that time is paid too.
  for (const s of instances) activeInstanceSeconds += Math.max(0, s.busySeconds - s.activeSeconds);
  return {
    requests: n,
    completed,
    rejected,
    ttftSeconds: percentiles(Float64Array.from(ttft)),
    tpotSeconds: percentiles(Float64Array.from(tpot)),
    goodputFraction: completed > 0 ? good / completed : 0,
    inputTokens: inTokens,
    outputTokens: outTokens,
    durationSeconds: duration,
    activeInstanceSeconds,
    busyInstanceSeconds: busy,
    usedInstanceSeconds: instances.reduce((a, s) => a + s.usedSeconds, 0),
    maxInstances: count,
    buckets,
    utilizationByInstance: instances.map((s) => (s.activeSeconds > 0 ? Math.min(1, s.usedSeconds / s.activeSeconds) : 0)),
  };
}
