import { describe, expect, it } from 'vitest';
import { getWithTimeout, inPool } from '../../src/cli/commands/prices/http.js';
import { NetworkError } from '../../src/cli/io.js';

describe('prices HTTP client', () => {
  it('returns the answer of a request that ends in time', async () => {
    const answer = await getWithTimeout(async () => ({ status: 200, statusText: 'OK', body: '{}' }), 'https://example.test/models', 1);
    expect(answer.body).toBe('{}');
  });

  it('ends a request that ignores its signal after the timeout, naming the URL', async () => {
    const never = () => new Promise<never>(() => {});
    const failure = getWithTimeout(never, 'https://example.test/slow', 0.05);
    await expect(failure).rejects.toBeInstanceOf(NetworkError);
    await expect(failure).rejects.toThrow('cannot GET https://example.test/slow: timed out after 0.05 s');
  });

  it('names the cause of a failed request', async () => {
    const refused = async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    };
    await expect(getWithTimeout(refused, 'http://127.0.0.1:9/models', 1)).rejects.toThrow('fetch failed: connect ECONNREFUSED 127.0.0.1:9');
  });

  it('keeps order and never has more than the limit in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await inPool([5, 1, 4, 2, 3, 0], 2, async (ms) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, ms));
      inFlight--;
      return ms * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(2);
  });

  it('stops starting calls after the first failure and rejects with it', async () => {
    const started: number[] = [];
    const run = inPool([1, 2, 3, 4], 1, async (i) => {
      started.push(i);
      if (i === 2) throw new Error('boom');
      return i;
    });
    await expect(run).rejects.toThrow('boom');
    expect(started).toEqual([1, 2]);
  });
});
