import type { AcceleratorFamily } from '../accelerator/accelerator.js';
import { oneOf } from '../errors.js';
import { SERVING_FRAMEWORKS, type FrameworkEfficiency, type HardwareEfficiency, type ServingFramework } from './efficiency.js';

/**
 * Achieved fractions per accelerator family. Starting points are measurements cited in
 * ../shared/research/hw-models.md §2 (H100/H200 8192³ bf16 matmul 81%, FA-3 75% bf16, DeepGEMM fp8
 * 68–78%, NVLink ~82% of line rate, aiconfigurator's HBM factor 0.8 and 10 µs P2P latency).
 * Fitted on ../shared/validation/cases.json, never per case: Hopper `hbm` 0.7 (the trtllm Llama
 * decode-heavy cases and the DeepSeek-R1 InferenceX rows; 0.8 predicted them 20-30% fast),
 * Hopper `matmulFp8` 0.58 (whole-step fp8 GEMM rate of the compute-bound trtllm Llama cases at
 * batch 1,000-2,000; DeepGEMM's 68-78% is for the GEMMs alone), `expertHbmShare` 0.65 (grouped
 * expert GEMMs in the DeepSeek-R1 TP8 and EP8 decode rows on H200, B200 and MI300X, whose TPOT the
 * dense factor alone predicted 14-30% short). Families without a case inherit their neighbour's
 * values and say so.
 */
const HARDWARE: Record<AcceleratorFamily, HardwareEfficiency> = {
  hopper: {
    hbm: 0.7, expertHbmShare: 0.65, matmulBf16: 0.75, matmulFp8: 0.58, matmulFp4: 0.5, attention: 0.6,
    scaleUpLink: 0.8, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6,
    basis: 'calibrated: H100/H200/H800 cases of cases.json (trtllm-llama*, ix-dsr1-h200-*, sglang-dsv3-h100-*, deepseek-prod-*)',
  },
  ampere: {
    hbm: 0.7, expertHbmShare: 0.65, matmulBf16: 0.7, matmulFp8: 0.7, matmulFp4: 0.5, attention: 0.55,
    scaleUpLink: 0.8, scaleOutLink: 0.8, collectiveLatencySeconds: 20e-6,
    basis: 'calibrated: gptfast-llama2-7b-a100-* cases of cases.json (gpt-fast reports 1,397 GB/s, 69% of 2,039, on a 330 W-capped A100; TP4/TP8 steps imply about 20 µs per all-reduce)',
  },
  ada: {
    hbm: 0.7, expertHbmShare: 0.65, matmulBf16: 0.7, matmulFp8: 0.58, matmulFp4: 0.5, attention: 0.55,
    scaleUpLink: 0.8, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6,
    basis: 'extrapolated from Hopper (PCIe-only links, so a higher collective latency); no case calibrates it',
  },
  blackwell: {
    hbm: 0.78, expertHbmShare: 0.65, matmulBf16: 0.7, matmulFp8: 0.65, matmulFp4: 0.55, attention: 0.55,
    scaleUpLink: 0.85, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6,
    basis: 'calibrated: ix-dsr1-b200-*, sglang-dsv3-gb200-* cases; HBM 78% from a B200 D2D copy (>6,000 GB/s of 7.7 TB/s)',
  },
  'blackwell-ultra': {
    hbm: 0.78, expertHbmShare: 0.65, matmulBf16: 0.7, matmulFp8: 0.65, matmulFp4: 0.55, attention: 0.55,
    scaleUpLink: 0.85, scaleOutLink: 0.8, collectiveLatencySeconds: 10e-6,
    basis: 'extrapolated from Blackwell; no case calibrates it',
  },
  cdna3: {
    hbm: 0.65, expertHbmShare: 0.65, matmulBf16: 0.55, matmulFp8: 0.45, matmulFp4: 0.4, attention: 0.45,
    scaleUpLink: 0.75, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6,
    basis: 'calibrated: ix-dsr1-mi300x-* case; xGMI 75% usable (ROCm/rccl #1210)',
  },
  cdna4: {
    hbm: 0.65, expertHbmShare: 0.65, matmulBf16: 0.55, matmulFp8: 0.45, matmulFp4: 0.4, attention: 0.45,
    scaleUpLink: 0.75, scaleOutLink: 0.8, collectiveLatencySeconds: 15e-6,
    basis: 'extrapolated from CDNA3; no case calibrates it',
  },
  tpu: {
    hbm: 0.75, expertHbmShare: 0.65, matmulBf16: 0.6, matmulFp8: 0.55, matmulFp4: 0.5, attention: 0.5,
    scaleUpLink: 0.7, scaleOutLink: 0.7, collectiveLatencySeconds: 20e-6,
    basis: 'extrapolated; no case calibrates it',
  },
  gaudi: {
    hbm: 0.7, expertHbmShare: 0.65, matmulBf16: 0.55, matmulFp8: 0.5, matmulFp4: 0.5, attention: 0.5,
    scaleUpLink: 0.7, scaleOutLink: 0.7, collectiveLatencySeconds: 20e-6,
    basis: 'extrapolated; no case calibrates it',
  },
};

