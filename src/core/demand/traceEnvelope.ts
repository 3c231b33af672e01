import { rateMultiplierAt, type DemandProfile } from './profile.js';
import { scaleTrace } from './scaleTrace.js';
import type { Request, Rng } from './types.js';

export interface TraceEnvelopeOptions {
  /** The trace's span, seconds (> 0): one loop of it. */
  readonly spanSeconds: number;
  /** Length of the run, seconds (> 0). */
  readonly durationSeconds: number;
  /** The daily envelope: the rate at time t is the trace's rate × `rateScale` × the profile's multiplier at t. */
  readonly profile: DemandProfile;
  /** Rate factor on Saturdays and Sundays (default 1; see rateMultiplierAt). */
  readonly weekendMultiplier?: number;
  /** Where second 0 falls in the week, seconds from Monday 00:00 (default 0). */
  readonly startSeconds?: number;
  /** Multiple of the trace's own rate at a multiplier of 1 (> 0, default 1). */
  readonly rateScale?: number;
  readonly rng: Rng;
}

/**
 * A short trace (an hour, say) stretched over a day or a week under an envelope: the trace is
 * replayed back to back at the envelope's peak rate (scaleTrace, its burstiness and sizes kept),
 * and each request is kept with probability envelope(t) / peak (thinning, as Lewis and Shedler
 * 1979 for a Poisson process), so the rate follows the profile while the trace shapes the
 * second-to-second arrivals. Each loop gets its own prefix-block ids (new users each loop; reuse
 * within a loop stays). Deterministic for the generator.
 *
 * Example: an hour of 10,000 requests over 24 h under a flat profile at rateScale 1 gives
 * 240,000 requests (every loop kept whole); under a profile peaking at 2× it gives about the same
 * number, twice as dense at the peak as on average.
 */
export function traceUnderEnvelope(requests: readonly Request[], options: TraceEnvelopeOptions): Request[] {
  const { spanSeconds, durationSeconds, profile, weekendMultiplier = 1, startSeconds = 0, rateScale = 1, rng } = options;
  const peakMultiplier = Math.max(...profile.hourlyMultipliers) * Math.max(1, weekendMultiplier);
  const atPeak = scaleTrace(requests, rateScale * peakMultiplier, spanSeconds);
  let idSpan = 0;
  for (const r of atPeak) for (const id of r.prefixBlockIds ?? []) idSpan = Math.max(idSpan, id + 1);
  const out: Request[] = [];
  for (let loop = 0; loop * spanSeconds < durationSeconds; loop++) {
    for (const r of atPeak) {
      const t = loop * spanSeconds + r.arrivalSeconds;
      if (t >= durationSeconds) break;
      if (rng.next() * peakMultiplier >= rateMultiplierAt(profile, startSeconds + t, weekendMultiplier)) continue;
      const ids = r.prefixBlockIds;
      out.push({ ...r, arrivalSeconds: t, ...(ids !== undefined && loop > 0 && { prefixBlockIds: ids.map((id) => id + loop * idSpan) }) });
    }
  }
  return out;
}
