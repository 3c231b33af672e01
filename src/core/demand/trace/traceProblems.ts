import * as v from 'valibot';
import type { Request } from '../types.js';
import { decimal, type NumberSchema } from '../../numberSchemas.js';
import { problemLine } from '../../problems.js';

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

/**
 * The problems of one trace, each on its line and written as any input's problem (problems.ts):
 * `input_tokens: expected a whole number from 1 to 10,000,000, received "12.5"`.
 */
export class TraceProblems {
  readonly list: TraceProblem[] = [];

  /** A problem of `field` on `line`; an empty field speaks of the whole line. */
  add(line: number, field: string, expected: string, received: unknown): void {
    this.list.push({ line, message: problemLine(field, expected, received) });
  }

  /**
   * The JSON value of `field` on `line` checked by one of the shared number schemas, or NaN with its
   * problem added; `note` follows the expected text in brackets (`milliseconds`). A string is not a number.
   */
  number(line: number, field: string, value: unknown, schema: NumberSchema, note?: string): number {
    return this.checked(line, field, value, value, schema, note);
  }

  /** `number` for a CSV field: its text read in decimal (no hex, no `Infinity`), the text quoted in a problem. */
  text(line: number, field: string, text: string, schema: NumberSchema, note?: string): number {
    return this.checked(line, field, decimal(text), text, schema, note);
  }

  private checked(line: number, field: string, value: unknown, received: unknown, schema: NumberSchema, note?: string): number {
    const r = v.safeParse(schema, value);
    if (r.success) return r.output;
    this.add(line, field, note === undefined ? r.issues[0].message : `${r.issues[0].message} (${note})`, received);
    return Number.NaN;
  }
}

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
