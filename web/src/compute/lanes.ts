import type { WorkerRequest, WorkerResponse } from './worker.js';

/** A request of one kind of work, before its lane numbers it. */
export type Job = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;
export type JobKind = WorkerRequest['kind'];

/** Options of {@link WorkerLanes}; times in milliseconds. */
export interface LaneOptions {
  /** Starts a worker running web/src/compute/worker.ts. */
  readonly create: () => Worker;
  /**
   * Gets the answer to the newest request of its kind, with the milliseconds from that request's
   * post to its answer; answers a newer request made stale never arrive.
   */
  readonly onAnswer: (response: WorkerResponse, elapsedMs: number) => void;
  /** Told when a kind's newest request has run past `slowMs` (true) and when it is answered (false). */
  readonly onSlow: (kind: JobKind, slow: boolean) => void;
  /** Told when a worker fails outside any request's own error handling. */
  readonly onError: (kind: JobKind, message: string) => void;
  /** A run longer than this shows progress; 500 ms by default. */
  readonly slowMs?: number;
  /**
   * A new request finding its lane busy for longer than this stops the running one (the worker is
   * ended and a fresh one started); a shorter run is let finish, its answer dropped. 300 ms by default.
   */
  readonly cancelAfterMs?: number;
  /** The page's clock (performance.now in the browser). */
  readonly now: () => number;
}

interface Lane {
  worker: Worker;
  /** The newest id posted, and when the worker started on the request it runs now (null: idle). */
  latestId: number;
  latestPostedMs: number;
  runningId: number | null;
  runningSinceMs: number;
  /** The newest request waiting for the running one to finish (the older ones are dropped unsent). */
  queued: WorkerRequest | null;
  slowTimer: ReturnType<typeof setTimeout> | null;
}

/**
 * One Web Worker per kind of work (the page's view, the simulation, the business runs, the
 * market views, the validation, the comparison), so an edit never waits behind a simulation.
 * Within a lane only the newest request counts: one sent while another runs waits for it (or
 * stops it when it has run past `cancelAfterMs`), older waiting requests are dropped unsent, and
 * the answer to any request but the newest is discarded.
 */
export class WorkerLanes {
  private readonly lanes = new Map<JobKind, Lane>();
  private nextId = 1;
  private readonly slowMs: number;
  private readonly cancelAfterMs: number;

  constructor(private readonly options: LaneOptions) {
    this.slowMs = options.slowMs ?? 500;
    this.cancelAfterMs = options.cancelAfterMs ?? 300;
  }

  /** Sends a request on its kind's lane; returns its id. */
  post(job: Job): number {
    const lane = this.lane(job.kind);
    const request = { ...job, id: this.nextId++ } as WorkerRequest;
    lane.latestId = request.id;
    lane.latestPostedMs = this.options.now();
    if (lane.runningId === null) {
      this.start(lane, request);
    } else if (this.options.now() - lane.runningSinceMs > this.cancelAfterMs) {
      lane.worker.terminate();
      lane.worker = this.spawn(job.kind);
      this.start(lane, request);
    } else {
      lane.queued = request;
    }
    this.watch(job.kind, lane);
    return request.id;
  }

  private lane(kind: JobKind): Lane {
    let lane = this.lanes.get(kind);
    if (lane === undefined) {
      lane = { worker: this.spawn(kind), latestId: 0, latestPostedMs: 0, runningId: null, runningSinceMs: 0, queued: null, slowTimer: null };
      this.lanes.set(kind, lane);
    }
    return lane;
  }

  private spawn(kind: JobKind): Worker {
    const worker = this.options.create();
    worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.answered(kind, event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const lane = this.lanes.get(kind);
      if (lane !== undefined) this.idle(kind, lane);
      this.options.onError(kind, event.message || 'the worker stopped');
    };
    return worker;
  }

  private start(lane: Lane, request: WorkerRequest): void {
    lane.runningId = request.id;
    lane.runningSinceMs = this.options.now();
    lane.queued = null;
    lane.worker.postMessage(request);
  }

  private answered(kind: JobKind, response: WorkerResponse): void {
    const lane = this.lanes.get(kind);
    if (lane === undefined || response.id !== lane.runningId) return;
    lane.runningId = null;
    if (lane.queued !== null) return this.start(lane, lane.queued);
    if (response.id !== lane.latestId) return;
    this.idle(kind, lane);
    this.options.onAnswer(response, this.options.now() - lane.latestPostedMs);
  }

  /** Shows progress once the newest request has waited `slowMs`. */
  private watch(kind: JobKind, lane: Lane): void {
    if (lane.slowTimer !== null) return;
    lane.slowTimer = setTimeout(() => {
      if (lane.runningId !== null) this.options.onSlow(kind, true);
    }, this.slowMs);
  }

  private idle(kind: JobKind, lane: Lane): void {
    if (lane.slowTimer !== null) clearTimeout(lane.slowTimer);
    lane.slowTimer = null;
    lane.runningId = null;
    this.options.onSlow(kind, false);
  }
}
