import type { InstanceModel } from './instanceModel.js';
import type { SimulationMetrics } from './metrics.js';
import { MinHeap } from './minHeap.js';
import type { RequestTable } from './requestTable.js';

/** both: chunked prefill and decode; prefill: prompts only; decode: prefilled requests only. */
export type InstanceRole = 'both' | 'prefill' | 'decode';

/** What every instance of a run shares. */
export interface InstanceSetting {
  readonly requests: RequestTable;
  readonly metrics: SimulationMetrics;
  /** Output tokens per second an instance delivers at its operating point: a step's used capacity is its tokens over this. */
  readonly outputTokensPerSecondAtCapacity: number;
  /** Free requests still waiting this long at admission are shed (seconds). */
  readonly shedFreeAfterSeconds: number;
  /** Takes a prompt a prefill instance has computed, whose KV goes to the decode pool now. */
  readonly prefilled: (id: number, nowSeconds: number) => void;
}

/**
 * One serving instance with continuous batching (vidur's replica and its replica scheduler): a
 * request waits in its queue (paid ones before free ones) until admission reserves its KV cache;
 * each step computes one token of every decoding sequence and chunks of the oldest prompts; at a
 * step's end a completed prompt gives its first token, a finished sequence its last, and their KV
 * is freed. Step times come from the instance model. The fleet's state of the instance
 * (accepting, warming, paid) sits here too, for the fleet control and the router to read.
 */
export class Instance {
  private pending: number[] = [];
  private pendingHead = 0;
  /** Free requests waiting: admitted only when no paid one waits. */
  private freePending: number[] = [];
  private freeHead = 0;
  /** Admitted prompts, oldest first, not yet through prefill. */
  private prefill: number[] = [];
  private prefillHead = 0;
  /** Prompt tokens still to compute for the request at the head of `prefill`. */
  private headRemaining = 0;
  private kvUsedTokens = 0;
  private decoding = 0;
  /** Decoding requests by the step their last token comes with. */
  private readonly decodeEnds = new MinHeap();
  private step = 0;
  /** Requests whose prompt completes with the step in flight. */
  private readonly completing: number[] = [];
  /** End of the step in flight, seconds (Infinity when idle). */
  stepEndSeconds = Infinity;
  /** Accepts new requests (the router sends it work). */
  accepting = false;
  /** Warming up until this time (then accepting); NaN when not warming. */
  readyAtSeconds = NaN;
  /** Paid since (NaN when not paid). */
  paidFromSeconds = NaN;

  constructor(
    /** Its place in the fleet: the event queue ranks its step ends by it. */
    readonly index: number,
    readonly model: InstanceModel,
    readonly role: InstanceRole,
    /** GPUs over the fleet instance's: instance-seconds are counted in fleet-instance equivalents. */
    readonly weight: number,
    private readonly setting: InstanceSetting,
  ) {}

  /** Queues request `id` for admission. */
  enqueue(id: number): void {
    if (this.setting.requests.free[id] === 1) this.freePending.push(id);
    else this.pending.push(id);
  }

  /** Requests waiting for admission. */
  waitingRequests(): number {
    return this.pending.length - this.pendingHead + this.freePending.length - this.freeHead;
  }

  /** Requests routed here and not finished: waiting, in prefill or decoding. */
  outstandingRequests(): number {
    return this.waitingRequests() + this.prefill.length - this.prefillHead + this.decoding;
  }

  /** Seconds the oldest waiting paid request has waited at `nowSeconds` (0 when none waits). */
  oldestPaidWaitSeconds(nowSeconds: number): number {
    if (this.pendingHead === this.pending.length) return 0;
    return nowSeconds - (this.setting.requests.arrivalSeconds[this.pending[this.pendingHead] as number] as number);
  }

  get paid(): boolean {
    return !Number.isNaN(this.paidFromSeconds);
  }

  get warming(): boolean {
    return !Number.isNaN(this.readyAtSeconds);
  }

  /**
   * Admits what fits and composes the next step; returns false when there is nothing to run (the
   * instance idles until a request comes).
   */
  startStep(nowSeconds: number): boolean {
    this.admit(nowSeconds);
    const m = this.model;
    const prompt = this.compose();
    if (this.decoding === 0 && prompt === 0) {
      this.stepEndSeconds = Infinity;
      return false;
    }
    const duration = m.stepSeconds(this.decoding, prompt);
    this.stepEndSeconds = nowSeconds + duration;
    const occupancy = Math.min(1, (this.decoding + this.prefill.length - this.prefillHead) / m.maxSequences);
    const used = this.role === 'prefill' ? duration * Math.min(1, prompt / m.maxBatchedTokens)
      : Math.min(duration, (this.decoding + this.completing.length) / this.setting.outputTokensPerSecondAtCapacity);
    this.setting.metrics.step(this.index, nowSeconds, duration, occupancy, used);
    return true;
  }

