import { numberedLines, TraceProblems, type TraceRows } from './traceProblems.js';
import { wholeIn } from '../../numberSchemas.js';
import { MILLISECONDS_PER_SECOND } from '../../units.js';

/** The token counts' schemas, built once (a schema formats its range when built). */
const INPUT_TOKENS = wholeIn('inputTokens');
const OUTPUT_TOKENS = wholeIn('outputTokens');

/** `2023-11-16 18:15:46.6805900`: a date, a time, optional fractional seconds (any number of digits). */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/**
 * Seconds since 1970-01-01 00:00 of a wall-clock timestamp as the Azure LLM inference traces
 * write it (`2023-11-16 18:15:46.6805900`, no zone: only differences are used), or NaN when it
 * is not one. Example: azureTimestampSeconds('1970-01-01 00:01:00.5') is 60.5.
 */
export function azureTimestampSeconds(text: string): number {
  const m = TIMESTAMP.exec(text);
  if (m === null) return NaN;
  const [, y, mo, d, h, mi, s, frac] = m.map((x) => x ?? '');
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return NaN;
  return Date.UTC(Number(y), month - 1, day, Number(h), Number(mi), Number(s)) / MILLISECONDS_PER_SECOND + (frac === '' ? 0 : Number(frac));
}

/**
 * Rows of an Azure LLM inference trace (Patel et al., "Splitwise", ISCA 2024; Azure/AzurePublicDataset
 * `AzureLLMInferenceTrace_{conv,code}.csv`): a header `TIMESTAMP,ContextTokens,GeneratedTokens`,
 * then a wall-clock time, prompt and output tokens a line. Arrivals are seconds after the earliest
 * timestamp of the file; no prompt tokens are known to be cached. A bad row is a problem with its
 * line and field and is skipped.
 */
export function readAzureCsv(text: string): TraceRows {
  const problems = new TraceProblems();
  const parsed: { line: number; seconds: number; inputTokens: number; outputTokens: number }[] = [];
  let first = true;
  for (const [lineNumber, raw] of numberedLines(text)) {
    const fields = raw.split(',').map((f) => f.trim());
    if (first) {
      first = false;
      if (fields.map((f) => f.toLowerCase()).join(',') === 'timestamp,contexttokens,generatedtokens') continue;
    }
    if (fields.length !== 3) {
      problems.add(lineNumber, '', '3 comma-separated fields (TIMESTAMP,ContextTokens,GeneratedTokens)', fields.length);
      continue;
    }
    const [stamp = '', context = '', generated = ''] = fields;
    const before = problems.list.length;
    const seconds = azureTimestampSeconds(stamp);
    if (!Number.isFinite(seconds)) problems.add(lineNumber, 'TIMESTAMP', 'a time like 2023-11-16 18:15:46.6805900', stamp);
    const inputTokens = problems.text(lineNumber, 'ContextTokens', context, INPUT_TOKENS);
    const outputTokens = problems.text(lineNumber, 'GeneratedTokens', generated, OUTPUT_TOKENS);
    if (problems.list.length === before) parsed.push({ line: lineNumber, seconds, inputTokens, outputTokens });
  }
  let start = Infinity;
  for (const p of parsed) start = Math.min(start, p.seconds);
  const rows = parsed.map((p) => ({
    line: p.line,
    request: { arrivalSeconds: p.seconds - start, inputTokens: p.inputTokens, cachedInputTokens: 0, outputTokens: p.outputTokens },
  }));
  return { rows, problems: problems.list };
}
