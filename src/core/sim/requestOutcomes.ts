import type { LatencyTarget } from '../economics/operatingPoint.js';
import type { RequestTable } from './requestTable.js';

/** The latencies and tokens of one group of requests (a priority class). */
export interface ClassOutcomes {
  requests: number;
  completed: number;
  /** Completed requests meeting both bounds of the latency target. */
  good: number;
  readonly ttftSeconds: number[];
  readonly tpotSeconds: number[];
}

/** What a run's requests came to, overall, by arrival bucket and by priority class. */
export interface RequestOutcomes {
  readonly completed: number;
  readonly good: number;
  readonly ttftSeconds: number[];
  /** TPOT of the completed requests of more than one output token. */
  readonly tpotSeconds: number[];
  readonly ttftByBucket: number[][];
  readonly tpotByBucket: number[][];
  readonly arrivalsByBucket: number[];
  /** [paid, free]. */
  readonly classes: readonly [ClassOutcomes, ClassOutcomes];
  /** Prompt, prefix-cached prompt and output tokens of the completed requests. */
  readonly inputTokens: number;
  readonly cachedInputTokens: number;
  readonly outputTokens: number;
}

const emptyClass = (): ClassOutcomes => ({ requests: 0, completed: 0, good: 0, ttftSeconds: [], tpotSeconds: [] });

/**
 * One pass over a run's requests: each completed one's TTFT (first token − arrival) and TPOT
 * ((last − first token) / (output − 1)), whether it met `latencyTarget`, by the bucket of
 * `bucketSeconds` it arrived in (the last bucket takes any later) and by priority class.
 * A request that never finished (rejected, shed, or still running) counts only as a request.
 */
export function requestOutcomes(r: RequestTable, bucketSeconds: number, bucketCount: number, latencyTarget: LatencyTarget): RequestOutcomes {
  const ttft: number[] = [];
  const tpot: number[] = [];
  const ttftByBucket: number[][] = Array.from({ length: bucketCount }, () => []);
  const tpotByBucket: number[][] = Array.from({ length: bucketCount }, () => []);
  const arrivals = new Array<number>(bucketCount).fill(0);
  const classes: [ClassOutcomes, ClassOutcomes] = [emptyClass(), emptyClass()];
  let completed = 0;
  let good = 0;
  let inTokens = 0;
  let cachedTokens = 0;
  let outTokens = 0;
  for (let id = 0; id < r.count; id++) {
    const arrival = r.arrivalSeconds[id] as number;
    const b = Math.min(bucketCount - 1, Math.floor(arrival / bucketSeconds));
    arrivals[b] = (arrivals[b] ?? 0) + 1;
    const c = classes[r.free[id] as number] as ClassOutcomes;
    c.requests++;
    const f = r.finishSeconds[id] as number;
    if (!(f >= 0)) continue;
    completed++;
    c.completed++;
    const o = r.outputTokens[id] as number;
    const first = r.firstTokenSeconds[id] as number;
    const tt = first - arrival;
    const tp = o > 1 ? (f - first) / (o - 1) : 0;
    ttft.push(tt);
    ttftByBucket[b]?.push(tt);
    if (o > 1) {
      tpot.push(tp);
      tpotByBucket[b]?.push(tp);
    }
    inTokens += r.inputTokens[id] as number;
    cachedTokens += (r.inputTokens[id] as number) - (r.freshInputTokens[id] as number);
    outTokens += o;
    const fastEnough = latencyTarget.minTokensPerSecondPerUser === null || o <= 1 || tp <= 1 / latencyTarget.minTokensPerSecondPerUser;
    const soonEnough = latencyTarget.maxTtftSeconds === null || tt <= latencyTarget.maxTtftSeconds;
    if (fastEnough && soonEnough) {
      good++;
      c.good++;
    }
    c.ttftSeconds.push(tt);
    if (o > 1) c.tpotSeconds.push(tp);
  }
  return {
    completed, good, ttftSeconds: ttft, tpotSeconds: tpot, ttftByBucket, tpotByBucket, arrivalsByBucket: arrivals, classes,
    inputTokens: inTokens, cachedInputTokens: cachedTokens, outputTokens: outTokens,
  };
}
