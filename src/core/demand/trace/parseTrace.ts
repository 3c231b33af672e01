import { InputError, quoteForMessage } from '../../errors.js';
import { LIMITS } from '../../limits.js';
import { fromList } from '../requestSource.js';
import type { Request, RequestSource } from '../types.js';
import { readAzureCsv } from './azureCsv.js';
import { readInferonomicsCsv } from './inferonomicsCsv.js';
import { readMooncakeJsonl } from './mooncakeJsonl.js';
import { numberedLines, TraceProblems, type TraceProblem, type TraceRows } from './traceProblems.js';
import { numberIn } from '../../numberSchemas.js';
import { SECONDS_PER_HOUR } from '../../units.js';

export type { TraceProblem } from './traceProblems.js';

/** The trace formats the simulator reads, each with the shape of its lines. */
export const TRACE_FORMATS = {
  'azure-csv': 'Azure LLM inference CSV: TIMESTAMP,ContextTokens,GeneratedTokens',
  'mooncake-jsonl': 'Mooncake JSONL: {"timestamp" (ms), "input_length", "output_length", "hash_ids"}',
  'inferonomics-csv': 'CSV: arrival_seconds,input_tokens,output_tokens[,cached_tokens]',
} as const;
export type TraceFormat = keyof typeof TRACE_FORMATS;

const READERS: Record<TraceFormat, (text: string) => TraceRows> = {
  'azure-csv': readAzureCsv,
  'mooncake-jsonl': readMooncakeJsonl,
  'inferonomics-csv': readInferonomicsCsv,
};

/** How many problems a message lists; the parse keeps them all. */
const LISTED_PROBLEMS = 20;

/** A trace read: its format, the good requests sorted by arrival (stably), every bad row. */
export interface ParsedTrace {
  readonly fileName: string;
  readonly format: TraceFormat;
  readonly requests: readonly Request[];
  /** Bad rows (skipped) and a bad header, each with its line. */
  readonly problems: readonly TraceProblem[];
  /** Data rows skipped as bad. */
  readonly skippedRows: number;
}

/**
 * The format of a trace from its content: a first line starting with `{` is Mooncake JSONL, a
 * first line naming TIMESTAMP and ContextTokens is an Azure CSV, anything else the project's CSV.
 * Example: detectTraceFormat('TIMESTAMP,ContextTokens,GeneratedTokens\n...') is 'azure-csv'.
 */
export function detectTraceFormat(text: string): TraceFormat {
  const firstLine = numberedLines(text).find(([, l]) => !l.trim().startsWith('#'))?.[1].trim() ?? '';
  if (firstLine.startsWith('{')) return 'mooncake-jsonl';
  const names = firstLine.toLowerCase().split(',').map((f) => f.trim());
  if (names[0] === 'timestamp' && names[1] === 'contexttokens') return 'azure-csv';
  return 'inferonomics-csv';
}

/**
 * Reads a trace of any format of TRACE_FORMATS, detected from its content. Bad rows are skipped,
 * each kept in `problems` with its line and field, so a run goes on over the good ones; a file
 * with no good row throws one TraceError listing its problems.
 *
 * Example: parseTrace('arrival_seconds,input_tokens,output_tokens\n0.5,1000,200\nx,1,1\n', 't.csv')
 * has one request (0.5 s, 1,000 in, 200 out) and one problem on line 3.
 */
export function parseTrace(text: string, fileName: string): ParsedTrace {
  const format = detectTraceFormat(text);
  const read = READERS[format](text);
  const { rows, problems } = withinBounds(read.rows, read.problems);
  if (rows.length === 0) {
    throw new TraceError(fileName, [...problems.map(describeProblem), `no requests: expected at least one line of ${TRACE_FORMATS[format]}`]);
  }
  const requests = [...rows].sort((a, b) => a.request.arrivalSeconds - b.request.arrivalSeconds).map((r) => r.request);
  return { fileName, format, requests, problems, skippedRows: problems.filter((p) => !p.message.startsWith('header:')).length };
}

/** The latest arrival a trace may hold after its first: the longest simulation, 4 weeks. */
const SPAN_SECONDS = numberIn(0, LIMITS.simulatedHours.max * SECONDS_PER_HOUR);

/**
 * Rows arriving more than 4 weeks after the first (longer than any run simulates) become problems
 * on their line, like any bad row; each reader has checked the sizes against LIMITS already.
 */
function withinBounds(rows: TraceRows['rows'], problems: TraceRows['problems']): TraceRows {
  const first = rows.reduce((m, r) => Math.min(m, r.request.arrivalSeconds), Number.POSITIVE_INFINITY);
  const more = new TraceProblems();
  const kept = rows.filter((r) => !Number.isNaN(more.number(r.line, 'seconds after the first arrival', r.request.arrivalSeconds - first, SPAN_SECONDS)));
  return { rows: kept, problems: [...problems, ...more.list].sort((a, b) => a.line - b.line) };
}

/** `line 3: input_tokens: expected a whole number >= 1, received "12.5"`, control characters escaped and long values cut. */
export function describeProblem(p: TraceProblem): string {
  return `line ${p.line}: ${quoteForMessage(p.message, 240)}`;
}

/** The first `limit` problems of a trace on one line, and how many more: `t.csv: line 3: ...; and 5 more`. */
export function summarizeProblems(fileName: string, problems: readonly string[], limit = LISTED_PROBLEMS): string {
  const listed = problems.slice(0, limit).join('; ');
  const more = problems.length > limit ? `; and ${problems.length - limit} more` : '';
  return `${fileName}: ${listed}${more}`;
}

/** A trace that holds no usable request: every problem of it, each with its line number and field. */
export class TraceError extends InputError {
  constructor(readonly fileName: string, readonly problems: readonly string[]) {
    super(fileName, `${problems.length} problem${problems.length === 1 ? '' : 's'}`, 'a trace with at least one good request', summarizeProblems(fileName, problems));
  }
}

/** The requests of a trace (parseTrace) as a source in arrival order; bad rows are skipped. */
export function fromTrace(text: string, fileName: string): RequestSource {
  return fromList(parseTrace(text, fileName).requests);
}
