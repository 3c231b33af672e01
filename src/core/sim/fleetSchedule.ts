import { SECONDS_PER_HOUR } from '../units.js';

/** How many instances accept requests from a time on; sorted by time, the first at 0. */
export interface FleetSegment {
  readonly atSeconds: number;
  readonly instances: number;
}

export type FleetSchedule = readonly FleetSegment[];

export function fixedFleet(instances: number): FleetSchedule {
  return [{ atSeconds: 0, instances }];
}

/** Instances accepting requests at `seconds`. */
export function instancesAt(schedule: FleetSchedule, seconds: number): number {
  let n = schedule[0]?.instances ?? 1;
  for (const s of schedule) {
    if (s.atSeconds > seconds) break;
    n = s.instances;
  }
  return n;
}

export function maxInstances(schedule: FleetSchedule): number {
  return Math.max(...schedule.map((s) => s.instances));
}

/**
 * An autoscaled fleet for an hourly demand (requests/s each hour): each hour, enough instances of
 * `capacityRequestsPerSecond` each for the hour's demand plus `headroom`, at least
 * `minInstances`, in steps of `granularity`; a scale-up takes effect `scaleUpLagSeconds` into the
 * hour (new instances boot and load weights), a scale-down at once.
 * Example: demand [10, 30] req/s, capacity 10, no headroom, lag 600 s → 1 instance, then 3 from 4,200 s.
 */
export function autoscaledFleet(
  hourlyRequestsPerSecond: readonly number[],
  options: { capacityRequestsPerSecond: number; headroom: number; minInstances: number; granularity: number; scaleUpLagSeconds: number },
): FleetSchedule {
  const { capacityRequestsPerSecond, headroom, minInstances, granularity, scaleUpLagSeconds } = options;
  const segments: FleetSegment[] = [];
  let current = 0;
  hourlyRequestsPerSecond.forEach((rate, hour) => {
    const raw = Math.ceil((rate * (1 + headroom)) / capacityRequestsPerSecond);
    const needed = Math.max(minInstances, Math.ceil(Math.max(raw, 1) / granularity) * granularity);
    const start = hour * SECONDS_PER_HOUR;
    if (hour === 0) {
      segments.push({ atSeconds: 0, instances: needed });
    } else if (needed > current) {
      segments.push({ atSeconds: start + Math.min(scaleUpLagSeconds, 3599), instances: needed });
    } else if (needed < current) {
      segments.push({ atSeconds: start, instances: needed });
    }
    current = needed;
  });
  return segments;
}
