import type { RequestSource } from '../demand/types.js';
import type { LatencyTarget } from '../economics/operatingPoint.js';
import { desiredInstances, type ReactiveAutoscaler } from './autoscaler.js';
import type { InstanceModel } from './instanceModel.js';
import type { FleetSchedule } from './fleetSchedule.js';
import { MinHeap } from './minHeap.js';
import { percentiles, type SimulationBucket, type SimulationResult } from './simulationResult.js';

export type { Percentiles, SimulationResult, SimulationBucket } from './simulationResult.js';

export interface SimulationOptions {
  readonly instance: InstanceModel;
  /** Instances accepting requests over time (ignored, but for its first count, with an autoscaler). */
  readonly fleet: FleetSchedule;
  /** Scale on utilization and queue as the run goes instead of following `fleet`. */
  readonly autoscaler?: ReactiveAutoscaler;
  readonly latencyTarget: LatencyTarget;
  /**
   * Output tokens per second one instance delivers at its operating point (batch cap, latency
   * target): a step's used capacity is the tokens it emits over this rate, so utilization is the
   * share of the capacity the report's cost per token assumes (default: the decode rate of a full
   * batch at the instance's batch cap). How full the batches are is `batchOccupancy`, apart.
   */
  readonly outputTokensPerSecondAtCapacity?: number;
  /**
   * Disaggregated serving: arrivals go to `prefillInstances` instances of `prefill` (prompts only);
   * a finished prompt's KV moves to the fleet's instances (decode only) in `transferSeconds(input
   * tokens)`. Only with a fixed `fleet` (no autoscaler).
   */
  readonly disaggregated?: { readonly prefill: InstanceModel; readonly prefillInstances: number; readonly transferSeconds: (inputTokens: number) => number };
  /** Free requests (`free: true`) still waiting this long when a slot comes up are shed, unserved (seconds; default: they wait). */
  readonly shedFreeAfterSeconds?: number;
  /** Width of the time buckets of the time series, seconds (default one hour). */
  readonly bucketSeconds?: number;
  /** Called now and then with the simulated time, so a caller can draw progress. */
  readonly onProgress?: (simulatedSeconds: number) => void;
}

interface Instance {
  readonly model: InstanceModel;
  /** both: chunked prefill and decode; prefill: prompts only; decode: prefilled requests only. */
  readonly role: 'both' | 'prefill' | 'decode';
  /** GPUs over the fleet instance's: instance-seconds are counted in fleet-instance equivalents. */
  readonly weight: number;
  pending: number[];
  pendingHead: number;
  /** Free requests waiting: admitted only when no paid one waits. */
  freePending: number[];
  freeHead: number;
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
  /** Step-seconds weighted by how full the batch is (sequences over the batch cap). */
  occupiedSeconds: number;
  usedSeconds: number;
  /** usedSeconds at the autoscaler's last decision. */
  usedAtDecision: number;
  paidSeconds: number;
  /** Paid since (NaN when not paid). */
  paidFrom: number;
  /** Accepts new requests (routing sends it work). */
  accepting: boolean;
  /** Warming up until this time (then accepting); NaN when not warming. */
  readyAt: number;
}

/**
 * A discrete-event simulation of a fleet serving requests with continuous batching. A router sends
 * each arrival to the accepting instance with the fewest requests outstanding. Each instance runs
 * steps back to back while it has work: at a step's start it admits waiting requests first come,
 * first served while their prompt + output fit its KV cache and its batch limit (a request that
 * does not fit waits: no preemption), then computes up to its prompt-token budget of the oldest
 * prompts (chunked prefill) alongside one token of every decoding sequence; step times come from
 * the performance model's table. A prompt's last chunk gives the first token (TTFT); the rest come
 * one a step. The fleet follows `fleet` (a scale-down lets an instance finish what it holds, paid)
 * or, with `autoscaler`, scales on its queue and utilization (ReactiveAutoscaler). Deterministic for
 * a given request source.
 */
