import * as v from 'valibot';
import { numberedLines, TraceProblems, type TraceRows } from './traceProblems.js';
import { nonNegative, nonNegativeInt, wholeIn } from '../../numberSchemas.js';
import { MILLISECONDS_PER_SECOND } from '../../units.js';

/** The token counts' schemas, built once (a schema formats its range when built). */
const INPUT_TOKENS = wholeIn('inputTokens');
const OUTPUT_TOKENS = wholeIn('outputTokens');

/**
 * Rows of a Mooncake trace (Qin et al., "Mooncake: A KVCache-centric Architecture for LLM
 * Serving", FAST 2025; kvcache-ai/Mooncake `FAST25-release/traces`): one JSON object a line,
 * `{"timestamp": ms since the trace start, "input_length", "output_length", "hash_ids": [...]}`.
 * Arrivals are the timestamps in seconds; `hash_ids` (prefix blocks of 512 tokens; equal ids are
 * a shared prefix) become `prefixBlockIds`, and the cached tokens are left to a prefix cache
 * (0 here). A bad row is a problem with its line and field and is skipped.
 */
export function readMooncakeJsonl(text: string): TraceRows {
  const problems = new TraceProblems();
  const object = '{"timestamp", "input_length", "output_length", "hash_ids"}';
  const rows: TraceRows['rows'] = [];
  for (const [lineNumber, raw] of numberedLines(text)) {
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.add(lineNumber, '', `a JSON object ${object}`, raw.trim());
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problems.add(lineNumber, '', `a JSON object ${object}`, value);
      continue;
    }
    const o = value as Record<string, unknown>;
    const before = problems.list.length;
    const timestampMs = problems.number(lineNumber, 'timestamp', o.timestamp, nonNegative, 'milliseconds');
    const inputTokens = problems.number(lineNumber, 'input_length', o.input_length, INPUT_TOKENS);
    const outputTokens = problems.number(lineNumber, 'output_length', o.output_length, OUTPUT_TOKENS);
    const ids = o.hash_ids;
    if (ids !== undefined && !Array.isArray(ids)) problems.add(lineNumber, 'hash_ids', 'a list of whole numbers >= 0', ids);
    // The first bad id speaks for its list: a list of thousands of blocks is one problem.
    const bad = Array.isArray(ids) ? ids.findIndex((id) => !v.is(nonNegativeInt, id)) : -1;
    if (Array.isArray(ids) && bad >= 0) problems.number(lineNumber, `hash_ids[${bad}]`, ids[bad], nonNegativeInt);
    if (problems.list.length > before) continue;
    rows.push({
      line: lineNumber,
      request: {
        arrivalSeconds: timestampMs / MILLISECONDS_PER_SECOND, inputTokens, cachedInputTokens: 0, outputTokens,
        ...(Array.isArray(ids) && { prefixBlockIds: ids as number[] }),
      },
    });
  }
  return { rows, problems: problems.list };
}
