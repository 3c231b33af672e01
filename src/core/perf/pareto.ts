/**
 * The points no other point beats on both axes (higher is better on each): sorted by `x`
 * descending, a point stays when its `y` exceeds every `y` seen at a higher or equal `x`.
 * Example: [(1, 10), (2, 5), (2, 4), (3, 1)] keeps (3, 1), (2, 5), (1, 10).
 */
export function paretoFront<T>(points: readonly T[], x: (p: T) => number, y: (p: T) => number): T[] {
  const sorted = [...points].sort((a, b) => x(b) - x(a) || y(b) - y(a));
  const front: T[] = [];
  let bestY = -Infinity;
  for (const p of sorted) {
    if (y(p) > bestY) {
      front.push(p);
      bestY = y(p);
    }
  }
  return front;
}
