import type { Request, RequestSource } from './types.js';

/**
 * A source over a list of requests, in arrival order: the list is copied and stably sorted by
 * `arrivalSeconds` (ties keep their order), so later changes to the list do not leak in.
 * Example: fromList([b at 2 s, a at 1 s]) yields a, then b, then null.
 */
export function fromList(requests: readonly Request[]): RequestSource {
  const sorted = [...requests].sort((x, y) => x.arrivalSeconds - y.arrivalSeconds);
  let index = 0;
  return { next: () => sorted[index++] ?? null };
}

/**
 * Every request a source still holds, in order, at most `limit` of them (default: all, so only
 * for a finite source). Example: collectRequests(fromList([a, b])) is [a, b].
 */
export function collectRequests(source: RequestSource, limit = Infinity): Request[] {
  const out: Request[] = [];
  while (out.length < limit) {
    const request = source.next();
    if (request === null) break;
    out.push(request);
  }
  return out;
}
