/**
 * A set of whole-number ids of bounded size that forgets its least recently used id: an index
 * from id to slot (a typed array when the ids are known to lie below `idLimit`, else a Map) and a
 * doubly linked list of slots in typed arrays, so touching, inserting and evicting are O(1) (a
 * JavaScript Map re-inserted to move a key to its end slows down as deleted entries pile up at
 * its front).
 * Example: new LruSet(2) after add(1), add(2), touch(1), add(3) holds 1 and 3 (2 was evicted).
 */
export class LruSet {
  private readonly slotOf: { get(id: number): number | undefined; set(id: number, slot: number): void; delete(id: number): void };
  private readonly ids: Float64Array;
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** Most recently used slot, -1 when empty. */
  private head = -1;
  /** Least recently used slot, -1 when empty. */
  private tail = -1;
  private used = 0;

  /**
   * @param capacity ids held at most (a whole number >= 0)
   * @param idLimit when given, every id is a whole number below it (faster: an array index)
   */
  constructor(readonly capacity: number, idLimit?: number) {
    if (idLimit === undefined) {
      this.slotOf = new Map<number, number>();
    } else {
      const index = new Int32Array(idLimit).fill(-1);
      this.slotOf = {
        get: (id) => { const slot = index[id] as number; return slot >= 0 ? slot : undefined; },
        set: (id, slot) => { index[id] = slot; },
        delete: (id) => { index[id] = -1; },
      };
    }
    this.ids = new Float64Array(capacity);
    this.prev = new Int32Array(capacity);
    this.next = new Int32Array(capacity);
  }

  get size(): number {
    return this.used;
  }

  has(id: number): boolean {
    return this.slotOf.get(id) !== undefined;
  }

  /** Moves `id` to the most recent end; false when it is not held. */
  touch(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.unlink(slot);
    this.pushFront(slot);
    return true;
  }

  /** Removes `id`; false when it was not held. */
  delete(id: number): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.unlink(slot);
    this.slotOf.delete(id);
    // Keep slots dense: move the last used slot into the freed one.
    const last = --this.used;
    if (slot !== last) {
      const movedId = this.ids[last] as number;
      const p = this.prev[last] as number;
      const n = this.next[last] as number;
      this.ids[slot] = movedId;
      this.prev[slot] = p;
      this.next[slot] = n;
      if (p >= 0) this.next[p] = slot; else this.head = slot;
      if (n >= 0) this.prev[n] = slot; else this.tail = slot;
      this.slotOf.set(movedId, slot);
    }
    return true;
  }

  /**
   * Adds `id` as the most recently used (touching it when held); returns the id evicted to make
   * room, or null. With capacity 0 nothing is held and `id` itself comes back.
   */
  add(id: number): number | null {
    if (this.touch(id)) return null;
    if (this.capacity === 0) return id;
    let evicted: number | null = null;
    if (this.used === this.capacity) {
      evicted = this.ids[this.tail] as number;
      this.delete(evicted);
    }
    const slot = this.used++;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
    this.pushFront(slot);
    return evicted;
  }

  private unlink(slot: number): void {
    const p = this.prev[slot] as number;
    const n = this.next[slot] as number;
    if (p >= 0) this.next[p] = n; else this.head = n;
    if (n >= 0) this.prev[n] = p; else this.tail = p;
  }

  private pushFront(slot: number): void {
    this.prev[slot] = -1;
    this.next[slot] = this.head;
    if (this.head >= 0) this.prev[this.head] = slot;
    this.head = slot;
    if (this.tail < 0) this.tail = slot;
  }
}
