import type { Request } from '../types.js';

/** One bad row of a trace: its 1-based line number and what is wrong with it. */
export interface TraceProblem {
  readonly line: number;
  readonly message: string;
}

/** A request with the line it came from. */
export interface TraceRow {
  readonly line: number;
  readonly request: Request;
}

/** What a format's reader makes of a file: good rows, bad rows, and whether a header was seen. */
export interface TraceRows {
  readonly rows: TraceRow[];
  readonly problems: TraceProblem[];
}

/** A decimal number as written in a trace (no hex, no Infinity, no blanks). */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether `n` is a whole number >= `min`. */
export const isWhole = (n: unknown, min: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min;

/**
 * Every line of `text` with its 1-based number, blank lines dropped (a trailing newline, a blank
 * separator), `\r\n` and `\n` both accepted. Example: lines('a\n\nb') is [[1, 'a'], [3, 'b']].
 */
export function numberedLines(text: string): [number, string][] {
  const out: [number, string][] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() !== '') out.push([i + 1, raw]);
  });
  return out;
}
