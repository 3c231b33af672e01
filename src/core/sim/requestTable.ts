import type { Request } from '../demand/types.js';

/**
 * The requests of a run, one row each in growable typed arrays (a million-request run holds no
 * object per request): sizes as they arrived, and the times of their first token and their end.
 * Ids are row numbers, in arrival order.
 */
export class RequestTable {
  private capacity = 1024;
  /** Rows in use: requests arrived so far. */
  count = 0;
  arrivalSeconds = new Float64Array(this.capacity);
  inputTokens = new Float64Array(this.capacity);
  /** Prompt tokens to compute: input tokens less those in the prefix cache. */
  freshInputTokens = new Float64Array(this.capacity);
  outputTokens = new Float64Array(this.capacity);
  /** Time of the first token (NaN until then). */
  firstTokenSeconds = new Float64Array(this.capacity);
  /** Time of the last token (NaN until then; -1 when rejected or shed). */
  finishSeconds = new Float64Array(this.capacity);
  /** 1 for free traffic, 0 for paid. */
  free = new Uint8Array(this.capacity);

  /** Adds a request; returns its id. */
  add(r: Request): number {
    if (this.count === this.capacity) this.grow();
    const id = this.count++;
    this.arrivalSeconds[id] = r.arrivalSeconds;
    this.inputTokens[id] = r.inputTokens;
    this.freshInputTokens[id] = r.inputTokens - r.cachedInputTokens;
    this.outputTokens[id] = r.outputTokens;
    this.firstTokenSeconds[id] = NaN;
    this.finishSeconds[id] = NaN;
    this.free[id] = r.free === true ? 1 : 0;
    return id;
  }

  /** KV-cache tokens request `id` holds at its end: prompt and output. */
  kvTokens(id: number): number {
    return (this.inputTokens[id] as number) + (this.outputTokens[id] as number);
  }

  private grow(): void {
    this.capacity *= 2;
    const g = (a: Float64Array) => {
      const b = new Float64Array(this.capacity);
      b.set(a);
      return b;
    };
    this.arrivalSeconds = g(this.arrivalSeconds);
    this.inputTokens = g(this.inputTokens);
    this.freshInputTokens = g(this.freshInputTokens);
    this.outputTokens = g(this.outputTokens);
    this.firstTokenSeconds = g(this.firstTokenSeconds);
    this.finishSeconds = g(this.finishSeconds);
    const f = new Uint8Array(this.capacity);
    f.set(this.free);
    this.free = f;
  }
}
