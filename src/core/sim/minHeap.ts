/**
 * A binary min-heap of (key, value) number pairs in two growable typed arrays: the simulator's
 * decode completions by step index, without an object per entry.
 */
export class MinHeap {
  private keys = new Float64Array(64);
  private values = new Float64Array(64);
  private n = 0;

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
      if ((this.keys[parent] as number) <= key) break;
      this.keys[i] = this.keys[parent] as number;
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
      const child = right < this.n && (this.keys[right] as number) < (this.keys[left] as number) ? right : left;
      if ((this.keys[child] as number) >= key) break;
      this.keys[i] = this.keys[child] as number;
      this.values[i] = this.values[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    return top;
  }
}
