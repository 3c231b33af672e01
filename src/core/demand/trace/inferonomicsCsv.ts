import type { Request } from '../types.js';
import { DECIMAL, isWhole, numberedLines, type TraceProblem, type TraceRows } from './traceProblems.js';
import { quoteForMessage } from '../../errors.js';
import { LIMITS } from '../../limits.js';
import { SECONDS_PER_HOUR } from '../../units.js';

/** The latest arrival a trace may hold: the longest simulation, 4 weeks. */
const MAX_ARRIVAL_SECONDS = LIMITS.simulatedHours.max * SECONDS_PER_HOUR;
const fmt = (x: number) => x.toLocaleString('en-US');

const COLUMNS = ['arrival_seconds', 'input_tokens', 'output_tokens', 'cached_tokens'] as const;

/**
 * Rows of the project's own CSV, `arrival_seconds,input_tokens,output_tokens[,cached_tokens]` a
 * line: arrival in seconds (>= 0, kept as given), input and output tokens (whole numbers >= 1),
 * cached prompt tokens (a whole number from 0 to input_tokens, default 0). A first line naming
 * those columns is a header; `#` starts a comment; spaces around fields are ignored. A bad row
 * is a problem with its line and field, e.g. `line 3: input_tokens: expected a whole number >= 1,
 * received "12.5"`, and is skipped; a header with other names is a problem on line 1.
 */
export function readInferonomicsCsv(text: string): TraceRows {
  const problems: TraceProblem[] = [];
  const rows: TraceRows['rows'] = [];
  let seenContent = false;
  for (const [lineNumber, raw] of numberedLines(text)) {
    const line = (raw.split('#')[0] ?? '').trim();
    if (line === '') continue;
    const problem = (message: string) => problems.push({ line: lineNumber, message });
    const fields = line.split(',').map((f) => f.trim());
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && !DECIMAL.test(fields[0] ?? '')) {
      const names = fields.map((f) => f.toLowerCase());
      const expected = COLUMNS.slice(0, names.length);
      if ((names.length !== 3 && names.length !== 4) || names.some((n, k) => n !== expected[k])) {
        problem(`header: expected arrival_seconds,input_tokens,output_tokens[,cached_tokens], received "${line}"`);
      }
      continue;
    }
    if (fields.length !== 3 && fields.length !== 4) {
      problem(`expected 3 or 4 comma-separated fields (${COLUMNS.join(',')}), received ${fields.length}`);
      continue;
    }
    const before = problems.length;
    const field = (k: number, ok: (n: number) => boolean, allowed: string): number => {
      const value = fields[k] ?? '';
      const n = DECIMAL.test(value) ? Number(value) : NaN;
      if (!ok(n)) problem(`${COLUMNS[k]}: expected ${allowed}, received "${quoteForMessage(value, 40)}"`);
      return n;
    };
    const arrivalSeconds = field(0, (n) => Number.isFinite(n) && n >= 0 && n <= MAX_ARRIVAL_SECONDS, `a number of seconds from 0 to ${fmt(MAX_ARRIVAL_SECONDS)}`);
    const inputTokens = field(1, (n) => isWhole(n, 1) && n <= LIMITS.inputTokens.max, `a whole number from 1 to ${fmt(LIMITS.inputTokens.max)}`);
    const outputTokens = field(2, (n) => isWhole(n, 1) && n <= LIMITS.outputTokens.max, `a whole number from 1 to ${fmt(LIMITS.outputTokens.max)}`);
    const inputOk = isWhole(inputTokens, 1); // bound cached tokens by the input only when it is known
    const cachedInputTokens = fields.length === 4
      ? field(3, (n) => isWhole(n, 0) && (!inputOk || n <= inputTokens), inputOk ? `a whole number from 0 to input_tokens (${inputTokens})` : 'a whole number >= 0')
      : 0;
    const request: Request = { arrivalSeconds, inputTokens, cachedInputTokens, outputTokens };
    if (problems.length === before) rows.push({ line: lineNumber, request });
  }
  return { rows, problems };
}
