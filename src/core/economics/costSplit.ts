import { oneOf } from '../errors.js';

/**
 * How a request's GPU-time is shared between its token kinds.
 * `phase` (the default): each kind bears the GPU-time of its own phase: a prompt token its prefill
 * (as if run as its own phase), a cached token its attention and KV reads, an output token the
 * decode steps; a step where prefill rides on decode is split in proportion to each phase's
 * standalone cost. `marginal`: a prompt is charged only the time it adds to the decode steps it
 * rides on, and output carries the whole decode step (weights read included).
 */
export const COST_SPLITS = ['phase', 'marginal'] as const;
export type CostSplit = (typeof COST_SPLITS)[number];
export const DEFAULT_COST_SPLIT: CostSplit = 'phase';

/** Parses a cost split named on a boundary (a flag, a field); the error names the field, the value and the allowed set. */
export function parseCostSplit(field: string, value: string): CostSplit {
  return oneOf(field, value, COST_SPLITS);
}
