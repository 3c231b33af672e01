/** The trace slices the explorer can replay (README.md beside this file), loaded on demand. */
export const TRACE_SOURCES = {
  'azure-conv': { label: 'Azure conversation, 10 min (2,867 requests)', file: 'azure-conv-10min.csv', load: () => import('./azure-conv-10min.csv?raw') },
  'azure-code': { label: 'Azure code, 10 min (1,482 requests)', file: 'azure-code-10min.csv', load: () => import('./azure-code-10min.csv?raw') },
  'mooncake-kimi': { label: 'Kimi (Mooncake), 10 min (1,750 requests, prefix blocks)', file: 'mooncake-kimi-10min.jsonl', load: () => import('./mooncake-kimi-10min.jsonl?raw') },
} as const;
export type TraceSource = keyof typeof TRACE_SOURCES;

/** The text of a trace slice. */
export async function loadTrace(source: TraceSource): Promise<string> {
  return (await TRACE_SOURCES[source].load()).default;
}
