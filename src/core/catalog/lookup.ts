import { distance } from 'fastest-levenshtein';
import { InputError } from '../errors.js';

interface Identified {
  readonly id: string;
  readonly aliases?: readonly string[];
}

/** The ids (and aliases) closest to `wanted` by edit distance, nearest first. */
export function closestIds(wanted: string, items: readonly Identified[], count = 3): string[] {
  const w = wanted.toLowerCase();
  const scored = items.map((item) => {
    const names = [item.id, ...(item.aliases ?? [])];
    const best = Math.min(...names.map((n) => (n.includes(w) || w.includes(n) ? 0.5 : distance(w, n))));
    return { id: item.id, best };
  });
  scored.sort((a, b) => a.best - b.best || a.id.localeCompare(b.id));
  return scored.slice(0, count).map((s) => s.id);
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
