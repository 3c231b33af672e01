import type { Accelerator } from '../accelerator/accelerator.js';
import { GiB } from '../units.js';
import type { ServingFramework } from './efficiency.js';
import { isOlderThan, type EngineVersion } from './engineVersion.js';

/** The batch limits an engine sets by default for one attention rank on a given GPU. */
export interface EngineLimits {
  /** Sequences one attention rank runs at once (vLLM `max_num_seqs`, TensorRT-LLM `max_batch_size`). */
  readonly maxBatchSequences: number;
  /** Tokens one step may carry (vLLM `max_num_batched_tokens`, SGLang `chunked_prefill_size`, TensorRT-LLM `max_num_tokens`). */
  readonly maxBatchedTokens: number;
  /** A cap on the sequences of the whole instance, across its attention ranks (null: none beyond the per-rank cap). */
  readonly maxBatchSequencesPerInstance: number | null;
  /**
   * Whether decode attention of grouped-query models loads each KV head once per query head that
   * shares it (a kernel written for multi-head attention) instead of once per KV head.
   */
  readonly decodeKvReadPerQueryHead: boolean;
  /** Where the rule comes from. */
  readonly source: string;
}

const VLLM_SOURCE = 'vLLM V1 EngineArgs.get_batch_defaults (vllm/engine/arg_utils.py, v0.8 onward): GPUs of >= 70 GiB other than A100 get max_num_seqs 1024 and max_num_batched_tokens 8192 (API server); others 256 and 2048';
const SGLANG_SOURCE = 'SGLang ServerArgs defaults (python/sglang/srt/server_args.py): chunked_prefill_size 4096 below 60 GB of GPU memory, 8192 below 90 GB, 16384 above; max_running_requests from the KV pool';
const TRTLLM_SOURCE = 'TensorRT-LLM LLM API defaults max_batch_size 2048 and max_num_tokens 8192; trtllm-bench (tensorrt_llm/bench/build/tuning.py, calc_engine_setting) caps an instance\'s whole batch at 4,096 sequences';

const XQA_SOURCE = 'TensorRT-LLM blog "New XQA-kernel provides 2.4x more Llama-70B throughput" (docs/source/blogs/XQA-kernel.md, 2023-12): before v0.8 GQA decode ran the multi-head MMHA kernel, Llama-70B on one H200 at 128/2048 made 1,227 out tok/s/GPU without XQA and 2,941 with it';

/**
 * Whether `framework` at `version` decodes grouped-query attention with a kernel that reads the
 * cache once per query head. TensorRT-LLM before v0.8 did (its masked multi-head attention kernel;
 * the XQA kernel that reads each KV head once for its whole group came with v0.8). Unstated
 * version: the current release, which does not.
 */
function readsKvPerQueryHead(framework: ServingFramework, version: EngineVersion | null): boolean {
  return (framework === 'trtllm' || framework === 'dynamo-trtllm') && version !== null && isOlderThan(version, 0, 8);
}

/**
 * Default batch limits and decode kernels of `framework` on `gpu`, as the engine release
 * `version` has them (null: the current release). vLLM
 * picks larger limits on large-memory GPUs except the A100 (its PR #17885 measured a regression
 * there); SGLang sizes its prefill chunk by GPU memory; TensorRT-LLM has fixed defaults.
 * Example: vLLM on an H200 runs up to 1,024 sequences and 8,192 tokens a step; on an A100 256 and 2,048.
 */
export function engineLimits(framework: ServingFramework, gpu: Accelerator, version: EngineVersion | null = null): EngineLimits {
  const perQueryHead = readsKvPerQueryHead(framework, version);
  const limits = batchLimits(framework, gpu, perQueryHead);
  return perQueryHead ? { ...limits, source: `${limits.source}; ${XQA_SOURCE}` } : limits;
}

// Object literals, not spreads: a frontier builds thousands of contexts.
function batchLimits(framework: ServingFramework, gpu: Accelerator, decodeKvReadPerQueryHead: boolean): EngineLimits {
  const memory = gpu.hbmBytes;
  switch (framework) {
    case 'vllm': {
      const large = memory >= 70 * GiB && gpu.family !== 'ampere';
      return { maxBatchSequences: large ? 1024 : 256, maxBatchedTokens: large ? 8192 : 2048, maxBatchSequencesPerInstance: null, decodeKvReadPerQueryHead, source: VLLM_SOURCE };
    }
    case 'sglang':
    case 'dynamo-sglang':
    case 'atom': {
      const tokens = memory < 60e9 ? 4096 : memory < 90e9 ? 8192 : 16384;
      return { maxBatchSequences: 1024, maxBatchedTokens: tokens, maxBatchSequencesPerInstance: null, decodeKvReadPerQueryHead, source: SGLANG_SOURCE };
    }
    case 'trtllm':
    case 'dynamo-trtllm':
      return { maxBatchSequences: 2048, maxBatchedTokens: 8192, maxBatchSequencesPerInstance: 4096, decodeKvReadPerQueryHead, source: TRTLLM_SOURCE };
    case 'in-house':
      return { maxBatchSequences: 4096, maxBatchedTokens: 16384, maxBatchSequencesPerInstance: null, decodeKvReadPerQueryHead, source: 'DeepSeek inference system overview (2025-03): large-EP batches, taken as SGLang-like limits' };
    case 'other':
      return { maxBatchSequences: 256, maxBatchedTokens: 8192, maxBatchSequencesPerInstance: null, decodeKvReadPerQueryHead, source: 'assumed: a research engine (gpt-fast) with vLLM V0-like limits' };
  }
}
