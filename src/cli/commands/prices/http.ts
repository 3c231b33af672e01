import { NetworkError, type CliIo, type FetchedText } from '../../io.js';

/** The HTTP client of `prices pull`: GET with a timeout, failures as NetworkErrors naming the URL, a bounded pool of requests. */

export const pullFailed = (url: string, reason: string) => new NetworkError(`cannot GET ${url}: ${reason.replace(/\s+/g, ' ')}`);

/**
 * `fetchText(url)` bounded by `timeoutSeconds` (AbortSignal.timeout): the signal aborts the
 * request, and the race ends the wait even if a fetch ignores its signal. Rejects with a
 * NetworkError naming the URL and the reason.
 */
export async function getWithTimeout(fetchText: NonNullable<CliIo['fetchText']>, url: string, timeoutSeconds: number): Promise<FetchedText> {
  const signal = AbortSignal.timeout(timeoutSeconds * 1000);
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  const request = fetchText(url, { signal });
  request.catch(() => {}); // a request that fails after the timeout won has no one left to tell
  try {
    return await Promise.race([request, aborted]);
  } catch (e) {
    throw pullFailed(url, networkReason(e, timeoutSeconds));
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Why a request failed, in a few words: "timed out after 20 s", "fetch failed: connect ECONNREFUSED 127.0.0.1:9". */
function networkReason(e: unknown, timeoutSeconds: number): string {
  if (!(e instanceof Error)) return String(e);
  if (e.name === 'TimeoutError') return `timed out after ${timeoutSeconds} s`;
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  return cause === undefined || e.message.includes(cause) ? e.message : `${e.message}: ${cause}`;
}

/** Maps `items` with at most `limit` calls in flight, keeping order; the first failure stops new calls. */
export async function inPool<T, R>(items: readonly T[], limit: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const i = next++;
      try {
        results[i] = await call(items[i] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== undefined) throw failure.error;
  return results;
}