  /** Ends the step in flight at `nowSeconds`: emits its first and last tokens and frees their KV. */
  endStep(nowSeconds: number): void {
    const { requests: r, metrics } = this.setting;
    this.step++;
    while (this.decodeEnds.peekKey() <= this.step) {
      const id = this.decodeEnds.pop() as number;
      metrics.finished(id, nowSeconds);
      this.decoding--;
      this.kvUsedTokens -= r.kvTokens(id);
    }
    for (const id of this.completing) {
      this.prefillHead++;
      metrics.firstToken(id, nowSeconds);
      if ((r.outputTokens[id] as number) <= 1) {
        metrics.finished(id, nowSeconds);
        this.kvUsedTokens -= this.kvTokensOf(id);
      } else if (this.role === 'prefill') {
        this.kvUsedTokens -= this.kvTokensOf(id);
        this.setting.prefilled(id, nowSeconds);
      } else {
        this.decoding++;
        this.decodeEnds.push(this.step + (r.outputTokens[id] as number) - 1, id);
      }
    }
    if (this.prefillHead > 4096 && this.prefillHead * 2 > this.prefill.length) {
      this.prefill = this.prefill.slice(this.prefillHead);
      this.prefillHead = 0;
    }
  }

  /** KV tokens a request takes here: its prompt on a prefill instance, prompt and output elsewhere. */
  private kvTokensOf(id: number): number {
    const r = this.setting.requests;
    return this.role === 'prefill' ? (r.inputTokens[id] as number) : r.kvTokens(id);
  }

  /**
   * Admits waiting requests first come, first served while the KV cache and the batch cap allow:
   * paid ones first, free ones when no paid one waits (no preemption: one that does not fit
   * waits). One larger than the whole cache is rejected; a free one waiting too long, shed.
   */
  private admit(nowSeconds: number): void {
    const { requests: r, metrics, shedFreeAfterSeconds } = this.setting;
    const m = this.model;
    for (;;) {
      const fromFree = this.pendingHead === this.pending.length;
      if (fromFree && this.freeHead === this.freePending.length) break;
      const id = (fromFree ? this.freePending[this.freeHead] : this.pending[this.pendingHead]) as number;
      const kv = this.kvTokensOf(id);
      const tooLarge = kv > m.kvCapacityTokens;
      const drop = tooLarge || (fromFree && this.role !== 'decode' && nowSeconds - (r.arrivalSeconds[id] as number) > shedFreeAfterSeconds);
      if (!drop && (this.kvUsedTokens + kv > m.kvCapacityTokens || this.prefill.length - this.prefillHead + this.decoding >= m.maxSequences)) break;
      if (fromFree) this.freeHead++;
      else this.pendingHead++;
      if (drop) {
        // A prefilled request (decode role) has had its first token: it no longer counts as waiting.
        metrics.dropped(id, tooLarge ? 'rejected' : 'shed', this.role !== 'decode');
        continue;
      }
      this.kvUsedTokens += kv;
      if (this.role === 'decode') {
        // Prefilled elsewhere: it decodes from this step on; its first token came with the prompt.
        this.decoding++;
        this.decodeEnds.push(this.step + (r.outputTokens[id] as number) - 1, id);
        continue;
      }
      if (this.prefillHead === this.prefill.length) this.headRemaining = Math.max(1, r.freshInputTokens[id] as number);
      this.prefill.push(id);
    }
    if (this.pendingHead > 4096 && this.pendingHead * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.pendingHead);
      this.pendingHead = 0;
    }
    if (this.freeHead > 4096 && this.freeHead * 2 > this.freePending.length) {
      this.freePending = this.freePending.slice(this.freeHead);
      this.freeHead = 0;
    }
  }

  /**
   * Composes a step: one token for each decoding sequence, and the oldest prompts in chunks up
   * to the token budget (chunked prefill). Returns the prompt tokens it computes; the prompts it
   * completes are in `completing`.
   */
  private compose(): number {
    const fresh = this.setting.requests.freshInputTokens;
    let budget = this.model.maxBatchedTokens;
    let prompt = 0;
    this.completing.length = 0;
    let i = this.prefillHead;
    let remaining = this.headRemaining;
    while (i < this.prefill.length && budget > 0) {
      const take = Math.min(remaining, budget);
      prompt += take;
      budget -= take;
      remaining -= take;
      if (remaining > 0) break;
      this.completing.push(this.prefill[i] as number);
      i++;
      remaining = i < this.prefill.length ? Math.max(1, fresh[this.prefill[i] as number] as number) : 0;
    }
    this.headRemaining = remaining;
    return prompt;
  }
}
