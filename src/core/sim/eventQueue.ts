import { MinHeap } from './minHeap.js';

/** A fleet change is due: a scheduled resize, an autoscaler decision or an instance's warm-up end. */
export const CONTROL = 0;
/** The next request arrives. */
export const ARRIVAL = 1;
/** Instance `i`'s step ends: rank `STEP_END + i`. */
export const STEP_END = 2;

/**
 * The simulator's events by time, and at one instant by rank: fleet changes first, then the
 * arrival, then step ends by instance index (the order vidur's event queue keeps by event type).
 * An event is its rank; what it acts on is the simulator's state when it pops. A control event
 * whose change was cancelled since (a warm-up called off) pops as a no-op.
 */
export class EventQueue {
  private readonly heap = new MinHeap(true);
  /** Arrivals and step ends queued: with none left the run is over, whatever control is due. */
  private work = 0;

  /** Time of the earliest event, seconds (Infinity when none). */
  peekSeconds(): number {
    return this.heap.peekKey();
  }

  push(atSeconds: number, rank: number): void {
    if (rank !== CONTROL) this.work++;
    this.heap.push(atSeconds, rank);
  }

  /** Removes the earliest event and returns its rank (-1 when none). */
  pop(): number {
    const rank = this.heap.pop() ?? -1;
    if (rank > CONTROL) this.work--;
    return rank;
  }

  /** Whether arrivals or step ends are queued. */
  get hasWork(): boolean {
    return this.work > 0;
  }
}
