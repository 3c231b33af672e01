import { InputError, quoteForMessage } from '../errors.js';
import { LIMITS } from '../limits.js';
import { fromList } from './requestSource.js';
import type { Request, RequestSource } from './types.js';

const COLUMNS = ['arrival_seconds', 'input_tokens', 'output_tokens', 'cached_tokens'] as const;
const FORMAT = 'CSV lines arrival_seconds,input_tokens,output_tokens[,cached_tokens]';
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** The latest arrival a trace may hold: the longest simulation, 4 weeks. */
const MAX_ARRIVAL_SECONDS = LIMITS.simulatedHours.max * 3600;
/** How many problems the message lists; `problems` holds them all. */
const LISTED_PROBLEMS = 20;

/** A trace file with problems: every one of them, each with its line number and field. */
export class TraceError extends InputError {
  constructor(readonly fileName: string, readonly problems: readonly string[]) {
    const listed = problems.slice(0, LISTED_PROBLEMS).join('; ');
    const more = problems.length > LISTED_PROBLEMS ? `; and ${problems.length - LISTED_PROBLEMS} more` : '';
    super(fileName, `${problems.length} problem${problems.length === 1 ? '' : 's'}`, FORMAT, `${fileName}: ${listed}${more}`);
  }
}

/**
 * Requests from a CSV trace, `arrival_seconds,input_tokens,output_tokens[,cached_tokens]` a line:
 * arrival in seconds (a number >= 0, kept as given, not shifted to start at 0), input and output
 * tokens (whole numbers >= 1), cached prompt tokens (a whole number from 0 to input_tokens,
 * default 0). A first line naming those columns is a header; `#` starts a comment; blank lines
 * and spaces around fields are ignored; rows need not be sorted (they are sorted by arrival,
 * stably). Throws one TraceError listing every bad line with its number and field, e.g.
 * `day1.csv: line 3: input_tokens: expected a whole number >= 1, received "12.5"`, or saying
 * that the file holds no requests.
 *
 * Example: fromTrace('arrival_seconds,input_tokens,output_tokens\n0.5,1000,200\n', 't.csv')
 * yields one request at 0.5 s of 1,000 input (0 cached) and 200 output tokens.
 */
export function fromTrace(text: string, fileName: string): RequestSource {
  const problems: string[] = [];
  const requests: Request[] = [];
  let seenContent = false;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = (raw.split('#')[0] ?? '').trim();
    if (line === '') return;
    const at = `line ${i + 1}`;
    const fields = line.split(',').map((f) => f.trim());
    const isFirst = !seenContent;
    seenContent = true;
    if (isFirst && !DECIMAL.test(fields[0] ?? '')) {
      const names = fields.map((f) => f.toLowerCase());
      const expected = COLUMNS.slice(0, names.length);
      if ((names.length !== 3 && names.length !== 4) || names.some((n, k) => n !== expected[k])) {
        problems.push(`${at}: header: expected arrival_seconds,input_tokens,output_tokens[,cached_tokens], received "${quoteForMessage(line, 60)}"`);
      }
      return;
    }
    if (fields.length !== 3 && fields.length !== 4) {
      problems.push(`${at}: expected 3 or 4 comma-separated fields (${COLUMNS.join(',')}), received ${fields.length}`);
      return;
    }
    const before = problems.length;
    const field = (k: number, ok: (n: number) => boolean, allowed: string): number => {
      const value = fields[k] ?? '';
      const n = DECIMAL.test(value) ? Number(value) : NaN;
      if (!ok(n)) problems.push(`${at}: ${COLUMNS[k]}: expected ${allowed}, received "${quoteForMessage(value, 40)}"`);
      return n;
    };
    const whole = (min: number) => (n: number) => Number.isInteger(n) && n >= min;
    const arrivalSeconds = field(0, (n) => Number.isFinite(n) && n >= 0 && n <= MAX_ARRIVAL_SECONDS, `a number of seconds from 0 to ${MAX_ARRIVAL_SECONDS.toLocaleString('en-US')}`);
    const inputTokens = field(1, (n) => whole(1)(n) && n <= LIMITS.inputTokens.max, `a whole number from 1 to ${LIMITS.inputTokens.max.toLocaleString('en-US')}`);
    const outputTokens = field(2, (n) => whole(1)(n) && n <= LIMITS.outputTokens.max, `a whole number from 1 to ${LIMITS.outputTokens.max.toLocaleString('en-US')}`);
    const inputOk = whole(1)(inputTokens); // bound cached tokens by the input only when it is known
    const cachedInputTokens = fields.length === 4
      ? field(3, (n) => whole(0)(n) && (!inputOk || n <= inputTokens), inputOk ? `a whole number from 0 to input_tokens (${inputTokens})` : 'a whole number >= 0')
      : 0;
    if (problems.length === before) requests.push({ arrivalSeconds, inputTokens, cachedInputTokens, outputTokens });
  });
  if (problems.length === 0 && requests.length === 0) problems.push(`no requests: expected at least one line of ${FORMAT}`);
  if (problems.length > 0) throw new TraceError(fileName, problems);
  return fromList(requests);
}
