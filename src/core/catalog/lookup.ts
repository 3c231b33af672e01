import { distance } from 'fastest-levenshtein';
import { InputError } from '../errors.js';

interface Identified {
  readonly id: string;
  readonly aliases?: readonly string[];
}

/** The distinct ids (matched with their aliases) closest to `wanted` by edit distance, nearest first. */
export function closestIds(wanted: string, items: readonly Identified[], count = 3): string[] {
  const w = wanted.toLowerCase();
  const best = new Map<string, number>();
  for (const item of items) {
    const names = [item.id, ...(item.aliases ?? [])];
    const score = Math.min(...names.map((n) => (n.includes(w) || w.includes(n) ? 0.5 : distance(w, n))));
    best.set(item.id, Math.min(score, best.get(item.id) ?? Infinity));
  }
  return [...best].sort(([a, x], [b, y]) => x - y || a.localeCompare(b)).slice(0, count).map(([id]) => id);
}

/**
 * Finds an item by id or alias (case-insensitive); an unknown id throws an InputError that names
 * the closest known ids.
 */
export function findById<T extends Identified>(field: string, wanted: string, items: readonly T[]): T {
  const w = wanted.toLowerCase();
  const hit = items.find((item) => item.id === w || (item.aliases ?? []).includes(w));
  if (hit) return hit;
  const near = closestIds(w, items);
  throw new InputError(field, wanted, `a known id (closest: ${near.join(', ')})`, `unknown ${field}: ${wanted}; did you mean ${near.join(', ')}?`);
}
