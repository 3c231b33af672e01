import type { Request } from './types.js';

/**
 * A trace replayed at `factor` times its request rate over the same span, to size a larger (or
 * smaller) service with the trace's own burstiness and sizes: the trace is compressed in time by
 * `factor` and laid end to end ⌈factor⌉ times, then cut at the original span. Each copy's
 * prefix-block ids are shifted past the previous copy's, so copies are different users and
 * share no prefix; within a copy, reuse stays as recorded. Factor 1 returns the requests as they
 * are; a factor below 1 keeps the first `factor` share of the span, stretched over all of it.
 *
 * Example: scaleTrace(one request at 0 s and one at 10 s over a 20 s span, 2) has requests at
 * 0, 5, 10 and 15 s.
 *
 * @param factor rate multiple (> 0)
 * @param spanSeconds the trace's span, seconds (> 0; default the last arrival plus a mean gap, at least 1 s)
 */
export function scaleTrace(requests: readonly Request[], factor: number, spanSeconds?: number): Request[] {
  if (factor === 1) return [...requests];
  let last = 0;
  for (const r of requests) last = Math.max(last, r.arrivalSeconds);
  const span = spanSeconds ?? Math.max(1, last * (1 + 1 / Math.max(1, requests.length)));
  let idSpan = 0;
  for (const r of requests) for (const id of r.prefixBlockIds ?? []) idSpan = Math.max(idSpan, id + 1);
  const out: Request[] = [];
  const copies = Math.ceil(factor);
  for (let c = 0; c < copies; c++) {
    for (const r of requests) {
      const t = (c * span + r.arrivalSeconds) / factor;
      if (t >= span) continue;
      const ids = r.prefixBlockIds;
      out.push({ ...r, arrivalSeconds: t, ...(ids !== undefined && c > 0 && { prefixBlockIds: ids.map((id) => id + c * idSpan) }) });
    }
  }
  return out.sort((a, b) => a.arrivalSeconds - b.arrivalSeconds);
}