/**
 * Software factors per serving framework; `basis` says what each was fitted on. Defaults that are
 * the engines' own settings: vLLM `max_num_seqs` 256 and `max_num_batched_tokens` 8192; SGLang
 * `chunked_prefill_size` 16384 on large GPUs; TensorRT-LLM `max_batch_size` 2048 and
 * `max_num_tokens` 8192; ModelOpt fp8/fp4 checkpoints run TensorRT-LLM with an fp8 KV cache.
 */
const FRAMEWORKS: Record<ServingFramework, FrameworkEfficiency> = {
  trtllm: {
    kernelQuality: 1, stepOverheadSeconds: 1.5e-3, expertCommunicationOverlap: 0.5,
    maxBatchSequences: 2048, maxBatchedTokens: 8192, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: 'fp8',
    basis: 'calibrated: trtllm-* and ix-dsr1-b200-trt-* cases',
  },
  'dynamo-trtllm': {
    kernelQuality: 1, stepOverheadSeconds: 1.5e-3, expertCommunicationOverlap: 0.5,
    maxBatchSequences: 2048, maxBatchedTokens: 8192, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: 'fp8',
    basis: 'as trtllm; checked on ix-dsr1-h200-dynamo-trt-*',
  },
  sglang: {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, expertCommunicationOverlap: 0.8,
    maxBatchSequences: 1024, maxBatchedTokens: 16384, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
    basis: 'calibrated: sglang-dsv3-* and ix-dsr1-*-sglang-* cases (two-batch overlap for wide EP)',
  },
  'dynamo-sglang': {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, expertCommunicationOverlap: 0.8,
    maxBatchSequences: 1024, maxBatchedTokens: 16384, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
    basis: 'as sglang; no case calibrates it',
  },
  vllm: {
    kernelQuality: 0.9, stepOverheadSeconds: 1.5e-3, expertCommunicationOverlap: 0.3,
    maxBatchSequences: 256, maxBatchedTokens: 8192, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
    basis: 'calibrated: vllm-ci-latency-llama31-8b-h200-bs8 (6.5 ms a step at batch 8 with CUDA graphs)',
  },
  atom: {
    kernelQuality: 0.95, stepOverheadSeconds: 2e-3, expertCommunicationOverlap: 0.5,
    maxBatchSequences: 1024, maxBatchedTokens: 16384, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
    basis: 'assumed like sglang; no case calibrates it',
  },
  'in-house': {
    kernelQuality: 1, stepOverheadSeconds: 1e-3, expertCommunicationOverlap: 0.9,
    maxBatchSequences: 4096, maxBatchedTokens: 16384, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.9, kvPrecisionWithQuantizedWeights: null,
    basis: 'calibrated: deepseek-prod-* cases (DeepSeek two-micro-batch overlap)',
  },
  other: {
    kernelQuality: 1, stepOverheadSeconds: 0.3e-3, expertCommunicationOverlap: 0,
    maxBatchSequences: 256, maxBatchedTokens: 8192, requestOverheadSeconds: 0.05,
    weightOnlyBandwidthShare: 0.5, kvPrecisionWithQuantizedWeights: null,
    basis: 'calibrated: gptfast-* cases (torch.compile, batch 1; int4 tinygemm kernels reach about half the bf16 bandwidth)',
  },
};

export function hardwareEfficiency(family: AcceleratorFamily): HardwareEfficiency {
  return HARDWARE[family];
}

export function frameworkEfficiency(framework: ServingFramework): FrameworkEfficiency {
  return FRAMEWORKS[framework];
}

export function parseFramework(field: string, value: string): ServingFramework {
  return oneOf(field, value, SERVING_FRAMEWORKS);
}
