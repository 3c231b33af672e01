import type { Instance } from './instance.js';

/** Which instance gets a request: an arrival, or a prompt prefilled on the prefill pool. */
export interface Router {
  /** The instance an arriving request joins (a prefill instance when serving is disaggregated). */
  forArrival(): Instance;
  /** The decode instance a prefilled prompt's KV moves to. */
  forPrefilled(): Instance;
}

/**
 * The instance among `instances[from, to)` with the fewest requests outstanding (waiting, in
 * prefill or decoding) that accepts requests (prefill instances always do); the first such on a
 * tie, `instances[from]` when none accepts.
 */
export function leastOutstanding(instances: readonly Instance[], from: number, to: number): Instance {
  let best = instances[from] as Instance;
  let least = Infinity;
  for (let i = from; i < to; i++) {
    const s = instances[i] as Instance;
    if (!s.accepting && s.role !== 'prefill') continue;
    const o = s.outstandingRequests();
    if (o < least) {
      least = o;
      best = s;
    }
  }
  return best;
}

/**
 * Least outstanding requests routing (vidur's LOR global scheduler) over a fleet whose first
 * `fleetInstances` instances serve (decode, when disaggregated) and the rest, if any, are the
 * prefill pool arrivals go to.
 */
export function leastOutstandingRouter(instances: readonly Instance[], fleetInstances: number): Router {
  const disaggregated = instances.length > fleetInstances;
  return {
    forArrival: () => (disaggregated ? leastOutstanding(instances, fleetInstances, instances.length) : leastOutstanding(instances, 0, fleetInstances)),
    forPrefilled: () => leastOutstanding(instances, 0, fleetInstances),
  };
}
