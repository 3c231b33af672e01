/**
 * A binary min-heap of (key, value) number pairs in two growable typed arrays: the simulator's
 * decode completions by step index and its event queue, without an object per entry. Entries of
 * equal keys pop in no set order, unless `tiesByValue`: then the smaller value first (the event
 * queue orders the events of one instant by their rank so).
 */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Float64Array(64);
  private n = 0;

  constructor(private readonly tiesByValue = false) {}

  get size(): number {
    return this.n;
  }

  /** The smallest key, or Infinity when empty. */
  peekKey(): number {
    return this.n === 0 ? Infinity : (this.keys[0] as number);
  }

  push(key: number, value: number): void {
    if (this.n === this.keys.length) {
      const k = new Float64Array(this.n * 2);
      k.set(this.keys);
      this.keys = k;
      const v = new Float64Array(this.n * 2);
      v.set(this.values);
      this.values = v;
    }
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const k = this.keys[parent] as number;
      if (k < key || (k === key && !(this.tiesByValue && value < (this.values[parent] as number)))) break;
      this.keys[i] = k;
      this.values[i] = this.values[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
  }

  /** Removes the smallest entry and returns its value (undefined when empty). */
  pop(): number | undefined {
    if (this.n === 0) return undefined;
    const top = this.values[0] as number;
    const key = this.keys[--this.n] as number;
    const value = this.values[this.n] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.n) break;
      const right = left + 1;
      const child = right < this.n && this.goesFirst(right, left) ? right : left;
      const k = this.keys[child] as number;
      if (k > key || (k === key && !(this.tiesByValue && (this.values[child] as number) < value))) break;
      this.keys[i] = k;
      this.values[i] = this.values[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }

  /** Whether entry `a` pops before entry `b`. */
  private goesFirst(a: number, b: number): boolean {
    const ka = this.keys[a] as number;
    const kb = this.keys[b] as number;
    return ka < kb || (this.tiesByValue && ka === kb && (this.values[a] as number) < (this.values[b] as number));
  }
}
