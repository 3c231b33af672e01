import { isWhole, numberedLines, type TraceProblem, type TraceRows } from './traceProblems.js';
import { MILLISECONDS_PER_SECOND } from '../../units.js';

/**
 * Rows of a Mooncake trace (Qin et al., "Mooncake: A KVCache-centric Architecture for LLM
 * Serving", FAST 2025; kvcache-ai/Mooncake `FAST25-release/traces`): one JSON object a line,
 * `{"timestamp": ms since the trace start, "input_length", "output_length", "hash_ids": [...]}`.
 * Arrivals are the timestamps in seconds; `hash_ids` (prefix blocks of 512 tokens; equal ids are
 * a shared prefix) become `prefixBlockIds`, and the cached tokens are left to a prefix cache
 * (0 here). A bad row is a problem with its line and field and is skipped.
 */
export function readMooncakeJsonl(text: string): TraceRows {
  const problems: TraceProblem[] = [];
  const rows: TraceRows['rows'] = [];
  for (const [lineNumber, raw] of numberedLines(text)) {
    const problem = (message: string) => problems.push({ line: lineNumber, message });
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problem(`expected a JSON object {"timestamp", "input_length", "output_length", "hash_ids"}, received "${raw.trim().slice(0, 60)}"`);
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(`expected a JSON object {"timestamp", "input_length", "output_length", "hash_ids"}, received ${JSON.stringify(value)?.slice(0, 60)}`);
      continue;
    }
    const o = value as Record<string, unknown>;
    const before = problems.length;
    const { timestamp, input_length: inputTokens, output_length: outputTokens, hash_ids: ids } = o;
    if (!(typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp >= 0)) problem(`timestamp: expected milliseconds >= 0, received ${JSON.stringify(timestamp)}`);
    if (!isWhole(inputTokens, 1)) problem(`input_length: expected a whole number >= 1, received ${JSON.stringify(inputTokens)}`);
    if (!isWhole(outputTokens, 1)) problem(`output_length: expected a whole number >= 1, received ${JSON.stringify(outputTokens)}`);
    if (ids !== undefined && !(Array.isArray(ids) && ids.every((id) => isWhole(id, 0)))) problem(`hash_ids: expected an array of whole numbers >= 0, received ${JSON.stringify(ids)?.slice(0, 60)}`);
    if (problems.length > before) continue;
    rows.push({
      line: lineNumber,
      request: {
        arrivalSeconds: (timestamp as number) / MILLISECONDS_PER_SECOND, inputTokens: inputTokens as number, cachedInputTokens: 0, outputTokens: outputTokens as number,
        ...(Array.isArray(ids) && { prefixBlockIds: ids as number[] }),
      },
    });
  }
  return { rows, problems };
}