export function simulate(source: RequestSource, options: SimulationOptions): SimulationResult {
  const { instance: model, fleet, autoscaler, latencyTarget, bucketSeconds = 3600, onProgress, shedFreeAfterSeconds = Infinity, disaggregated } = options;
  const capacityTokens = options.outputTokensPerSecondAtCapacity ?? model.maxSequences / model.stepSeconds(model.maxSequences, 0);
  const cap = autoscaler?.maxInstances ?? Math.max(...fleet.map((s) => s.instances));
  const prefillCount = disaggregated?.prefillInstances ?? 0;
  const instances: Instance[] = Array.from({ length: cap + prefillCount }, (_, i) => ({
    model: i < cap ? model : (disaggregated as { prefill: InstanceModel }).prefill,
    role: disaggregated === undefined ? 'both' : i < cap ? 'decode' : 'prefill',
    weight: i < cap ? 1 : (disaggregated as { prefill: InstanceModel }).prefill.gpus / model.gpus,
    pending: [], pendingHead: 0, freePending: [], freeHead: 0, prefill: [], prefillHead: 0, headRemaining: 0, kvUsed: 0, decoding: 0,
    heap: new MinHeap(), step: 0, nextEnd: Infinity, completing: [], busySeconds: 0, occupiedSeconds: 0, usedSeconds: 0, usedAtDecision: 0, paidSeconds: 0,
    paidFrom: NaN, accepting: false, readyAt: NaN,
  }));
  let capacity = 1024;
  let arrival = new Float64Array(capacity);
  let input = new Float64Array(capacity);
  let fresh = new Float64Array(capacity);
  let output = new Float64Array(capacity);
  let first = new Float64Array(capacity);
  let finish = new Float64Array(capacity);
  let free = new Uint8Array(capacity);
  /** KV moving from a prefill to a decode instance, by arrival time there. */
  const transfers = new MinHeap();
  let n = 0;
  let rejected = 0;
  let shed = 0;
  let waitingTotal = 0;
  // Latency seen by the autoscaler since its last decision: first tokens and finished requests, and how many were late.
  const maxTtft = autoscaler?.maxTtftSeconds ?? null;
  const maxTpot = autoscaler?.maxTpotSeconds ?? null;
  let windowSeen = 0;
  let windowLate = 0;
  const usedByBucket: number[] = [];
  const paidByBucket: number[] = [];
  const waitSum: number[] = [];
  const waitCount: number[] = [];
  const waitMax: number[] = [];
  const grow = () => {
    capacity *= 2;
    const g = (a: Float64Array) => { const b = new Float64Array(capacity); b.set(a); return b; };
    arrival = g(arrival); input = g(input); fresh = g(fresh); output = g(output); first = g(first); finish = g(finish);
    const f = new Uint8Array(capacity);
    f.set(free);
    free = f;
  };
  const need = (id: number) => (input[id] as number) + (output[id] as number);
  /** KV tokens a request takes on an instance: its prompt on a prefill instance, prompt and output elsewhere. */
  const needOn = (s: Instance, id: number) => (s.role === 'prefill' ? (input[id] as number) : need(id));
  const waitingOn = (s: Instance) => s.pending.length - s.pendingHead + s.freePending.length - s.freeHead;
  const outstanding = (s: Instance) => waitingOn(s) + s.prefill.length - s.prefillHead + s.decoding;

  // Paid instance-seconds, integrated between events into the buckets.
  let paidCount = 0;
  let paidSince = 0;
  let maxPaid = 0;
  let scaleEvents = 0;
  /** Instances warming up now (so the event loop looks for their ready times only when some are). */
  let warmingNow = 0;
  const advance = (t: number) => {
    let from = paidSince;
    while (from < t) {
      const b = Math.floor(from / bucketSeconds);
      const to = Math.min(t, (b + 1) * bucketSeconds);
      paidByBucket[b] = (paidByBucket[b] ?? 0) + paidCount * (to - from);
      from = to;
    }
    paidSince = Math.max(paidSince, t);
  };
  const pay = (s: Instance, now: number) => {
    advance(now);
    s.paidFrom = now;
    paidCount += s.weight;
    maxPaid = Math.max(maxPaid, paidCount);
  };
  const release = (s: Instance, now: number) => {
    advance(now);
    s.paidSeconds += now - s.paidFrom;
    s.paidFrom = NaN;
    paidCount -= s.weight;
  };
  const paid = (s: Instance) => !Number.isNaN(s.paidFrom);
  const warming = (s: Instance) => !Number.isNaN(s.readyAt);

  const fleetInstances = instances.slice(0, cap);
  /** Moves the fleet to `target` accepting (or warming) instances. */
  const setTarget = (target: number, now: number, warmUpSeconds: number) => {
    let current = fleetInstances.filter((s) => s.accepting || warming(s)).length;
    if (target !== current) scaleEvents++;
    // Up: a draining instance is warm and takes requests at once; a cold one warms up first.
    for (let pass = 0; pass < 2 && current < target; pass++) {
      for (const s of fleetInstances) {
        if (current >= target) break;
        if (s.accepting || warming(s) || (pass === 0) !== paid(s)) continue;
        if (!paid(s)) pay(s, now);
        if (pass === 0 || warmUpSeconds <= 0) s.accepting = true;
        else {
          s.readyAt = now + warmUpSeconds;
          warmingNow++;
        }
        current++;
      }
    }
    // Down: cancel warming instances first, then stop the last accepting ones (they drain, paid).
    for (let i = cap - 1; i >= 0 && current > target; i--) {
      const s = instances[i] as Instance;
      if (!warming(s)) continue;
      s.readyAt = NaN;
      warmingNow--;
      release(s, now);
      current--;
    }
    for (let i = cap - 1; i >= 1 && current > target; i--) {
      const s = instances[i] as Instance;
      if (!s.accepting) continue;
      s.accepting = false;
      if (outstanding(s) === 0) release(s, now);
      current--;
    }
  };

  const startStep = (s: Instance, now: number) => {
    // Admit first come, first served while the cache and the batch limit allow: paid requests
    // first, free ones when no paid one waits (a free one waiting too long is shed).
    for (;;) {
      const fromFree = s.pendingHead === s.pending.length;
      if (fromFree && s.freeHead === s.freePending.length) break;
      const id = (fromFree ? s.freePending[s.freeHead] : s.pending[s.pendingHead]) as number;
      const m = s.model;
      const tooLarge = needOn(s, id) > m.kvCapacityTokens;
      if (tooLarge || (fromFree && s.role !== 'decode' && now - (arrival[id] as number) > shedFreeAfterSeconds)) {
        if (tooLarge) rejected++;
        else shed++;
        if (s.role !== 'decode') waitingTotal--; // a prefilled request has had its first token
        finish[id] = -1;
        if (fromFree) s.freeHead++;
        else s.pendingHead++;
        continue;
      }
      if (s.kvUsed + needOn(s, id) > m.kvCapacityTokens || s.prefill.length - s.prefillHead + s.decoding >= m.maxSequences) break;
      s.kvUsed += needOn(s, id);
      if (s.role === 'decode') {
        // Prefilled elsewhere: it decodes from this step on; its first token came with the prompt.
        s.decoding++;
        s.heap.push(s.step + (output[id] as number) - 1, id);
        if (fromFree) s.freeHead++;
        else s.pendingHead++;
        continue;
      }
      if (s.prefillHead === s.prefill.length) s.headRemaining = Math.max(1, fresh[id] as number);
      s.prefill.push(id);
      if (fromFree) s.freeHead++;
      else s.pendingHead++;
    }
    if (s.pendingHead > 4096 && s.pendingHead * 2 > s.pending.length) {
      s.pending = s.pending.slice(s.pendingHead);
      s.pendingHead = 0;
    }
    if (s.freeHead > 4096 && s.freeHead * 2 > s.freePending.length) {
      s.freePending = s.freePending.slice(s.freeHead);
      s.freeHead = 0;
    }
    // Compose: one token for each decoding sequence, and prompt chunks up to the budget.
    let budget = s.model.maxBatchedTokens;
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
      if (!s.accepting && s.role !== 'prefill' && paid(s) && outstanding(s) === 0) release(s, now); // drained
      return;
    }
    const duration = s.model.stepSeconds(s.decoding, prompt);
    s.nextEnd = now + duration;
    s.busySeconds += duration;
    s.occupiedSeconds += duration * Math.min(1, (s.decoding + s.prefill.length - s.prefillHead) / s.model.maxSequences);
    const used = s.role === 'prefill' ? duration * Math.min(1, prompt / s.model.maxBatchedTokens)
      : Math.min(duration, (s.decoding + s.completing.length) / capacityTokens);
    s.usedSeconds += used;
    const b = Math.floor(now / bucketSeconds);
    usedByBucket[b] = (usedByBucket[b] ?? 0) + used * s.weight;
  };

  const endStep = (s: Instance, now: number) => {
    s.step++;
    while (s.heap.peekKey() <= s.step) {
      const id = s.heap.pop() as number;
      finish[id] = now;
      if (free[id] === 0) {
        windowSeen++;
        if (maxTpot !== null && (now - (first[id] as number)) / ((output[id] as number) - 1) > maxTpot) windowLate++;
      }
      s.decoding--;
      s.kvUsed -= need(id);
    }
    for (const id of s.completing) {
      s.prefillHead++;
      first[id] = now;
      waitingTotal--;
      if (free[id] === 0) {
        windowSeen++;
        if (maxTtft !== null && now - (arrival[id] as number) > maxTtft) windowLate++;
      }
      if ((output[id] as number) <= 1) {
        finish[id] = now;
        s.kvUsed -= needOn(s, id);
      } else if (s.role === 'prefill') {
        s.kvUsed -= needOn(s, id);
        transfers.push(now + (disaggregated as { transferSeconds: (t: number) => number }).transferSeconds(input[id] as number), id);
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

  // Control: the schedule's changes, or the autoscaler's decisions and warm-ups.
  let segment = 1;
  let nextDecision = autoscaler === undefined ? Infinity : autoscaler.evaluationSeconds;
  let lowSince = NaN;
  let windowMax = 0;
  setTarget(autoscaler?.initialInstances ?? fleet[0]?.instances ?? 1, 0, 0);
  for (let i = cap; i < instances.length; i++) pay(instances[i] as Instance, 0); // the prefill pool: fixed, paid throughout
  scaleEvents = 0;
  const nextControl = () => {
    let t = autoscaler === undefined ? (fleet[segment]?.atSeconds ?? Infinity) : nextDecision;
    if (warmingNow > 0) for (const s of instances) if (s.readyAt < t) t = s.readyAt;
    return t;
  };
  const control = (now: number) => {
    for (const s of instances) {
      if (s.readyAt <= now) {
        s.readyAt = NaN;
        warmingNow--;
        s.accepting = true;
      }
    }
    if (autoscaler === undefined) {
      while ((fleet[segment]?.atSeconds ?? Infinity) <= now) setTarget((fleet[segment++] as { instances: number }).instances, now, 0);
      return;
    }
    if (nextDecision > now) return;
    nextDecision = now + autoscaler.evaluationSeconds;
    let ready = 0;
    let warmingCount = 0;
    let used = 0;
    let waiting = 0;
    let oldest = 0;
    for (const s of instances) {
      if (warming(s)) warmingCount++;
      if (!s.accepting) continue;
      ready++;
      used += s.usedSeconds - s.usedAtDecision;
      waiting += waitingOn(s);
      // The scaler holds the latency of paid traffic; free traffic's wait alone never adds instances.
      if (s.pendingHead < s.pending.length) oldest = Math.max(oldest, now - (arrival[s.pending[s.pendingHead] as number] as number));
    }
    for (const s of instances) s.usedAtDecision = s.usedSeconds;
    const utilization = Math.min(1, used / Math.max(1e-9, ready * autoscaler.evaluationSeconds));
    const lateShare = windowSeen > 0 ? windowLate / windowSeen : 0;
    windowSeen = 0;
    windowLate = 0;
    const desired = desiredInstances(autoscaler, { readyInstances: ready, warmingInstances: warmingCount, utilization, waitingRequests: waiting, oldestWaitSeconds: oldest, maxSequences: model.maxSequences, lateShare });
    const current = ready + warmingCount;
    if (desired > current) {
      lowSince = NaN;
      setTarget(desired, now, autoscaler.warmUpSeconds);
    } else if (desired < current) {
      // Scale down to the most asked for over a stabilization window (as Kubernetes' HPA does).
      if (Number.isNaN(lowSince)) {
        lowSince = now;
        windowMax = desired;
      }
      windowMax = Math.max(windowMax, desired);
      if (now - lowSince >= autoscaler.scaleDownDelaySeconds) {
        setTarget(windowMax, now, autoscaler.warmUpSeconds);
        lowSince = NaN;
      }
    } else {
      lowSince = NaN;
    }
  };

  /** The accepting instance among [from, to) with the fewest requests outstanding (prefill instances always accept). */
  const leastLoaded = (from: number, to: number): Instance => {
    let best = instances[from] as Instance;
    let least = Infinity;
    for (let i = from; i < to; i++) {
      const s = instances[i] as Instance;
      if (!s.accepting && s.role !== 'prefill') continue;
      const o = outstanding(s);
      if (o < least) {
        least = o;
        best = s;
      }
    }
    return best;
  };

  let next = source.next();
  let lastProgress = 0;
  let now = 0;
  for (;;) {
    let which = -1;
    let t = next === null ? Infinity : next.arrivalSeconds;
    for (let i = 0; i < instances.length; i++) {
      const e = (instances[i] as Instance).nextEnd;
      if (e < t) {
        t = e;
        which = i;
      }
    }
    const moved = transfers.peekKey();
    if (moved < t && moved < nextControl()) {
      // A prompt's KV arrives at the decode pool: to the decode instance with the least outstanding.
      now = moved;
      const id = transfers.pop() as number;
      const s = leastLoaded(0, cap);
      if (free[id] === 1) s.freePending.push(id);
      else s.pending.push(id);
      if (s.nextEnd === Infinity) startStep(s, now);
      continue;
    }
    if (t === Infinity) break;
    const c = nextControl();
    if (c <= t) {
      now = Math.max(now, c);
      control(now);
      continue;
    }
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
      const s = disaggregated === undefined ? leastLoaded(0, cap) : leastLoaded(cap, instances.length);
      free[id] = next.free === true ? 1 : 0;
      if (next.free === true) s.freePending.push(id);
      else s.pending.push(id);
      waitingTotal++;
      const b = Math.floor(now / bucketSeconds);
      waitSum[b] = (waitSum[b] ?? 0) + waitingTotal;
      waitCount[b] = (waitCount[b] ?? 0) + 1;
      waitMax[b] = Math.max(waitMax[b] ?? 0, waitingTotal);
      if (s.nextEnd === Infinity) startStep(s, now);
      next = source.next();
    }
    if (onProgress !== undefined && now - lastProgress > 600) {
      lastProgress = now;
      onProgress(now);
    }
  }
  const duration = Math.max(now, n > 0 ? (arrival[n - 1] as number) : 0);
  for (const s of instances) if (paid(s)) release(s, duration);
  advance(duration);
  return summarize();

  function summarize(): SimulationResult {
    const bucketCount = Math.max(1, Math.ceil(duration / bucketSeconds));
    const ttft: number[] = [];
    const tpot: number[] = [];
    const ttftByBucket: number[][] = Array.from({ length: bucketCount }, () => []);
    const tpotByBucket: number[][] = Array.from({ length: bucketCount }, () => []);
    const arrivals = new Array<number>(bucketCount).fill(0);
    let completed = 0;
    let good = 0;
    // Per priority class: [paid, free].
    const classRequests = [0, 0];
    const classCompleted = [0, 0];
    const classGood = [0, 0];
    const classTtft: number[][] = [[], []];
    const classTpot: number[][] = [[], []];
    let inTokens = 0;
    let cachedTokens = 0;
    let outTokens = 0;
    for (let id = 0; id < n; id++) {
      const b = Math.min(bucketCount - 1, Math.floor((arrival[id] as number) / bucketSeconds));
      arrivals[b] = (arrivals[b] ?? 0) + 1;
      const k = free[id] as number;
      classRequests[k]!++;
      const f = finish[id] as number;
      if (!(f >= 0)) continue;
      completed++;
      classCompleted[k]!++;
      const o = output[id] as number;
      const tt = (first[id] as number) - (arrival[id] as number);
      const tp = o > 1 ? (f - (first[id] as number)) / (o - 1) : 0;
      ttft.push(tt);
      ttftByBucket[b]?.push(tt);
      if (o > 1) {
        tpot.push(tp);
        tpotByBucket[b]?.push(tp);
      }
      inTokens += input[id] as number;
      cachedTokens += (input[id] as number) - (fresh[id] as number);
      outTokens += o;
      const fastEnough = latencyTarget.minTokensPerSecondPerUser === null || o <= 1 || tp <= 1 / latencyTarget.minTokensPerSecondPerUser;
      const soonEnough = latencyTarget.maxTtftSeconds === null || tt <= latencyTarget.maxTtftSeconds;
      if (fastEnough && soonEnough) {
        good++;
        classGood[k]!++;
      }
      classTtft[k]!.push(tt);
      if (o > 1) classTpot[k]!.push(tp);
    }
    const priorityClass = (k: number) => ({
      requests: classRequests[k] ?? 0, completed: classCompleted[k] ?? 0,
      sloAttainment: (classRequests[k] ?? 0) > 0 ? (classGood[k] ?? 0) / (classRequests[k] ?? 1) : 0,
      ttftSeconds: percentiles(classTtft[k] ?? []), tpotSeconds: percentiles(classTpot[k] ?? []),
    });
    const buckets: SimulationBucket[] = Array.from({ length: bucketCount }, (_, b) => {
      const width = Math.max(1e-9, Math.min(duration, (b + 1) * bucketSeconds) - b * bucketSeconds);
      const active = paidByBucket[b] ?? 0;
      const t = percentiles(ttftByBucket[b] ?? []);
      return {
        startSeconds: b * bucketSeconds,
        activeInstances: active / width,
        utilization: active > 0 ? Math.min(1, (usedByBucket[b] ?? 0) / active) : 0,
        meanWaiting: (waitSum[b] ?? 0) / Math.max(1, waitCount[b] ?? 0),
        maxWaiting: waitMax[b] ?? 0,
        arrivals: arrivals[b] ?? 0,
        ttftP50Seconds: finiteOrNull(t.p50),
        ttftP99Seconds: finiteOrNull(t.p99),
        tpotP99Seconds: finiteOrNull(percentiles(tpotByBucket[b] ?? []).p99),
      };
    });
    const activeInstanceSeconds = instances.reduce((a, s) => a + s.paidSeconds * s.weight, 0);
    const used = instances.reduce((a, s) => a + s.usedSeconds * s.weight, 0);
    return {
      requests: n,
      completed,
      rejected,
      shed,
      priorityClasses: (classRequests[1] ?? 0) > 0 ? { paid: priorityClass(0), free: priorityClass(1) } : null,
      ttftSeconds: percentiles(ttft),
      tpotSeconds: percentiles(tpot),
      sloAttainment: n > 0 ? good / n : 0,
      inputTokens: inTokens,
      cachedInputTokens: cachedTokens,
      prefixCacheHitRate: inTokens > 0 ? cachedTokens / inTokens : 0,
      outputTokens: outTokens,
      durationSeconds: duration,
      lastArrivalSeconds: n > 0 ? (arrival[n - 1] as number) : 0,
      activeInstanceSeconds,
      busyInstanceSeconds: instances.reduce((a, s) => a + s.busySeconds * s.weight, 0),
      usedInstanceSeconds: used,
      utilization: activeInstanceSeconds > 0 ? Math.min(1, used / activeInstanceSeconds) : 0,
      batchOccupancy: activeInstanceSeconds > 0 ? Math.min(1, instances.reduce((a, s) => a + s.occupiedSeconds * s.weight, 0) / activeInstanceSeconds) : 0,
      maxInstances: maxPaid,
      scaleEvents,
      bucketSeconds,
      buckets,
      utilizationByInstance: instances.filter((s) => s.paidSeconds > 0).map((s) => Math.min(1, s.usedSeconds / s.paidSeconds)),
    };
  }
}

/** A bucket's percentile, or null where it had no completed request to take one of. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
