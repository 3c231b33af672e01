import type { ServingFramework } from '../perf/efficiency.js';
import type { ValidationCase } from './validationCase.js';

/** How each engine is named in a case's note or source, before its release number. */
const ENGINE_NAMES: Partial<Record<ServingFramework, string>> = {
  trtllm: 'tensorrt-llm|trt-llm|trtllm',
  'dynamo-trtllm': 'tensorrt-llm|trt-llm|trtllm',
  vllm: 'vllm',
  sglang: 'sglang',
  'dynamo-sglang': 'sglang',
};

/**
 * The engine release a case states: its `engineVersion` field, else the first release its note
 * gives right after the engine's name ("TensorRT-LLM v0.5 (2023) preliminary measurement",
 * "docker lmsysorg/sglang:v0.5.12-cu130", "vLLM 0.8.5"). Null when neither states one: the
 * case then describes the current release. Only the note is read, never the measured figures.
 * Example: framework trtllm, note "TensorRT-LLM v0.5 (2023) ..." gives "0.5".
 */
export function statedEngineVersion(c: Pick<ValidationCase, 'framework' | 'note'> & { readonly engineVersion?: string | null }): string | null {
  if (c.engineVersion != null) return c.engineVersion;
  const names = ENGINE_NAMES[c.framework];
  if (names === undefined) return null;
  const match = new RegExp(`(?:${names})[\\s:/_-]*(?:release\\s+|version\\s+)?v?(\\d{1,4}\\.\\d{1,4}(?:\\.\\d{1,4})?)\\b`, 'i').exec(c.note);
  return match?.[1] ?? null;
}
