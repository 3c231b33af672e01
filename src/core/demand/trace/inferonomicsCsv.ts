import type { Request } from '../types.js';
import { numberedLines, TraceProblems, type TraceRows } from './traceProblems.js';
import { LIMITS } from '../../limits.js';
import { decimal, numberIn, wholeIn, wholeNumberIn, type NumberSchema } from '../../numberSchemas.js';
import { SECONDS_PER_HOUR } from '../../units.js';

/** The latest arrival a trace may hold: the longest simulation, 4 weeks. */
const INPUT_TOKENS = wholeIn('inputTokens');
const OUTPUT_TOKENS = wholeIn('outputTokens');
const arrivalSeconds = numberIn(0, LIMITS.simulatedHours.max * SECONDS_PER_HOUR);

const COLUMNS = ['arrival_seconds', 'input_tokens', 'output_tokens', 'cached_tokens'] as const;

/**
 * Rows of the project's own CSV, `arrival_seconds,input_tokens,output_tokens[,cached_tokens]` a
 * line: arrival in seconds (>= 0, kept as given), input and output tokens (whole numbers >= 1),
 * cached prompt tokens (a whole number from 0 to input_tokens, default 0). A first line naming
 * those columns is a header; `#` starts a comment; spaces around fields are ignored. A bad row
 * is a problem with its line and field, e.g. `line 3: input_tokens: expected a whole number from 1
 * to 10,000,000, received "12.5"`, and is skipped; a header with other names is a problem on line 1.
 */
export function readInferonomicsCsv(text: string): TraceRows {
  const problems = new TraceProblems();
  const rows: TraceRows['rows'] = [];
  let seenContent = false;
  for (const [lineNumber, raw] of numberedLines(text)) {
    const line = (raw.split('#')[0] ?? '').trim();
    if (line === '') continue;
    const fields = line.split(',').map((f) => f.trim());
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && Number.isNaN(decimal(fields[0] ?? ''))) {
      const names = fields.map((f) => f.toLowerCase());
      const expected = COLUMNS.slice(0, names.length);
      if ((names.length !== 3 && names.length !== 4) || names.some((n, k) => n !== expected[k])) {
        problems.add(lineNumber, 'header', 'arrival_seconds,input_tokens,output_tokens[,cached_tokens]', line);
      }
      continue;
    }
    if (fields.length !== 3 && fields.length !== 4) {
      problems.add(lineNumber, '', `3 or 4 comma-separated fields (${COLUMNS.join(',')})`, fields.length);
      continue;
    }
    const before = problems.list.length;
    const field = (k: number, schema: NumberSchema, note?: string) => problems.text(lineNumber, COLUMNS[k] ?? '', fields[k] ?? '', schema, note);
    const request: Request = {
      arrivalSeconds: field(0, arrivalSeconds, 'seconds'),
      inputTokens: field(1, INPUT_TOKENS),
      outputTokens: field(2, OUTPUT_TOKENS),
      cachedInputTokens: 0,
    };
    // Cached tokens are bounded by the input only when it is known.
    const inputKnown = !Number.isNaN(request.inputTokens);
    const cachedInputTokens = fields.length === 4 ? field(3, wholeNumberIn(0, inputKnown ? request.inputTokens : Number.MAX_SAFE_INTEGER), inputKnown ? 'input_tokens' : undefined) : 0;
    if (problems.list.length === before) rows.push({ line: lineNumber, request: { ...request, cachedInputTokens } });
  }
  return { rows, problems: problems.list };
}
